using System.Globalization;
using System.Text;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Rendering.Theme;

/// <summary>
/// The built-in <c>layouts/base.sbn</c> (the document around every page's content) written in C#, byte for byte what
/// Scriban writes from that file. It wraps all 14,000 pages of a 10,000-brief site, and through the interpreter it
/// took a third of the templates' processor time. Used only while the site's <c>base.sbn</c> is exactly the built-in
/// file and the page's <c>site</c> and <c>page</c> are the generator's views; anything else goes through the template.
/// Tests build whole sites both ways and compare.
/// </summary>
internal static class BuiltInBase
{
    private const string BasePath = "layouts/base.sbn";

    // Characters a kept builder may hold between pages (1 MiB of them; most pages are a few tens of KiB).
    private const int MaxKeptCapacity = 1 << 19;

    /// <summary>True when the site's base layout is the built-in file.</summary>
    public static bool Serves(ThemeFiles files) => BuiltInFiles.Unchanged(files, BasePath);

    /// <summary>
    /// The page: <paramref name="content"/> (trusted HTML, made in a builder by a layout written in C#) inside the
    /// built-in document, made in <paramref name="html"/> (cleared first; a builder kept for the next page spares a
    /// page-sized buffer each time) and left there, to be encoded from it and then <see cref="Release"/>d.
    /// <paramref name="content"/> is copied in as it is, without a string of its own, and left as it was.
    /// </summary>
    public static StringBuilder Write(StringBuilder html, SiteView site, PageView page, StringBuilder content) => Write(html, site, page, content.Length, null, content);

    /// <summary>As <see cref="Write(StringBuilder, SiteView, PageView, StringBuilder)"/>, the content as text.</summary>
    public static StringBuilder Write(StringBuilder html, SiteView site, PageView page, string content) => Write(html, site, page, content.Length, content, null);

    private static StringBuilder Write(StringBuilder html, SiteView site, PageView page, int contentLength, string? text, StringBuilder? built)
    {
        var basePath = Escape(site.BasePath);
        var siteTitle = Escape(site.Title);
        var title = Escape(page.Title);
        var description = Escape(page.Description);
        var permalink = Escape(page.Permalink);
        html.Clear();
        html.EnsureCapacity(contentLength + 4096);
        // Scriban's "~" trims a line holding only tags away whole: the output is the other lines, each with its break.
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(Escape(site.Language)).Append("\" data-base=\"").Append(basePath).Append("\">\n<head>\n")
            .Append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        if (page.Kind == "home" && page.Title == site.Title) html.Append(siteTitle);
        else html.Append(title).Append(" · ").Append(siteTitle);
        html.Append("</title>\n<meta name=\"description\" content=\"").Append(description).Append("\">\n")
            .Append("<meta name=\"color-scheme\" content=\"light dark\">\n")
            .Append("<meta name=\"theme-color\" media=\"(prefers-color-scheme: light)\" content=\"#f6f8fa\">\n")
            .Append("<meta name=\"theme-color\" media=\"(prefers-color-scheme: dark)\" content=\"#161b22\">\n")
            .Append("<link rel=\"icon\" href=\"").Append(basePath).Append("assets/img/favicon.svg\" type=\"image/svg+xml\">\n")
            .Append("<link rel=\"icon\" href=\"").Append(basePath).Append("assets/img/favicon-32.png\" type=\"image/png\" sizes=\"32x32\">\n")
            .Append("<link rel=\"apple-touch-icon\" href=\"").Append(basePath).Append("assets/img/apple-touch-icon.png\">\n")
            .Append("<meta name=\"generator\" content=\"StaticBriefs\">\n<link rel=\"canonical\" href=\"").Append(permalink).Append("\">\n");
        if (page.NoIndex) html.Append("<meta name=\"robots\" content=\"noindex\">\n");
        html.Append("<meta property=\"og:type\" content=\"").Append(Escape(page.OgType)).Append("\">\n")
            .Append("<meta property=\"og:title\" content=\"").Append(title).Append("\">\n")
            .Append("<meta property=\"og:description\" content=\"").Append(description).Append("\">\n")
            .Append("<meta property=\"og:url\" content=\"").Append(permalink).Append("\">\n")
            .Append("<meta property=\"og:site_name\" content=\"").Append(siteTitle).Append("\">\n");
        Image(html, page);
        html.Append("<meta name=\"twitter:title\" content=\"").Append(title).Append("\">\n")
            .Append("<meta name=\"twitter:description\" content=\"").Append(description).Append("\">\n");
        foreach (var feed in page.Feeds)
            html.Append("<link rel=\"alternate\" type=\"").Append(Escape(feed.Type)).Append("\" title=\"").Append(Escape(feed.Title))
                .Append("\" href=\"").Append(Escape(feed.Url)).Append("\">\n");
        Assets(html, site.Styles, site.Scripts);
        if (page.Kind == "search") Assets(html, site.SearchStyles, site.SearchScripts);
        if (page.JsonLd.Value != "") html.Append("<script type=\"application/ld+json\">").Append(page.JsonLd.Value).Append("</script>\n");
        html.Append("</head>\n<body class=\"kind-").Append(Escape(page.Kind)).Append("\">\n")
            .Append("<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n<header class=\"site-header\">\n<div class=\"wrap header-row\">\n")
            .Append("<a class=\"site-title\" href=\"").Append(basePath).Append('"').Append(Current(page.Kind == "home")).Append('>').Append(siteTitle).Append("</a>\n")
            .Append("<nav class=\"site-nav\" aria-label=\"Main\">\n<ul>\n")
            .Append("<li><a href=\"").Append(basePath).Append("archive/\"").Append(Current(page.Kind == "archive")).Append(">Archive</a></li>\n");
        NavLinks(html, site.Taxonomies, page.Url);
        NavLinks(html, site.Nav, page.Url);
        html.Append("</ul>\n</nav>\n")
            .Append("<form class=\"site-search\" role=\"search\" aria-label=\"Quick search\" action=\"").Append(basePath)
            .Append("search/\" method=\"get\" data-search-scripts=\"").Append(Escape(string.Join(' ', site.SearchScripts)))
            .Append("\" data-search-styles=\"").Append(Escape(string.Join(' ', site.SearchStyles))).Append("\">\n")
            .Append("<label class=\"visually-hidden\" for=\"site-search-input\">Search briefs</label>\n")
            .Append("<input type=\"search\" id=\"site-search-input\" name=\"q\" placeholder=\"Search\" autocomplete=\"off\">\n")
            .Append("<button type=\"submit\">Search</button>\n</form>\n</div>\n</header>\n<main id=\"main\" class=\"wrap\" tabindex=\"-1\">\n")
            .Append(text).Append(built).Append("\n</main>\n<footer class=\"site-footer\">\n<div class=\"wrap\">\n<p>").Append(siteTitle)
            .Append(" · <a href=\"").Append(basePath).Append("feed.xml\">Atom feed</a> · <a href=\"").Append(basePath)
            .Append("feed.json\">JSON Feed</a> · Built with StaticBriefs</p>\n</div>\n</footer>\n</body>\n</html>\n");
        return html;
    }

