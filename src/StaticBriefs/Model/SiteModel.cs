using System.Collections.Frozen;
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
    /// <summary>Files copied as they are, by the path they are published at (a bundle's files beside its page).</summary>
    public required ImmutableArray<string> StaticFiles { get; init; }
    /// <summary>Where to read each static file (canonical path, checked when the input was scanned), by published path.</summary>
    public ImmutableDictionary<string, string> StaticSources { get; init; } = ImmutableDictionary<string, string>.Empty;
    /// <summary>Entity definitions from <c>_data/</c>.</summary>
    public ImmutableArray<EntityDefinition> Entities { get; init; } = [];
    /// <summary>Relations between entities, sorted and indexed.</summary>
    public Relations.RelationSet Relations { get; init; } = Model.Relations.RelationSet.Empty;
    /// <summary>Every site-relative path a link may point at (briefs, pages, terms, listings).</summary>
    public required IReadOnlySet<string> KnownPaths { get; init; }
    /// <summary>Brief paths by source file (relative path), so <c>[x](../2024/other.md)</c> links resolve.</summary>
    public required IReadOnlyDictionary<string, string> PathsBySource { get; init; }
    /// <summary>
    /// Page bundles' files, by input path, with the path each is published at (beside its page: <c>posts/x/a.png</c>
    /// of <c>posts/x/index.md</c> published at <c>/briefs/x/</c> is <c>briefs/x/a.png</c>). Other static files keep their path.
    /// </summary>
    public ImmutableDictionary<string, string> Resources { get; init; } = ImmutableDictionary<string, string>.Empty;
    /// <summary>Old URLs (<c>aliases</c>, <c>redirect_from</c>) of published documents, each to its document's URL.</summary>
    public ImmutableArray<PageRedirect> Redirects { get; init; } = [];
    /// <summary>Site paths of documents that exist but are not published (drafts, future briefs), with why not.</summary>
    public ImmutableDictionary<string, string> Unpublished { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Each published document's own image (an absolute URL, or a site path such as <c>/img/x.png</c>), by source path.</summary>
    public ImmutableDictionary<string, string> Images { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Taxonomy of a kind.</summary>
    public Taxonomy this[TaxonomyKind kind] => Taxonomies[kind];

    /// <summary>The term of a kind and key (it always exists for keys taken from a brief).</summary>
    public Term TermOf(TaxonomyKind kind, TermKey key) => Taxonomies[kind].ByKey[key];
}
