using System.Xml.Linq;
using StaticBriefs.Rendering.Feeds;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering.Feeds;

public sealed class SitemapWriterTests
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static List<SitemapEntry> Entries(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new SitemapEntry($"https://example.org/briefs/b{i}/", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i % 700)))];

    private static string Permalink(string path) => "https://example.org" + path;

    [Fact]
    public void A_urlset_written_by_hand_is_what_XmlWriter_writes_escapes_and_dates_included()
    {
        var evening = new DateTimeOffset(2024, 3, 9, 23, 30, 0, TimeSpan.FromHours(-5));
        List<SitemapEntry> entries =
        [
            new("https://example.org/", evening),
            new("https://example.org/briefs/r&d-<lead>-moves/?a=1&b=\"2\"'3'", null),
            new("https://example.org/people/zoë-müller/", new DateTimeOffset(2020, 2, 29, 0, 0, 0, TimeSpan.Zero)),
            new("https://example.org/topics/a>b/", evening.AddYears(-3)),
        ];

        Assert.Equal(SitemapWriter.UrlSetThroughXmlWriter(entries), SitemapWriter.UrlSet(entries));
        Assert.Contains("<loc>https://example.org/briefs/r&amp;d-&lt;lead&gt;-moves/?a=1&amp;b=\"2\"'3'</loc>", SitemapWriter.UrlSet(entries), StringComparison.Ordinal);
        // A location XmlWriter would check or rewrite (a control character, an emoji's surrogates) goes through it.
        List<SitemapEntry> odd = [.. entries, new("https://example.org/briefs/\U0001F680-launch/", evening)];
        Assert.Equal(SitemapWriter.UrlSetThroughXmlWriter(odd), SitemapWriter.UrlSet(odd));
        Assert.Equal(SitemapWriter.UrlSetThroughXmlWriter([]), SitemapWriter.UrlSet([]));
    }

    [Fact]
    public void Above_50000_urls_sitemap_xml_is_an_index_of_files_within_the_limit()
    {
        var entries = Entries(120_001);

        var files = SitemapWriter.Files(entries, Permalink, SitemapWriter.MaxUrls, SitemapWriter.MaxBytes);

        Assert.Equal(["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"], files.Select(f => f.Name));
        var index = XDocument.Parse(files[0].Content);
        Assert.Equal(Ns + "sitemapindex", index.Root!.Name);
        Assert.Equal(
            ["https://example.org/sitemap-1.xml", "https://example.org/sitemap-2.xml", "https://example.org/sitemap-3.xml"],
            index.Root.Elements(Ns + "sitemap").Select(s => s.Element(Ns + "loc")!.Value));
        var urls = new List<string>();
        foreach (var (_, content) in files.Skip(1))
        {
            var set = XDocument.Parse(content);
            Assert.Equal(Ns + "urlset", set.Root!.Name);
            var locations = set.Root.Elements(Ns + "url").Select(u => u.Element(Ns + "loc")!.Value).ToList();
            Assert.InRange(locations.Count, 1, SitemapWriter.MaxUrls);
            urls.AddRange(locations);
        }
        Assert.Equal(entries.Select(e => e.Location), urls);
    }

    [Fact]
    public void A_file_is_also_split_before_it_passes_the_byte_limit()
    {
        var files = SitemapWriter.Files(Entries(1_000), Permalink, SitemapWriter.MaxUrls, maxBytes: 40_000);

        Assert.True(files.Count > 2, $"{files.Count} files");
        Assert.All(files.Skip(1), f => Assert.True(System.Text.Encoding.UTF8.GetByteCount(f.Content) <= 40_000, f.Name));
    }

    [Fact]
    public void Within_the_limits_there_is_one_plain_sitemap()
    {
        var files = SitemapWriter.Files(Entries(50_000), Permalink, SitemapWriter.MaxUrls, SitemapWriter.MaxBytes);

        var (name, content) = Assert.Single(files);
        Assert.Equal("sitemap.xml", name);
        Assert.Equal(50_000, XDocument.Parse(content).Root!.Elements(Ns + "url").Count());
    }

    [Fact]
    public void The_sample_site_keeps_one_sitemap()
    {
        using var site = TestSite.CopyOf(RepoPaths.SampleInput);
        site.BuildOk();

        Assert.Equal(Ns + "urlset", XDocument.Parse(site.ReadOutput("sitemap.xml")).Root!.Name);
        Assert.DoesNotContain(site.OutputFiles(), f => f.StartsWith("sitemap-", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sitemap_that_would_say_what_the_last_one_said_is_not_written_again()
    {
        using var site = new TestSite();
        site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2024-01-01T09:00:00Z\ntopics: [AI]"));
        site.Write("briefs/b.md", TestSite.Brief("title: B\ndate: 2024-02-01T09:00:00Z"));
        StaticBriefs.Model.SiteModel Model()
        {
            var bag = new StaticBriefs.Diagnostics.DiagnosticBag();
            return StaticBriefs.Model.SiteAssembler.Assemble(
                StaticBriefs.Loading.SiteLoader.Load(site.InputDirectory, bag), new StaticBriefs.Model.AssemblyOptions(false, false, TestSite.Now), bag);
        }
        var urls = new StaticBriefs.Rendering.Views.UrlBuilder(new Uri("https://example.org/"));
        var first = new StaticBriefs.Tests.Search.InMemoryOutputSink();
        var written = SitemapWriter.Write(Model(), urls, first);
        Assert.Contains("https://example.org/topics/ai/", first.Text("sitemap.xml"), StringComparison.Ordinal);

        // Another hour of the same day: the file would be the same, so nothing is written.
        site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2024-01-01T17:00:00Z\ntopics: [AI]"));
        var same = new StaticBriefs.Tests.Search.InMemoryOutputSink();
        Assert.Same(written, SitemapWriter.Write(Model(), urls, same, written));
        Assert.Empty(same.Files);

        // Another day: written, as a first write would make it.
        site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2024-01-02T09:00:00Z\ntopics: [AI]"));
        var changed = new StaticBriefs.Tests.Search.InMemoryOutputSink();
        SitemapWriter.Write(Model(), urls, changed, written);
        var fresh = new StaticBriefs.Tests.Search.InMemoryOutputSink();
        SitemapWriter.Write(Model(), urls, fresh);
        Assert.Equal(fresh.Text("sitemap.xml"), changed.Text("sitemap.xml"));
        Assert.Contains("<lastmod>2024-01-02</lastmod>", changed.Text("sitemap.xml"), StringComparison.Ordinal);
    }
}
