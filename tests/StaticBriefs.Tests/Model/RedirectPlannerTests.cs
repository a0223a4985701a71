using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Model;

/// <summary>Old URLs (aliases, redirect_from) become redirects; one that is also a page, a file or another redirect is an error.</summary>
public sealed class RedirectPlannerTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private (SiteModel Model, IReadOnlyList<Diagnostic> Diagnostics) Assemble()
    {
        var bag = new DiagnosticBag();
        var loaded = SiteLoader.Load(_site.InputDirectory, bag);
        var model = SiteAssembler.Assemble(loaded, new AssemblyOptions(false, false, TestSite.Now), bag);
        return (model, bag.Sorted());
    }

    [Theory]
    [InlineData("/old/", "/old/")]
    [InlineData("old", "/old/")]
    [InlineData("releases/1.88.0", "/releases/1.88.0/")]
    [InlineData("2019/11/07/Async-await-stable.html", "/2019/11/07/Async-await-stable.html")]
    [InlineData("/feed.php", "/feed.php")]
    [InlineData("/authors/c%C3%A9line/", "/authors/céline/")]
    public void An_old_url_is_read_as_a_path_from_the_sites_root(string written, string path)
    {
        Assert.Equal(path, RedirectPlanner.OldPath(written, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("gc-elections-2022", "/blog/2022/gc-elections/", "/blog/2022/gc-elections-2022/")]
    [InlineData("../2021/old.html", "/blog/2022/x/", "/blog/2021/old.html")]
    [InlineData("old-name", "/blog/2022/x.html", "/blog/2022/old-name/")]
    public void With_relative_aliases_page_a_relative_old_url_is_beside_the_page_as_hugo_reads_it(string written, string page, string path)
    {
        Assert.Equal(path, RedirectPlanner.OldPath(written, out var problem, page));
        Assert.Null(problem);
    }

    [Fact]
    public void A_relative_old_url_cannot_climb_above_the_sites_root()
    {
        Assert.Null(RedirectPlanner.OldPath("../../x/", out var problem, "/blog/x/"));
        Assert.Contains("'..'", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://old.example.org/x/", "not a full URL")]
    [InlineData("/a/../b/", "may not contain '.' or '..'")]
    [InlineData("/x/?page=2", "may not contain a query")]
    [InlineData("", "is empty")]
    [InlineData("/", "is the home page")]
    public void An_old_url_that_is_not_a_path_here_says_why(string written, string problem)
    {
        Assert.Null(RedirectPlanner.OldPath(written, out var message));
        Assert.Contains(problem, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aliases_and_redirect_from_both_redirect_to_the_documents_url_now()
    {
        _site.Write("posts/a.md", TestSite.Brief("title: A\ndate: 2024-01-01\naliases: [/old-a/, 2019/a.html]"));
        _site.Write("posts/b.md", TestSite.Brief("title: B\ndate: 2024-01-02\nredirect_from:\n  - /blog/b/\n  - /blog/b/"));
        _site.Write("about.md", "---\ntitle: About\nlayout: page\naliases: [/about-us/]\n---\nHi\n");

        var (model, diagnostics) = Assemble();

        Assert.Empty(diagnostics);
        Assert.Equal(
            [("/about-us/", "/about/"), ("/old-a/", "/briefs/a/"), ("/2019/a.html", "/briefs/a/"), ("/blog/b/", "/briefs/b/")],
            model.Redirects.Select(r => (r.From, r.To)));
        Assert.Equal(("posts/a.md", 4, 20), (model.Redirects[2].Source, model.Redirects[2].Line, model.Redirects[2].Column));
    }

    [Fact]
    public void Drafts_redirect_nothing()
    {
        _site.Write("posts/a.md", TestSite.Brief("title: A\ndate: 2024-01-01\ndraft: true\naliases: [/old-a/]"));

        Assert.Empty(Assemble().Model.Redirects);
    }

    [Fact]
    public void An_old_url_that_is_also_a_page_is_SB092_naming_both()
    {
        _site.Write("posts/a.md", TestSite.Brief("title: A\ndate: 2024-01-01"));
        _site.Write("posts/b.md", TestSite.Brief("title: B\ndate: 2024-01-02\naliases: [/briefs/a/]"));

        var (model, diagnostics) = Assemble();

        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.RedirectClash, Severity.Error, "posts/b.md", 4, 11), (error.Code, error.Severity, error.File, error.Line, error.Column));
        Assert.Equal("old URL '/briefs/a/' is also the URL of the brief posts/a.md, which is published there; remove the old URL or move that brief", error.Message);
        Assert.Empty(model.Redirects);
    }

    [Theory]
    [InlineData("aliases: [/briefs/b/]", "is this brief's own URL")]
    [InlineData("aliases: [/feed.xml]", "the site's Atom feed")]
    [InlineData("aliases: [/archive/]", "the archive page")]
    [InlineData("aliases: [/files/old.pdf]", "is also the static file 'files/old.pdf'")]
    [InlineData("aliases: [\"javascript:alert(1)\"]", "not a full URL")]
    public void An_old_url_over_anything_else_is_an_error(string line, string message)
    {
        _site.Write("files/old.pdf", "pdf");
        _site.Write("posts/b.md", TestSite.Brief("title: B\ndate: 2024-01-02\n" + line));

        var error = Assert.Single(Assemble().Diagnostics);

        Assert.True(error.Code is DiagnosticCodes.RedirectClash or DiagnosticCodes.BadRedirect, error.ToString());
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_documents_with_one_old_url_is_an_error_naming_the_first()
    {
        _site.Write("posts/a.md", TestSite.Brief("title: A\ndate: 2024-01-01\naliases: [/old/]"));
        _site.Write("posts/b.md", TestSite.Brief("title: B\ndate: 2024-01-02\nredirect_from: /old/"));

        var error = Assert.Single(Assemble().Diagnostics);

        Assert.Equal(("posts/b.md", DiagnosticCodes.RedirectClash), (error.File, error.Code));
        Assert.Contains("is also an old URL of posts/a.md (line 4)", error.Message, StringComparison.Ordinal);
    }
}
