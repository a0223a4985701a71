using StaticBriefs.Diagnostics;
using StaticBriefs.Rendering.Social;
using StaticBriefs.Rendering.Theme;

namespace StaticBriefs.Tests.Rendering.Social;

/// <summary>
/// Cards lay their texts from glyphs drawn once (<see cref="GlyphAtlas"/>): the mask must be the one Skia's own text
/// drawing makes, pixel for pixel, whatever the text: glyphs that overlap, glyphs the font lacks, marks, every title size.
/// </summary>
public sealed class GlyphAtlasTests : IDisposable
{
    private readonly SocialCardRenderer _renderer = SocialCardRenderer.Create(new ThemeFiles(EmbeddedThemeSource.Instance), new DiagnosticBag())!;

    public void Dispose() => _renderer.Dispose();

    public static TheoryData<string, string, string[]> Cards => new()
    {
        // Kerning-free pairs whose glyphs overlap (AV, Ty, f-ligature shapes, italic-like slants in "ff"), blended twice.
        { "Desk", "AVAVAV Tyyyy WAVE ffffjjj LTA «quoted» “curly” — dash", ["Anthropic", "OpenAI"] },
        // Glyphs Inter lacks (CJK, emoji): Skia draws the missing-glyph box, so must the atlas.
        { "Desk 東京", "北京 moves 東京 🚀 and ✨ to the café", ["Zoë Ångström"] },
        // Combining marks: drawn over the letter before them, a doubled one twice on the same pixels, an overlay
        // stroke through its letter (where blending, not copying, decides the pixels).
        { "Desk", "Ame\u0301lie Poulain, Zo\u0308e and n\u0303, e\u0301\u0301 o\u0338 =\u0338 l\u0335", [] },
        // A long title: the smallest size, four lines and an ellipsis.
        { "A very long site title that has to be cut with an ellipsis somewhere", string.Join(' ', Enumerable.Repeat("Karpathy joins Anthropic pre-training", 12)), ["Anthropic", "Andrej Karpathy", "Ilya Sutskever", "OpenAI", "Safe Superintelligence"] },
        // Each title size from 68 down to 44 pixels.
        { "Desk", "Short", [] },
        { "Desk", "A title of middle length that wraps onto a second line of this card", [] },
        { "Desk", "A title of a good length that wraps over three lines of the card at its largest size, then smaller", [] },
        { "Desk", "A title of a good length that wraps over three lines of the card at its largest size, then smaller, and smaller again until", [] },
        { "Desk", "A title of a good length that wraps over three lines of the card at its largest size, then smaller, and smaller again until it fits in four lines of text here", [] },
        { "", " ", [""] },
    };

    [Theory]
    [MemberData(nameof(Cards))]
    public void The_mask_laid_from_the_atlas_is_the_one_skia_draws(string site, string title, string[] entities)
    {
        var card = new SocialCard(site, title, "19 May 2026", entities);

        var skia = _renderer.CoverageBySkia(card);
        var ours = _renderer.Coverage(card);

        var different = Enumerable.Range(0, skia.Length).Count(i => skia[i] != ours[i]);
        Assert.True(different == 0, $"{different} of {skia.Length} pixels differ");
        Assert.Contains(skia, b => b != 0);
    }

    [Fact]
    public void Glyphs_are_drawn_once_and_then_reused()
    {
        var card = new SocialCard("Desk", "Anthropic hires again", "19 May 2026", ["Anthropic"]);
        _renderer.Render(card);
        var drawn = _renderer.GlyphsDrawn;

        _renderer.Render(card with { Title = "again Anthropic hires" });

        Assert.Equal(drawn, _renderer.GlyphsDrawn);
        Assert.True(drawn > 10, $"{drawn} glyphs");
    }

    [Fact]
    public void A_full_atlas_keeps_no_more_glyphs_and_still_lays_skias_mask()
    {
        using var small = SocialCardRenderer.Create(new ThemeFiles(EmbeddedThemeSource.Instance), new DiagnosticBag(), glyphCapacity: 5)!;
        var card = new SocialCard("Desk", "Every glyph of this title past the fifth is drawn for its use", "19 May 2026", ["Anthropic"]);

        var ours = small.Coverage(card);
        var again = small.Coverage(card);

        Assert.Equal(5, small.GlyphsDrawn);
        Assert.Equal(small.CoverageBySkia(card), ours);
        Assert.Equal(ours, again);
    }
}
