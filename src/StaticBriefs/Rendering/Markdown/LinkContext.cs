using System.Collections.Immutable;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Rendering.Markdown;

/// <summary>What the markdown renderer needs to know about the site to check and rewrite a body's links.</summary>
/// <param name="BasePath">Base path of the site ('/' or '/briefs-site/').</param>
/// <param name="KnownPaths">Every site-relative path a link may point at.</param>
/// <param name="PathsBySource">Site path of each markdown file, by its path relative to the input folder.</param>
/// <param name="StaticFiles">Files published as they are, by published path (no leading '/'), theme assets included.</param>
public sealed record LinkContext(
    string BasePath,
    IReadOnlySet<string> KnownPaths,
    IReadOnlyDictionary<string, string> PathsBySource,
    IReadOnlySet<string> StaticFiles)
{
    // Made on first use (once, whichever thread asks), and shared by copies made with 'with': at 10,000 briefs it is
    // most of what making a context costs, and a site whose files are the same can hand it on (ForSite's 'previous').
    private Lazy<IReadOnlyDictionary<string, string>> _sourcesByName = new(() => SourceNames.Index(PathsBySource.Keys));

    /// <summary>Markdown files by name (<see cref="SourceNames"/>), for links that name a post rather than its path.</summary>
    public IReadOnlyDictionary<string, string> SourcesByName
    {
        get => _sourcesByName.Value;
        init => _sourcesByName = new(value);
    }

    /// <summary>Page bundles' files that are published beside their page: input path to published path (no leading '/').</summary>
    public IReadOnlyDictionary<string, string> Resources { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Old URLs of documents (<c>aliases</c>, <c>redirect_from</c>) to their site paths now: links to them lead there.</summary>
    public IReadOnlyDictionary<string, string> Redirects { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Site paths of drafts and future briefs, with why they are not published, for the broken-link message.</summary>
    public IReadOnlyDictionary<string, string> Unpublished { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Path prefixes a larger site serves (<c>/docs/</c>): links into them are left as written and not checked.</summary>
    public ImmutableArray<string> ExternalPaths { get; init; } = [];

    /// <summary>How a link to nothing is reported: an error (the default) or, for a site being migrated, a warning.</summary>
    public Severity BrokenLinks { get; init; } = Severity.Error;

    /// <summary>Whether entity pages have feeds (<c>feeds: { entities: none }</c> writes none), so a link to one leads somewhere.</summary>
    public bool EntityFeeds { get; init; } = true;

    /// <summary>The links of a site model; <paramref name="assetFiles"/> are the theme's published files (output-relative).</summary>
    /// <remarks>
    /// With <paramref name="previous"/> (the context of the same site before an edit), what depends only on the set of
    /// markdown files is taken from it when that set is the same.
    /// </remarks>
    public static LinkContext ForSite(Model.SiteModel site, string basePath, IEnumerable<string> assetFiles, LinkContext? previous = null)
    {
        var files = site.StaticFiles.ToHashSet(StringComparer.Ordinal);
        files.UnionWith(assetFiles.Select(a => a.TrimStart('/')));
        var redirects = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var redirect in site.Redirects) redirects.TryAdd(redirect.From, redirect.To);
        var sameSources = previous is not null && previous.PathsBySource.Count == site.PathsBySource.Count
            && site.PathsBySource.Keys.All(previous.PathsBySource.ContainsKey);
        return new LinkContext(basePath, site.KnownPaths, site.PathsBySource, files)
        {
            _sourcesByName = sameSources ? previous!._sourcesByName : new(() => SourceNames.Index(site.PathsBySource.Keys)),
            Resources = site.Resources,
            Redirects = redirects,
            Unpublished = site.Unpublished,
            ExternalPaths = site.Settings.ExternalPaths,
            BrokenLinks = site.Settings.BrokenLinks,
            EntityFeeds = site.Settings.HasEntityFeeds,
        };
    }
}
