using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Compression;
using System.IO.Hashing;

namespace StaticBriefs.Rendering.Social;

/// <summary>
/// Compresses a palette card's filtered rows (see <see cref="PngEncoder.FilterIndexedRow"/>) into the zlib stream of
/// its IDAT chunk, in pieces. Most of a card is rows equal to the one above: the Up filter makes each a filter byte 2
/// and zeros, the same bytes on every card. A run of at least <see cref="MinimumRun"/> of them is copied from a piece
/// compressed once per run length and kept; only the rows between are compressed for each card, each stretch on its
/// own (so none refers back across a copied piece) and ended on a byte (as a sync flush does), by
/// <see cref="RowMatchCoder"/> (from the card's layout where one is given and can say what the rows hold:
/// <see cref="RowMatchCoder.TryWritePlanned"/>) or, when a zlib level is given (to compare), by zlib. Measured on 10,000-brief corpus
/// cards when zlib compressed the stretches: 0.34 ms and 22 KiB a card at level 1 (drawing included), against 0.56 ms
/// and 19 KiB for the whole rows through one stream at level 2 (level 2 for the stretches: 0.49 ms, 17 KiB); the
/// row-match coder then took compressing from 0.24 to about 0.16 ms and 22.7 to 18.8 KiB. A stretch equal, byte for byte and
/// place for place, to one compressed before (the site's name heads every card) is copied from that one too: comparing
/// its bytes costs a few microseconds, compressing them a few tens. Thread-safe.
/// </summary>
internal sealed class RowDeflater(int? zlibLevel = null) : IDisposable
{
    /// <summary>The fewest Up rows of zeros copied as a kept piece; shorter runs stay in their stretch.</summary>
    public const int MinimumRun = 16;

    // Adler-32's modulus (RFC 1950).
    private const uint AdlerBase = 65521;

    // Deflate, max window, level field "fastest" (the field is advice only); (0x78 << 8 | 0x01) % 31 == 0.
    private static ReadOnlySpan<byte> ZlibHeader => [0x78, 0x01];

    // A final fixed-Huffman block holding only its end code: BFINAL 1, BTYPE 01, symbol 256 (seven zero bits).
    private static ReadOnlySpan<byte> FinalEmptyBlock => [0x03, 0x00];

    /// <summary>The most stretches kept for copying, and the longest one kept (in bytes): a card's bands of text.</summary>
    internal const int MaxKeptStretches = 16, MaxKeptStretchBytes = 128 * 1024;

    private readonly ConcurrentDictionary<(int Rows, int Stride), Piece> _blankRuns = new();
    private readonly ConcurrentDictionary<(int Start, int Length), KeptStretch> _stretches = new();
    private readonly ConcurrentDictionary<int, RowMatchCoder> _coders = new();
    private readonly ThreadLocal<MemoryStream> _scratch = new(() => new MemoryStream(32 * 1024));

    /// <summary>The zlib level stretches are compressed at, or null for <see cref="RowMatchCoder"/>.</summary>
    public int? ZlibLevel { get; } = zlibLevel;

    /// <summary>How many run lengths have a kept piece (for tests).</summary>
    internal int KeptRuns => _blankRuns.Count;

    /// <summary>The kept piece for a run of <paramref name="rows"/> blank rows, if one was made (for tests).</summary>
    internal byte[]? KeptPiece(int rows, int stride) => _blankRuns.TryGetValue((rows, stride), out var piece) ? piece.Deflated : null;

    private int _stretchesCopied;
    private int _stretchesPlanned;

    /// <summary>How many stretches were written from a card's plan rather than searched for matches (for tests).</summary>
    internal int StretchesPlanned => Volatile.Read(ref _stretchesPlanned);

    /// <summary>How many stretches are kept for copying (for tests).</summary>
    internal int KeptStretches => _stretches.Count;

    /// <summary>How many stretches were copied from a kept one rather than compressed (for tests).</summary>
    internal int StretchesCopied => Volatile.Read(ref _stretchesCopied);

    /// <summary>
    /// The zlib stream of <paramref name="filtered"/>: rows of <paramref name="stride"/> bytes, each starting with its
    /// filter byte; a row with the Up filter (2) must be zeros after it, as this encoder's rows are.
    /// </summary>
    public byte[] Compress(ReadOnlySpan<byte> filtered, int stride)
    {
        using var output = new MemoryStream(32 * 1024);
        Compress(filtered, stride, output);
        return output.ToArray();
    }

    /// <summary>
    /// The zlib stream of <paramref name="filtered"/> (as <see cref="Compress(ReadOnlySpan{byte}, int)"/>), written into
    /// this thread's buffer: valid until this thread's next call.
    /// </summary>
    public ReadOnlySpan<byte> CompressToScratch(ReadOnlySpan<byte> filtered, int stride, CardPlan? plan = null)
    {
        var output = _scratch.Value!;
        // A buffer grown for an odd card is not kept for every card after it.
        if (output.Capacity > 1 << 20) _scratch.Value = output = new MemoryStream(32 * 1024);
        output.SetLength(0);
        Compress(filtered, stride, output, plan);
        return output.GetBuffer().AsSpan(0, (int)output.Length);
    }

    private void Compress(ReadOnlySpan<byte> filtered, int stride, MemoryStream output, CardPlan? plan = null)
    {
        output.Write(ZlibHeader);
        var adler = 1u;
        foreach (var piece in Pieces(filtered, stride))
        {
            if (piece.BlankRows == 0)
            {
                adler = Stretch(output, filtered, stride, piece.Start, piece.End, adler, plan);
                continue;
            }
            var run = _blankRuns.GetOrAdd((piece.BlankRows, stride), static key => BlankRun(key.Rows, key.Stride));
            output.Write(run.Deflated);
            adler = Combine(adler, run.Adler, piece.End - piece.Start);
        }
        output.Write(FinalEmptyBlock);
        Span<byte> checksum = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(checksum, adler);
        output.Write(checksum);
    }

