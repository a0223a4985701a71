using StaticBriefs.Diagnostics;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Model;

/// <summary>A bundle's files are published beside its page, follow it when its URL changes, and are checked.</summary>
public sealed class PageBundlesTests : IDisposable
{
    private readonly TestSite _site = new();

    public PageBundlesTests()
    {
        _site.Write("2024/my-post/index.md", TestSite.Brief("title: Mine\ndate: 2024-01-01",
            "![chart](chart.png) and ![deep](img/deep.png), [data](data.csv).\n\n<img src=\"chart.png\" alt=\"again\">"));
        _site.Write("2024/my-post/chart.png", "png");
        _site.Write("2024/my-post/img/deep.png", "png");
        _site.Write("2024/my-post/data.csv", "a,b");
        _site.Write("shared/logo.png", "png");
    }

    public void Dispose() => _site.Dispose();

    [Fact]
    public void Files_beside_index_md_are_published_beside_the_page_and_relative_links_work()
    {
        _site.BuildOk();

        Assert.True(_site.OutputExists("briefs/my-post/chart.png"));
        Assert.True(_site.OutputExists("briefs/my-post/img/deep.png"));
        Assert.True(_site.OutputExists("briefs/my-post/data.csv"));
        Assert.False(_site.OutputExists("2024/my-post/chart.png"));
        Assert.True(_site.OutputExists("shared/logo.png"));
        var article = _site.Html("briefs/my-post/index.html");
        Assert.Equal(["/briefs/my-post/chart.png", "/briefs/my-post/img/deep.png"], article.QuerySelectorAll("main img").Select(i => i.GetAttribute("src")));
        Assert.Contains(article.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/briefs/my-post/data.csv");
    }

    [Fact]
    public void When_the_page_moves_its_files_follow_it_also_in_raw_html()
    {
        _site.Write("_site.yml", "allow_html: true\nbase_url: https://example.org/site/\npermalinks: { briefs: \"/:year/:month/:slug.html\" }\n");

        _site.BuildOk();

        Assert.True(_site.OutputExists("2024/01/my-post.html"));
        Assert.True(_site.OutputExists("2024/01/chart.png"));
        Assert.True(_site.OutputExists("2024/01/img/deep.png"));
        var srcs = _site.Html("2024/01/my-post.html").QuerySelectorAll("main img").Select(i => i.GetAttribute("src")).ToList();
        Assert.Equal(["/site/2024/01/chart.png", "/site/2024/01/img/deep.png", "/site/2024/01/chart.png"], srcs);
    }

    [Fact]
    public void A_draft_bundles_files_are_not_published_until_the_draft_is()
    {
        _site.Write("2024/my-post/index.md", TestSite.Brief("title: Mine\ndate: 2024-01-01\ndraft: true", "![chart](chart.png)"));
        _site.Write("2024/other.md", TestSite.Brief("title: Other\ndate: 2024-01-02", "Hello."));

        _site.BuildOk();
        Assert.False(_site.OutputExists("briefs/my-post/chart.png"));
        Assert.False(_site.OutputExists("2024/my-post/chart.png"));

        _site.BuildOk(o => o with { IncludeDrafts = true });
        Assert.True(_site.OutputExists("briefs/my-post/chart.png"));
    }

    [Fact]
    public void A_missing_file_beside_a_bundle_is_a_broken_link()
    {
        _site.Write("2024/my-post/index.md", TestSite.Brief("title: Mine\ndate: 2024-01-01", "![gone](demo.gif)"));

        var result = _site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal((DiagnosticCodes.BrokenLink, "2024/my-post/index.md", 6), (error.Code, error.File, error.Line));
        Assert.Contains("points at /briefs/my-post/demo.gif", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bundle_file_over_another_file_is_SB041()
    {
        _site.Write("briefs/my-post/chart.png", "another");

        var result = _site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.OutputCollision);
        Assert.Contains("'briefs/my-post/chart.png'", error.Message, StringComparison.Ordinal);
    }
}
