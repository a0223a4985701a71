using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Loading;

public sealed class InputScannerTests
{
    [Theory]
    [InlineData("briefs/a.md", true)]
    [InlineData("_data/companies.yml", false)]
    [InlineData("_theme", false)]
    [InlineData(".git", false)]
    [InlineData("briefs/_draft.md", false)]
    [InlineData("briefs/.hidden", false)]
    [InlineData("_headers", true)]
    [InlineData("_redirects", true)]
    [InlineData(".nojekyll", true)]
    [InlineData("CNAME", true)]
    [InlineData(".well-known", true)]
    [InlineData(".well-known/security.txt", true)]
    [InlineData(".well-known/_acme", true)]
    [InlineData(".well-known/.DS_Store", false)]
    [InlineData("docs/_headers", false)]
    [InlineData("docs/.well-known", false)]
    [InlineData("_site.yml", false)]
    public void Hidden_names_stay_out_except_the_host_files_at_the_root(string relative, bool published) =>
        Assert.Equal(published, InputScanner.IsPublished(relative));

    private static (IReadOnlyList<string> Markdown, IReadOnlyList<string> Static, IReadOnlyList<Diagnostic> Found) Scan(params string[] files)
    {
        using var site = new TestSite();
        foreach (var file in files) site.Write(file, "x");
        var bag = new DiagnosticBag();
        var found = InputScanner.Scan(site.InputDirectory, bag);
        return ([.. found.Markdown.Select(f => f.Relative)], [.. found.Static.Select(f => f.Relative)], bag.Sorted());
    }

    [Fact]
    public void Jekyll_posts_and_drafts_folders_are_read_with_markdown_extension_and_other_files_in_them_named_once()
    {
        var (markdown, statics, found) = Scan("_posts/2014-01-01-a.markdown", "news/_posts/2014-01-02-b.md", "_drafts/c.md", "_posts/d.txt", "_posts/.e.md", "_includes/f.md");

        Assert.Equal(["_drafts/c.md", "_posts/2014-01-01-a.markdown", "news/_posts/2014-01-02-b.md"], markdown.Order(StringComparer.Ordinal));
        Assert.Empty(statics);
        var note = Assert.Single(found);
        Assert.Equal((DiagnosticCodes.NotRead, "_posts/d.txt"), (note.Code, note.File));
    }

    [Fact]
    public void Section_files_and_eleventy_data_files_are_neither_read_nor_published_and_each_kind_is_named_once()
    {
        var (markdown, statics, found) = Scan(
            "_index.md", "2024/_index.md", "blog/blog.json", "blog/a.md", "blog/a.json", "blog/b.11tydata.js", "data/feed.json", "blog/c.md");

        Assert.Equal(["blog/a.md", "blog/c.md"], markdown.Order(StringComparer.Ordinal));
        Assert.Equal(["data/feed.json"], statics);
        Assert.Equal(2, found.Count);
        Assert.Contains("2 section files (2024/_index.md, _index.md)", found.Single(d => d.File == "2024/_index.md").Message, StringComparison.Ordinal);
        Assert.Contains("3 Eleventy data files (blog/a.json, blog/b.11tydata.js, blog/blog.json)", found.Single(d => d.File == "blog/a.json").Message, StringComparison.Ordinal);
    }
}
