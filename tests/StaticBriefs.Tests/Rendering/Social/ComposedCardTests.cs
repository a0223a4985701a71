using SkiaSharp;
using StaticBriefs.Diagnostics;
using StaticBriefs.Rendering.Social;
using StaticBriefs.Rendering.Theme;

namespace StaticBriefs.Tests.Rendering.Social;

/// <summary>
/// A card's rows made from where its glyphs went (<see cref="CardRows"/>) rather than from a blended coverage mask: the
/// same PNG, byte for byte, for every card; made that way for ordinary titles; refused, and left to the mask, wherever
/// the glyphs alone cannot say what the mask holds.
/// </summary>
public sealed class ComposedCardTests : IDisposable
{
    private const int CardStride = 1 + SocialCard.Width;
    private readonly SocialCardRenderer _renderer = SocialCardRenderer.Create(new ThemeFiles(EmbeddedThemeSource.Instance), new DiagnosticBag())!;

    public void Dispose() => _renderer.Dispose();

    public static TheoryData<string, string, string[]> Cards => PlannedCardTests.Cards;

    [Theory]
    [MemberData(nameof(Cards))]
    public void A_card_is_the_same_bytes_whether_its_rows_come_from_the_glyphs_or_the_mask(string site, string title, string[] entities)
    {
        var card = new SocialCard(site, title, "19 May 2026", entities);
        using var composedDeflater = new RowDeflater();
        using var maskDeflater = new RowDeflater();

        var composed = _renderer.RenderIndexed(card, composedDeflater);
        var fromMask = _renderer.RenderIndexedFromMask(card, maskDeflater);

        Assert.NotNull(composed);
        Assert.Equal(fromMask, composed);
    }

    [Fact]
    public void Rendering_an_ordinary_card_makes_it_from_its_glyphs_and_an_overlay_from_the_mask()
    {
        using var renderer = SocialCardRenderer.Create(new ThemeFiles(EmbeddedThemeSource.Instance), new DiagnosticBag())!;
        using var deflater = new RowDeflater();
        var ordinary = new SocialCard("Briefing Desk", "Anthropic hires a former OpenAI safety lead", "19 May 2026", ["Anthropic"]);
        var overlay = ordinary with { Title = "o\u0338 =\u0338 l\u0335" };

        Assert.NotNull(renderer.RenderIndexed(ordinary, deflater));
        Assert.Equal(1, renderer.CardsComposed);
        Assert.Equal(renderer.RenderIndexedFromMask(overlay, new RowDeflater()), renderer.RenderIndexed(overlay, new RowDeflater()));
        Assert.Equal(1, renderer.CardsComposed);
    }

    [Fact]
    public void Ordinary_cards_are_made_from_their_glyphs_and_overlapping_marks_from_the_mask()
    {
        Assert.True(_renderer.Composes(new SocialCard("Briefing Desk", "Anthropic hires a former OpenAI safety lead to run its policy team in Europe", "19 May 2026", ["Anthropic", "OpenAI", "Dario Amodei"])));
        Assert.True(_renderer.Composes(new SocialCard("Briefs", "Corvi AI loses Pertalmar Tequinu revenue 9459", "2 June 2021", ["Corvi AI", "Pertalmar Tequinu"])));
        // An overlay mark is drawn through the letter it follows: their pixels meet, so only blending gives the row.
        Assert.False(_renderer.Composes(new SocialCard("Desk", "o\u0338 =\u0338 l\u0335", "19 May 2026", [])));
    }

    [Fact]
    public void Glyphs_apart_give_the_rows_a_mask_would_and_anything_else_is_refused()
    {
        var inks = new CardInks(new SKColor(0, 0, 0), new SKColor(0, 0, 255), [new SKColor(255, 255, 255), new SKColor(200, 0, 0)]);
        var block = PlannedCardTests.Block(12, 20);
        GlyphAtlas.PlacedGlyph[] apart = [new(block, 100, 5), new(block, 130, 25), new(block, 142, 25)];
        GlyphAtlas.PlacedGlyph[] overlapping = [new(block, 100, 5), new(block, 105, 5)];
        GlyphAtlas.PlacedGlyph[] pastTheCard = [new(block, SocialCard.Width - 6, 5)];
        GlyphAtlas.PlacedGlyph[] underTheBar = [new(block, 10, 5)];
        var ownedByInk0 = RowInks(60, (0, 59, 0));

        foreach (var (glyphs, accepted) in new[] { (apart, true), (overlapping, false), (pastTheCard, false), (underTheBar, false) })
        {
            var plan = new CardPlan(inks, SocialCard.Width, 60, 16);
            plan.Add(0, glyphs);
            var rows = new byte[CardStride * 60];

            Assert.Equal(accepted, CardRows.TryCompose(plan, ownedByInk0, rows));
            if (accepted) Assert.Equal(PlannedCardTests.Rows(inks, 16, glyphs), rows);
        }

        // A glyph on rows another ink owns takes that ink on the mask.
        var ink0 = new CardPlan(inks, SocialCard.Width, 60, 16);
        ink0.Add(0, apart);
        Assert.False(CardRows.TryCompose(ink0, RowInks(60, (0, 20, 0), (21, 59, 1)), new byte[CardStride * 60]));

        // Two texts on the same rows.
        var shared = new CardPlan(inks, SocialCard.Width, 60, 16);
        shared.Add(0, [new(block, 100, 5)]);
        shared.Add(0, [new(block, 300, 10)]);
        Assert.False(CardRows.TryCompose(shared, ownedByInk0, new byte[CardStride * 60]));
    }

    private static sbyte[] RowInks(int height, params (int From, int To, sbyte Ink)[] owners)
    {
        var inks = new sbyte[height];
        Array.Fill(inks, (sbyte)-1);
        foreach (var (from, to, ink) in owners) inks.AsSpan(from, to - from + 1).Fill(ink);
        return inks;
    }
}
