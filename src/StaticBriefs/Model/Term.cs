using System.Collections.Immutable;

namespace StaticBriefs.Model;

/// <summary>A company, person or topic with every brief that names it.</summary>
public sealed record Term
{
    /// <summary>Company, person or topic.</summary>
    public required TaxonomyKind Kind { get; init; }
    /// <summary>Folded identity.</summary>
    public required TermKey Key { get; init; }
    /// <summary>Display name: the entity's canonical name, else the spelling most briefs use.</summary>
    public required string Name { get; init; }
    /// <summary>URL segment, unique within the kind.</summary>
    public required string Slug { get; init; }
    /// <summary>Site-relative path, e.g. <c>/companies/openai/</c>.</summary>
    public string Path => "/" + Kind.Key() + "/" + Slug + "/";
    /// <summary>Ids of the briefs that name it, newest first.</summary>
    public required ImmutableArray<int> BriefIds { get; init; }
    /// <summary>The entity's data, when <c>_data/</c> describes it.</summary>
    public EntityDefinition? Entity { get; init; }
    /// <summary>Number of briefs naming it.</summary>
    public int Count => BriefIds.Length;
}
