using System.Collections.Immutable;

namespace StaticBriefs.Model;

/// <summary>The whole site after assembly: frozen before rendering starts and shared by every render worker.</summary>
public sealed record SiteModel
{
    /// <summary>Site settings (with command-line overrides applied).</summary>
    public required SiteSettings Settings { get; init; }
    /// <summary>Published briefs, newest first; a brief's <see cref="Brief.Id"/> is its index here.</summary>
    public required ImmutableArray<Brief> Briefs { get; init; }
    /// <summary>Documentation pages, by path.</summary>
    public required ImmutableArray<DocPage> Pages { get; init; }
    /// <summary>Companies, people and topics.</summary>
    public required ImmutableDictionary<TaxonomyKind, Taxonomy> Taxonomies { get; init; }
    /// <summary>Files copied as they are.</summary>
    public required ImmutableArray<string> StaticFiles { get; init; }
    /// <summary>Where to read each static file (canonical path, checked when the input was scanned).</summary>
    public ImmutableDictionary<string, string> StaticSources { get; init; } = ImmutableDictionary<string, string>.Empty;
    /// <summary>Entity definitions from <c>_data/</c>.</summary>
    public ImmutableArray<EntityDefinition> Entities { get; init; } = [];
    /// <summary>Every site-relative path a link may point at (briefs, pages, terms, listings).</summary>
    public required ImmutableHashSet<string> KnownPaths { get; init; }
    /// <summary>Brief paths by source file (relative path), so <c>[x](../2024/other.md)</c> links resolve.</summary>
    public required ImmutableDictionary<string, string> PathsBySource { get; init; }

    /// <summary>Taxonomy of a kind.</summary>
    public Taxonomy this[TaxonomyKind kind] => Taxonomies[kind];

    /// <summary>The term of a kind and key (it always exists for keys taken from a brief).</summary>
    public Term TermOf(TaxonomyKind kind, TermKey key) => Taxonomies[kind].ByKey[key];
}
