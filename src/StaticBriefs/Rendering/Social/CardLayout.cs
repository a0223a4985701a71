using SkiaSharp;

namespace StaticBriefs.Rendering.Social;

/// <summary>One line of text on a card: where its baseline starts, its font and its ink (<see cref="CardInks"/>).</summary>
internal sealed record TextRun(string Text, float X, float Y, SKFont Font, int Ink)
{
    /// <summary>
    /// The rows any glyph of the font can touch, from the font's highest top to its lowest bottom, a row more each side
    /// for anti-aliasing.
    /// </summary>
    public (int Top, int Bottom) Rows()
    {
        var metrics = Font.Metrics;
        return ((int)MathF.Floor(Y + metrics.Top) - 1, (int)MathF.Ceiling(Y + metrics.Bottom) + 1);
    }
}

/// <summary>The texts of a card (their fonts belong to the renderer).</summary>
internal sealed class CardLayout(IReadOnlyList<TextRun> runs)
{
    public IReadOnlyList<TextRun> Runs { get; } = runs;
}
