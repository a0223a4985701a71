using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using StaticBriefs.Rendering.Feeds;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Tests.Rendering.Feeds;

/// <summary>
/// Entries encoded once and copied into every feed that shows them: the feed made so is the feed written entry by
/// entry, byte for byte, whichever entries are copied; and JSON Feed is what JsonSerializer wrote from dictionaries.
/// </summary>
public sealed class FeedEncodingTests
{
    private static readonly DateTimeOffset Day = new(2024, 3, 9, 23, 30, 0, TimeSpan.FromHours(-5));

    /// <summary>What XML can hold, and so both writers: quotes, markup, entities, tabs and line ends, emoji, other scripts.</summary>
    private const string Odd = "R&D \"quoted\" 'single' <b>bold</b> ]]> \t tab\r\nCRLF\rCR\nLF Zoë 日本語 🚀🧪 \u007F\u0085\u2028 &amp;";

    /// <summary>Control characters JSON escapes and XML cannot hold.</summary>
    private const string Controls = "a\u0001b\u0008c\u000Cd\u001Fe\u0000f";

    public static TheoryData<string> AtomCases => ["plain", "odd", "relations", "summaries", "empty"];

    public static TheoryData<string> JsonCases => ["plain", "odd", "relations", "summaries", "empty", "controls"];

    private static FeedEntry Entry(int i, string title, string summary, string? content, string author = "Ann") =>
        new(title, $"https://example.org/briefs/b{i}/", Day.AddDays(-i), Day.AddDays(-i).AddHours(i % 2 * 30), summary, content, author,
            i % 3 == 2 ? [] :
            [
                new FeedCategory("r-d", "R&D \"Lab\" <x>", "companies", "https://example.org/companies/"),
                new FeedCategory("zoe", "Zoë 🚀", "people", "https://example.org/people/"),
            ]);

    private static FeedRelation Relation(string subject, string? url, string? role) =>
        new(new FeedRelationEnd("person", subject, url), "joins", new FeedRelationEnd("text", "a <lab> & co", null), role, Day);

    private static List<FeedEntry> Entries(string name) => name switch
    {
        "plain" => [.. Enumerable.Range(0, 5).Select(i => Entry(i, $"Brief {i}", $"Summary {i}.", $"<p>Body {i}.</p>\n<p>More.</p>"))],
        "odd" =>
        [
            Entry(0, Odd, Odd, "<p class=\"x\">" + Odd + "</p>\n<pre>\tcode\r\n</pre>"),
            Entry(1, "Emoji only 🚀", "", null, author: ""),
            Entry(2, "日本語のタイトル", Odd, "", author: "Zoë \"Z\" <z@example.org>"),
            Entry(3, Odd, "", Odd),
        ],
        "relations" =>
        [
            Entry(0, "Plain", "S", "<p>x</p>"),
            Entry(1, "With relations", Odd, "<ul class=\"relations\"><li>Ann joins a &lt;lab&gt;</li></ul>\n<p>y</p>") with
            {
                Relations = [Relation("Ann \"A\" 🚀", "https://example.org/people/ann/", null), Relation("Bo", null, "R&D <lead>")],
            },
            Entry(2, "No categories, a relation", "", null, author: "") with { Relations = [Relation("Cy", null, "")] },
        ],
        "summaries" => [.. Enumerable.Range(0, 4).Select(i => Entry(i, $"Brief {i} & co", i == 1 ? "" : Odd, null))],
        "controls" => [Entry(0, Controls, Controls, Controls), Entry(1, "x", Controls, null, author: Controls)],
        _ => [],
    };

    private static FeedSpec Spec(string name) => new(
        name == "odd" ? Odd : "Feed & Co", name == "empty" ? "" : "News <daily>", "https://example.org/",
        "https://example.org/feed.xml", "https://example.org/feed.json", "Desk \"D\"", "en", Entries(name));

