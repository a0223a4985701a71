using System.Text.Json;
using System.Xml.Linq;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering;

/// <summary>Hostile text in every front matter field must come out as text, never as markup.</summary>
public sealed class EscapingTests : IDisposable
{
    private const string Script = "<script>alert(1)</script>";
    private const string Attribute = "\"onmouseover=\"x";
    private readonly TestSite _site = new();

    public EscapingTests()
    {
        string Evil(string label) => $"'{label} {Script} {Attribute} & co'";
        _site.Write("briefs/evil.md", $"""
            ---
            title: {Evil("Title")}
            date: 2024-03-01
            summary: {Evil("Summary")}
            author: {Evil("Author")}
            slug: evil
            companies: [{Evil("Company")}]
            people: [{Evil("Person")}]
            topics: [{Evil("Topic")}]
            sources: [{Evil("https://example.org/?a=1")}]
            mood: {Evil("Mood")}
            ---

            Body with {Script} and a [link](https://example.org/?q="onmouseover="x).
            """);
        _site.Write("briefs/plain.md", TestSite.Brief($"title: Plain\ndate: 2024-02-01\ncompanies: [{Evil("Company")}]"));
        _site.BuildOk();
    }

    public void Dispose() => _site.Dispose();

    [Fact]
    public void No_html_page_contains_an_injected_script_or_event_handler()
    {
        var pages = _site.OutputFiles().Where(f => f.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.Contains("briefs/evil/index.html", pages);
        Assert.Contains("index.html", pages);
        Assert.Contains("archive/index.html", pages);
        Assert.Contains(pages, p => p.StartsWith("companies/", StringComparison.Ordinal) && p != "companies/index.html");
        Assert.Contains(pages, p => p.StartsWith("people/", StringComparison.Ordinal) && p != "people/index.html");
        Assert.Contains(pages, p => p.StartsWith("topics/", StringComparison.Ordinal) && p != "topics/index.html");

        foreach (var page in pages)
        {
            var text = _site.ReadOutput(page);
            Assert.DoesNotContain("<script>alert", text, StringComparison.Ordinal);
            var dom = TestSite.Parse(text);
            Assert.Empty(dom.QuerySelectorAll("[onmouseover]"));
            // JSON-LD legitimately carries the title as data; it must stay inert JSON that cannot close its element.
            var scripts = dom.QuerySelectorAll("script").ToList();
            Assert.DoesNotContain(scripts.Where(s => s.GetAttribute("type") != "application/ld+json"),
                s => s.TextContent.Contains("alert(1)", StringComparison.Ordinal));
            foreach (var data in scripts.Where(s => s.GetAttribute("type") == "application/ld+json"))
            {
                Assert.DoesNotContain("<", data.TextContent, StringComparison.Ordinal);
                using var json = JsonDocument.Parse(data.TextContent);
            }
        }
    }

    [Fact]
    public void Hostile_text_is_shown_to_the_reader_exactly_as_written()
    {
        var dom = _site.Html("briefs/evil/index.html");

        Assert.Equal($"Title {Script} {Attribute} & co", LinkChecker.Single(dom, "h1").TextContent);
        Assert.Equal($"Summary {Script} {Attribute} & co", LinkChecker.Single(dom, ".lede").TextContent);
        Assert.Contains($"by Author {Script} {Attribute} & co", LinkChecker.Single(dom, ".meta").TextContent);
        Assert.Equal($"Company {Script} {Attribute} & co", LinkChecker.Single(dom, ".tag-company a").TextContent);
        // A source reads as its site (its address has no path to make a title of) and links to the address as written.
        var source = LinkChecker.Single(dom, ".sources a");
        Assert.Equal("example.org", source.TextContent);
        Assert.Equal($"https://example.org/?a=1 {Script} {Attribute} & co", source.GetAttribute("href"));
        Assert.Equal($"Title {Script} {Attribute} & co", dom.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
    }

    [Fact]
    public void Feeds_and_json_ld_carry_the_text_escaped_but_intact()
    {
        var atom = _site.ReadOutput("feed.xml");
        Assert.DoesNotContain("<script>alert", atom, StringComparison.Ordinal);
        XNamespace ns = "http://www.w3.org/2005/Atom";
        var titles = XDocument.Parse(atom).Root!.Elements(ns + "entry").Select(e => e.Element(ns + "title")!.Value);
        Assert.Contains($"Title {Script} {Attribute} & co", titles);

        // The JSON feed is data served as JSON, never parsed as HTML: '<' and '\'' stay as written (issue 13 counted 2,272
        // needless escapes). The JSON-LD inside pages, which HTML does parse, keeps escaping them (see above).
        var json = _site.ReadOutput("feed.json");
        using var feed = JsonDocument.Parse(json);
        Assert.Equal($"Title {Script} {Attribute} & co", feed.RootElement.GetProperty("items")[0].GetProperty("title").GetString());

        var company = _site.OutputFiles().First(f => f.StartsWith("companies/", StringComparison.Ordinal) && f.EndsWith("/feed.xml", StringComparison.Ordinal));
        Assert.DoesNotContain("<script>alert", _site.ReadOutput(company), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_front_matter_key_is_kept_but_not_rendered_by_the_theme()
    {
        Assert.DoesNotContain("Mood", _site.ReadOutput("briefs/evil/index.html"), StringComparison.Ordinal);
    }
}
