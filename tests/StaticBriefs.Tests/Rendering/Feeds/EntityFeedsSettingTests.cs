using System.Text.Json;
using System.Xml.Linq;
using StaticBriefs.Diagnostics;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering.Feeds;

/// <summary>
/// <c>feeds: { entities: full | summary | none }</c>: what each company, person and topic's feeds carry, or that there
/// are none; the site's own feeds carry whole briefs whatever it says.
/// </summary>
public sealed class EntityFeedsSettingTests : IDisposable
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly TestSite _site = new();

    public EntityFeedsSettingTests()
    {
        _site.Write("briefs/a.md", TestSite.Brief(
            "title: Acme hires\ndate: 2024-01-01\nsummary: Acme's <first> hire\ncompanies: [Acme]\npeople: [Pat Lee]\ntopics: [Talent]",
            "Acme's **whole** first brief."));
        _site.Write("briefs/b.md", TestSite.Brief("title: Acme again\ndate: 2024-02-01\nsummary: More\ncompanies: [Acme]", "The **second** body."));
    }

    public void Dispose() => _site.Dispose();

    private void Settings(string feeds) =>
        _site.Write("_site.yml", $"title: Desk\nbase_url: https://example.org/sub/\nsocial_images: false\n{feeds}");

    [Fact]
    public void Summary_entity_feeds_carry_each_brief_s_summary_and_link_but_not_its_body_while_the_site_feed_stays_whole()
    {
        Settings("feeds:\n  entities: summary\n");
        _site.BuildOk();

        var entries = XDocument.Parse(_site.ReadOutput("companies/acme/feed.xml")).Descendants(Atom + "entry").ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Null(e.Element(Atom + "content")));
        Assert.Equal("Acme's <first> hire", entries[1].Element(Atom + "summary")!.Value);
        Assert.Equal("https://example.org/sub/briefs/a/", entries[1].Element(Atom + "link")!.Attribute("href")!.Value);

        var items = JsonDocument.Parse(_site.ReadOutput("people/pat-lee/feed.json")).RootElement.GetProperty("items").EnumerateArray().ToList();
        var item = Assert.Single(items);
        Assert.False(item.TryGetProperty("content_html", out _));
        Assert.Equal("Acme's <first> hire", item.GetProperty("content_text").GetString());

        var site = XDocument.Parse(_site.ReadOutput("feed.xml")).Descendants(Atom + "entry").Select(e => e.Element(Atom + "content")!.Value).ToList();
        Assert.Contains(site, html => html.Contains("<strong>whole</strong>", StringComparison.Ordinal));
        Assert.Contains("Follow:", _site.Html("companies/acme/index.html").QuerySelector(".term-header .meta")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Full_is_the_default_and_entity_feeds_then_carry_each_brief_whole()
    {
        Settings("");
        _site.BuildOk();

        var content = XDocument.Parse(_site.ReadOutput("companies/acme/feed.xml")).Descendants(Atom + "content").Select(c => c.Value).ToList();
        Assert.Contains(content, html => html.Contains("<strong>second</strong>", StringComparison.Ordinal));
    }

    [Fact]
    public void With_none_no_entity_feed_is_written_and_entity_pages_offer_the_site_s_feeds_instead()
    {
        Settings("feeds: { entities: none }\n");
        _site.BuildOk();

        foreach (var feed in (string[])["companies/acme/feed.xml", "companies/acme/feed.json", "people/pat-lee/feed.xml", "topics/talent/feed.json"])
            Assert.False(_site.OutputExists(feed), feed);
        Assert.True(_site.OutputExists("feed.xml"));
        Assert.True(_site.OutputExists("feed.json"));
        var page = _site.Html("companies/acme/index.html");
        Assert.DoesNotContain("Follow:", page.QuerySelector(".term-header .meta")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["/sub/feed.xml", "/sub/feed.json"], page.QuerySelectorAll("link[rel=alternate]").Select(l => l.GetAttribute("href")!).ToArray());
        Assert.DoesNotContain(_site.OutputFiles(), f => f.StartsWith("companies/", StringComparison.Ordinal) && f.EndsWith("feed.xml", StringComparison.Ordinal));
    }

    [Fact]
    public void Entity_pages_without_feeds_are_the_same_from_the_template_as_from_its_CSharp_twin()
    {
        Settings("feeds: { entities: none }\n");
        _site.BuildOk();
        var inCSharp = _site.OutputHash();

        _site.UseBuiltInTemplateAsOwn("layouts/term.sbn");
        _site.BuildOk();

        Assert.Equal(inCSharp, _site.OutputHash());
    }

    [Fact]
    public void A_link_to_an_entity_feed_is_broken_when_there_are_none()
    {
        _site.Write("briefs/c.md", TestSite.Brief("title: Follow Acme\ndate: 2024-03-01", "Follow [Acme's feed](/companies/acme/feed.xml)."));
        Settings("");
        _site.BuildOk();

        Settings("feeds: { entities: none }\n");
        var result = _site.Build();

        var broken = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.BrokenLink);
        Assert.Equal(Severity.Error, broken.Severity);
        Assert.Equal("briefs/c.md", broken.File);
        Assert.Equal(6, broken.Line);
    }

    [Fact]
    public void A_cached_build_after_an_edit_writes_what_a_clean_build_writes_in_each_mode()
    {
        foreach (var mode in (string[])["summary", "none"])
        {
            Settings($"feeds: {{ entities: {mode} }}\n");
            var cache = Path.Combine(_site.Root, "cache-" + mode);
            _site.BuildOk(o => o with { UseCache = true, CacheDirectory = cache });
            _site.Write("briefs/d.md", TestSite.Brief($"title: Newest {mode}\ndate: 2024-04-01\nsummary: New\ncompanies: [Acme, Beta]", "New **body**."));
            _site.BuildOk(o => o with { UseCache = true, CacheDirectory = cache });
            var cached = _site.OutputHash();

            _site.BuildOk();

            Assert.Equal(_site.OutputHash(), cached);
            Assert.Equal(mode == "summary", _site.OutputExists("companies/beta/feed.xml"));
            _site.Delete("briefs/d.md");
        }
    }

    [Fact]
    public void Feed_entries_bound_every_feed_and_a_cached_add_pushes_the_oldest_out_as_a_clean_build_does()
    {
        Settings("feeds: { entries: 1 }\n");
        var cache = Path.Combine(_site.Root, "cache-entries");
        _site.BuildOk(o => o with { UseCache = true, CacheDirectory = cache });
        Assert.Equal(["Acme again"], Titles("feed.xml"));
        Assert.Equal(["Acme again"], Titles("companies/acme/feed.xml"));
        Assert.Equal(["Acme hires"], Titles("people/pat-lee/feed.xml"));

        _site.Write("briefs/e.md", TestSite.Brief("title: Newest\ndate: 2024-05-01\nsummary: N\ncompanies: [Acme]", "Newest body."));
        _site.BuildOk(o => o with { UseCache = true, CacheDirectory = cache });
        var cached = _site.OutputHash();
        Assert.Equal(["Newest"], Titles("feed.xml"));
        Assert.Equal(["Newest"], Titles("companies/acme/feed.xml"));
        Assert.Single(JsonDocument.Parse(_site.ReadOutput("companies/acme/feed.json")).RootElement.GetProperty("items").EnumerateArray());

        _site.BuildOk();

        Assert.Equal(_site.OutputHash(), cached);
    }

    private List<string> Titles(string feed) =>
        [.. XDocument.Parse(_site.ReadOutput(feed)).Descendants(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value)];
}
