using StaticBriefs.Diagnostics;
using StaticBriefs.Rendering.Markdown;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering.Markdown;

/// <summary>Every kind of internal link is checked: page-relative, images, raw HTML, old URLs, drafts, outside paths.</summary>
public sealed class LinkTargetsTests
{
    private static readonly LinkContext Links = new(
        "/",
        new HashSet<string> { "/", "/blog/2024/why-histograms/", "/blog/2024/bundle/", "/about/", "/companies/acme/" },
        new Dictionary<string, string>
        {
            ["2024/histograms/index.md"] = "/blog/2024/histograms/",
            ["2024/why-histograms.md"] = "/blog/2024/why-histograms/",
            ["2024/bundle/index.md"] = "/blog/2024/bundle/",
            ["2024/plain.md"] = "/blog/2024/plain.html",
            ["2024/draft.md"] = "/blog/2024/draft/",
        },
        new HashSet<string> { "assets/img/logo.svg", "img/shared.png" })
    {
        Resources = new Dictionary<string, string> { ["2024/bundle/chart.png"] = "blog/2024/bundle/chart.png" },
        Redirects = new Dictionary<string, string> { ["/releases/1.88.0/"] = "/blog/2024/bundle/", ["/2019/old.html"] = "/about/" },
        Unpublished = new Dictionary<string, string> { ["/blog/2024/draft/"] = "the draft 2024/draft.md" },
        ExternalPaths = ["/docs/", "/api/"],
    };

    private static LinkResolution Resolve(string url, string from = "2024/histograms/index.md") => LinkTargets.Resolve(url, from, Links);

    [Theory]
    [InlineData("../../docs/community.md")]
    [InlineData("/docs/community.md#help")]
    [InlineData("@/api/index.md")]
    public void A_markdown_file_under_an_external_path_is_the_larger_sites_and_left_as_written(string url)
    {
        Assert.Equal((LinkKind.External, url), (Resolve(url, "2024/why-histograms.md").Kind, Resolve(url, "2024/why-histograms.md").Path));
        // Outside the external paths the same file is a broken link.
        Assert.Equal(LinkKind.Broken, Resolve(url.Replace("docs", "guides", StringComparison.Ordinal).Replace("api", "guides", StringComparison.Ordinal), "2024/why-histograms.md").Kind);
    }

    [Theory]
    [InlineData("../why-histograms/", "/blog/2024/why-histograms/")]
    [InlineData("../why-histograms/#buckets", "/blog/2024/why-histograms/")]
    [InlineData("../../2024/bundle/", "/blog/2024/bundle/")]
    [InlineData("../../../about/", "/about/")]
    [InlineData("../../../", "/")]
    public void A_page_relative_link_is_read_against_the_pages_own_url(string url, string path)
    {
        var resolution = Resolve(url);
        Assert.Equal((LinkKind.Internal, path), (resolution.Kind, resolution.Path));
    }

    [Theory]
    [InlineData("@/2024/why-histograms.md", "2024/bundle/index.md", "/blog/2024/why-histograms/")]
    [InlineData("@/2024/why-histograms.md#buckets", "2024/bundle/index.md", "/blog/2024/why-histograms/")]
    [InlineData("/2024/why-histograms.md", "2024/bundle/index.md", "/blog/2024/why-histograms/")]
    [InlineData("./2024/why-histograms.md", "2024/plain.md", "/blog/2024/why-histograms/")]
    [InlineData("why-histograms.md", "2024/plain.md", "/blog/2024/why-histograms/")]
    public void A_markdown_file_is_found_beside_the_post_or_from_the_input_root(string url, string from, string path)
    {
        var resolution = Resolve(url, from);
        Assert.Equal((LinkKind.Internal, path), (resolution.Kind, resolution.Path));
    }

    [Fact]
    public void A_zola_link_to_no_file_is_broken_and_names_the_file_it_looked_for()
    {
        var resolution = Resolve("@/2024/nothing.md", "2024/plain.md");
        Assert.Equal((LinkKind.Broken, "/2024/nothing.md"), (resolution.Kind, resolution.Path));
    }

    [Fact]
    public void A_page_relative_link_to_nothing_is_broken()
    {
        Assert.Equal((LinkKind.Broken, "/blog/2024/no-such-post/"), (Resolve("../no-such-post/").Kind, Resolve("../no-such-post/").Path));
        // From a page published as a file, the folder it is in is the base.
        Assert.Equal((LinkKind.Internal, "/blog/2024/why-histograms/"), (Resolve("why-histograms/", "2024/plain.md").Kind, Resolve("why-histograms/", "2024/plain.md").Path));
    }

