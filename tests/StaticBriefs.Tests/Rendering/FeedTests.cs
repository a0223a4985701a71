using System.Text.Json;
using System.Xml.Linq;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering;

/// <summary>Feeds, sitemap and structured data of a small built site.</summary>
public sealed class FeedTests : IDisposable
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private readonly TestSite _site = new();

    public FeedTests()
    {
        _site.Write("_site.yml", "title: Feed & Co\ndescription: News\nbase_url: https://example.org/news/\nauthor: Desk\n");
        _site.Write("briefs/a.md", TestSite.Brief("title: First\ndate: 2024-01-01\nsummary: S1\ncompanies: [OpenAI]", "Body **one**."));
        _site.Write("briefs/b.md", TestSite.Brief("title: Second <b>\ndate: 2024-02-01T08:00:00+02:00\nupdated: 2024-02-03\nsummary: S2\nauthor: Ann\ncompanies: [OpenAI, Anthropic]\ntopics: [Talent]", "Body two."));
        _site.Write("about.md", "---\ntitle: About\nlayout: page\n---\nHi\n");
        _site.BuildOk();
    }

    public void Dispose() => _site.Dispose();

    [Fact]
    public void Atom_feed_has_the_required_feed_and_entry_elements()
    {
        var feed = XDocument.Parse(_site.ReadOutput("feed.xml")).Root!;

        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal("https://example.org/news/feed.xml", feed.Element(Atom + "id")!.Value);
        Assert.Equal("Feed & Co", feed.Element(Atom + "title")!.Value);
        Assert.Equal("2024-02-03T00:00:00Z", feed.Element(Atom + "updated")!.Value);
        Assert.Equal("Desk", feed.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        var self = feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self");
        Assert.Equal("https://example.org/news/feed.xml", (string?)self.Attribute("href"));

        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal(["Second <b>", "First"], entries.Select(e => e.Element(Atom + "title")!.Value));
        Assert.Equal("https://example.org/news/briefs/b/", entries[0].Element(Atom + "id")!.Value);
        Assert.Equal("2024-02-03T00:00:00Z", entries[0].Element(Atom + "updated")!.Value);
        Assert.Equal("2024-02-01T06:00:00Z", entries[0].Element(Atom + "published")!.Value);
        Assert.Equal("https://example.org/news/briefs/b/", (string?)entries[0].Element(Atom + "link")!.Attribute("href"));
        Assert.Equal("Ann", entries[0].Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Equal(["OpenAI", "Anthropic", "Talent"], entries[0].Elements(Atom + "category").Select(c => (string?)c.Attribute("label")));
        Assert.Equal(["openai", "anthropic", "talent"], entries[0].Elements(Atom + "category").Select(c => (string?)c.Attribute("term")));
        Assert.Equal("<p>Body <strong>one</strong>.</p>", entries[1].Element(Atom + "content")!.Value.Trim());
        Assert.Equal("html", (string?)entries[1].Element(Atom + "content")!.Attribute("type"));
    }

    [Fact]
    public void Json_feed_is_version_1_1_with_items_having_id_and_content()
    {
        using var json = JsonDocument.Parse(_site.ReadOutput("feed.json"));
        var root = json.RootElement;

        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        Assert.Equal("Feed & Co", root.GetProperty("title").GetString());
        Assert.Equal("https://example.org/news/feed.json", root.GetProperty("feed_url").GetString());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["https://example.org/news/briefs/b/", "https://example.org/news/briefs/a/"], items.Select(i => i.GetProperty("id").GetString()));
        Assert.Equal("Second <b>", items[0].GetProperty("title").GetString());
        Assert.Equal("<p>Body two.</p>", items[0].GetProperty("content_html").GetString()!.Trim());
        Assert.Equal("2024-02-01T06:00:00Z", items[0].GetProperty("date_published").GetString());
    }

    [Fact]
    public void Every_entity_has_its_own_atom_and_json_feed_with_only_its_briefs()
    {
        var anthropic = XDocument.Parse(_site.ReadOutput("companies/anthropic/feed.xml")).Root!;
        Assert.Equal("https://example.org/news/companies/anthropic/feed.xml", anthropic.Element(Atom + "id")!.Value);
        var entry = Assert.Single(anthropic.Elements(Atom + "entry"));
        Assert.Equal("Second <b>", entry.Element(Atom + "title")!.Value);
        Assert.Contains("Body two.", entry.Element(Atom + "content")!.Value, StringComparison.Ordinal); // entity feeds carry full content too
        Assert.Equal("S2", entry.Element(Atom + "summary")!.Value);

        using var json = JsonDocument.Parse(_site.ReadOutput("companies/openai/feed.json"));
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.True(i.TryGetProperty("content_html", out _)));
        Assert.True(_site.OutputExists("topics/talent/feed.xml"));
        Assert.True(_site.OutputExists("topics/talent/feed.json"));
    }

    [Fact]
    public void Term_pages_advertise_their_own_feeds()
    {
        var page = _site.Html("companies/openai/index.html");

        Assert.Equal(["/news/companies/openai/feed.xml", "/news/companies/openai/feed.json"],
            page.QuerySelectorAll("link[rel=alternate]").Select(l => l.GetAttribute("href")));
    }

    [Fact]
    public void Sitemap_is_valid_xml_listing_every_brief_with_an_absolute_url()
    {
        var text = _site.ReadOutput("sitemap.xml");
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text);
        var urls = XDocument.Parse(text).Root!.Elements(Sitemap + "url").ToList();
        var locations = urls.Select(u => u.Element(Sitemap + "loc")!.Value).ToList();

        Assert.All(locations, l => Assert.True(Uri.TryCreate(l, UriKind.Absolute, out var uri) && uri.AbsolutePath.StartsWith("/news/", StringComparison.Ordinal), l));
        Assert.Contains("https://example.org/news/briefs/a/", locations);
        Assert.Contains("https://example.org/news/briefs/b/", locations);
        Assert.Contains("https://example.org/news/about/", locations);
        Assert.Contains("https://example.org/news/companies/openai/", locations);
        Assert.Equal(locations.Count, locations.Distinct().Count());
        var b = urls.Single(u => u.Element(Sitemap + "loc")!.Value.EndsWith("/briefs/b/", StringComparison.Ordinal));
        Assert.Equal("2024-02-03", b.Element(Sitemap + "lastmod")!.Value);
    }

    [Fact]
    public void Robots_txt_names_the_absolute_sitemap()
    {
        Assert.Contains("Sitemap: https://example.org/news/sitemap.xml", _site.ReadOutput("robots.txt"));
    }

    [Fact]
    public void Brief_page_json_ld_parses_as_a_news_article()
    {
        var script = LinkChecker.Single(_site.Html("briefs/b/index.html"), "script[type='application/ld+json']");
        using var json = JsonDocument.Parse(script.TextContent);
        var root = json.RootElement;

        Assert.Equal("NewsArticle", root.GetProperty("@type").GetString());
        Assert.Equal("Second <b>", root.GetProperty("headline").GetString());
        Assert.Equal("https://example.org/news/briefs/b/", root.GetProperty("url").GetString());
        Assert.Equal("2024-02-01T08:00:00+02:00", root.GetProperty("datePublished").GetString());
        Assert.Equal("2024-02-03", root.GetProperty("dateModified").GetString());
        Assert.Equal("Ann", root.GetProperty("author").GetProperty("name").GetString());
        Assert.DoesNotContain("<b>", script.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Home_page_json_ld_is_a_website_with_a_search_action()
    {
        var script = LinkChecker.Single(_site.Html("index.html"), "script[type='application/ld+json']");
        using var json = JsonDocument.Parse(script.TextContent);

        Assert.Equal("WebSite", json.RootElement.GetProperty("@type").GetString());
        Assert.Equal("https://example.org/news/search/?q={query}",
            json.RootElement.GetProperty("potentialAction").GetProperty("target").GetString());
    }
}
