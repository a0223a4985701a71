namespace StaticBriefs.Text;

/// <summary>Finds the closest known word to a misspelt one ("compnies" -> "companies").</summary>
public static class KeySuggester
{
    /// <summary>The closest candidate within a small edit distance, or null when none is close enough.</summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        var lowered = word.ToLowerInvariant();
        // Allow roughly one typo per four letters, at least one, so short keys do not match everything.
        var allowed = Math.Max(1, Math.Min(3, lowered.Length / 4));
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            // Lengths further apart than the allowance put a candidate out of reach (lowering keeps a key's length):
            // every unknown key of every post is checked against every known one.
            if (Math.Abs(candidate.Length - lowered.Length) > allowed) continue;
            var distance = Distance(lowered, candidate.ToLowerInvariant());
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        // Distance 0 is a match that differs only in case ("Companies"): keys are case-sensitive, so suggest it.
        return bestDistance <= allowed && !string.Equals(word, best, StringComparison.Ordinal) ? best : null;
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions).</summary>
    public static int Distance(string a, string b)
    {
        // Three rows of the table: the one being filled and the two before it (a transposition looks two back).
        var width = b.Length + 1;
        Span<int> rows = 3 * width <= 512 ? stackalloc int[3 * width] : new int[3 * width];
        // Where each row starts in rows: they take turns as the three.
        int before = 0, previous = width, current = 2 * width;
        for (var j = 0; j < width; j++) rows[previous + j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            rows[current] = i;
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(rows[previous + j] + 1, rows[current + j - 1] + 1), rows[previous + j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = Math.Min(value, rows[before + j - 2] + 1);
                rows[current + j] = value;
            }
            (before, previous, current) = (previous, current, before);
        }
        return rows[previous + width - 1];
    }
}
