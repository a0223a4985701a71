using System.Net;
using System.Text;
using StaticBriefs.Model;
using StaticBriefs.Output;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Rendering.Hosting;

/// <summary>
/// A small page at each old URL of a document (<c>aliases</c>, <c>redirect_from</c>), as Hugo and jekyll-redirect-from
/// write them: an immediate meta refresh to the new URL (every host, no server rules needed), a canonical link so
/// search engines move the page's standing, <c>noindex</c>, and a visible link for anyone whose browser does not
/// follow the refresh. The same redirects also go to <c>_redirects</c> (see <see cref="RedirectRules"/>), which
/// Netlify and Cloudflare Pages answer with a real 301.
/// </summary>
public static class RedirectPages
{
    /// <summary>Writes the page of every redirect that has one.</summary>
    public static void Write(SiteModel site, UrlBuilder urls, IReadOnlyList<string> styles, IOutputSink sink)
    {
        if (site.Redirects.IsEmpty) return;
        var titles = site.Briefs.Select(b => (b.Path, b.Source.Title))
            .Concat(site.Pages.Select(p => (p.Path, p.Source.Title)))
            .GroupBy(t => t.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Title, StringComparer.Ordinal);
        foreach (var redirect in site.Redirects.Where(r => r.HasPage))
            sink.WriteText(redirect.File, Page(site.Settings, titles.GetValueOrDefault(redirect.To, redirect.To), urls, redirect.To, styles));
    }

    /// <summary>The redirect page to the document at <paramref name="to"/>, titled <paramref name="title"/>.</summary>
    public static string Page(SiteSettings settings, string title, UrlBuilder urls, string to, IReadOnlyList<string> styles)
    {
        var link = Attribute(urls.Link(to));
        var text = new StringBuilder(1024);
        text.Append("<!DOCTYPE html>\n<html lang=\"").Append(Attribute(settings.Language)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Moved: ").Append(WebUtility.HtmlEncode(title)).Append(" · ").Append(WebUtility.HtmlEncode(settings.Title)).Append("</title>\n")
            .Append("<meta name=\"robots\" content=\"noindex\">\n")
            .Append("<link rel=\"canonical\" href=\"").Append(Attribute(urls.Permalink(to))).Append("\">\n")
            .Append("<meta http-equiv=\"refresh\" content=\"0; url=").Append(link).Append("\">\n");
        foreach (var style in styles) text.Append("<link rel=\"stylesheet\" href=\"").Append(Attribute(urls.Link(style))).Append("\">\n");
        text.Append("</head>\n<body class=\"kind-redirect\">\n<main id=\"main\" class=\"wrap\">\n<h1>This page has moved</h1>\n")
            .Append("<p>It is now at <a href=\"").Append(link).Append("\">").Append(WebUtility.HtmlEncode(title)).Append("</a>.</p>\n")
            .Append("</main>\n</body>\n</html>\n");
        return text.ToString();
    }

    private static string Attribute(string value) => WebUtility.HtmlEncode(value);
}
