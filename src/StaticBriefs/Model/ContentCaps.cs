namespace StaticBriefs.Model;

/// <summary>
/// Caps on what one brief can make the site repeat. A brief's tags each make a page that shows its card, and its
/// card is shown on every listing that includes it, so without caps one file can multiply the output: a brief with
/// 5,000 topics made 5,000 topic pages each repeating 5,000 chips (263 s, 3.2 GB). Each cap applied is a warning
/// (SB040) at the place in the file, never an error: the site still builds.
/// </summary>
public static class ContentCaps
{
    /// <summary>Companies, people or topics one brief may name (each kind); the rest are ignored.</summary>
    public const int TagsPerKind = 50;

    /// <summary>Chips of each kind a card shows in listings; the brief's own page shows all of its tags.</summary>
    public const int ChipsPerCard = 12;

    /// <summary>Longest tag (a company, person or topic name), in characters.</summary>
    public const int TagLength = 200;

    /// <summary>Longest title, in characters: the title is on every card, feed and page that lists the brief.</summary>
    public const int TitleLength = 500;

    /// <summary>Longest summary, in characters.</summary>
    public const int SummaryLength = 2_000;

    /// <summary>Longest author name, in characters.</summary>
    public const int AuthorLength = 200;
}
