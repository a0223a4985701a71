using SkiaSharp;
using StaticBriefs.Diagnostics;
using StaticBriefs.Rendering.Social;
using StaticBriefs.Rendering.Theme;

namespace StaticBriefs.Tests.Rendering.Social;

/// <summary>
/// Bands of text written from the card's layout (<see cref="RowMatchCoder.TryWritePlanned"/>): whatever the text, the
/// card inflates to the rows the searched coder wrote, decodes to the same pixels, is about as small, and rows the
/// layout cannot vouch for (glyphs that touch, a text past the card) are searched as before.
/// </summary>
public sealed class PlannedCardTests : IDisposable
{
    private const int CardStride = 1 + SocialCard.Width;
    private readonly SocialCardRenderer _renderer = SocialCardRenderer.Create(new ThemeFiles(EmbeddedThemeSource.Instance), new DiagnosticBag())!;

    public void Dispose() => _renderer.Dispose();

    public static TheoryData<string, string, string[]> Cards => new()
    {
        { "Briefing Desk", "Anthropic hires a former OpenAI safety lead to run its policy team in Europe", ["Anthropic", "OpenAI", "Dario Amodei"] },
        { "Briefs", "Corvi AI loses Pertalmar Tequinu revenue 9459", ["Corvi AI", "Pertalmar Tequinu", "Board alignment"] },
        // Glyphs that overlap or touch (AV, Ty, ff, j's hook), glyphs Inter lacks, combining marks drawn over letters.
        { "Desk", "AVAVAV Tyyyy WAVE ffffjjj LTA «quoted» “curly” — dash", ["Anthropic", "OpenAI"] },
        { "Desk 東京", "北京 moves 東京 🚀 and ✨ to the café", ["Zoë Ångström"] },
        { "Desk", "Ame\u0301lie Poulain, Zo\u0308e and n\u0303, e\u0301\u0301 o\u0338 =\u0338 l\u0335", [] },
        // Capitals with marks above and letters with tails below, so lines come close; the smallest size, four lines.
        { "A very long site title that has to be cut with an ellipsis somewhere", string.Join(' ', Enumerable.Repeat("ÉÅÖ gypsy jig Karpathy joins Anthropic", 12)), ["Anthropic", "Andrej Karpathy", "Ilya Sutskever"] },
        { "Desk", "Short", [] },
        { "Desk", "IIIIIIIIII llllllll |||||| ---- ____ ....", [] },
        { "", " ", [""] },
    };

    [Theory]
    [MemberData(nameof(Cards))]
    public void A_card_written_from_its_layout_holds_the_rows_and_pixels_of_one_searched_for_matches(string site, string title, string[] entities)
    {
        var card = new SocialCard(site, title, "19 May 2026", entities);
        using var plannedDeflater = new RowDeflater();
        using var searchedDeflater = new RowDeflater();

        var planned = _renderer.RenderIndexed(card, plannedDeflater);
        var searched = _renderer.RenderIndexedUnplanned(card, searchedDeflater);

        Assert.NotNull(planned);
        Assert.NotNull(searched);
        Assert.Equal(RowMatchCoderTests.PngRows(searched!), RowMatchCoderTests.PngRows(planned!));
        // Decoding checks the stream's checksum too.
        using var a = SKBitmap.Decode(searched);
        using var b = SKBitmap.Decode(planned);
        Assert.Equal(a.Pixels, b.Pixels);
        Assert.Equal(0, searchedDeflater.StretchesPlanned);
        Assert.True(planned!.Length * 100 <= searched!.Length * 108, $"{planned.Length} bytes from the layout against {searched.Length} searched");
    }

    [Fact]
    public void The_bands_of_an_ordinary_card_are_written_from_its_layout()
    {
        using var deflater = new RowDeflater();
        var card = new SocialCard("Briefing Desk", "Anthropic hires a former OpenAI safety lead to run its policy team in Europe", "19 May 2026", ["Anthropic", "OpenAI"]);

        var first = _renderer.RenderIndexed(card, deflater)!;
        var bands = RowDeflater.Pieces(RowMatchCoderTests.PngRows(first), CardStride).Count(piece => piece.BlankRows == 0);
        Assert.True(bands >= 3, $"{bands} bands");
        Assert.Equal(bands, deflater.StretchesPlanned);

        // Another title: each band is copied from the first card (the site's name, the same footer) or written from the layout.
        var second = _renderer.RenderIndexed(card with { Title = "OpenAI hires a former Anthropic lead" }, deflater)!;
        var secondBands = RowDeflater.Pieces(RowMatchCoderTests.PngRows(second), CardStride).Count(piece => piece.BlankRows == 0);
        Assert.InRange(deflater.StretchesCopied, 1, secondBands - 1);
        Assert.Equal(bands + secondBands - deflater.StretchesCopied, deflater.StretchesPlanned);
    }

