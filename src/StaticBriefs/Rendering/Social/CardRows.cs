using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using static StaticBriefs.Rendering.Social.GlyphAtlas;

namespace StaticBriefs.Rendering.Social;

/// <summary>
/// A palette card's filtered rows made straight from where its glyphs went (<see cref="CardPlan"/>): each row of text is
/// the bar and its glyphs' rows of palette indices, mapped once for each glyph and ink and copied, where
/// <see cref="CardMask"/> blends every glyph onto a coverage mask and maps the mask's rows pixel by pixel. Where no two
/// glyphs cover the same pixel the mask is the glyphs side by side, so the rows, and the PNG, are the same bytes; a card
/// where they would not be (glyphs overlapping, a text reaching past the card or under the bar, a glyph on rows its
/// text's ink does not own) is left to the mask.
/// </summary>
internal static class CardRows
{
    /// <summary>
    /// Writes the card's rows into <paramref name="filtered"/> (rows of 1 + width bytes, each after its filter byte, as
    /// <see cref="PngEncoder.FilterIndexedRow"/> filters them), <paramref name="rowInks"/> giving the ink that owns each
    /// row (<see cref="CardMask.TryRowInks"/>); false, with the rows left undefined, where the plan cannot say what the
    /// mask would hold.
    /// </summary>
    public static bool TryCompose(CardPlan plan, ReadOnlySpan<sbyte> rowInks, Span<byte> filtered)
    {
        var stride = 1 + plan.Width;
        if (filtered.Length != stride * rowInks.Length) throw new ArgumentException("Filtered rows are 1 + width bytes each, one a row ink.", nameof(filtered));
        var height = rowInks.Length;
        var texts = plan.Texts;
        // Each row's first column no glyph has reached yet: glyphs go in the order drawn, and one left of it overlaps.
        Span<int> cursor = stackalloc int[height];
        cursor.Fill(plan.BarWidth);
        for (var t = 0; t < texts.Count; t++)
        {
            var text = texts[t];
            if (!text.Whole || (t > 0 && texts[t - 1].Bottom > text.Top)) return false;
            filtered[(text.Top * stride)..(text.Bottom * stride)].Clear();
            // Glyph by glyph, each row of it: a text's glyphs cover most of its rows, and this reads each glyph once.
            foreach (var (image, left, top) in text.Glyphs)
            {
                var glyph = image.IndexRows(plan.Inks, text.Ink);
                var spans = glyph.Spans;
                for (var r = 0; r < image.Height; r++)
                {
                    var (from, to) = (spans[2 * r], spans[2 * r + 1]);
                    if (from >= to) continue;
                    var y = top + r;
                    var x = left + from;
                    // A glyph over another's pixels blends with them, and on a row another ink owns it takes that ink.
                    if (x < cursor[y] || rowInks[y] != text.Ink) return false;
                    Copy(glyph.Indices.AsSpan((r * glyph.RowLength) + from), to - from, filtered.Slice((y * stride) + 1 + x, plan.Width - x));
                    cursor[y] = left + to;
                }
            }
        }
        var lastLiteral = -1;
        var lastLiteralBlank = false;
        for (var y = 0; y < height; y++)
        {
            var covered = cursor[y] > plan.BarWidth;
            if (!covered && lastLiteralBlank)
            {
                // As CardMask writes it: a row of nothing but the bar after one, Up and zeros.
                filtered.Slice(y * stride, stride).Clear();
                filtered[y * stride] = 2;
                continue;
            }
            var target = filtered.Slice((y * stride) + 1, plan.Width);
            if (!covered) target.Clear();
            target[..plan.BarWidth].Fill(CardInks.BarIndex);
            var written = PngEncoder.FilterIndexedRow(filtered, stride, y, lastLiteral);
            if (written == y) lastLiteralBlank = !covered;
            lastLiteral = written;
        }
        return true;
    }

    /// <summary>
    /// Copies <paramref name="length"/> indices of a glyph row into a card row, in whole 16-byte vectors where the card row
    /// has room: the bytes past the glyph's last covered column are zeros (background), which a glyph further right
    /// then writes over, and a call to copy a dozen bytes cost more than the copy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Copy(ReadOnlySpan<byte> glyphRow, int length, Span<byte> target)
    {
        var padded = (length + Vector128<byte>.Count - 1) & -Vector128<byte>.Count;
        if (padded > target.Length || padded > glyphRow.Length)
        {
            glyphRow[..length].CopyTo(target);
            return;
        }
        for (var i = 0; i < padded; i += Vector128<byte>.Count) Vector128.Create<byte>(glyphRow[i..]).CopyTo(target[i..]);
    }
}
