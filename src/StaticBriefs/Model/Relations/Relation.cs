namespace StaticBriefs.Model.Relations;

/// <summary>One resolved end of a relation: an entity of a kind, or (for a release) plain words.</summary>
/// <param name="Kind">The entity's kind, or null for plain words.</param>
/// <param name="Key">The folded identity (for plain words, of the words).</param>
/// <param name="Name">The display name: the entity's canonical name, or the words as written.</param>
public sealed record RelationEnd(TaxonomyKind? Kind, TermKey Key, string Name);

/// <summary>A dated event between two entities, resolved against the entity data. Immutable.</summary>
public sealed record Relation
{
    /// <summary>Who or what acts.</summary>
    public required RelationEnd Subject { get; init; }
    /// <summary>What happened.</summary>
    public required RelationVerb Verb { get; init; }
    /// <summary>Who or what is acted on.</summary>
    public required RelationEnd Object { get; init; }
    /// <summary>A role or team, or null.</summary>
    public string? Role { get; init; }
    /// <summary>When it happened.</summary>
    public required DateTimeOffset Date { get; init; }
    /// <summary>The brief that reported it, or null when it comes from <c>_data/people.yml</c>.</summary>
    public int? BriefId { get; init; }
    /// <summary>The file it was written in (a brief or a data file), relative to the input folder.</summary>
    public required string File { get; init; }
    /// <summary>Where in that file.</summary>
    public SourcePosition At { get; init; }
}
