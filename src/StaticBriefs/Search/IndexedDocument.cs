using System.Collections.Immutable;

namespace StaticBriefs.Search;

/// <summary>
/// What the builder keeps of one document after tokenizing it: display fields, a short excerpt and the
/// weighted term frequencies (term ids into the builder's shared term table). The body is not kept.
/// </summary>
internal sealed record IndexedDocument(
    int Id,
    string Path,
    string Title,
    string Summary,
    DateTimeOffset Date,
    ImmutableArray<string> Companies,
    ImmutableArray<string> People,
    ImmutableArray<string> Topics,
    string Excerpt,
    int[] TermIds,
    int[] Weights,
    int Length);
