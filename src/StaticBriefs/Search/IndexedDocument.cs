using System.Collections.Immutable;

namespace StaticBriefs.Search;

/// <summary>
/// What the builder keeps of one document after tokenizing it: display fields, a short excerpt, and per term (ids
/// into the builder's shared term table) its frequencies in the
/// five fields packed as <see cref="SearchFields"/> describes, with each field's length in words. The body is not kept.
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
    uint[] Frequencies,
    int[] FieldLengths)
{
    /// <summary>Ids of the words it uses that the typo dictionary holds (the builder's word table).</summary>
    public int[] WordIds { get; init; } = [];

    /// <summary>The verbs of its relations, a facet like its companies (see <see cref="SearchDocument.Verbs"/>).</summary>
    public ImmutableArray<string> Verbs { get; init; } = [];

    /// <summary>The hash of the text it was tokenized from (zero when the builder kept no tokens), for a later build to find them.</summary>
    public UInt128 TextKey { get; init; }

    /// <summary>What its stable id is found from (<see cref="SearchDocument.Source"/>, else its path).</summary>
    public string IdKey { get; init; } = "";
}
