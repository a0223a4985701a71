using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Model;

/// <summary>Every document's URL comes from one permalink scheme: the site's patterns, a file's own permalink, bundles.</summary>
public sealed class DocumentPathsTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private (SiteModel Model, IReadOnlyList<Diagnostic> Diagnostics) Assemble(bool drafts = false)
    {
        var bag = new DiagnosticBag();
        var loaded = SiteLoader.Load(_site.InputDirectory, bag);
        var model = SiteAssembler.Assemble(loaded, new AssemblyOptions(drafts, false, TestSite.Now), bag);
        return (model, bag.Sorted());
    }

    private void Brief(string path, string frontMatter) => _site.Write(path, TestSite.Brief(frontMatter));

    [Fact]
    public void The_site_pattern_gives_briefs_and_pages_their_urls_and_every_consumer_uses_them()
    {
        _site.Write("_site.yml", "permalinks:\n  briefs: /:year/:month/:day/:title/\n  pages: /info/:slug/\n");
        Brief("posts/2016-09-21-homebrew-1.0.0.md", "title: Homebrew 1.0.0\ndate: 2016-09-21");
        _site.Write("about.md", "---\ntitle: About\nlayout: page\n---\nHi\n");

        var (model, diagnostics) = Assemble();

        Assert.Empty(diagnostics);
        var brief = Assert.Single(model.Briefs);
        Assert.Equal("/2016/09/21/homebrew-1.0.0/", brief.Path);
        Assert.Equal("2016-09-21-homebrew-1-0-0", brief.Slug);
        Assert.Equal("/info/about/", Assert.Single(model.Pages).Path);
        Assert.Contains("/2016/09/21/homebrew-1.0.0/", model.KnownPaths);
        Assert.Equal("/2016/09/21/homebrew-1.0.0/", model.PathsBySource["posts/2016-09-21-homebrew-1.0.0.md"]);
    }

    [Fact]
    public void A_files_own_permalink_or_url_wins_over_the_pattern()
    {
        Brief("posts/a.md", "title: A\ndate: 2024-01-01\npermalink: /blog/certification/success/");
        Brief("posts/b.md", "title: B\ndate: 2024-01-02\nurl: /2024/b.html");
        Brief("posts/c.md", "title: C\ndate: 2024-01-03\npermalink: /news/:year/:slug/");

        var (model, diagnostics) = Assemble();

        Assert.Empty(diagnostics);
        Assert.Equal(["/news/2024/c/", "/2024/b.html", "/blog/certification/success/"], model.Briefs.Select(b => b.Path));
    }

    [Theory]
    [InlineData("permalink: /blog/../x/", 4, 12, "permalink '/blog/../x/' may not contain '..'")]
    [InlineData("permalink: \"https://example.org/x/\"", 4, 12, "not a full URL")]
    [InlineData("url: /blog/x", 4, 6, "url '/blog/x' must end in '/'")]
    [InlineData("permalink: /:tittle/", 4, 12, "did you mean ':title'?")]
    public void A_bad_own_permalink_is_SB090_at_its_value_and_the_pattern_stands_in(string line, int atLine, int atColumn, string message)
    {
        Brief("posts/x.md", "title: X\ndate: 2024-01-01\n" + line);

        var (model, diagnostics) = Assemble();

        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.BadPermalink, Severity.Error, "posts/x.md", atLine, atColumn), (error.Code, error.Severity, error.File, error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal("/briefs/x/", Assert.Single(model.Briefs).Path);
    }

    [Fact]
    public void Both_permalink_and_url_warn_and_permalink_is_used()
    {
        Brief("posts/x.md", "title: X\ndate: 2024-01-01\npermalink: /one/\nurl: /two/");

        var (model, diagnostics) = Assemble();

        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.BadPermalink, Severity.Warning, 5), (warning.Code, warning.Severity, warning.Line));
        Assert.Equal("/one/", Assert.Single(model.Briefs).Path);
    }

    [Fact]
    public void Zolas_path_names_a_folder_from_the_root_and_a_permalink_beside_it_wins_with_a_warning_at_the_path()
    {
        Brief("posts/Async-await-stable.md", "title: A\ndate: 2019-11-07\npath: \"2019/11/07/Async-await-stable\"");
        Brief("posts/b.md", "title: B\ndate: 2019-11-08\npermalink: /b/\npath: 2019/b.html");

        var (model, diagnostics) = Assemble();

        var warning = Assert.Single(diagnostics);
        Assert.Equal(("posts/b.md", DiagnosticCodes.BadPermalink, Severity.Warning, 5), (warning.File, warning.Code, warning.Severity, warning.Line));
        Assert.Contains("both 'permalink' and 'path'", warning.Message, StringComparison.Ordinal);
        Assert.Equal(["/b/", "/2019/11/07/Async-await-stable/"], model.Briefs.Select(b => b.Path));
    }

    [Fact]
    public void A_page_without_a_date_under_a_dated_pattern_is_SB090()
    {
        _site.Write("_site.yml", "permalinks: { pages: \"/:year/:slug/\" }\n");
        _site.Write("about.md", "---\ntitle: About\nlayout: page\n---\nHi\n");

        var (model, diagnostics) = Assemble();

        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.BadPermalink, "about.md"), (error.Code, error.File));
        Assert.Contains("needs a date", error.Message, StringComparison.Ordinal);
        Assert.Empty(model.Pages);
    }

    [Fact]
    public void A_page_bundle_takes_its_slug_from_its_folder_and_a_section_file_is_no_brief()
    {
        Brief("2024/my-post/index.md", "title: Mine\ndate: 2024-01-01");
        Brief("2024/Rust-1.30.0/index.md", "title: Rust\ndate: 2024-01-02");
        _site.Write("2024/_index.md", "---\ntitle: 2024\n---\nSection.\n");
        _site.Write("docs/guide/index.md", "---\ntitle: Guide\nlayout: page\n---\nHi\n");

        var (model, diagnostics) = Assemble();

        // The section file is named once as not read (SB083), and nothing else is reported.
        Assert.All(diagnostics, d => Assert.Equal((DiagnosticCodes.NotRead, "2024/_index.md"), (d.Code, d.File)));
        Assert.Equal(["rust-1-30-0", "my-post"], model.Briefs.Select(b => b.Slug));
        Assert.Equal("/docs/guide/", Assert.Single(model.Pages).Path);
    }

    [Fact]
    public void Files_with_one_name_in_two_folders_clash_only_when_their_urls_do()
    {
        Brief("2025/kubecon-eu.md", "title: A\ndate: 2025-03-01");
        Brief("2026/kubecon-eu.md", "title: B\ndate: 2025-04-01");
        Brief("2022/histograms/index.md", "title: C\ndate: 2022-01-01");
        Brief("2023/histograms.md", "title: D\ndate: 2023-01-01");

        Assert.Equal(["2022/histograms/index.md", "2023/histograms.md", "2025/kubecon-eu.md", "2026/kubecon-eu.md"],
            Assemble().Diagnostics.Where(d => d.Code == DiagnosticCodes.DuplicateSlug).Select(d => d.File));

        _site.Write("_site.yml", "permalinks: { briefs: \"/blog/:sections/:slug/\" }\n");
        var (model, diagnostics) = Assemble();
        Assert.Empty(diagnostics);
        Assert.Equal(["/blog/2026/kubecon-eu/", "/blog/2025/kubecon-eu/", "/blog/2023/histograms/", "/blog/2022/histograms/"], model.Briefs.Select(b => b.Path));
    }

    [Fact]
    public void A_clash_of_many_files_names_five_others_on_each_line()
    {
        for (var i = 0; i < 9; i++) Brief($"posts/p{i}/index.md", $"title: P{i}\ndate: 2024-01-0{i + 1}\nslug: same");

        var clashes = Assemble().Diagnostics.Where(d => d.Code == DiagnosticCodes.DuplicateSlug).ToList();

        Assert.Equal(9, clashes.Count);
        Assert.Contains("is also used by posts/p1/index.md, posts/p2/index.md, posts/p3/index.md, posts/p4/index.md, posts/p5/index.md and 3 more",
            clashes[0].Message, StringComparison.Ordinal);
        Assert.All(clashes, c => Assert.True(c.Message.Length < 400, c.Message));
    }

    [Fact]
    public void A_brief_on_a_listing_the_generator_owns_is_an_error()
    {
        Brief("posts/a.md", "title: A\ndate: 2024-01-01\npermalink: /archive/");
        Brief("posts/b.md", "title: B\ndate: 2024-01-02\ncompanies: [Acme]");
        Brief("posts/c.md", "title: C\ndate: 2024-01-03\npermalink: /companies/acme/");

        var errors = Assemble().Diagnostics;

        Assert.Contains(errors, d => (d.File, d.Code) == ("posts/a.md", DiagnosticCodes.DuplicateSlug));
        var collision = Assert.Single(errors, d => d.File == "posts/c.md");
        Assert.Equal((DiagnosticCodes.OutputCollision, 4), (collision.Code, collision.Line));
        Assert.Contains("the page of the company 'Acme'", collision.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("posts/my-post/index.md", true)]
    [InlineData("posts/my-post/index", true)]
    [InlineData("a/index.markdown", true)]
    [InlineData("posts/my-post/index.en.md", false)]
    [InlineData("posts/my-post/indexes.md", false)]
    [InlineData("posts/my-post/an-index.md", false)]
    [InlineData("index.md", false)]
    public void A_bundle_is_an_index_file_in_a_folder(string path, bool bundle) =>
        Assert.Equal(bundle, DocumentPaths.IsBundle(path));
}
