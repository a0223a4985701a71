using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Building;

/// <summary>
/// The five public blogs in <c>tests/RealContent/</c> (Zola, Hugo, two Jekyll, Eleventy), copied as they are into a
/// temp folder and built. Reading them is this suite's concern: no post fails to load, every post has its title, date
/// and a summary. The errors that remain belong to the URL stage (links to other parts of the old site and to
/// generator URLs, SB006; the same file name in two year folders, SB005) and are the only ones allowed here.
/// </summary>
public sealed class RealContentTests
{
    /// <summary>Codes the URL stage (permalinks, redirects, links into a larger site) is to resolve, not reading.</summary>
    private static readonly string[] UrlStageCodes = [DiagnosticCodes.BrokenLink, DiagnosticCodes.DuplicateSlug];

    private static TestSite Copy(string blog, string? settings = null)
    {
        var site = TestSite.CopyOf(Path.Combine(RepoPaths.Root, "tests", "RealContent", blog, "posts"));
        if (settings is not null) site.Write("_site.yml", settings);
        return site;
    }

    private static List<SourceDocument> Briefs(TestSite site)
    {
        var bag = new DiagnosticBag();
        var loaded = SiteLoader.Load(site.InputDirectory, bag);
        Assert.DoesNotContain(bag.Sorted(), d => d.Severity == Severity.Error);
        return [.. loaded.Documents.Where(d => d.Kind == DocumentKind.Brief)];
    }

    [Theory]
    [InlineData("zola-rust-blog", 60, null)]
    [InlineData("hugo-opentelemetry-blog", 60, null)]
    [InlineData("jekyll-jekyllrb-news", 60, null)]
    [InlineData("jekyll-homebrew-blog", 45, null)]
    [InlineData("eleventy-11ty-blog", 60, "title_key: newstitle\n")]
    public void Every_post_of_a_real_blog_is_read_with_title_date_and_summary_and_only_url_stage_errors_remain(string blog, int posts, string? settings)
    {
        using var site = Copy(blog, settings);

        var result = site.Build();
        var briefs = Briefs(site);

        Assert.All(result.Diagnostics.Where(d => d.Severity == Severity.Error), e => Assert.Contains(e.Code, UrlStageCodes));
        Assert.Equal(posts, briefs.Count);
        Assert.All(briefs, b =>
        {
            Assert.False(string.IsNullOrWhiteSpace(b.Title), b.RelativePath);
            Assert.NotNull(b.Date);
            Assert.False(string.IsNullOrWhiteSpace(b.Summary), b.RelativePath);
        });
    }

    [Fact]
    public void Homebrew_blog_builds_with_no_error_and_every_page_has_a_meta_description()
    {
        // The copy holds the posts, not the blog's /assets/ folder their images are in: that folder is served as the
        // rest of the site is, so links into it are left alone (one line of settings, as a migrating author writes).
        using var site = Copy("jekyll-homebrew-blog", "base_url: https://brew.sh/\nexternal_paths: [/assets/]\n");

        // The test clock (2025) would leave the four later posts out as future ones.
        var result = site.BuildOk(o => o with { Now = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero) });

        Assert.Equal(45, result.Briefs);
        var pages = site.OutputFiles().Where(f => f.StartsWith("briefs/", StringComparison.Ordinal) && f.EndsWith("/index.html", StringComparison.Ordinal) && f != "briefs/index.html").ToList();
        Assert.Equal(45, pages.Count);
        Assert.All(pages, page => Assert.False(string.IsNullOrWhiteSpace(site.Html(page).QuerySelector("meta[name=description]")?.GetAttribute("content")), page));
        // The one duplicate key (redirect_from twice in 1.0.0) is a warning, as Jekyll keeps the last value.
        Assert.Equal(DiagnosticCodes.DuplicateKey, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Zola_rust_blog_keeps_authors_aliases_and_dates_from_path()
    {
        using var site = Copy("zola-rust-blog");

        var briefs = Briefs(site);

        Assert.All(briefs, b => Assert.NotEmpty(b.Authors));
        Assert.True(briefs.Sum(b => b.Urls.Aliases.Length) >= 50);
        var stable = Assert.Single(briefs, b => b.Urls.Path?.Text == "2019/11/07/Async-await-stable");
        Assert.Equal(new DateTimeOffset(2019, 11, 7, 0, 0, 0, TimeSpan.Zero), stable.Date);
    }

    [Fact]
    public void Opentelemetry_authors_written_in_markdown_are_plain_names()
    {
        using var site = Copy("hugo-opentelemetry-blog");

        var briefs = Briefs(site);

        var authors = briefs.Where(b => b.Author is not null).ToList();
        Assert.True(authors.Count >= 50);
        Assert.All(authors, b => Assert.DoesNotContain("](", b.Author!, StringComparison.Ordinal));
        Assert.Contains(authors.SelectMany(b => b.Authors), a => a.Url?.StartsWith("https://github.com/", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Jekyll_news_categories_become_topics_on_every_post()
    {
        using var site = Copy("jekyll-jekyllrb-news");

        var briefs = Briefs(site);

        Assert.All(briefs, b => Assert.NotEmpty(b.Topics));
    }
}
