using SkiaSharp;
using StaticBriefs.Diagnostics;
using StaticBriefs.Rendering.Social;
using StaticBriefs.Rendering.Theme;

namespace StaticBriefs.Tests.Rendering.Social;

/// <summary>
/// A card's coverage mask becomes palette indices only where each row belongs to one ink; anything else must be drawn
/// in RGB (null).
/// </summary>
public sealed class CardMaskTests : IDisposable
{
    private const int Width = SocialCard.Width, Height = SocialCard.Height, Bar = 16;
    private static readonly CardInks Inks = new(new SKColor(0, 0, 0), new SKColor(0, 0, 255), [new SKColor(255, 0, 0), new SKColor(0, 255, 0)]);
    private readonly SKTypeface _face;
    private readonly SKFont _font;

    public CardMaskTests()
    {
        var bytes = new ThemeFiles(EmbeddedThemeSource.Instance).Resolve("fonts/Inter-Bold.otf")!.ReadBytes(new DiagnosticBag())!;
        _face = SKTypeface.FromData(SKData.CreateCopy(bytes));
        _font = new SKFont(_face, 40);
    }

    public void Dispose()
    {
        _font.Dispose();
        _face.Dispose();
    }

    /// <summary>A mask with full coverage from column 100 to 199 on the given rows.</summary>
    private static byte[] Mask(params int[] rows)
    {
        var mask = new byte[Width * Height];
        foreach (var y in rows) mask.AsSpan(y * Width + 100, 100).Fill(255);
        return mask;
    }

    private static byte[] Indices(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        var indices = new byte[Width * Height];
        var palette = Inks.Palette;
        for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
            {
                var colour = bitmap.GetPixel(x, y);
                indices[y * Width + x] = (byte)Enumerable.Range(0, palette.Length / 3)
                    .First(i => palette[3 * i] == colour.Red && palette[3 * i + 1] == colour.Green && palette[3 * i + 2] == colour.Blue);
            }
        return indices;
    }

    [Fact]
    public void Each_row_takes_the_ink_of_its_text_and_the_first_columns_are_the_bar()
    {
        var first = new TextRun("A", 72, 100, _font, 0);
        var second = new TextRun("B", 72, 300, _font, 1);

        var png = CardMask.Encode(Mask(100, 300), Width, [first, second], Inks, Bar, new RowDeflater());

        var indices = Indices(png!);
        Assert.Equal(CardInks.BarIndex, indices[50 * Width]);
        Assert.Equal(CardInks.BackgroundIndex, indices[50 * Width + Bar]);
        Assert.Equal(Inks.Lookup(0)[255], indices[100 * Width + 150]);
        Assert.Equal(Inks.Lookup(1)[255], indices[300 * Width + 150]);
        Assert.Equal([255, 0, 0], Inks.Palette[(3 * Inks.Lookup(0)[255])..(3 * Inks.Lookup(0)[255] + 3)]);
        Assert.Equal(CardInks.BackgroundIndex, indices[300 * Width + 99]);
    }

    [Fact]
    public void Texts_of_two_inks_on_the_same_rows_need_rgb()
    {
        var first = new TextRun("A", 72, 100, _font, 0);
        var second = new TextRun("B", 72, 120, _font, 1);

        Assert.Null(CardMask.Encode(Mask(100), Width, [first, second], Inks, Bar, new RowDeflater()));
    }

    [Fact]
    public void Lines_of_one_ink_may_share_rows()
    {
        var first = new TextRun("A", 72, 100, _font, 1);
        var second = new TextRun("B", 72, 120, _font, 1);

        Assert.NotNull(CardMask.Encode(Mask(100, 120), Width, [first, second], Inks, Bar, new RowDeflater()));
    }

    [Fact]
    public void Coverage_on_rows_no_text_owns_or_under_the_bar_needs_rgb()
    {
        var run = new TextRun("A", 72, 100, _font, 0);
        var underBar = Mask();
        underBar[100 * Width + 3] = 9;

        Assert.Null(CardMask.Encode(Mask(400), Width, [run], Inks, Bar, new RowDeflater()));
        Assert.Null(CardMask.Encode(underBar, Width, [run], Inks, Bar, new RowDeflater()));
        Assert.NotNull(CardMask.Encode(Mask(100), Width, [run], Inks, Bar, new RowDeflater()));
    }

    [Fact]
    public void Coverage_maps_to_the_nearest_of_84_steps_and_the_faintest_to_the_background()
    {
        var lookup = Inks.Lookup(1);

        Assert.Equal(CardInks.BackgroundIndex, lookup[0]);
        Assert.Equal(CardInks.BackgroundIndex, lookup[1]);
        Assert.Equal(2 + CardInks.Levels, lookup[2]);
        Assert.Equal(2 + 2 * CardInks.Levels - 1, lookup[255]);
        // Half coverage of green over black: the middle of the ramp.
        var half = lookup[128];
        Assert.InRange(Inks.Palette[3 * half + 1], 126, 130);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Mapping_a_span_of_coverage_gives_each_byte_its_lookup_entry_at_every_length(int ink)
    {
        // Every coverage value, in and out of order, over lengths that end on and off 16- and 32-byte blocks.
        var every = Enumerable.Range(0, 256).Select(c => (byte)c).ToArray();
        // Runs of no coverage (between glyphs) take the shortcut past the arithmetic; they sit between the others.
        var shuffled = every.Concat(new byte[40]).Concat(every.Reverse()).Concat(new byte[33]).Concat(every.Select(c => (byte)(c * 37 + 11))).ToArray();
        var lookup = Inks.Lookup(ink).ToArray();

        foreach (var length in new[] { 0, 1, 15, 16, 17, 31, 32, 33, 47, 48, 255, 256, shuffled.Length })
        {
            var coverage = shuffled.AsSpan(0, length);
            var target = new byte[length];
            Inks.Map(coverage, ink, target);
            Assert.Equal(coverage.ToArray().Select(c => lookup[c]).ToArray(), target);
        }
    }
}
