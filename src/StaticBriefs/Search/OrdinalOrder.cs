namespace StaticBriefs.Search;

/// <summary>
/// The ids of an append-only string table (the builder's terms, or its dictionary words) in ordinal order of their
/// strings. Kept between writes: a table only grows, so the strings added since the last call are sorted on their own
/// and merged in, rather than every string sorted again. Thread-safe.
/// </summary>
internal sealed class OrdinalOrder
{
    private readonly Lock _gate = new();
    private int[] _sorted = [];

    /// <summary>How many ids are in order so far.</summary>
    internal int Count
    {
        get
        {
            lock (_gate) return _sorted.Length;
        }
    }

    /// <summary>The ids 0..<paramref name="keys"/>.Count-1 by their key, ordinal; the array is shared, do not change it.</summary>
    internal int[] Of(IReadOnlyList<string> keys)
    {
        lock (_gate)
        {
            var known = _sorted.Length;
            if (keys.Count == known) return _sorted;
            if (keys.Count < known) throw new InvalidOperationException("An ordinal order's table only grows.");
            var added = new int[keys.Count - known];
            for (var i = 0; i < added.Length; i++) added[i] = known + i;
            Array.Sort(added, (a, b) => string.CompareOrdinal(keys[a], keys[b]));
            if (known == 0)
            {
                _sorted = added;
                return _sorted;
            }
            var merged = new int[keys.Count];
            int x = 0, y = 0, m = 0;
            var sorted = _sorted;
            while (x < sorted.Length && y < added.Length)
                merged[m++] = string.CompareOrdinal(keys[sorted[x]], keys[added[y]]) <= 0 ? sorted[x++] : added[y++];
            while (x < sorted.Length) merged[m++] = sorted[x++];
            while (y < added.Length) merged[m++] = added[y++];
            _sorted = merged;
            return _sorted;
        }
    }
}
