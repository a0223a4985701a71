using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Building;

/// <summary>What a build publishes and where, run through the CLI in-process.</summary>
[Collection(CliCollection.Name)]
public sealed class PublishingTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private void BuildOk(params string[] extra)
    {
        var run = _site.Cli(extra);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public void Site_without_settings_file_builds_with_the_defaults()
    {
        _site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2024-01-01"));

        BuildOk();

        var home = _site.Html("index.html");
        Assert.Equal("Briefs", home.Title);
        Assert.Equal("http://localhost/", home.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("en", home.DocumentElement.GetAttribute("lang"));
        Assert.Equal("/briefs/a/", LinkChecker.Single(home, ".lead-title a").GetAttribute("href"));
    }

    [Fact]
    public void Other_files_are_copied_and_underscore_files_and_folders_are_not_published()
    {
        _site.Write("_site.yml", "title: T\n");
        _site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2024-01-01"));
        _site.Write("images/chart.svg", "<svg/>");
        _site.Write("briefs/notes.pdf", "%PDF");
        _site.Write("_notes.txt", "private");
        // Not _drafts/: that is Jekyll's drafts folder, read as drafts.
        _site.Write("_includes/idea.md", "not even valid front matter");
        _site.Write("images/_private.png", "private");
        _site.Write(".hidden/file.txt", "private");

        BuildOk();

        Assert.Equal("<svg/>", _site.ReadOutput("images/chart.svg"));
        Assert.Equal("%PDF", _site.ReadOutput("briefs/notes.pdf"));
        var files = _site.OutputFiles();
        Assert.DoesNotContain(files, f => f.Contains("_site", StringComparison.Ordinal) || f.Contains("_notes", StringComparison.Ordinal)
            || f.Contains("_includes", StringComparison.Ordinal) || f.Contains("idea", StringComparison.Ordinal)
            || f.Contains("_private", StringComparison.Ordinal) || f.Contains(".hidden", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.EndsWith(".md", StringComparison.Ordinal));
    }

    [Fact]
    public void Card_partial_override_is_used_for_every_listing_at_its_heading_level()
    {
        // The newest brief leads the home page in its own markup; the one after it is a card.
        _site.Write("briefs/lead.md", TestSite.Brief("title: Lead\ndate: 2024-02-01"));
        _site.Write("briefs/a.md", TestSite.Brief("title: A & B\ndate: 2024-01-01\ncompanies: [Acme]"));
        _site.Write("_theme/layouts/partials/card.sbn",
            "<p class=\"custom-card\" data-level=\"{{ card_level }}\">{{ card.title | html.escape }}</p>\n");

        BuildOk();

        var home = LinkChecker.Single(_site.Html("index.html"), "main .custom-card");
        Assert.Equal("A & B", home.TextContent);
        // A lone card has no date heading over it: it sits one level under the list's h2.
        Assert.Equal("3", home.GetAttribute("data-level"));
        var term = LinkChecker.Single(_site.Html("companies/acme/index.html"), "main .custom-card");
        Assert.Equal("3", term.GetAttribute("data-level"));
    }

    [Fact]
    public void Layout_override_in_input_theme_folder_replaces_the_themes_layout()
    {
        _site.Write("about.md", "---\ntitle: About us\nlayout: page\n---\nHello.\n");
        _site.Write("_theme/layouts/page.sbn", "<div class=\"custom-page\" data-title=\"{{ doc.title | html.escape }}\">{{ doc.content }}</div>\n");

        BuildOk();

        var page = _site.Html("about/index.html");
        var custom = LinkChecker.Single(page, "main .custom-page");
        Assert.Equal("About us", custom.GetAttribute("data-title"));
        Assert.Equal("Hello.", custom.TextContent.Trim());
        Assert.Null(page.QuerySelector("article.doc"));
        Assert.False(_site.OutputExists("_theme/layouts/page.sbn"));
        Assert.NotNull(_site.Html("404.html").QuerySelector("h1.page-title"));
    }

    [Fact]
    public void Base_url_with_a_sub_path_prefixes_every_internal_link_and_every_link_target_exists()
    {
        _site.Write("_site.yml", "title: T\npage_size: 1\n");
        _site.Write("about.md", "---\ntitle: About\nlayout: page\nnav: 1\n---\nSee [the first brief](/briefs/a/) and [b](briefs/b.md).\n");
        _site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2024-01-01\ncompanies: [OpenAI]\npeople: [Ada]\ntopics: [Talent]", "## Part\n\n[b](b.md) ![chart](chart.svg)"));
        _site.Write("briefs/chart.svg", "<svg/>");
        _site.Write("briefs/b.md", TestSite.Brief("title: B\ndate: 2024-02-01\ncompanies: [OpenAI, Anthropic]", "[home](/) [archive](/archive/) [feed](/feed.xml)"));

        BuildOk("--base-url", "https://x.org/briefs-site/");

        Assert.Empty(LinkChecker.Problems(_site, "/briefs-site/"));
        Assert.Equal("https://x.org/briefs-site/briefs/a/",
            _site.Html("briefs/a/index.html").QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.True(_site.OutputExists("page/2/index.html"));
    }

    [Fact]
    public void Drafts_are_built_only_with_the_drafts_option()
    {
        _site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2024-01-01"));
        _site.Write("briefs/d.md", TestSite.Brief("title: D\ndate: 2024-01-02\ndraft: true"));

        BuildOk();
        Assert.False(_site.OutputExists("briefs/d/index.html"));

        BuildOk("--drafts");
        Assert.True(_site.OutputExists("briefs/d/index.html"));
    }

    [Fact]
    public void Second_build_removes_pages_of_deleted_briefs()
    {
        _site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2024-01-01"));
        _site.Write("briefs/b.md", TestSite.Brief("title: B\ndate: 2024-01-02"));
        BuildOk();
        Assert.True(_site.OutputExists("briefs/b/index.html"));

        _site.Delete("briefs/b.md");
        BuildOk();

        Assert.False(_site.OutputExists("briefs/b/index.html"));
    }

    [Fact]
    public void Two_builds_of_the_same_input_are_byte_identical()
    {
        _site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2024-01-01\ncompanies: [X, Y]\ntopics: [Z]"));
        _site.Write("briefs/b.md", TestSite.Brief("title: B\ndate: 2024-01-01\ncompanies: [Y]"));
        _site.BuildOk();
        var first = _site.OutputHash();

        _site.BuildOk();

        Assert.Equal(first, _site.OutputHash());
    }
}
