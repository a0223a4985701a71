using System.Text.Json;
using System.Xml.Linq;
using StaticBriefs.Rendering.Feeds;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering.Feeds;

/// <summary>What feed readers get: absolute links, full content in entity feeds, categories by kind, readable JSON.</summary>
public sealed class FeedContentTests : IDisposable
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly TestSite _site = new();

    public FeedContentTests()
    {
        _site.Write("_site.yml", "title: Desk\nbase_url: https://example.org/sub/\n");
        _site.Write("img/chart.png", "png");
        _site.Write("briefs/a.md", TestSite.Brief("title: Anthropic's first\ndate: 2024-01-01\nsummary: It's <small>\ncompanies: [OpenAI]\npeople: [Sam Altman]\ntopics: [Talent]",
            "See [the second](/briefs/b/) and ![chart](/img/chart.png), [notes](#n) and [elsewhere](https://other.example/x)."));
        _site.Write("briefs/b.md", TestSite.Brief("title: Second\ndate: 2024-02-01\nsummary: S2\ncompanies: [OpenAI]", "Second's **body**."));
        _site.BuildOk();
    }

    public void Dispose() => _site.Dispose();

    [Theory]
    [InlineData("feed.xml")]
    [InlineData("feed.json")]
    [InlineData("companies/openai/feed.xml")]
    [InlineData("companies/openai/feed.json")]
    public void Links_and_images_in_feed_content_are_absolute(string feed)
    {
        var html = ContentOf(feed, "https://example.org/sub/briefs/a/");

        Assert.Contains("href=\"https://example.org/sub/briefs/b/\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"https://example.org/sub/img/chart.png\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://other.example/x\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#n\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("=\"/", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_build_with_the_cache_writes_the_same_feeds()
    {
        // Without the cache a brief keeps one copy of its body with absolute links; with it, the body the cache keeps,
        // made absolute by the feeds that show it: the feeds must not tell the two apart.
        var output = Path.Combine(_site.Root, "cached-out");
        var result = StaticBriefs.Building.SiteBuild.Run(_site.Options with
        {
            OutputDirectory = output,
            UseCache = true,
            CacheDirectory = Path.Combine(_site.Root, "cache"),
        });

        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        foreach (var feed in (string[])["feed.xml", "feed.json", "companies/openai/feed.xml", "people/sam-altman/feed.json"])
            Assert.Equal(_site.ReadOutput(feed), File.ReadAllText(Path.Combine(output, feed)));
    }

    [Fact]
    public void Entity_feeds_carry_the_full_content_of_each_brief()
    {
        var entry = XDocument.Parse(_site.ReadOutput("companies/openai/feed.xml")).Descendants(Atom + "entry").First();

        Assert.Equal("html", entry.Element(Atom + "content")!.Attribute("type")!.Value);
        Assert.Contains("<strong>body</strong>", entry.Element(Atom + "content")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Atom_categories_name_the_entity_its_kind_and_its_label()
    {
        var categories = XDocument.Parse(_site.ReadOutput("feed.xml")).Descendants(Atom + "entry").Last().Elements(Atom + "category")
            .Select(c => (c.Attribute("term")!.Value, c.Attribute("label")!.Value, c.Attribute("scheme")!.Value)).ToList();

        Assert.Equal(
            [("openai", "OpenAI", "https://example.org/sub/companies/"), ("sam-altman", "Sam Altman", "https://example.org/sub/people/"),
             ("talent", "Talent", "https://example.org/sub/topics/")],
            categories);
    }

    [Fact]
    public void Json_feed_is_readable_json_without_needless_escapes_and_labels_entities_by_kind()
    {
        var text = _site.ReadOutput("feed.json");
        using var json = JsonDocument.Parse(text);
        var item = json.RootElement.GetProperty("items").EnumerateArray().Last();

        Assert.DoesNotContain("\\u0027", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u003C", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Anthropic's first", text, StringComparison.Ordinal);
        Assert.Equal("It's <small>", item.GetProperty("summary").GetString());
        var entities = item.GetProperty("_staticbriefs").GetProperty("entities").EnumerateArray()
            .Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("name").GetString(), e.GetProperty("url").GetString())).ToList();
        Assert.Equal(
            [("companies", "OpenAI", "https://example.org/sub/companies/openai/"), ("people", "Sam Altman", "https://example.org/sub/people/sam-altman/"),
             ("topics", "Talent", "https://example.org/sub/topics/talent/")],
            entities);
    }

    [Theory]
    [InlineData("<a href=\"/x/\">", "<a href=\"https://h.example/x/\">")]
    [InlineData("<img src='/i.png'>", "<img src='https://h.example/i.png'>")]
    [InlineData("<a href=\"//cdn.example/x\">", "<a href=\"//cdn.example/x\">")]
    [InlineData("<a href=\"https://a.example/\">", "<a href=\"https://a.example/\">")]
    [InlineData("<a href=\"#f\">", "<a href=\"#f\">")]
    [InlineData("<p>href=\"/not-an-attribute\" in text</p>", "<p>href=\"https://h.example/not-an-attribute\" in text</p>")]
    public void Root_relative_urls_get_the_site_origin(string html, string expected)
    {
        // The last case shows the rule is textual; bodies escape quotes in text (&quot;), so it never meets one.
        Assert.Equal(expected, FeedHtml.Absolute(html, "https://h.example/sub/"));
    }

    private string ContentOf(string feed, string permalink)
    {
        if (feed.EndsWith(".json", StringComparison.Ordinal))
        {
            using var json = JsonDocument.Parse(_site.ReadOutput(feed));
            return json.RootElement.GetProperty("items").EnumerateArray()
                .Single(i => i.GetProperty("id").GetString() == permalink).GetProperty("content_html").GetString()!;
        }
        return XDocument.Parse(_site.ReadOutput(feed)).Descendants(Atom + "entry")
            .Single(e => e.Element(Atom + "id")!.Value == permalink).Element(Atom + "content")!.Value;
    }
}
