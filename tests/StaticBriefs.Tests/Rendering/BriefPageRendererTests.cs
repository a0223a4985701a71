using StaticBriefs.Rendering;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering;

/// <summary>When a brief page shows its contents list, and where (beside the text, or also above it on phones).</summary>
public sealed class BriefPageRendererTests : IDisposable
{
    private readonly TestSite _site = new();

    public BriefPageRendererTests()
    {
        _site.Write("_site.yml", "title: Desk\nbase_url: https://example.org/\n");
        _site.Write("briefs/short.md", TestSite.Brief("title: Short\ndate: 2024-01-10\ncompanies: [Anthropic]", Sections(3, 40)));
        _site.Write("briefs/long.md", TestSite.Brief("title: Long\ndate: 2024-01-11", Sections(3, 300)));
        _site.Write("briefs/two.md", TestSite.Brief("title: Two\ndate: 2024-01-12", Sections(2, 400)));
        _site.Write("briefs/bare.md", TestSite.Brief("title: Bare\ndate: 2024-01-13", Sections(3, 40)));
        _site.BuildOk();
    }

    public void Dispose() => _site.Dispose();

    /// <summary>A body of <paramref name="count"/> "## Part N" sections of <paramref name="words"/> words each.</summary>
    private static string Sections(int count, int words) =>
        string.Join("\n\n", Enumerable.Range(1, count).Select(n =>
            $"## Part {n}\n\n" + string.Join(' ', Enumerable.Repeat("word", words))));

    [Fact]
    public void A_short_read_with_three_sections_lists_them_beside_the_text_but_not_above_it_on_phones()
    {
        var page = _site.Html("briefs/short/index.html");
        var toc = LinkChecker.Single(page, ".brief-aside nav.toc");

        Assert.Equal(["#part-1", "#part-2", "#part-3"], toc.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("wide-only", toc.ClassList);
        // The aside still shows on phones: it carries the brief's entities.
        Assert.DoesNotContain("wide-only", LinkChecker.Single(page, ".brief-aside").ClassList);
    }

    [Fact]
    public void A_short_read_with_only_contents_in_its_aside_hides_the_whole_aside_on_phones()
    {
        var aside = LinkChecker.Single(_site.Html("briefs/bare/index.html"), ".brief-aside");

        Assert.Contains("wide-only", aside.ClassList);
        Assert.NotNull(aside.QuerySelector("nav.toc"));
    }

    [Fact]
    public void A_longer_read_shows_its_contents_everywhere()
    {
        var page = _site.Html("briefs/long/index.html");
        var toc = LinkChecker.Single(page, "nav.toc");

        Assert.True(BriefPageRenderer.MinutesForContentsOnPhones <= 4, "the long brief's 900 words must count as a longer read");
        Assert.DoesNotContain("wide-only", toc.ClassList);
        Assert.DoesNotContain("wide-only", LinkChecker.Single(page, ".brief-aside").ClassList);
    }

    [Fact]
    public void Two_sections_are_no_contents_list_however_long_the_read()
    {
        var page = _site.Html("briefs/two/index.html");

        Assert.Null(page.QuerySelector("nav.toc"));
        Assert.Null(page.QuerySelector(".brief-aside"));
    }

    [Fact]
    public void The_stylesheet_hides_wide_only_parts_below_the_two_column_width()
    {
        var css = File.ReadAllText(Path.Combine(RepoPaths.Theme, "assets", "css", "site.css"));

        Assert.Contains("@media (max-width: 63.99rem) { .wide-only { display: none; } }", css, StringComparison.Ordinal);
    }
}
