using System.Collections.Frozen;
using System.Collections.Immutable;

namespace StaticBriefs.Model;

/// <summary>All terms of one kind, sorted once so templates never re-sort.</summary>
public sealed record Taxonomy
{
    /// <summary>The kind.</summary>
    public required TaxonomyKind Kind { get; init; }
    /// <summary>Terms by name (ordinal, case-insensitive).</summary>
    public required ImmutableArray<Term> ByName { get; init; }
    /// <summary>Terms by count (most first), then by name.</summary>
    public required ImmutableArray<Term> ByCount { get; init; }
    /// <summary>Lookup by key.</summary>
    public required FrozenDictionary<TermKey, Term> ByKey { get; init; }
    /// <summary>Site-relative path of the index page, e.g. <c>/companies/</c>.</summary>
    public string Path => "/" + Kind.Key() + "/";
}
