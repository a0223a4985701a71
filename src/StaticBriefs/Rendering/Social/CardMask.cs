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
    /// (then the card must be drawn in RGB).
    /// </summary>
    public static byte[]? Encode(ReadOnlySpan<byte> mask, int rowBytes, IReadOnlyList<TextRun> runs, CardInks inks, int barWidth, RowDeflater deflater)
    {
        const int width = SocialCard.Width, height = SocialCard.Height;
        var rowInks = new sbyte[height];
        Array.Fill(rowInks, (sbyte)-1);
        foreach (var run in runs)
        {
            var (top, bottom) = run.Rows();
            for (var y = Math.Max(0, top); y < Math.Min(height, bottom + 1); y++)
            {
                if (rowInks[y] >= 0 && rowInks[y] != run.Ink) return null;
                rowInks[y] = (sbyte)run.Ink;
            }
        }
        // The palette indices go straight into the PNG's rows, each after its filter byte.
        const int stride = 1 + width;
        var rows = ArrayPool<byte>.Shared.Rent(stride * height);
        try
        {
            var filtered = rows.AsSpan(0, stride * height);
            var lastLiteral = -1;
            for (var y = 0; y < height; y++)
            {
                var coverage = mask.Slice(y * rowBytes, width);
                var target = filtered.Slice(y * stride + 1, width);
                target.Clear();
                var first = coverage.IndexOfAnyExcept((byte)0);
                if (first >= 0)
                {
                    // Text under the bar, or on rows no text owns, would be lost: only RGB can show that.
                    if (first < barWidth || rowInks[y] < 0) return null;
                    var lookup = inks.Lookup(rowInks[y]);
                    var last = coverage.LastIndexOfAnyExcept((byte)0);
                    // Between glyphs lie runs of nothing, already the background (index 0): they are skipped.
                    for (var x = first; x <= last;)
                    {
                        target[x] = lookup[coverage[x]];
                        x++;
                        if (x <= last && coverage[x] == 0) x += coverage[x..(last + 1)].IndexOfAnyExcept((byte)0);
                    }
                }
                target[..barWidth].Fill(CardInks.BarIndex);
                lastLiteral = PngEncoder.FilterIndexedRow(filtered, stride, y, lastLiteral);
            }
            return PngEncoder.EncodeFilteredIndexed(filtered, width, height, inks.Palette, deflater);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rows);
        }
    }
}