    /// <summary>
    /// How filtered rows are cut: runs of at least <see cref="MinimumRun"/> blank Up rows (their row count given), and
    /// the stretches between (0 blank rows), as byte ranges in order; empty stretches are left out.
    /// </summary>
    internal static List<(int Start, int End, int BlankRows)> Pieces(ReadOnlySpan<byte> filtered, int stride)
    {
        if (stride < 2 || filtered.Length % stride != 0) throw new ArgumentException("Filtered rows are stride bytes each.", nameof(filtered));
        var rows = filtered.Length / stride;
        var pieces = new List<(int, int, int)>();
        var stretchStart = 0;
        for (var y = 0; y < rows;)
        {
            var end = y;
            while (end < rows && IsBlankUpRow(filtered.Slice(end * stride, stride))) end++;
            if (end - y >= MinimumRun)
            {
                if (y > stretchStart) pieces.Add((stretchStart * stride, y * stride, 0));
                pieces.Add((y * stride, end * stride, end - y));
                stretchStart = end;
            }
            y = Math.Max(end, y + 1);
        }
        if (rows > stretchStart) pieces.Add((stretchStart * stride, filtered.Length, 0));
        return pieces;
    }

    // Up rows are written only for a row equal to the one above, so their bytes after the filter are all zeros
    // (FilterIndexedRow and CardMask clear them): the filter byte says it, without reading the row.
    private static bool IsBlankUpRow(ReadOnlySpan<byte> row) => row[0] == 2;

    /// <summary>
    /// Compresses the stretch of <paramref name="filtered"/> from <paramref name="start"/> to <paramref name="end"/> on
    /// its own onto <paramref name="output"/>, or copies it from a kept stretch of the same bytes at the same place;
    /// returns the checksum so far.
    /// </summary>
    private uint Stretch(MemoryStream output, ReadOnlySpan<byte> filtered, int stride, int start, int end, uint adler, CardPlan? plan)
    {
        var stretch = filtered[start..end];
        var key = (start, stretch.Length);
        if (_stretches.TryGetValue(key, out var kept) && stretch.SequenceEqual(kept.Raw))
        {
            output.Write(kept.Deflated);
            Interlocked.Increment(ref _stretchesCopied);
            return Combine(adler, kept.Adler, stretch.Length);
        }
        var at = (int)output.Length;
        if (ZlibLevel is { } level) Deflate(output, stretch, level);
        else
        {
            var coder = _coders.GetOrAdd(stride, static stride => new RowMatchCoder(stride));
            if (plan is not null && coder.TryWritePlanned(stretch, start / stride, plan, output)) Interlocked.Increment(ref _stretchesPlanned);
            else coder.Write(stretch, output);
        }
        var checksum = Adler32.HashToUInt32(stretch);
        // The first stretch seen at a place is kept; a later, different one there is not (titles differ card to card).
        if (kept is null && stretch.Length <= MaxKeptStretchBytes && _stretches.Count < MaxKeptStretches)
            _stretches.TryAdd(key, new KeptStretch(stretch.ToArray(), output.GetBuffer().AsSpan(at, (int)output.Length - at).ToArray(), checksum));
        return Combine(adler, checksum, stretch.Length);
    }

    /// <summary>
    /// Raw deflate blocks of <paramref name="data"/>, none final, ending on a byte: what a stream writes up to a sync
    /// flush. What disposing the stream adds after that (its final block) is cut off.
    /// </summary>
    private static void Deflate(MemoryStream output, ReadOnlySpan<byte> data, int level)
    {
        var start = output.Length;
        var deflate = new DeflateStream(output, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true);
        deflate.Write(data);
        deflate.Flush();
        var flushed = output.Length;
        deflate.Dispose();
        output.SetLength(flushed);
        output.Position = flushed;
        if (flushed == start) throw new InvalidOperationException("The deflate stream wrote nothing at its flush.");
    }

    private static Piece BlankRun(int rows, int stride)
    {
        var row = new byte[stride];
        row[0] = 2;
        var rowChecksum = Adler32.HashToUInt32(row);
        var checksum = 1u;
        for (var y = 0; y < rows; y++) checksum = Combine(checksum, rowChecksum, stride);
        return new Piece(BlankRunCoder.Encode(rows, stride), checksum);
    }

    /// <summary>The Adler-32 of A then B from the checksums of A and of B and B's length (zlib's adler32_combine).</summary>
    internal static uint Combine(uint first, uint second, long secondLength)
    {
        var remainder = (uint)(secondLength % AdlerBase);
        var sum1 = first & 0xffff;
        var sum2 = (uint)((ulong)remainder * sum1 % AdlerBase);
        sum1 += (second & 0xffff) + AdlerBase - 1;
        sum2 += (first >> 16) + (second >> 16) + AdlerBase - remainder;
        if (sum1 >= AdlerBase) sum1 -= AdlerBase;
        if (sum1 >= AdlerBase) sum1 -= AdlerBase;
        if (sum2 >= AdlerBase << 1) sum2 -= AdlerBase << 1;
        if (sum2 >= AdlerBase) sum2 -= AdlerBase;
        return sum1 | (sum2 << 16);
    }

    /// <inheritdoc/>
    public void Dispose() => _scratch.Dispose();

    private sealed record Piece(byte[] Deflated, uint Adler);

    /// <summary>A stretch's bytes, as compressed, and their checksum.</summary>
    private sealed record KeptStretch(byte[] Raw, byte[] Deflated, uint Adler);
}
