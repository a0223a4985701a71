using System.Collections.Immutable;

namespace StaticBriefs.Authoring;

/// <summary>A brief about to be written by <c>new</c> or <c>import</c>: front matter values and a markdown body.</summary>
public sealed record BriefDraft
{
    /// <summary>The title, as the author will read it (quoted when written).</summary>
    public required string Title { get; init; }
    /// <summary>Publication date.</summary>
    public required DateTimeOffset Date { get; init; }
    /// <summary>Write the date with its time and offset (<c>new</c>) or as a bare day (<c>import</c>).</summary>
    public bool IncludeTime { get; init; }
    /// <summary>One or two sentences, or empty for the author to fill in.</summary>
    public string Summary { get; init; } = "";
    /// <summary>Company names, as the data files spell them.</summary>
    public ImmutableArray<string> Companies { get; init; } = [];
    /// <summary>People names.</summary>
    public ImmutableArray<string> People { get; init; } = [];
    /// <summary>Topic names.</summary>
    public ImmutableArray<string> Topics { get; init; } = [];
    /// <summary>Relations to write into <c>relations:</c> (proposed by <c>import</c>, given to <c>new</c>).</summary>
    public ImmutableArray<ProposedRelation> Relations { get; init; } = [];
    /// <summary>Source URLs.</summary>
    public ImmutableArray<string> Sources { get; init; } = [];
    /// <summary>New briefs start as drafts so a half-written one is never published by accident.</summary>
    public bool Draft { get; init; } = true;
    /// <summary>The markdown body.</summary>
    public string Body { get; init; } = "";
}
