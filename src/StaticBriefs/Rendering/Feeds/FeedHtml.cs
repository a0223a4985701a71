using System.Text.RegularExpressions;

namespace StaticBriefs.Rendering.Feeds;

/// <summary>Makes a body's links and images absolute for feeds, which readers show away from the site.</summary>
public static partial class FeedHtml
{
    /// <summary>
    /// Every root-relative <c>href</c>, <c>src</c> and <c>srcset</c> URL ("/briefs-site/x/") gets the site's origin;
    /// absolute URLs, fragments ("#note") and protocol-relative ones are left alone. Bodies link root-relative
    /// (LinkContext puts the base path in), so the origin of <paramref name="siteRoot"/> is all that is missing.
    /// </summary>
    public static string Absolute(string html, string siteRoot)
    {
        var origin = new Uri(siteRoot).GetLeftPart(UriPartial.Authority);
        return RootRelative().Replace(html, m => m.Groups["attr"].Value + "=" + m.Groups["q"].Value + origin + "/");
    }

    [GeneratedRegex("""(?<attr>\b(?:href|src|srcset|poster))=(?<q>["']?)/(?!/)""", RegexOptions.CultureInvariant)]
    private static partial Regex RootRelative();
}
