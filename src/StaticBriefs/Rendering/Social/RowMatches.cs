using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace StaticBriefs.Rendering.Social;

/// <summary>
/// Cuts filtered image rows into deflate's literals and matches, looking only where an image repeats itself: the byte
/// before (a run of background between glyphs, or of a glyph's ink) and the row above (a glyph's straight strokes).
/// At each place a run is taken when the next three bytes repeat the byte before, else a row match when four bytes
/// equal those above, else a literal; a match's length is measured by a vectorized search. No hash table is kept.
/// </summary>
internal static class RowMatches
{
    /// <summary>Shortest run and row match taken; the longest is deflate's.</summary>
    public const int MinRun = 3, MinRowMatch = 4, MaxMatch = 258;

    /// <summary>The farthest back a row match reaches: deflate's window.</summary>
    public const int MaxRow = 32768;

    /// <summary>
    /// Whether a match starts at <paramref name="at"/> of the <paramref name="length"/> bytes from
    /// <paramref name="bytes"/>: the next three bytes repeat the one before, or four equal those <paramref name="up"/>
    /// bytes back (0: no row matches). Cheap, so the literals between matches cost little.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Starts(ref byte bytes, int length, int at, int up)
    {
        var v = Unsafe.Add(ref bytes, at);
        if (at > 0 && at + MinRun <= length && Unsafe.Add(ref bytes, at - 1) == v && Unsafe.Add(ref bytes, at + 1) == v && Unsafe.Add(ref bytes, at + 2) == v)
            return true;
        return up > 0 && at >= up && at + MinRowMatch <= length
            && Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref bytes, at)) == Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref bytes, at - up));
    }

    /// <summary>
    /// The length of the match that <see cref="Starts"/> found at <paramref name="at"/>: a run when it is one (distance
    /// 1), else a row match (distance <paramref name="up"/>, and <paramref name="rowUp"/> set). No match reaches before
    /// the data. Kept out of line, so the loop over literals keeps its values in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Length(ReadOnlySpan<byte> data, int at, int up, out bool rowUp)
    {
        var v = data[at];
        var window = Math.Min(data.Length - at, MaxMatch);
        rowUp = false;
        if (at > 0 && window >= MinRun && data[at - 1] == v && data[at + 1] == v && data[at + 2] == v)
        {
            var rest = data.Slice(at + MinRun, window - MinRun).IndexOfAnyExcept(v);
            return rest < 0 ? window : MinRun + rest;
        }
        rowUp = true;
        return MinRowMatch + data.Slice(at + MinRowMatch, window - MinRowMatch).CommonPrefixLength(data.Slice(at + MinRowMatch - up, window - MinRowMatch));
    }

    /// <summary>
    /// How much of <paramref name="rest"/> bytes of one repeat the next match takes: all of it up to deflate's 258, else
    /// 258 or less, so that what is left is never shorter than <paramref name="shortest"/> (no match could take it).
    /// </summary>
    public static int Take(int rest, int shortest) => rest <= MaxMatch ? rest : Math.Min(MaxMatch, rest - shortest);

    /// <summary>How often each literal/length symbol (0-285) occurs in <paramref name="data"/>'s matches and literals (the end of the block not counted).</summary>
    public static int[] Count(ReadOnlySpan<byte> data, int up)
    {
        CheckRow(up);
        var symbols = new int[286];
        ref var bytes = ref MemoryMarshal.GetReference(data);
        for (var i = 0; i < data.Length;)
        {
            if (!Starts(ref bytes, data.Length, i, up)) symbols[data[i++]]++;
            else
            {
                var length = Length(data, i, up, out _);
                symbols[DeflateTables.LengthSymbol[length]]++;
                i += length;
            }
        }
        return symbols;
    }

    /// <summary>Throws unless <paramref name="up"/> is 0 (no row matches) or within deflate's window.</summary>
    private static void CheckRow(int up)
    {
        if (up is < 0 or > MaxRow) throw new ArgumentOutOfRangeException(nameof(up), "A row match reaches at most 32,768 bytes back.");
    }
}