    [Fact]
    public void Files_beside_a_bundle_are_where_the_bundle_publishes_them()
    {
        Assert.Equal((LinkKind.Internal, "/blog/2024/bundle/chart.png"), (Resolve("chart.png", "2024/bundle/index.md").Kind, Resolve("chart.png", "2024/bundle/index.md").Path));
        Assert.Equal(LinkKind.Broken, Resolve("missing.png", "2024/bundle/index.md").Kind);
    }

    [Theory]
    [InlineData("/assets/img/logo.svg", LinkKind.Internal)]
    [InlineData("/assets/img/blog/meeting.jpg", LinkKind.Broken)]
    [InlineData("/img/shared.png", LinkKind.Internal)]
    [InlineData("/feed.xml", LinkKind.Internal)]
    [InlineData("/companies/acme/feed.json", LinkKind.Internal)]
    [InlineData("/companies/other/feed.json", LinkKind.Broken)]
    public void Files_under_assets_must_exist_like_any_other(string url, LinkKind kind) => Assert.Equal(kind, Resolve(url).Kind);

    [Theory]
    [InlineData("/releases/1.88.0", "/blog/2024/bundle/")]
    [InlineData("/releases/1.88.0/", "/blog/2024/bundle/")]
    [InlineData("/2019/old.html", "/about/")]
    public void A_link_to_an_old_url_leads_to_where_the_page_is_now(string url, string path)
    {
        var resolution = Resolve(url);
        Assert.Equal((LinkKind.Internal, path), (resolution.Kind, resolution.Path));
    }

    [Theory]
    [InlineData("/docs/")]
    [InlineData("/docs")]
    [InlineData("/docs/concepts/signals/#traces")]
    [InlineData("../../../api/v1/")]
    public void Paths_a_larger_site_serves_are_left_as_written(string url)
    {
        var resolution = Resolve(url);
        Assert.Equal((LinkKind.External, url), (resolution.Kind, resolution.Path));
    }

    [Fact]
    public void A_link_to_a_draft_says_it_is_a_draft()
    {
        foreach (var url in new[] { "/blog/2024/draft/", "../draft.md" })
        {
            var resolution = Resolve(url);
            Assert.Equal((LinkKind.Broken, "the draft 2024/draft.md"), (resolution.Kind, resolution.Note));
        }
    }
}

/// <summary>The link settings on a whole build: broken links as warnings, outside paths, drafts, images.</summary>
public sealed class LinkCheckBuildTests : IDisposable
{
    private readonly TestSite _site = new();

    public LinkCheckBuildTests()
    {
        _site.Write("posts/a.md", TestSite.Brief("title: A\ndate: 2024-01-01",
            "![meeting](/assets/img/blog/meeting.jpg) [docs](/docs/install/) [gone](../nowhere/) [draft](d.md)"));
        _site.Write("posts/d.md", TestSite.Brief("title: D\ndate: 2024-01-02\ndraft: true"));
    }

    public void Dispose() => _site.Dispose();

    [Fact]
    public void Every_broken_link_is_an_error_by_default_and_a_draft_says_how_to_build_it()
    {
        var result = _site.Build();

        var errors = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.BrokenLink).ToList();
        Assert.Equal(["/assets/img/blog/meeting.jpg", "/docs/install/", "/briefs/nowhere/", "/briefs/d/"],
            errors.Select(e => e.Message.Split(" points at ")[1].Split(',')[0]));
        Assert.All(errors, e => Assert.Equal(Severity.Error, e.Severity));
        Assert.Contains("which is the draft posts/d.md (drafts are published only with --drafts", errors[3].Message, StringComparison.Ordinal);
        Assert.False(result.Written);
    }

    [Fact]
    public void Broken_links_warning_lets_a_migrating_site_build_and_external_paths_are_not_checked()
    {
        _site.Write("_site.yml", "broken_links: warning\nexternal_paths: [/docs/]\nbase_url: https://example.org/blog/\n");

        var result = _site.BuildOk();

        var warnings = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.BrokenLink).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(Severity.Warning, w.Severity));
        var hrefs = _site.Html("briefs/a/index.html").QuerySelectorAll("main p a").Select(a => a.GetAttribute("href")).ToList();
        // A path another site serves is left exactly as written: no base path in front.
        Assert.Contains("/docs/install/", hrefs);
    }

    [Fact]
    public void With_drafts_built_the_link_to_the_draft_works()
    {
        _site.Write("posts/a.md", TestSite.Brief("title: A\ndate: 2024-01-01", "[draft](d.md) and [same](/briefs/d/)"));

        _site.BuildOk(o => o with { IncludeDrafts = true });

        Assert.Equal(["/briefs/d/", "/briefs/d/"], _site.Html("briefs/a/index.html").QuerySelectorAll("main p a").Select(a => a.GetAttribute("href")));
    }
}
