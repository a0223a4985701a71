using StaticBriefs.Model;

namespace StaticBriefs.Rendering;

/// <summary>
/// The pages a partial rebuild renders; everything outside it is kept from the previous build as it is. A full
/// build has no scope. Preview computes one from what an edit changed (see <c>Incremental/LiveSession</c>).
/// </summary>
public sealed record RenderScope
{
    /// <summary>Brief pages, by brief id.</summary>
    public IReadOnlySet<int> Briefs { get; init; } = new HashSet<int>();

    /// <summary>Home listing pages, by page number (1 = the home page).</summary>
    public IReadOnlySet<int> HomePages { get; init; } = new HashSet<int>();

    /// <summary>
    /// Of <see cref="HomePages"/>, those known to differ from the last build's (some place on them holds another brief):
    /// rendered and written without fingerprinting their views first, which would only confirm it (a new brief shifts
    /// every home page; their fingerprints were a third of the listings' time).
    /// </summary>
    public IReadOnlySet<int> HomePagesChanged { get; init; } = new HashSet<int>();

    /// <summary>Term pages to render, each with the page numbers wanted.</summary>
    public IReadOnlyDictionary<(TaxonomyKind Kind, TermKey Key), IReadOnlySet<int>> TermPages { get; init; } =
        new Dictionary<(TaxonomyKind, TermKey), IReadOnlySet<int>>();

    /// <summary>Of <see cref="TermPages"/>, those known to differ from the last build's, as <see cref="HomePagesChanged"/>.</summary>
    public IReadOnlyDictionary<(TaxonomyKind Kind, TermKey Key), IReadOnlySet<int>> TermPagesChanged { get; init; } =
        new Dictionary<(TaxonomyKind, TermKey), IReadOnlySet<int>>();

    /// <summary>Archive pages of these years (with their month pages).</summary>
    public IReadOnlySet<int> ArchiveYears { get; init; } = new HashSet<int>();

    /// <summary>
    /// Archive years whose year page is known to differ from the last build's (a year came or went, and each year's page
    /// lists the years): rendered without a fingerprint, as <see cref="HomePagesChanged"/>; those not in
    /// <see cref="ArchiveYears"/> without their month pages, which stand (the years' month pages were most of the
    /// views a new year's first brief had fingerprinted).
    /// </summary>
    public IReadOnlySet<int> ArchiveYearPagesChanged { get; init; } = new HashSet<int>();

    /// <summary>The archive's index page (years and months with their counts).</summary>
    public bool ArchiveIndex { get; init; }

    /// <summary>Index pages of these kinds of entity (every name with its count).</summary>
    public IReadOnlySet<TaxonomyKind> TermIndexes { get; init; } = new HashSet<TaxonomyKind>();

    /// <summary>Entities whose data file (<c>index.json</c>) is written again.</summary>
    public IReadOnlySet<(TaxonomyKind Kind, TermKey Key)> TermData { get; init; } = new HashSet<(TaxonomyKind, TermKey)>();

    /// <summary>The documentation pages (their bodies may link to briefs that moved).</summary>
    public bool DocPages { get; init; }

    /// <summary>The sitemap (it carries each brief's last update).</summary>
    public bool Sitemap { get; init; }

    /// <summary>The site-wide feeds.</summary>
    public bool SiteFeed { get; init; }

    /// <summary>Terms whose feeds are written again.</summary>
    public IReadOnlySet<(TaxonomyKind Kind, TermKey Key)> TermFeeds { get; init; } = new HashSet<(TaxonomyKind, TermKey)>();
}