    [Fact]
    public void Glyphs_the_atlas_does_not_keep_are_searched_for_matches_as_before()
    {
        // An atlas that keeps no glyph draws each for its single use: coding it for that card is not worth it.
        using var renderer = SocialCardRenderer.Create(new ThemeFiles(EmbeddedThemeSource.Instance), new DiagnosticBag(), glyphCapacity: 0)!;
        using var deflater = new RowDeflater();
        var card = new SocialCard("Briefing Desk", "Anthropic hires a former OpenAI safety lead", "19 May 2026", ["Anthropic"]);

        var png = renderer.RenderIndexed(card, deflater)!;

        // Only bands without text (the bar alone, as on the card's first row) are written from the layout.
        var rows = RowMatchCoderTests.PngRows(png);
        var bands = RowDeflater.Pieces(rows, CardStride).Where(piece => piece.BlankRows == 0).ToList();
        var textless = bands.Count(piece => Enumerable.Range(piece.Start / CardStride, (piece.End - piece.Start) / CardStride)
            .All(y => rows[y * CardStride] == 2 || !rows.AsSpan((y * CardStride) + 17, CardStride - 17).ContainsAnyExcept((byte)0)));
        Assert.True(bands.Count > textless, "the card has bands of text");
        Assert.Equal(textless, deflater.StretchesPlanned);
        Assert.Equal(RowMatchCoderTests.PngRows(_renderer.RenderIndexedUnplanned(card, new RowDeflater())!), rows);
    }

    /// <summary>A glyph image of <paramref name="width"/> by <paramref name="height"/> pixels, fully covered.</summary>
    internal static GlyphAtlas.GlyphImage Block(int width, int height)
    {
        var stride = (width + 15) & -16;
        var coverage = new byte[stride * height];
        for (var r = 0; r < height; r++) coverage.AsSpan(r * stride, width).Fill(255);
        return new GlyphAtlas.GlyphImage(0, 0, width, height, coverage) { Kept = true };
    }

    /// <summary>Filtered rows of a card with <paramref name="glyphs"/> blended on in ink 0, row by row as CardMask filters them.</summary>
    internal static byte[] Rows(CardInks inks, int barWidth, params GlyphAtlas.PlacedGlyph[] glyphs)
    {
        const int width = SocialCard.Width, height = 60;
        var rows = new byte[CardStride * height];
        var lastLiteral = -1;
        for (var y = 0; y < height; y++)
        {
            var row = rows.AsSpan((y * CardStride) + 1, width);
            row[..barWidth].Fill(CardInks.BarIndex);
            foreach (var (image, left, top) in glyphs)
            {
                if (y < top || y >= top + image.Height) continue;
                for (var x = 0; x < image.Width; x++)
                {
                    var at = left + x;
                    if (at >= barWidth && at < width) row[at] = Math.Max(row[at], inks.Lookup(0)[image.Coverage[((y - top) * image.Stride) + x]]);
                }
            }
            lastLiteral = PngEncoder.FilterIndexedRow(rows, CardStride, y, lastLiteral);
        }
        return rows;
    }

    [Fact]
    public void Rows_the_layout_cannot_vouch_for_are_refused_and_those_it_can_inflate_to_themselves()
    {
        var inks = new CardInks(new SKColor(0, 0, 0), new SKColor(0, 0, 255), [new SKColor(255, 255, 255)]);
        var coder = new RowMatchCoder(CardStride);
        var block = Block(12, 20);
        GlyphAtlas.PlacedGlyph[] apart = [new(block, 100, 5), new(block, 130, 25), new(block, 142, 25)];
        GlyphAtlas.PlacedGlyph[] touching = [new(block, 100, 5), new(block, 105, 5)];
        GlyphAtlas.PlacedGlyph[] pastTheCard = [new(block, SocialCard.Width - 6, 5)];
        // A glyph whose row 10 opens a hole its row 9 does not reach, and a dot in that hole on the row above: row 10
        // is the glyph's row 9 plus background for its first nine bytes, but the card's row above holds the dot there.
        var hook = new byte[16 * 20];
        for (var r = 0; r < 20; r++)
        {
            hook.AsSpan(r * 16, 3).Fill(255);
            if (r >= 10) hook.AsSpan((r * 16) + 9, 3).Fill(255);
        }
        GlyphAtlas.PlacedGlyph[] dotAbove = [new(new GlyphAtlas.GlyphImage(0, 0, 12, 20, hook) { Kept = true }, 100, 5), new(Block(2, 1), 105, 14)];

        foreach (var (glyphs, accepted) in new[] { (apart, true), (dotAbove, true), (touching, false), (pastTheCard, false) })
        {
            var plan = new CardPlan(inks, SocialCard.Width, 60, 16);
            plan.Add(0, glyphs);
            var rows = Rows(inks, 16, glyphs);
            using var output = new MemoryStream();

            Assert.Equal(accepted, coder.TryWritePlanned(rows, 0, plan, output));
            if (!accepted)
            {
                Assert.Equal(0, output.Length);
                continue;
            }
            using var inflater = new System.IO.Compression.DeflateStream(new MemoryStream([.. output.ToArray(), 0x03, 0x00]), System.IO.Compression.CompressionMode.Decompress);
            using var inflated = new MemoryStream();
            inflater.CopyTo(inflated);
            Assert.Equal(rows, inflated.ToArray());
        }

        // Two texts on the same rows: refused.
        var shared = new CardPlan(inks, SocialCard.Width, 60, 16);
        shared.Add(0, [new(block, 100, 5)]);
        shared.Add(0, [new(block, 300, 10)]);
        using var refused = new MemoryStream();
        Assert.False(coder.TryWritePlanned(Rows(inks, 16, new(block, 100, 5), new(block, 300, 10)), 0, shared, refused));
    }
}
