using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Rendering.Feeds;

/// <summary>Writes JSON Feed 1.1 (https://jsonfeed.org/version/1.1).</summary>
public static class JsonFeedWriter
{
    /// <summary>
    /// The relaxed encoder escapes only what JSON requires (quotes, backslashes, control characters): a feed is read
    /// as JSON, never pasted into HTML, so escaping every apostrophe and '&lt;' (the default) only made it unreadable.
    /// </summary>
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, TypeInfoResolver = SiteJsonContext.Default,
    };

    /// <summary>Appends the feed to <paramref name="output"/> as UTF-8 JSON.</summary>
    public static void Write(FeedSpec feed, Stream output)
    {
        var document = new Dictionary<string, object?>
        {
            ["version"] = "https://jsonfeed.org/version/1.1",
            ["title"] = feed.Title,
            ["home_page_url"] = feed.HomeUrl,
            ["feed_url"] = feed.JsonUrl,
            ["description"] = feed.Description,
            ["language"] = feed.Language,
            ["authors"] = new[] { new Dictionary<string, string> { ["name"] = feed.Author } },
            ["items"] = feed.Entries.Select(Item).ToArray(),
        };
        JsonSerializer.Serialize(output, document, (JsonTypeInfo<Dictionary<string, object?>>)Options.GetTypeInfo(typeof(Dictionary<string, object?>)));
    }

    private static Dictionary<string, object?> Item(FeedEntry entry)
    {
        var item = new Dictionary<string, object?>
        {
            ["id"] = entry.Permalink,
            ["url"] = entry.Permalink,
            ["title"] = entry.Title,
        };
        if (entry.ContentHtml is not null) item["content_html"] = entry.ContentHtml;
        else item["content_text"] = entry.Summary.Length > 0 ? entry.Summary : entry.Title;
        if (entry.Summary.Length > 0) item["summary"] = entry.Summary;
        item["date_published"] = Dates.Rfc3339(entry.Published);
        item["date_modified"] = Dates.Rfc3339(entry.Updated);
        if (entry.Author.Length > 0) item["authors"] = new[] { new Dictionary<string, string> { ["name"] = entry.Author } };
        if (entry.Categories.Count > 0) item["tags"] = entry.Tags.ToArray();
        if (entry.Categories.Count > 0 || entry.Relations.Count > 0)
        {
            // JSON Feed's tags are plain strings; the extension says which are companies, people and topics, and
            // (in an entity's feed) the relations involving that entity, shaped as in /relations.json.
            var extension = new Dictionary<string, object?>
            {
                ["about"] = "https://github.com/staticbriefs/staticbriefs#output",
                ["entities"] = entry.Categories.Select(c => new Dictionary<string, string> { ["kind"] = c.Kind, ["name"] = c.Label, ["url"] = c.Scheme + c.Term + "/" }).ToArray(),
            };
            if (entry.Relations.Count > 0) extension["relations"] = entry.Relations.Select(Relation).ToArray();
            item["_staticbriefs"] = extension;
        }
        return item;
    }

    private static Dictionary<string, object?> Relation(FeedRelation relation) => new()
    {
        ["subject"] = End(relation.Subject),
        ["verb"] = relation.Verb,
        ["object"] = End(relation.Object),
        ["role"] = relation.Role,
        ["date"] = Dates.Iso(relation.Date),
    };

    private static Dictionary<string, string?> End(FeedRelationEnd end) => new()
    {
        ["kind"] = end.Kind,
        ["name"] = end.Name,
        ["url"] = end.Url,
    };
}
