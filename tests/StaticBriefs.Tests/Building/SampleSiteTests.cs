using System.Xml.Linq;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Building;

/// <summary>Builds the repository's own sample site once and checks the pages a reader expects.</summary>
public sealed class SampleSiteFixture : IDisposable
{
    public SampleSiteFixture()
    {
        Site = TestSite.CopyOf(RepoPaths.SampleInput);
        var result = Site.Build(o => o with { Now = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero) });
        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
    }

    internal TestSite Site { get; }

    public void Dispose() => Site.Dispose();
}

public sealed class SampleSiteTests(SampleSiteFixture fixture) : IClassFixture<SampleSiteFixture>
{
    private TestSite Site => fixture.Site;

    [Theory]
    [InlineData("index.html")]
    [InlineData("page/2/index.html")]
    [InlineData("archive/index.html")]
    [InlineData("archive/2024/index.html")]
    [InlineData("companies/index.html")]
    [InlineData("people/index.html")]
    [InlineData("topics/index.html")]
    [InlineData("about/index.html")]
    [InlineData("methodology/index.html")]
    [InlineData("404.html")]
    [InlineData("sitemap.xml")]
    [InlineData("robots.txt")]
    [InlineData("feed.xml")]
    [InlineData("feed.json")]
    [InlineData("search/index.html")]
    public void Every_required_page_exists(string file)
    {
        Assert.True(Site.OutputExists(file), file);
    }