    private static string Atom(FeedSpec spec, IReadOnlyList<byte[]?>? encoded)
    {
        using var output = new MemoryStream();
        AtomFeedWriter.Write(spec, output, encoded);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static string Json(FeedSpec spec, IReadOnlyList<byte[]?>? encoded)
    {
        using var output = new MemoryStream();
        JsonFeedWriter.Write(spec, output, encoded, new FeedEncoders());
        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>Every entry encoded, none, and every other one (copied bytes before and after written entries).</summary>
    private static IEnumerable<IReadOnlyList<byte[]?>> Mixes(FeedSpec spec, Func<FeedEntry, byte[]> encode)
    {
        yield return [.. spec.Entries.Select(encode)];
        yield return [.. spec.Entries.Select(_ => (byte[]?)null)];
        yield return [.. spec.Entries.Select((e, i) => i % 2 == 0 ? encode(e) : null)];
        yield return [.. spec.Entries.Select((e, i) => i % 2 == 1 ? encode(e) : null)];
    }

    [Theory]
    [MemberData(nameof(AtomCases))]
    public void An_atom_feed_of_encoded_entries_is_the_feed_written_entry_by_entry(string name)
    {
        var spec = Spec(name);
        var byEntry = Atom(spec, null);

        foreach (var encoded in Mixes(spec, entry => AtomFeedWriter.Encode(entry, new FeedEncoders()))) Assert.Equal(byEntry, Atom(spec, encoded));
        Assert.EndsWith(spec.Entries.Count > 0 ? "</entry>\n</feed>" : "<generator>StaticBriefs</generator>\n</feed>", byEntry, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(JsonCases))]
    public void A_json_feed_of_encoded_items_is_the_feed_written_item_by_item(string name)
    {
        var spec = Spec(name);
        var byItem = Json(spec, null);

        foreach (var encoded in Mixes(spec, entry => JsonFeedWriter.Encode(entry, new FeedEncoders()))) Assert.Equal(byItem, Json(spec, encoded));
    }

    [Theory]
    [MemberData(nameof(JsonCases))]
    public void A_json_feed_is_what_JsonSerializer_wrote_from_dictionaries(string name)
    {
        var spec = Spec(name);

        Assert.Equal(Serialized(spec), Json(spec, null));
        Assert.Equal(Serialized(spec), Json(spec, [.. spec.Entries.Select(entry => JsonFeedWriter.Encode(entry, new FeedEncoders()))]));
    }

    [Fact]
    public void An_empty_feed_s_items_are_an_empty_array_as_the_serializer_wrote_them()
    {
        Assert.Contains("\"items\": []\n}", Json(Spec("empty"), []), StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_s_bytes_stand_on_their_own_line_at_the_depth_of_an_entry()
    {
        var entry = Entries("plain")[0];

        Assert.StartsWith("\n  <entry>\n    <id>", Encoding.UTF8.GetString(AtomFeedWriter.Encode(entry, new FeedEncoders())), StringComparison.Ordinal);
        Assert.EndsWith("</content>\n  </entry>", Encoding.UTF8.GetString(AtomFeedWriter.Encode(entry, new FeedEncoders())), StringComparison.Ordinal);
        Assert.StartsWith("\n    {\n      \"id\": ", Encoding.UTF8.GetString(JsonFeedWriter.Encode(entry, new FeedEncoders())), StringComparison.Ordinal);
        Assert.EndsWith("\n    }", Encoding.UTF8.GetString(JsonFeedWriter.Encode(entry, new FeedEncoders())), StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_XML_cannot_hold_fails_and_the_next_entry_is_encoded_as_ever()
    {
        var plain = Entries("plain")[0];
        var encoders = new FeedEncoders();
        var expected = AtomFeedWriter.Encode(plain, new FeedEncoders());

        Assert.ThrowsAny<ArgumentException>(() => AtomFeedWriter.Encode(Entries("controls")[0], encoders));
        Assert.Equal(expected, AtomFeedWriter.Encode(plain, encoders));
    }

    /// <summary>JsonFeedWriter as it was: dictionaries in the order written, through JsonSerializer and the site's context.</summary>
    private static string Serialized(FeedSpec feed)
    {
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, TypeInfoResolver = SiteJsonContext.Default };
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
        return JsonSerializer.Serialize(document, (JsonTypeInfo<Dictionary<string, object?>>)options.GetTypeInfo(typeof(Dictionary<string, object?>)));
    }

    private static Dictionary<string, object?> Item(FeedEntry entry)
    {
        var item = new Dictionary<string, object?> { ["id"] = entry.Permalink, ["url"] = entry.Permalink, ["title"] = entry.Title };
        if (entry.ContentHtml is not null) item["content_html"] = entry.ContentHtml;
        else item["content_text"] = entry.Summary.Length > 0 ? entry.Summary : entry.Title;
        if (entry.Summary.Length > 0) item["summary"] = entry.Summary;
        item["date_published"] = Dates.Rfc3339(entry.Published);
        item["date_modified"] = Dates.Rfc3339(entry.Updated);
        if (entry.Author.Length > 0) item["authors"] = new[] { new Dictionary<string, string> { ["name"] = entry.Author } };
        if (entry.Categories.Count > 0) item["tags"] = entry.Tags.ToArray();
        if (entry.Categories.Count > 0 || entry.Relations.Count > 0)
        {
            var extension = new Dictionary<string, object?>
            {
                ["about"] = "https://github.com/staticbriefs/staticbriefs#output",
                ["entities"] = entry.Categories.Select(c => new Dictionary<string, string> { ["kind"] = c.Kind, ["name"] = c.Label, ["url"] = c.Scheme + c.Term + "/" }).ToArray(),
            };
            if (entry.Relations.Count > 0)
            {
                extension["relations"] = entry.Relations.Select(r => new Dictionary<string, object?>
                {
                    ["subject"] = End(r.Subject), ["verb"] = r.Verb, ["object"] = End(r.Object), ["role"] = r.Role, ["date"] = Dates.Iso(r.Date),
                }).ToArray();
            }
            item["_staticbriefs"] = extension;
        }
        return item;
    }

    private static Dictionary<string, string?> End(FeedRelationEnd end) => new() { ["kind"] = end.Kind, ["name"] = end.Name, ["url"] = end.Url };
}
