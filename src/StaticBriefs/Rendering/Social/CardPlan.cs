using static StaticBriefs.Rendering.Social.GlyphAtlas;

namespace StaticBriefs.Rendering.Social;

/// <summary>
/// Where a card's glyphs went, text by text, so that <see cref="RowMatchCoder"/> can write a band of text from codes
/// made once for each glyph (<see cref="GlyphRowCodes"/>) instead of searching the band's bytes for matches: where
/// glyphs do not touch, a row of text is its filter byte, the bar, and each glyph's row between runs of background.
/// </summary>
/// <param name="inks">The card's palette, which turns a glyph's coverage into the bytes of its rows.</param>
/// <param name="width">The card's width in pixels.</param>
/// <param name="height">The card's height in pixels.</param>
/// <param name="barWidth">The accent bar's width in pixels: the first bytes after each row's filter byte.</param>
internal sealed class CardPlan(CardInks inks, int width, int height, int barWidth)
{
    private readonly List<PlannedText> _texts = [];

    public CardInks Inks { get; } = inks;

    public int Width { get; } = width;

    public int BarWidth { get; } = barWidth;

    /// <summary>The texts placed, in the order of their first rows.</summary>
    public IReadOnlyList<PlannedText> Texts => _texts;

    /// <summary>
    /// Adds a text drawn in <paramref name="ink"/> whose glyphs were placed as <paramref name="glyphs"/> lists them (in
    /// the order drawn). A text with a glyph that does not lie wholly on the card past the bar, or that the atlas does
    /// not keep (coding it for one card would cost more than searching its rows), is kept as not
    /// <see cref="PlannedText.Whole"/>: its rows are searched as before.
    /// </summary>
    public void Add(int ink, IReadOnlyList<PlacedGlyph> glyphs)
    {
        var placed = new List<PlacedGlyph>(glyphs.Count);
        int top = int.MaxValue, bottom = int.MinValue;
        var whole = true;
        foreach (var glyph in glyphs)
        {
            var image = glyph.Image;
            if (image.Width == 0) continue;
            placed.Add(glyph);
            top = Math.Min(top, glyph.Top);
            bottom = Math.Max(bottom, glyph.Top + image.Height);
            whole &= image.Kept && glyph.Left >= BarWidth && glyph.Left + image.Width <= Width && glyph.Top >= 0 && glyph.Top + image.Height <= height;
        }
        if (placed.Count == 0) return;
        // Spans of a row are told apart by glyph number, 16 bits of it (RowMatchCoder.Planned).
        whole &= placed.Count <= ushort.MaxValue;
        var text = new PlannedText(ink, [.. placed], top, bottom, whole);
        var at = _texts.Count;
        while (at > 0 && _texts[at - 1].Top > top) at--;
        _texts.Insert(at, text);
    }
}

/// <summary>
/// One text's glyphs on a card, in the order drawn, and the rows they cover (<paramref name="Top"/> to
/// <paramref name="Bottom"/>, exclusive); <paramref name="Whole"/> when its bands can be written from it: every glyph
/// lies on the card past the bar and is one the atlas keeps (<see cref="CardPlan.Add"/>).
/// </summary>
internal sealed record PlannedText(int Ink, PlacedGlyph[] Glyphs, int Top, int Bottom, bool Whole);