    [Fact]
    public void Archive_index_links_one_page_per_year_and_each_year_page_lists_exactly_that_years_briefs()
    {
        var years = Site.Html("archive/index.html").QuerySelectorAll(".archive-year h2 a").Select(a => a.GetAttribute("href")).ToList();
        var briefPages = Directory.GetDirectories(Path.Combine(Site.OutputDirectory, "briefs")).Length;

        Assert.Equal(["/archive/2026/", "/archive/2025/", "/archive/2024/"], years);
        var listed = 0;
        foreach (var year in years)
        {
            var page = Site.Html(year!.Trim('/') + "/index.html");
            var dates = page.QuerySelectorAll(".archive-list time").Select(t => t.GetAttribute("datetime")!).ToList();
            Assert.NotEmpty(dates);
            Assert.All(dates, d => Assert.StartsWith(year.Split('/')[2], d, StringComparison.Ordinal));
            Assert.Equal("page", page.QuerySelector(".archive-years a[href='" + year + "']")!.GetAttribute("aria-current"));
            listed += dates.Count;
        }
        Assert.Equal(briefPages, listed);
        Assert.Contains("/archive/2024/", Site.ReadOutput("sitemap.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Doc_pages_are_in_the_header_nav()
    {
        var nav = Site.Html("index.html").QuerySelectorAll(".site-nav a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Contains("/about/", nav);
        Assert.Contains("/methodology/", nav);
        Assert.True(nav.IndexOf("/about/") < nav.IndexOf("/methodology/"));
    }

    [Fact]
    public void A_company_page_lists_at_least_three_briefs()
    {
        var cards = Site.Html("companies/openai/index.html").QuerySelectorAll(".timeline .card-title a").ToList();

        Assert.True(cards.Count >= 3, $"{cards.Count} briefs");
        Assert.All(cards, a => Assert.True(Site.OutputExists(a.GetAttribute("href")!.TrimStart('/') + "index.html")));
    }

    [Fact]
    public void Site_feed_has_at_most_twenty_entries_and_here_all_eighteen_published_briefs()
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = XDocument.Parse(Site.ReadOutput("feed.xml")).Root!.Elements(atom + "entry").ToList();

        Assert.InRange(entries.Count, 1, 20);
        Assert.Equal(18, entries.Count);
        Assert.Equal("https://briefs.example.org/briefs/karpathy-joins-anthropic/", entries[0].Element(atom + "id")!.Value);
    }

    [Fact]
    public void Home_pages_split_eighteen_briefs_ten_and_eight()
    {
        // The first page's newest brief leads it; the other nine are cards.
        Assert.Equal(1, Site.Html("index.html").QuerySelectorAll("article.lead").Length);
        Assert.Equal(9, Site.Html("index.html").QuerySelectorAll(".cards .card").Length);
        Assert.Equal(8, Site.Html("page/2/index.html").QuerySelectorAll(".cards .card").Length);
        Assert.False(Site.OutputExists("page/3/index.html"));
    }

    [Fact]
    public void Karpathy_brief_page_has_every_part_a_reader_expects()
    {
        var page = Site.Html("briefs/karpathy-joins-anthropic/index.html");

        Assert.Equal("Andrej Karpathy joins Anthropic's pre-training team", LinkChecker.Single(page, "article.brief h1").TextContent);
        Assert.Equal("2026-05-19", LinkChecker.Single(page, ".brief-header time").GetAttribute("datetime"));
        Assert.Matches(@"\d+ min read", LinkChecker.Single(page, ".brief-header .meta").TextContent);
        Assert.StartsWith("The OpenAI co-founder", LinkChecker.Single(page, ".brief-header .lede").TextContent, StringComparison.Ordinal);
        Assert.Equal(["#who-he-is", "#what-pre-training-is", "#why-it-matters"],
            page.QuerySelectorAll("nav.toc a").Select(a => a.GetAttribute("href")));
        Assert.NotNull(page.GetElementById("who-he-is"));
        Assert.Contains("pre-training team", LinkChecker.Single(page, ".prose").TextContent, StringComparison.Ordinal);
        Assert.Equal("/briefs/karpathy-eureka-labs/", page.QuerySelector(".prose a:not(.entity-link)")!.GetAttribute("href"));
        Assert.Contains("/companies/anthropic/", page.QuerySelectorAll(".brief-aside .tag-company a").Select(a => a.GetAttribute("href")));
        Assert.Contains("/people/andrej-karpathy/", page.QuerySelectorAll(".brief-aside .tag-person a").Select(a => a.GetAttribute("href")));
        Assert.Contains("/topics/talent/", page.QuerySelectorAll(".brief-aside .tag-topic a").Select(a => a.GetAttribute("href")));
        Assert.Equal("https://www.anthropic.com/news", LinkChecker.Single(page, ".sources a").GetAttribute("href"));
        Assert.Equal("/briefs/deepseek-r1-distilled-locally/", LinkChecker.Single(page, ".prev-next a[rel=prev]").GetAttribute("href"));
        Assert.Null(page.QuerySelector(".prev-next a[rel=next]"));
        Assert.InRange(page.QuerySelectorAll(".related .related-list li a").Length, 1, 5);
    }

    [Fact]
    public void Draft_brief_is_not_built()
    {
        Assert.False(Site.OutputExists("briefs/openai-o1-preview/index.html"));
        Assert.DoesNotContain("openai-o1-preview", Site.ReadOutput("sitemap.xml"), StringComparison.Ordinal);
        Assert.DoesNotContain("openai-o1-preview", Site.ReadOutput("archive/2024/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_brief_is_built_with_drafts()
    {
        using var site = TestSite.CopyOf(RepoPaths.SampleInput);
        site.BuildOk(o => o with { IncludeDrafts = true, Now = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero) });

        Assert.True(site.OutputExists("briefs/openai-o1-preview/index.html"));
    }

    [Fact]
    public void Every_internal_link_of_the_sample_site_points_at_a_built_file()
    {
        Assert.Empty(LinkChecker.Problems(Site, "/"));
    }

    [Fact]
    public void Sample_site_with_a_sub_path_base_url_keeps_every_link_under_it()
    {
        using var site = TestSite.CopyOf(RepoPaths.SampleInput);
        site.BuildOk(o => o with { BaseUrl = "https://x.org/briefs-site/", Now = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero) });

        Assert.Empty(LinkChecker.Problems(site, "/briefs-site/"));
    }
}
