using StaticBriefs.Diagnostics;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Building;

/// <summary>
/// A blog moved over from Jekyll, Hugo, Zola or Eleventy keeps its URLs: posts written as those authors write them
/// (their URL keys, old URLs and cross-links) are built into a temp folder and the output is read back.
/// </summary>
public sealed class MigratedUrlsTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private string[] Hrefs(string page) =>
        [.. _site.Html(page).QuerySelectorAll("main .prose a").Select(a => a.GetAttribute("href") ?? "").Distinct()];

    private string RefreshOf(string page) => _site.Html(page).QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content")!;

    [Fact]
    public void A_jekyll_blog_keeps_its_dated_urls_and_its_redirect_from_and_post_url_links_resolve()
    {
        // Homebrew's _config.yml: permalink: :year/:month/:day/:title/ (no leading '/'; :title keeps the dots). The posts
        // are in posts/ here: reading _posts/ is the front matter work's (issue 17).
        _site.Write("_site.yml", "title: Homebrew\npermalinks:\n  briefs: \":year/:month/:day/:title/\"\n");
        _site.Write("posts/2016-09-21-homebrew-1.0.0.md", """
            ---
            title: 1.0.0
            date: 2016-09-21
            author: MikeMcQuaid
            redirect_from: /blog/1.0.0/
            ---

            Today I'm proud to announce Homebrew 1.0.0.
            """);
        _site.Write("posts/2016-11-07-homebrew-1.1.0.md", """
            ---
            title: 1.1.0
            date: 2016-11-07
            redirect_from:
              - /blog/1.1.0/
              - /2016/11/07/homebrew-1-1-0.html
            ---

            After [1.0.0]({% post_url 2016-09-21-homebrew-1.0.0 %}) (see [the old address](/blog/1.0.0/) and
            [the file](2016-09-21-homebrew-1.0.0.md)), Homebrew 1.1.0 is out.
            """);

        _site.BuildOk();

        Assert.True(_site.OutputExists("2016/09/21/homebrew-1.0.0/index.html"));
        Assert.True(_site.OutputExists("2016/11/07/homebrew-1.1.0/index.html"));
        Assert.Equal("0; url=/2016/09/21/homebrew-1.0.0/", RefreshOf("blog/1.0.0/index.html"));
        Assert.Equal("0; url=/2016/11/07/homebrew-1.1.0/", RefreshOf("blog/1.1.0/index.html"));
        Assert.Equal("0; url=/2016/11/07/homebrew-1.1.0/", RefreshOf("2016/11/07/homebrew-1-1-0.html"));
        var rules = _site.ReadOutput("_redirects");
        Assert.Contains("/blog/1.0.0/ /2016/09/21/homebrew-1.0.0/ 301\n", rules, StringComparison.Ordinal);
        Assert.Contains("/2016/11/07/homebrew-1-1-0.html /2016/11/07/homebrew-1.1.0/ 301\n", rules, StringComparison.Ordinal);
        Assert.Equal(["/2016/09/21/homebrew-1.0.0/"], Hrefs("2016/11/07/homebrew-1.1.0/index.html").Where(h => h.StartsWith("/2016", StringComparison.Ordinal)).Distinct());
        Assert.DoesNotContain("/blog/1.0.0/", Hrefs("2016/11/07/homebrew-1.1.0/index.html"));
    }

    [Fact]
    public void A_hugo_bundle_keeps_its_url_its_images_and_its_relative_aliases_with_relative_aliases_page()
    {
        // OpenTelemetry's blog: /blog/:year/:slug/, posts and bundles in year folders, aliases relative to the page.
        _site.Write("_site.yml", "title: OTel\npermalinks:\n  briefs: /blog/:year/:slug/\nrelative_aliases: page\n");
        _site.Write("2022/gc-elections/index.md", """
            ---
            title: Announcing the 2022 OpenTelemetry Governance Committee Election
            date: 2022-09-15
            aliases: [gc-elections-2022]
            ---

            ![The ballot](ballot.png)

            The [list of candidates]({{< relref "gc-candidates" >}}) is out; [read it](../gc-candidates/).
            """);
        File.WriteAllBytes(Path.Combine(_site.InputDirectory, "2022/gc-elections/ballot.png"), [0x89, 0x50, 0x4E, 0x47]);
        _site.Write("2022/gc-candidates.md", """
            ---
            title: OpenTelemetry Governance Committee candidates
            date: 2022-10-09
            aliases: [gc-elections-2022-list-of-candidates, /blog/2022/candidates.html]
            ---

            Back to [the election](../gc-elections/) or [by its old name](../gc-elections-2022/).
            """);

        _site.BuildOk();

        Assert.True(_site.OutputExists("blog/2022/gc-elections/index.html"));
        Assert.True(_site.OutputExists("blog/2022/gc-elections/ballot.png"));
        Assert.Equal("/blog/2022/gc-elections/ballot.png", _site.Html("blog/2022/gc-elections/index.html").QuerySelector("main .prose img")!.GetAttribute("src"));
        Assert.Equal(["/blog/2022/gc-candidates/"], Hrefs("blog/2022/gc-elections/index.html").Distinct());
        Assert.Equal(["/blog/2022/gc-elections/"], Hrefs("blog/2022/gc-candidates/index.html").Distinct());
        Assert.Equal("0; url=/blog/2022/gc-elections/", RefreshOf("blog/2022/gc-elections-2022/index.html"));
        Assert.Equal("0; url=/blog/2022/gc-candidates/", RefreshOf("blog/2022/gc-elections-2022-list-of-candidates/index.html"));
        Assert.Equal("0; url=/blog/2022/gc-candidates/", RefreshOf("blog/2022/candidates.html"));
        Assert.False(_site.OutputExists("gc-elections-2022/index.html"));
    }

    [Fact]
    public void Without_relative_aliases_page_a_relative_alias_is_from_the_sites_root_as_zola_reads_it()
    {
        _site.Write("_site.yml", "title: OTel\npermalinks:\n  briefs: /blog/:year/:slug/\n");
        _site.Write("2022/gc-elections.md", TestSite.Brief("title: GC\ndate: 2022-09-15\naliases: [gc-elections-2022]"));

        _site.BuildOk();

        Assert.Equal("0; url=/blog/2022/gc-elections/", RefreshOf("gc-elections-2022/index.html"));
        Assert.False(_site.OutputExists("blog/2022/gc-elections-2022/index.html"));
    }

    [Fact]
    public void A_bad_relative_aliases_value_is_a_settings_error_that_names_both_choices()
    {
        _site.Write("_site.yml", "title: X\nrelative_aliases: section\n");
        _site.Write("posts/a.md", TestSite.Brief("title: A\ndate: 2024-01-01"));

        var result = _site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("_site.yml", 2, DiagnosticCodes.BadSettings), (error.File, error.Line, error.Code));
        Assert.Contains("'root'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'page'", error.Message, StringComparison.Ordinal);
        Assert.False(result.Written);
    }

    [Fact]
    public void A_zola_post_keeps_its_path_and_html_aliases_and_at_links_resolve()
    {
        // The Rust blog: 'path' without a trailing '/', old URLs as .html files from the root, '@/' links.
        // (Zola writes front matter in TOML; the keys and values here are the Rust blog's.)
        _site.Write("Async-await-stable.md", """
            ---
            title: Async-await on stable Rust!
            date: 2019-11-07
            path: "2019/11/07/Async-await-stable"
            aliases: ["2019/11/07/Async-await-stable.html"]
            ---

            Async-await is stable.
            """);
        _site.Write("Async-await-hits-beta.md", """
            ---
            title: Async-await hits beta!
            date: 2019-09-30
            path: "2019/09/30/Async-await-hits-beta"
            ---

            It is now [stable](@/Async-await-stable.md#top) (the [old page](/2019/11/07/Async-await-stable.html)).
            """);

        _site.BuildOk();

        Assert.True(_site.OutputExists("2019/11/07/Async-await-stable/index.html"));
        Assert.Equal("0; url=/2019/11/07/Async-await-stable/", RefreshOf("2019/11/07/Async-await-stable.html"));
        Assert.Equal(
            ["/2019/11/07/Async-await-stable/#top", "/2019/11/07/Async-await-stable/"],
            Hrefs("2019/09/30/Async-await-hits-beta/index.html").Where(h => h.StartsWith("/2019", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_eleventy_blog_keeps_its_file_slug_urls_and_links_to_md_files_from_the_input_root()
    {
        // 11ty's blog.json: "permalink": "/blog/{{ page.fileSlug }}/"; posts link to './blog/<file>.md' from the input root.
        _site.Write("_site.yml", "title: Eleventy\npermalinks:\n  briefs: \"/blog/{{ page.fileSlug }}/\"\n");
        _site.Write("blog/2025-01-13-certification.md", TestSite.Brief(
            "title: Eleventy Certification\ndate: 2025-01-13\npermalink: /blog/certification/success/"));
        _site.Write("blog/2024-10-01-eleventy-v3.md", TestSite.Brief("title: Eleventy v3.0.0\ndate: 2024-10-01",
            "See [the certification](./blog/2025-01-13-certification.md) and [v3](/blog/eleventy-v3/)."));

        _site.BuildOk(o => o with { Now = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero) });

        Assert.True(_site.OutputExists("blog/eleventy-v3/index.html"));
        Assert.True(_site.OutputExists("blog/certification/success/index.html"));
        Assert.Equal(["/blog/certification/success/", "/blog/eleventy-v3/"], Hrefs("blog/eleventy-v3/index.html").Where(h => h.StartsWith("/blog", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_permalink_in_another_template_language_is_SB090_saying_what_to_write()
    {
        _site.Write("posts/a.md", TestSite.Brief("title: A\ndate: 2024-01-01\npermalink: \"/blog/{{ title | slugify }}/\""));

        var result = _site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.BadPermalink);
        Assert.Equal(("posts/a.md", 4, Severity.Error), (error.File, error.Line, error.Severity));
        Assert.Contains("template syntax", error.Message, StringComparison.Ordinal);
        Assert.Contains(":slug", error.Message, StringComparison.Ordinal);
    }
}
