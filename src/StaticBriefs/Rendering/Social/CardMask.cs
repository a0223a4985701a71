using System.Buffers;

namespace StaticBriefs.Rendering.Social;

/// <summary>
/// Turns a card's coverage mask (one byte a pixel, the texts drawn in white on nothing) into palette indices and a PNG:
/// each row takes the ink of the text that owns it, the first columns are the accent bar.
/// </summary>
internal static class CardMask
{
    /// <summary>
    /// The palette PNG, or null when two inks claim the same row or coverage lies where no text or the bar may be
    /// (then the card must be drawn in RGB). When <paramref name="inked"/> is given (a flag a row), rows it does not
    /// flag are known to be empty and are not read. With <paramref name="plan"/> (where the glyphs went), bands of text
    /// are written from it (<see cref="RowMatchCoder.TryWritePlanned"/>).
    /// </summary>
    public static byte[]? Encode(
        ReadOnlySpan<byte> mask, int rowBytes, IReadOnlyList<TextRun> runs, CardInks inks, int barWidth, RowDeflater deflater, ReadOnlySpan<bool> inked = default, CardPlan? plan = null)
    {
        byte[]? png = null;
        return TryWrite(mask, rowBytes, runs, inks, barWidth, deflater, bytes => png = bytes.ToArray(), inked, plan) ? png : null;
    }

    /// <summary>
    /// As <see cref="Encode"/>, handing the PNG to <paramref name="write"/> (<see cref="PngEncoder.WriteFilteredIndexed"/>);
    /// false, having written nothing, where that gives null.
    /// </summary>
    public static bool TryWrite(
        ReadOnlySpan<byte> mask, int rowBytes, IReadOnlyList<TextRun> runs, CardInks inks, int barWidth, RowDeflater deflater, PngBytes write,
        ReadOnlySpan<bool> inked = default, CardPlan? plan = null)
    {
        const int width = SocialCard.Width, height = SocialCard.Height;
        Span<sbyte> rowInks = stackalloc sbyte[height];
        if (!TryRowInks(runs, rowInks)) return false;
        // The palette indices go straight into the PNG's rows, each after its filter byte.
        const int stride = 1 + width;
        var rows = ArrayPool<byte>.Shared.Rent(stride * height);
        try
        {
            var filtered = rows.AsSpan(0, stride * height);
            var lastLiteral = -1;
            var lastLiteralBlank = false;
            for (var y = 0; y < height; y++)
            {
                var coverage = mask.Slice(y * rowBytes, width);
                var first = inked.IsEmpty || inked[y] ? coverage.IndexOfAnyExcept((byte)0) : -1;
                if (first < 0 && lastLiteralBlank)
                {
                    // Most rows: nothing but the bar, as the last row written was. Up, all zeros, needs no comparing.
                    filtered.Slice(y * stride, stride).Clear();
                    filtered[y * stride] = 2;
                    continue;
                }
                var target = filtered.Slice(y * stride + 1, width);
                target.Clear();
                if (first >= 0)
                {
                    // Text under the bar, or on rows no text owns, would be lost: only RGB can show that.
                    if (first < barWidth || rowInks[y] < 0) return false;
                    var last = coverage.LastIndexOfAnyExcept((byte)0);
                    inks.Map(coverage[first..(last + 1)], rowInks[y], target[first..(last + 1)]);
                }
                target[..barWidth].Fill(CardInks.BarIndex);
                var written = PngEncoder.FilterIndexedRow(filtered, stride, y, lastLiteral);
                if (written == y) lastLiteralBlank = first < 0;
                lastLiteral = written;
            }
            PngEncoder.WriteFilteredIndexed(filtered, width, height, inks.Palette, deflater, write, plan);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rows);
        }
    }

    /// <summary>
    /// The ink that owns each row (-1 for none) as the texts' rows give it (<see cref="TextRun.Rows"/>); false where two
    /// inks claim one row.
    /// </summary>
    internal static bool TryRowInks(IReadOnlyList<TextRun> runs, Span<sbyte> rowInks)
    {
        rowInks.Fill(-1);
        foreach (var run in runs)
        {
            var (top, bottom) = run.Rows();
            for (var y = Math.Max(0, top); y < Math.Min(rowInks.Length, bottom + 1); y++)
            {
                if (rowInks[y] >= 0 && rowInks[y] != run.Ink) return false;
                rowInks[y] = (sbyte)run.Ink;
            }
        }
        return true;
    }
}
