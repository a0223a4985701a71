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
    string BodyText);
