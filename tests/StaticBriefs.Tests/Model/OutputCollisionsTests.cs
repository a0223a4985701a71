using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Model;

/// <summary>An author's file that would take the place of a generated one is an error naming both.</summary>
public sealed class OutputCollisionsTests : IDisposable
{
    private readonly TestSite _site = new();

    public OutputCollisionsTests()
    {
        for (var i = 1; i <= 7; i++)
            _site.Write($"posts/b{i}.md", TestSite.Brief($"title: B{i}\ndate: 2024-01-0{i}\ncompanies: [Acme]"));
        _site.Write("_site.yml", "page_size: 2\n");
    }

    public void Dispose() => _site.Dispose();

    private List<Diagnostic> Collisions()
    {
        var bag = new DiagnosticBag();
        var loaded = SiteLoader.Load(_site.InputDirectory, bag);
        SiteAssembler.Assemble(loaded, new AssemblyOptions(false, false, TestSite.Now), bag);
        return [.. bag.Sorted().Where(d => d.Code == DiagnosticCodes.OutputCollision)];
    }

    [Theory]
    [InlineData("feed.xml", "the site's Atom feed")]
    [InlineData("index.html", "the home page")]
    [InlineData("page/2/index.html", "page 2 of the home listing")]
    [InlineData("page/4/index.html", "page 4 of the home listing")]
    [InlineData("archive/2024/index.html", "the archive page of 2024")]
    [InlineData("companies/index.html", "the companies index")]
    [InlineData("companies/acme/feed.json", "the feed of the company 'Acme'")]
    [InlineData("companies/acme/page/3/index.html", "page 3 of the listing of the company 'Acme'")]
    [InlineData("briefs/b1/index.html", "the page of the brief posts/b1.md")]
    [InlineData("search/docs/0.json", "inside search/")]
    [InlineData("feed.xml/x.png", "inside 'feed.xml'")]
    [InlineData("briefs", "where the build needs a folder for the pages of the briefs")]
    [InlineData("companies/acme", "where the build needs a folder for the page of the company 'Acme'")]
    public void A_static_file_over_a_generated_one_is_SB041_saying_which(string file, string what)
    {
        _site.Write(file, "mine");

        var error = Assert.Single(Collisions());

        Assert.Equal((file, Severity.Error), (error.File, error.Severity));
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("page/5/index.html")]
    [InlineData("archive/2023/index.html")]
    [InlineData("companies/other/index.html")]
    [InlineData("companies/acme/page/5/index.html")]
    [InlineData("briefs/b9/index.html")]
    [InlineData("images/feed.xml")]
    public void A_static_file_beside_the_generated_ones_is_fine(string file)
    {
        _site.Write(file, "mine");

        Assert.Empty(Collisions());
    }

    [Fact]
    public void Without_entity_feeds_a_static_file_where_one_would_be_is_the_author_s()
    {
        _site.Write("_site.yml", "page_size: 2\nfeeds: { entities: none }\n");
        _site.Write("companies/acme/feed.xml", "mine");

        Assert.Empty(Collisions());
    }

    [Fact]
    public void A_page_on_a_term_names_the_briefs_behind_it_five_at_most()
    {
        _site.Write("companies/acme.md", "---\ntitle: Mine\nlayout: page\n---\nHi\n");

        var error = Assert.Single(Collisions());

        Assert.Equal(("companies/acme.md", 2, 1), (error.File, error.Line, error.Column));
        Assert.Contains("posts/b1.md, posts/b2.md, posts/b3.md, posts/b4.md, posts/b5.md and 2 more", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_over_a_static_file_names_the_static_file()
    {
        _site.Write("about.md", "---\ntitle: About\nlayout: page\n---\nHi\n");
        _site.Write("about/index.html", "mine");

        var error = Assert.Single(Collisions());

        Assert.Equal("about.md", error.File);
        Assert.Contains("static file 'about/index.html'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_lists_five_then_counts_the_rest() =>
        Assert.Equal("a, b, c, d, e and 83 more", OutputCollisions.Names([.. new[] { "a", "b", "c", "d", "e" }.Concat(Enumerable.Repeat("z", 83))]));

    [Theory]
    [InlineData("/")]
    [InlineData("//")]
    [InlineData("/feed.xml")]
    [InlineData("/robots.txt")]
    [InlineData("/companies/acme/")]
    [InlineData("/search/")]
    [InlineData("/moves/index.html")]
    [InlineData("/briefs/b1/")]
    [InlineData("/2024/01/b1/")]
    [InlineData("/pages")]
    [InlineData("/index.html")]
    public void A_site_path_s_file_is_told_under_a_generated_root_as_its_file_name_is(string sitePath) =>
        Assert.Equal(GeneratedFiles.UnderGeneratedRoot(SitePaths.FileFor(sitePath)), GeneratedFiles.FileUnderGeneratedRoot(sitePath));
}
