using System.Text.Json;
using StaticBriefs.Model;

namespace StaticBriefs.Rendering.Views;

/// <summary>
/// Structured data for search engines. Serialized with System.Text.Json's default encoder, which escapes
/// '&lt;', '&gt;' and '&amp;', so author text can never close the surrounding script element.
/// </summary>
public static class JsonLd
{
    /// <summary>A <c>NewsArticle</c> for a brief.</summary>
    public static string Article(BriefCard card, string permalink, string siteTitle, string? updatedIso, string image = "", UrlBuilder? urls = null)
    {
        var article = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = card.Title,
            ["description"] = card.Summary,
            ["datePublished"] = card.DateIso,
            ["dateModified"] = updatedIso ?? card.DateIso,
            ["url"] = permalink,
            ["mainEntityOfPage"] = permalink,
            ["author"] = Authors(card, siteTitle, urls),
            ["publisher"] = new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = siteTitle },
            ["about"] = card.Companies.Concat(card.People).Select(l => l.Name).ToArray(),
            ["keywords"] = string.Join(", ", card.Topics.Select(t => t.Name)),
        };
        if (image.Length > 0) article["image"] = image;
        return JsonSerializer.Serialize(article, SiteJsonContext.Default.DictionaryStringObject);
    }

    /// <summary>One Person, or a list when the brief names several authors; each with its link as an absolute <c>url</c>.</summary>
    private static object Authors(BriefCard card, string siteTitle, UrlBuilder? urls)
    {
        if (card.Authors.Count <= 1)
        {
            var person = new Dictionary<string, object?> { ["@type"] = "Person", ["name"] = card.Author.Length > 0 ? card.Author : siteTitle };
            if (card.Authors is [{ Url.Length: > 0 } only] && Absolute(only.Url, urls) is { } url) person["url"] = url;
            return person;
        }
        return card.Authors.Select(author =>
        {
            var person = new Dictionary<string, object?> { ["@type"] = "Person", ["name"] = author.Name };
            if (author.Url.Length > 0 && Absolute(author.Url, urls) is { } url) person["url"] = url;
            return person;
        }).ToArray();
    }

    /// <summary>An http(s) URL as it is, a link of this site made absolute; mailto and relative links are left out.</summary>
    private static string? Absolute(string url, UrlBuilder? urls) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? url
        : url.StartsWith('/') && urls is not null ? urls.Permalink(url[urls.BasePath.Length..]) : null;

    /// <summary>An <c>Organization</c>, <c>Person</c> or <c>DefinedTerm</c> for an entity page.</summary>
    public static string Entity(TaxonomyKind kind, string name, string description, string website, string permalink)
    {
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = kind switch { TaxonomyKind.Companies => "Organization", TaxonomyKind.People => "Person", _ => "DefinedTerm" },
            ["name"] = name,
            ["url"] = permalink,
        };
        if (description.Length > 0) data["description"] = description;
        if (website.Length > 0) data["sameAs"] = website;
        return JsonSerializer.Serialize(data, SiteJsonContext.Default.DictionaryStringObject);
    }

    /// <summary>A <c>WebSite</c> for the home page, with its search action.</summary>
    public static string WebSite(string title, string description, string permalink) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "WebSite",
            ["name"] = title,
            ["description"] = description,
            ["url"] = permalink,
            ["potentialAction"] = new Dictionary<string, object?>
            {
                ["@type"] = "SearchAction",
                ["target"] = permalink + "search/?q={query}",
                ["query-input"] = "required name=query",
            },
        }, SiteJsonContext.Default.DictionaryStringObject);
}
