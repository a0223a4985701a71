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
    public static string Article(BriefCard card, string permalink, string siteTitle, string? updatedIso) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = card.Title,
            ["description"] = card.Summary,
            ["datePublished"] = card.DateIso,
            ["dateModified"] = updatedIso ?? card.DateIso,
            ["url"] = permalink,
            ["mainEntityOfPage"] = permalink,
            ["author"] = new Dictionary<string, object?> { ["@type"] = "Person", ["name"] = card.Author.Length > 0 ? card.Author : siteTitle },
            ["publisher"] = new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = siteTitle },
            ["about"] = card.Companies.Concat(card.People).Select(l => l.Name).ToArray(),
            ["keywords"] = string.Join(", ", card.Topics.Select(t => t.Name)),
        });

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
        return JsonSerializer.Serialize(data);
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
        });
}
