using System.Collections.Immutable;

namespace StaticBriefs.Model;

/// <summary>A published brief in the site model: its source plus the decisions the assembler made (slug, URL, terms).</summary>
public sealed record Brief
{
    /// <summary>Position in <see cref="SiteModel.Briefs"/> (0 = newest).</summary>
    public required int Id { get; init; }
    /// <summary>The loaded document.</summary>
    public required SourceDocument Source { get; init; }
    /// <summary>The slug (<c>slug:</c>, else the file name or a bundle's folder): the <c>:slug</c> of the permalink pattern.</summary>
    public required string Slug { get; init; }
    /// <summary>
    /// Site-relative path without the base path, from the site's permalink pattern or the file's own permalink:
    /// <c>/briefs/karpathy-joins-anthropic/</c> by default. Unique among the site's pages.
    /// </summary>
    public required string Path { get; init; }
    /// <summary>Publication date.</summary>
    public required DateTimeOffset Date { get; init; }
    /// <summary>Resolved companies in the order written, duplicates removed.</summary>
    public ImmutableArray<TermKey> Companies { get; init; } = [];
    /// <summary>Resolved people.</summary>
    public ImmutableArray<TermKey> People { get; init; } = [];
    /// <summary>Resolved topics.</summary>
    public ImmutableArray<TermKey> Topics { get; init; } = [];

    /// <summary>The resolved terms of one kind.</summary>
    public ImmutableArray<TermKey> TermsOf(TaxonomyKind kind) => kind switch
    {
        TaxonomyKind.Companies => Companies,
        TaxonomyKind.People => People,
        _ => Topics,
    };
}