    /// <summary>
    /// Empties a builder kept from page to page when it has grown very large: one kept after a very large page (an
    /// archive of every brief) would hold its size for the whole build.
    /// </summary>
    internal static void Release(StringBuilder kept)
    {
        if (kept.Capacity <= MaxKeptCapacity) return;
        kept.Clear();
        kept.Capacity = 0;
    }

    private static void Image(StringBuilder html, PageView page)
    {
        if (page.Image == "")
        {
            html.Append("<meta name=\"twitter:card\" content=\"summary\">\n");
            return;
        }
        var image = Escape(page.Image);
        html.Append("<meta property=\"og:image\" content=\"").Append(image).Append("\">\n");
        if (page.ImageWidth > 0)
            html.Append("<meta property=\"og:image:width\" content=\"").Append(Number(page.ImageWidth)).Append("\">\n")
                .Append("<meta property=\"og:image:height\" content=\"").Append(Number(page.ImageHeight)).Append("\">\n");
        var alt = Escape(page.ImageAlt);
        if (page.ImageAlt != "") html.Append("<meta property=\"og:image:alt\" content=\"").Append(alt).Append("\">\n");
        html.Append("<meta name=\"twitter:card\" content=\"summary_large_image\">\n")
            .Append("<meta name=\"twitter:image\" content=\"").Append(image).Append("\">\n");
        if (page.ImageAlt != "") html.Append("<meta name=\"twitter:image:alt\" content=\"").Append(alt).Append("\">\n");
    }

    private static void Assets(StringBuilder html, IReadOnlyList<string> styles, IReadOnlyList<string> scripts)
    {
        foreach (var style in styles) html.Append("<link rel=\"stylesheet\" href=\"").Append(Escape(style)).Append("\">\n");
        foreach (var script in scripts) html.Append("<script src=\"").Append(Escape(script)).Append("\" defer></script>\n");
    }

    private static void NavLinks(StringBuilder html, IReadOnlyList<LinkView> links, string pageUrl)
    {
        foreach (var link in links)
            html.Append("<li><a href=\"").Append(Escape(link.Url)).Append('"').Append(Current(pageUrl == link.Url))
                .Append('>').Append(Escape(link.Name)).Append("</a></li>\n");
    }

    private static string Current(bool current) => current ? " aria-current=\"page\"" : "";

    private static string Number(int value) => Escape(value.ToString(CultureInfo.InvariantCulture));

    private static string Escape(string value) => BuiltInFiles.Escape(value);
}
