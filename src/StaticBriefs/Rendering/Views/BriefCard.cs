namespace StaticBriefs.Rendering.Views;

/// <summary>A brief as listings show it (home, term pages, archive, related).</summary>
public sealed record BriefCard : Theme.ITransientCard, ISharedView
{
    /// <summary>Title (raw).</summary>
    public required string Title { get; init; }
    /// <summary>Link to the brief, base path included.</summary>
    public required string Url { get; init; }
    /// <summary>ISO 8601 date for <c>&lt;time datetime&gt;</c>.</summary>
    public required string DateIso { get; init; }
    /// <summary>Date as readers see it, e.g. "19 May 2026".</summary>
    public required string DateText { get; init; }
    /// <summary>Summary (raw), may be empty.</summary>
    public string Summary { get; init; } = "";
    /// <summary>True when the summary was derived from the body (its first words), not written: the brief's page does not repeat it.</summary>
    public bool SummaryDerived { get; init; }
    /// <summary>Author, may be empty.</summary>
    public string Author { get; init; } = "";
    /// <summary>Each author by name, with a link (base path included for site paths) when the front matter gave one, else an empty URL.</summary>
    public IReadOnlyList<LinkView> Authors { get; init; } = [];
    /// <summary>The brief's own image: a link (base path included) or an absolute URL; empty when it has none.</summary>
    public string Image { get; init; } = "";
    /// <summary>The image's text alternative (raw), may be empty.</summary>
    public string ImageAlt { get; init; } = "";
    /// <summary>Minutes to read.</summary>
    public int ReadingMinutes { get; init; }
    /// <summary>Company links.</summary>
    public IReadOnlyList<LinkView> Companies { get; init; } = [];
    /// <summary>People links.</summary>
    public IReadOnlyList<LinkView> People { get; init; } = [];
    /// <summary>Topic links.</summary>
    public IReadOnlyList<LinkView> Topics { get; init; } = [];
    /// <summary>
    /// True for a card made for one page (an entity's page leaves out its own chip): rendered each time rather than
    /// kept for the build, where every shared card is kept once.
    /// </summary>
    public bool Transient { get; init; }
}
