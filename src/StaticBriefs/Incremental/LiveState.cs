using System.Collections.Frozen;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Rendering;
using StaticBriefs.Rendering.Markdown;
using StaticBriefs.Rendering.Theme;
using StaticBriefs.Rendering.Views;
using StaticBriefs.Search;

namespace StaticBriefs.Incremental;

/// <summary>
/// Everything a finished build knew, kept in memory by preview so the next edit can start from it rather than
/// from the input folder: the loaded documents, the site model and its views, the parsed theme, the search
/// documents and the rendered briefs. Owned by <see cref="LiveSession"/>, which disposes the one it replaces.
/// </summary>
internal sealed record LiveState : IDisposable
{
    public required LoadedSite Loaded { get; init; }

    public required SiteModel Site { get; init; }

    public required ViewFactory Views { get; init; }

    public required SiteView SiteView { get; init; }

    public required TemplateRunner Templates { get; init; }

    public required MarkdownRenderer Markdown { get; init; }

    public required SearchIndexBuilder Search { get; init; }

    /// <summary>The theme's published assets, which <c>_headers</c> names.</summary>
    public required PublishedAssets Assets { get; init; }

    public required RenderedBrief[] Rendered { get; init; }

    /// <summary>The layout fingerprints pages were made with; a theme edit takes the full path, so they hold.</summary>
    public required IReadOnlyDictionary<string, string> LayoutKeys { get; init; }

    /// <summary>Every diagnostic of the build, and those of them the model stage made (kept while the model is).</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    public required FrozenSet<Diagnostic> ModelDiagnostics { get; init; }

    /// <summary>Published briefs by source file.</summary>
    public required IReadOnlyDictionary<string, int> BriefIdsBySource { get; init; }

    /// <summary>
    /// Each brief's id by its source file, for <see cref="BriefIdsBySource"/>: a read-only view of a plain dictionary, read
    /// a few times an edit (a frozen one of 10,000 paths took 6 ms to make, a fifth of that the plain one), made when
    /// first read: a cached build's plan finds most briefs by place (<see cref="ModelDiff.Places"/>) and its new model's
    /// table is read by no later edit.
    /// </summary>
    public static IReadOnlyDictionary<string, int> BriefIdsOf(Model.SiteModel site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return new BriefIds(site.Briefs);
    }

    /// <summary>The last build's page view hasher: the next finds the hashes of views carried over in it.</summary>
    internal ViewHasher? Hasher { get; init; }

    /// <summary>
    /// The HTML files the output holds, once a rebuild from memory counted them (a full build leaves it to the first):
    /// counting 40,000 manifest entries on every edit cost more than keeping the number.
    /// </summary>
    public int? HtmlFiles { get; init; }

    /// <summary>What the sitemap on disk was made from, so an edit that leaves it as it was does not make it again.</summary>
    public IReadOnlyList<Rendering.Feeds.SitemapSource>? Sitemap { get; init; }

    /// <summary>What the model stage decided per document, so the next assembly decides only for changed ones.</summary>
    public AssemblyMemo? Assembly { get; init; }

    /// <summary>The social card drawer of the build, or null when cards are off.</summary>
    public Rendering.Social.SocialImages? Social { get; init; }

    public void Dispose()
    {
        Views.Dispose();
        Templates.Dispose();
    }
}
