using StaticBriefs.Diagnostics;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Building;

/// <summary>
/// Small sites laid out as Jekyll, Hugo, Zola and Eleventy lay them out, built as they are into temp folders: what
/// each generator's authors wrote reaches the pages, and what StaticBriefs does not use is named once.
/// </summary>
public sealed class OtherGeneratorSitesTests
{
    private static string Meta(TestSite site, string page, string selector, string attribute = "content") =>
        site.Html(page).QuerySelector(selector)?.GetAttribute(attribute) ?? "";

    private static Diagnostic Single(IReadOnlyList<Diagnostic> diagnostics, string code) =>
        Assert.Single(diagnostics, d => d.Code == code);

    [Fact]
    public void Jekyll_site_posts_in_underscore_posts_with_markdown_extension_file_dates_and_categories_build()
    {
        using var site = new TestSite();
        site.Write("_posts/2014-09-25-hello-world.markdown", "---\nlayout: post\ntitle: Hello world\ncategories: [release]\n---\n\nJekyll 2.4 is out with many fixes.\n\nMore below.\n")
            .Write("_posts/2015-01-02-fancy-one.md", "---\nlayout: fancy\ntitle: Fancy one\n---\nBody.\n")
            .Write("_posts/2015-01-03-fancy-two.md", "---\nlayout: fancy\ntitle: Fancy two\n---\nBody.\n")
            .Write("_posts/notes.txt", "not a post")
            .Write("_drafts/idea.md", "---\ntitle: Idea\n---\nLater.\n");

        var result = site.BuildOk();

        Assert.Equal(3, result.Briefs);
        var page = site.Html("briefs/2014-09-25-hello-world/index.html");
        Assert.Equal("Hello world", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("2014-09-25", page.QuerySelector("time")!.GetAttribute("datetime")![..10]);
        Assert.Equal("Jekyll 2.4 is out with many fixes. More below.", Meta(site, "briefs/2014-09-25-hello-world/index.html", "meta[name=description]"));
        Assert.Contains("Hello world", site.ReadOutput("topics/release/index.html"), StringComparison.Ordinal);
        Assert.DoesNotContain(site.OutputFiles(), f => f.EndsWith(".markdown", StringComparison.Ordinal) || f.EndsWith("notes.txt", StringComparison.Ordinal) || f.Contains("idea", StringComparison.Ordinal));
        var layout = Single(result.Diagnostics, DiagnosticCodes.UnknownLayout);
        Assert.Equal(Severity.Warning, layout.Severity);
        Assert.Contains("layout 'fancy'", layout.Message, StringComparison.Ordinal);
        Assert.Contains("2 files", layout.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticCodes.UndatedDraft, Assert.Single(result.Diagnostics, d => d.File == "_drafts/idea.md").Code);
        Assert.Contains("_posts/notes.txt", Single(result.Diagnostics, DiagnosticCodes.NotRead).File, StringComparison.Ordinal);
    }

    [Fact]
    public void Hugo_bundles_take_their_folder_name_keep_their_images_and_their_description_and_markdown_author()
    {
        using var site = new TestSite();
        site.Write("posts/_index.md", "---\ntitle: Blog\ndescription: Section page\n---\n")
            .Write("posts/first-bundle/index.md",
                "---\ntitle: First\ndate: 2024-03-01T10:00:00-05:00\ndescription: What the first post says.\nimage: cover.png\nauthor: '[Alex Boten](https://github.com/codeboten) (Honeycomb)'\n---\n![diagram](diagram.png)\n")
            .Write("posts/first-bundle/cover.png", "png")
            .Write("posts/first-bundle/diagram.png", "png")
            .Write("posts/second-bundle/index.md", "+++\ntitle = \"Second\"\ndate = 2024-03-02\ntags = [\"collector\"]\n+++\nText.\n");

        var result = site.BuildOk();

        Assert.Equal(2, result.Briefs);
        const string first = "briefs/first-bundle/index.html";
        Assert.Equal("What the first post says.", Meta(site, first, "meta[name=description]"));
        // A bundle's files are published beside its page, and the image is named there.
        Assert.EndsWith("/briefs/first-bundle/cover.png", Meta(site, first, "meta[property='og:image']"), StringComparison.Ordinal);
        Assert.True(site.OutputExists("briefs/first-bundle/diagram.png"));
        var byline = site.Html(first).QuerySelector("article")!.TextContent;
        Assert.Contains("by Alex Boten (Honeycomb)", byline, StringComparison.Ordinal);
        Assert.DoesNotContain("](", byline, StringComparison.Ordinal);
        Assert.Contains("Second", site.ReadOutput("topics/collector/index.html"), StringComparison.Ordinal);
        Assert.Contains("posts/_index.md", Single(result.Diagnostics, DiagnosticCodes.NotRead).File, StringComparison.Ordinal);
        Assert.DoesNotContain(site.OutputFiles(), f => f.EndsWith(".md", StringComparison.Ordinal));
    }

    [Fact]
    public void Zola_toml_posts_take_the_date_from_path_and_topics_from_the_taxonomies_table()
    {
        using var site = new TestSite();
        site.Write("_index.md", "+++\ntitle = \"Rust Blog\"\nsort_by = \"date\"\n+++\n")
            .Write("Rust-1.30.0.md",
                "+++\npath = \"2018/10/25/Rust-1.30.0\"\ntitle = '''Announcing Rust 1.30'''\nauthors = [\"The Rust Core Team\"]\naliases = [\"2018/10/25/Rust-1.30.0.html\"]\n\n[taxonomies]\ntags = [\"release\"]\n\n[extra]\nrelease = true\n+++\n\nThe Rust team is happy to announce a new version.\n");

        var result = site.BuildOk();

        // Zola's 'path' is the post's URL, and its alias a redirect page.
        const string page = "2018/10/25/Rust-1.30.0/index.html";
        var html = site.Html(page);
        Assert.True(site.OutputExists("2018/10/25/Rust-1.30.0.html"));
        Assert.Equal("Announcing Rust 1.30", html.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("2018-10-25", html.QuerySelector("time")!.GetAttribute("datetime")![..10]);
        Assert.Contains("by The Rust Core Team", html.QuerySelector("article")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Announcing Rust 1.30", site.ReadOutput("topics/release/index.html"), StringComparison.Ordinal);
        Assert.Equal("The Rust team is happy to announce a new version.", Meta(site, page, "meta[name=description]"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.UnknownKey);
    }

    [Fact]
    public void Eleventy_posts_with_newstitle_build_with_one_line_of_settings_and_the_directory_data_file_is_not_published()
    {
        using var site = new TestSite();
        site.Write("_site.yml", "title_key: newstitle\n")
            .Write("blog/blog.json", "{ \"layout\": \"layouts/blog.njk\", \"tags\": [\"blog\"] }")
            .Write("blog/blog.md", "---\nheaderTitle: Eleventy Community\nlayout: layouts/docs.njk\npermalink: /blog/\n---\n# Blog\n\n{% for news in collections.blog | reverse %}\n- [{{ news.data.newstitle }}]({{ news.url }})\n{%- endfor %}\n")
            .Write("blog/2019-12-05-moving-house.md", "---\nnewstitle: Moving House\ntags: [posts, community]\n---\nEleventy moves to a new home.\n");

        var result = site.BuildOk();

        var html = site.Html("briefs/2019-12-05-moving-house/index.html");
        Assert.Equal("Moving House", html.QuerySelector("h1")!.TextContent.Trim());
        Assert.True(site.OutputExists("topics/community/index.html"));
        Assert.False(site.OutputExists("topics/posts/index.html"));
        Assert.False(site.OutputExists("blog/blog.json"));
        var notRead = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.NotRead).ToList();
        Assert.Equal(["blog/blog.json", "blog/blog.md"], notRead.Select(d => d.File));
        Assert.Contains("template loop", notRead[1].Message, StringComparison.Ordinal);
        Assert.False(site.OutputExists("blog/index.html"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.UnknownLayout);
    }

    [Fact]
    public void Without_the_setting_eleventy_titles_are_errors_that_say_which_line_to_add()
    {
        using var site = new TestSite();
        site.Write("blog/2019-12-05-moving-house.md", "---\nnewstitle: Moving House\n---\nText.\n");

        var result = site.Build();

        Assert.True(result.HasErrors);
        Assert.False(result.Written);
        Assert.Contains("title_key: newstitle", Single(result.Diagnostics, DiagnosticCodes.MissingKey).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_key_nothing_reads_is_reported_once_for_the_site_and_taxonomies_setting_makes_it_pages()
    {
        using var site = new TestSite();
        for (var i = 1; i <= 4; i++)
            site.Write($"2024-01-0{i}-post.md", $"---\ntitle: Post {i}\nsig: [Collector]\n---\nText.\n");

        var noted = site.BuildOk();
        Assert.Contains("4 files", Single(noted.Diagnostics, DiagnosticCodes.UnusedList).Message, StringComparison.Ordinal);
        Assert.False(site.OutputExists("topics/collector/index.html"));

        site.Write("_site.yml", "taxonomies: { sig: topics }\n");
        var mapped = site.BuildOk();

        Assert.DoesNotContain(mapped.Diagnostics, d => d.Code == DiagnosticCodes.UnusedList);
        Assert.Contains("Post 4", site.ReadOutput("topics/collector/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_taxonomies_setting_is_an_error_in_site_yml_with_a_suggestion()
    {
        using var site = new TestSite();
        site.Write("_site.yml", "taxonomies: { authors: peeple }\n").Write("2024-01-01-a.md", "---\ntitle: A\n---\nText.\n");

        var result = site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("_site.yml", DiagnosticCodes.BadSettings), (error.File, error.Code));
        Assert.Contains("did you mean 'people'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_derived_summary_describes_the_page_but_is_not_shown_as_a_lede_and_json_ld_names_the_image_and_every_author()
    {
        using var site = new TestSite();
        site.Write("2024-01-01-derived.md", "---\ntitle: Derived\n---\nThe body starts here and says enough.\n")
            .Write("2024-01-02-written.md",
                "---\ntitle: Written\nexcerpt: Written summary.\nimage: https://cdn.example/w.png\nauthors:\n  - name: Ada\n    url: https://ada.example/\n  - Bob\n---\nBody.\n");

        site.BuildOk();

        var derived = site.Html("briefs/2024-01-01-derived/index.html");
        Assert.Equal("The body starts here and says enough.", derived.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Null(derived.QuerySelector(".lede"));
        var written = site.Html("briefs/2024-01-02-written/index.html");
        Assert.Equal("Written summary.", written.QuerySelector(".lede")!.TextContent);
        using var json = System.Text.Json.JsonDocument.Parse(written.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var article = json.RootElement;
        Assert.Equal("https://cdn.example/w.png", article.GetProperty("image").GetString());
        var authors = article.GetProperty("author").EnumerateArray().ToList();
        Assert.Equal(["Ada", "Bob"], authors.Select(a => a.GetProperty("name").GetString()));
        Assert.Equal("https://ada.example/", authors[0].GetProperty("url").GetString());
        Assert.False(authors[1].TryGetProperty("url", out _));
    }
}
