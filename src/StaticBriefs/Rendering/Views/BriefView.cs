using StaticBriefs.Rendering.Markdown;
using StaticBriefs.Rendering.Theme;

namespace StaticBriefs.Rendering.Views;

/// <summary>The <c>brief</c> object on a brief's own page.</summary>
public sealed record BriefView
{
    /// <summary>How listings show it (title, date, tags ...).</summary>
    public required BriefCard Card { get; init; }
    /// <summary>The rendered body (trusted HTML: written as it is).</summary>
    public required TrustedHtml Content { get; init; }
    /// <summary>Table of contents.</summary>
    public required IReadOnlyList<TocEntry> Toc { get; init; }
    /// <summary>Source URLs (raw).</summary>
    public required IReadOnlyList<string> Sources { get; init; }
    /// <summary>Sources as site name and title.</summary>
    public IReadOnlyList<SourceView> SourceLinks { get; init; } = [];
    /// <summary>True when the contents list is worth showing: several sections.</summary>
    public bool ShowToc { get; init; }
    /// <summary>True when the contents list also shows on phones (a longer read), where it sits above the text.</summary>
    public bool TocOnPhones { get; init; }
    /// <summary>ISO date of the last update, or empty.</summary>
    public string UpdatedIso { get; init; } = "";
    /// <summary>Readable date of the last update, or empty.</summary>
    public string UpdatedText { get; init; } = "";
    /// <summary>The older brief, if any.</summary>
    public BriefCard? Previous { get; init; }
    /// <summary>The newer brief, if any.</summary>
    public BriefCard? Next { get; init; }
    /// <summary>Briefs sharing the most companies, people and topics.</summary>
    public required IReadOnlyList<BriefCard> Related { get; init; }
    /// <summary>Every company the brief names (its card shows at most <see cref="Model.ContentCaps.ChipsPerCard"/>).</summary>
    public IReadOnlyList<LinkView> Companies { get; init; } = [];
    /// <summary>Every person the brief names.</summary>
    public IReadOnlyList<LinkView> People { get; init; } = [];
    /// <summary>Every topic the brief names.</summary>
    public IReadOnlyList<LinkView> Topics { get; init; } = [];
    /// <summary>Relations the brief reports ("Andrej Karpathy joins Anthropic"), oldest first.</summary>
    public IReadOnlyList<Relations.RelationView> Relations { get; init; } = [];
    /// <summary>Front matter keys StaticBriefs does not know (raw values).</summary>
    public required IReadOnlyDictionary<string, object?> Extra { get; init; }
}
