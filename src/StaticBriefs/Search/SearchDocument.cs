using System.Collections.Immutable;

namespace StaticBriefs.Search;

/// <summary>What the search index needs to know about one brief.</summary>
/// <param name="Id">The brief's id (0 = newest); stable within one build.</param>
/// <param name="Path">Site-relative path without the base path, e.g. <c>/briefs/x/</c>.</param>
/// <param name="Title">Title (plain text).</param>
/// <param name="Summary">Summary (plain text), may be empty.</param>
/// <param name="Date">Publication date.</param>
/// <param name="Companies">Display names of its companies.</param>
/// <param name="People">Display names of its people.</param>
/// <param name="Topics">Display names of its topics.</param>
/// <param name="BodyText">The body as plain text.</param>
public sealed record SearchDocument(
    int Id,
    string Path,
    string Title,
    string Summary,
    DateTimeOffset Date,
    ImmutableArray<string> Companies,
    ImmutableArray<string> People,
    ImmutableArray<string> Topics,
    string BodyText)
{
    /// <summary>The body's headings, one a line: a field of their own, weighted above body text.</summary>
    public string Headings { get; init; } = "";

    /// <summary>The body's opening paragraphs (no headings, tables or code), for the result snippet; the body's start when empty.</summary>
    public string Lead { get; init; } = "";

    /// <summary>
    /// The verbs of the relations it reports ("joins", "invests in"), each once: a facet of their own, not searched as
    /// words (the body already says them in its own words).
    /// </summary>
    public ImmutableArray<string> Verbs { get; init; } = [];

    /// <summary>
    /// The brief's source file, from which an unversioned index finds its stable id (<see cref="StableIds"/>), so a new
    /// slug keeps it; empty to use <see cref="Path"/>.
    /// </summary>
    public string Source { get; init; } = "";
}
