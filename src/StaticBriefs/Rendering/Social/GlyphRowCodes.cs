namespace StaticBriefs.Rendering.Social;

/// <summary>
/// One glyph image's rows as <see cref="RowMatchCoder"/> writes them in one ink with one trained code: for each row, the
/// columns from its first to past its last covered pixel, and that stretch of palette indices as deflate symbols
/// packed into <see cref="Chunks"/> (up to 56 bits each, their count in the top byte), in several ways (<see cref="Starts"/>):
/// on its own, with matches of the glyph's row above (which a card row may use when the row before it holds that row of
/// the glyph), and so without its first or last bytes that equal the row above (<see cref="Lead"/>, <see cref="Trail"/>),
/// which the card row's own matches of the row above then cover. A glyph is coded once and copied into every card.
/// </summary>
internal sealed class GlyphRowCodes(int stride, CardInks inks, int[] from, int[] to, ulong[] chunks, int[] starts, int[] lead, int[] trail)
{
    /// <summary>How many codes a glyph image keeps: one for each ink and trained code (three of each).</summary>
    public const int Slots = 9;

    /// <summary>The ways a row is written: on its own; with row matches; the same from its first byte that differs from the
    /// row above; up to its last bytes equal to the row above; and both.</summary>
    public const int Alone = 0, Upward = 1, FromLead = 2, UntilTrail = 3, Between = 4, Ways = 5;

    /// <summary>The card row length the row matches reach back.</summary>
    public int Stride { get; } = stride;

    /// <summary>The palette the rows were made with.</summary>
    public CardInks Inks { get; } = inks;

    /// <summary>By row: the first column with coverage, or <see cref="To"/> when the row has none.</summary>
    public int[] From { get; } = from;

    /// <summary>By row: the column after the last with coverage.</summary>
    public int[] To { get; } = to;

    /// <summary>Every way of every row, one after another.</summary>
    public ulong[] Chunks { get; } = chunks;

    /// <summary>By way, then row: row r written that way is <c>Chunks[Starts[i]..Starts[i + 1]]</c>, i = way x (rows + 1) + r.</summary>
    public int[] Starts { get; } = starts;

    /// <summary>By row: how many of its first bytes equal the row above's (all of them: the row is the row above; row 0: none).</summary>
    public int[] Lead { get; } = lead;

    /// <summary>By row: how many of its last bytes equal the row above's, when not all do.</summary>
    public int[] Trail { get; } = trail;
}
