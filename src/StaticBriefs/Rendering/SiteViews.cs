using StaticBriefs.Model;
using StaticBriefs.Output;
using StaticBriefs.Rendering.Theme;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Rendering;

/// <summary>Builds the one <see cref="SiteView"/> of a build.</summary>
public static class SiteViews
{
    /// <summary>The <c>site</c> object for templates.</summary>
    public static SiteView Create(SiteModel site, UrlBuilder urls, PublishedAssets assets) => new()
    {
        Title = site.Settings.Title,
        Description = site.Settings.Description,
        Language = site.Settings.Language,
        BaseUrl = urls.Permalink("/"),
        BasePath = urls.BasePath,
        Nav = [.. site.Pages
            .Where(p => p.Source.Nav is not null)
            .OrderBy(p => p.Source.Nav)
            .ThenBy(p => p.Path, StringComparer.Ordinal)
            .Select(p => new LinkView(p.Source.Title, urls.Link(p.Path)))],
        Taxonomies = [.. TaxonomyKinds.All.Select(k => new LinkView(k.Title(), urls.Link(site[k].Path)))],
        Styles = [.. assets.Styles.Where(p => !IsSearchAsset(p)).Select(urls.Link)],
        Scripts = [.. assets.Scripts.Where(p => !IsSearchAsset(p)).Select(urls.Link)],
        SearchStyles = [.. assets.Styles.Where(IsSearchAsset).Select(urls.Link)],
        SearchScripts = [.. assets.Scripts.Where(IsSearchAsset).OrderBy(p => Path.GetFileName(p).StartsWith("search.", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(p => p, StringComparer.Ordinal).Select(urls.Link)],
        Year = site.Briefs.Length > 0 ? site.Briefs[0].Date.Year : 2026,
    };

    /// <summary>The search UI's own files (<c>assets/js/search.js</c>, <c>assets/css/search.css</c>...): only where search runs.</summary>
    private static bool IsSearchAsset(string path) => Path.GetFileName(path).StartsWith("search", StringComparison.Ordinal);
}
