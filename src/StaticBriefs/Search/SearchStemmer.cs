namespace StaticBriefs.Search;

/// <summary>
/// A deliberately small English suffix stripper (plurals, -ing, -ed, final e). search.js carries a
/// line-for-line twin; both are checked against the shared vectors, so change them together.
/// </summary>
internal static class SearchStemmer
{
    /// <summary>Stems <paramref name="word"/> in place and returns its new length.</summary>
    internal static int Stem(Span<char> word)
    {
        var n = word.Length;
        if (n <= 3) return n;
        for (var i = 0; i < n; i++)
        {
            if (word[i] < 'a' || word[i] > 'z') return n; // only plain ASCII words are stemmed
        }
        var w = word[..n];
        if (w.SequenceEqual("news") || w.SequenceEqual("series") || w.SequenceEqual("species")) return n;

        if (w.EndsWith("ies") && n > 4) { word[n - 3] = 'y'; n -= 2; }
        else if (w.EndsWith("sses") || w.EndsWith("ches") || w.EndsWith("shes") || w.EndsWith("xes")) n -= 2;
        else if (w.EndsWith("s") && !w.EndsWith("ss") && !w.EndsWith("us") && !w.EndsWith("is")) n -= 1;

        w = word[..n];
        if (w.EndsWith("ing") && n - 3 >= 3 && HasVowel(w[..(n - 3)])) n = Undouble(word, n - 3);
        else if (w.EndsWith("ied") && n > 4) { word[n - 3] = 'y'; n -= 2; }
        else if (w.EndsWith("ed") && !w.EndsWith("eed") && n - 2 >= 3 && HasVowel(w[..(n - 2)])) n = Undouble(word, n - 2);

        if (n >= 5 && word[n - 1] == 'e') n -= 1;
        return n;
    }

    private static readonly System.Buffers.SearchValues<char> Vowels = System.Buffers.SearchValues.Create("aeiouy");

    private static bool HasVowel(ReadOnlySpan<char> stem) => stem.IndexOfAny(Vowels) >= 0;

    // "running" -> "runn" -> "run"; l, s and z stay doubled ("install", "pass", "buzz").
    private static int Undouble(Span<char> word, int n)
    {
        var last = word[n - 1];
        if (n >= 2 && last == word[n - 2] && "aeioulsz".IndexOf(last) < 0) return n - 1;
        return n;
    }
}
