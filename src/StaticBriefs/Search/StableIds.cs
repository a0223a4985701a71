using System.Numerics;
using System.Text;

namespace StaticBriefs.Search;

/// <summary>
/// Ids for an index rewritten edit by edit (the unversioned layout, preview's): each brief's id is a slot of a table
/// about one and a half times the site's size, found from a hash of its source file's path (so a new slug keeps it;
/// <see cref="SearchDocument.Source"/>). Ids by date shift every brief between a
/// dated brief's old and new place, and every brief after an added or deleted one, and with them postings, facet lists
/// and display files, thousands of files for one edit; slots move no brief on a date edit, and on an add or delete only
/// the few whose probe ran through the slot. The table grows in steps, so only a site that crosses a step is numbered
/// anew. The date order is sent beside the ids (<see cref="Pack"/>); a versioned index, written whole each build, keeps
/// ids by date and needs none.
/// </summary>
internal static class StableIds
{
    /// <summary>The table size for <paramref name="count"/> briefs: 1.5 times, rounded up to an eighth of a power of two.</summary>
    internal static int Capacity(int count)
    {
        var step = Math.Max(64, (int)(BitOperations.RoundUpToPowerOf2((uint)Math.Max(count, 1)) / 8));
        return ((count + (count / 2)) / step + 1) * step;
    }

    /// <summary>Bits of one id in a table of <paramref name="capacity"/> slots.</summary>
    internal static int Bits(int capacity) => BitOperations.Log2((uint)Math.Max(capacity - 1, 1)) + 1;

    /// <summary>
    /// The id of each of <paramref name="paths"/> (in the order given): taken in ordinal order of the paths, each takes
    /// the first free slot at or after its hash, so the result depends only on the set of paths.
    /// </summary>
    internal static int[] Assign(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var capacity = Capacity(paths.Count);
        var byPath = new int[paths.Count];
        for (var i = 0; i < byPath.Length; i++) byPath[i] = i;
        Array.Sort(byPath, (a, b) => string.CompareOrdinal(paths[a], paths[b]));
        var taken = new bool[capacity];
        var ids = new int[paths.Count];
        foreach (var i in byPath)
        {
            var slot = (int)(System.IO.Hashing.XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(paths[i])) % (ulong)capacity);
            while (taken[slot]) slot = slot + 1 == capacity ? 0 : slot + 1;
            taken[slot] = true;
            ids[i] = slot;
        }
        return ids;
    }

    /// <summary>
    /// <see cref="Assign"/> with the last call's answer kept: while the set of paths is the same (a content or date edit
    /// in preview), each path's id is looked up rather than 10,000 paths hashed and sorted again. Not thread-safe: one
    /// index write at a time, as a builder makes them.
    /// </summary>
    internal sealed class Memo
    {
        private Dictionary<string, int> _last = new(StringComparer.Ordinal);

        /// <summary>The ids of <paramref name="paths"/>, as <see cref="Assign"/> gives them.</summary>
        public int[] Assign(IReadOnlyList<string> paths)
        {
            ArgumentNullException.ThrowIfNull(paths);
            if (paths.Count == _last.Count)
            {
                var ids = new int[paths.Count];
                var i = 0;
                for (; i < ids.Length && _last.TryGetValue(paths[i], out ids[i]); i++)
                {
                }
                // Every path known and as many as before: the same set (paths are distinct), so the same ids.
                if (i == ids.Length) return ids;
            }
            var assigned = StableIds.Assign(paths);
            var last = new Dictionary<string, int>(paths.Count, StringComparer.Ordinal);
            for (var k = 0; k < assigned.Length; k++) last[paths[k]] = assigned[k];
            _last = last;
            return assigned;
        }
    }

    /// <summary>
    /// <paramref name="ids"/> as <paramref name="bits"/>-bit numbers in a base64url bit stream, most significant bit
    /// first (the alphabet of <see cref="PostingCodec"/>): about two bytes a brief at 10,000.
    /// </summary>
    internal static string Pack(ReadOnlySpan<int> ids, int bits)
    {
        var builder = new StringBuilder(((ids.Length * bits) + 5) / 6);
        var alphabet = PostingCodec.Alphabet;
        var buffer = 0UL;
        var used = 0;
        foreach (var id in ids)
        {
            buffer = (buffer << bits) | (uint)id;
            used += bits;
            while (used >= 6) builder.Append(alphabet[(int)((buffer >> (used -= 6)) & 63)]);
        }
        if (used > 0) builder.Append(alphabet[(int)((buffer << (6 - used)) & 63)]);
        return builder.ToString();
    }

    /// <summary>Reads <paramref name="count"/> ids back (tests check <see cref="Pack"/> with it; search.js has its own).</summary>
    internal static int[] Unpack(string text, int count, int bits)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new int[count];
        var bit = 0;
        for (var i = 0; i < count; i++)
        {
            var value = 0;
            for (var b = 0; b < bits; b++, bit++)
            {
                var digit = PostingCodec.Alphabet.IndexOf(text[bit / 6], StringComparison.Ordinal);
                value = (value << 1) | ((digit >> (5 - (bit % 6))) & 1);
            }
            ids[i] = value;
        }
        return ids;
    }
}
