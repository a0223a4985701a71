using AngleSharp.Dom;

namespace StaticBriefs.Tests.Support;

/// <summary>Walks every HTML page of a built site and checks its internal links.</summary>
internal static class LinkChecker
{
    private static readonly (string Selector, string Attribute)[] LinkAttributes =
    [
        ("a[href]", "href"), ("link[href]", "href"), ("script[src]", "src"), ("img[src]", "src"), ("form[action]", "action"),
    ];

    /// <summary>Every internal link of every page as (page, url); external http(s), mailto and '#' links are left out.</summary>
    public static IEnumerable<(string Page, string Url)> InternalLinks(TestSite site)
    {
        foreach (var page in site.OutputFiles().Where(f => f.EndsWith(".html", StringComparison.Ordinal)))
        {
            var document = site.Html(page);
            foreach (var (selector, attribute) in LinkAttributes)
            {
                foreach (var element in document.QuerySelectorAll(selector))
                {
                    var url = element.GetAttribute(attribute)!;
                    if (IsExternal(url)) continue;
                    yield return (page, url);
                }
            }
        }
    }

    /// <summary>Problems found: links not under the base path, or pointing at no output file.</summary>
    public static IReadOnlyList<string> Problems(TestSite site, string basePath)
    {
        var problems = new List<string>();
        var checkedCount = 0;
        foreach (var (page, url) in InternalLinks(site))
        {
            checkedCount++;
            if (!url.StartsWith(basePath, StringComparison.Ordinal))
            {
                problems.Add($"{page}: '{url}' is not under {basePath}");
                continue;
            }
            var cut = url.IndexOfAny(['#', '?']);
            var path = Uri.UnescapeDataString((cut >= 0 ? url[..cut] : url)[basePath.Length..]);
            var file = path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;
            if (!site.OutputExists(file)) problems.Add($"{page}: '{url}' points at missing {file}");
        }
        Assert.True(checkedCount > 0, "no internal links found at all");
        return problems;
    }

    private static bool IsExternal(string url) =>
        url.Length == 0 || url.StartsWith('#')
        || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);

    /// <summary>Text content of the first element matching a selector, or fails.</summary>
    public static IElement Single(IParentNode node, string selector) =>
        node.QuerySelector(selector) ?? throw new Xunit.Sdk.XunitException($"no element matches '{selector}'");
}
