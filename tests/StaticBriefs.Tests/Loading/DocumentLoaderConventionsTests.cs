using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;

namespace StaticBriefs.Tests.Loading;

/// <summary>
/// Front matter written for Jekyll, Hugo, Zola and Eleventy is read where those generators keep things: titles,
/// dates (front matter, file name, folders, Zola's path), drafts, summaries, authors, images and taxonomies.
/// </summary>
public sealed class DocumentLoaderConventionsTests
{
    private static (SourceDocument? Document, IReadOnlyList<Diagnostic> Found) Load(string text, string path = "post.md", FrontMatterSettings? settings = null)
    {
        var bag = new DiagnosticBag();
        var document = DocumentLoader.Load(text.ReplaceLineEndings("\n"), path, bag, settings ?? new FrontMatterSettings());
        return (document, bag.Sorted());
    }

    private static string Yaml(string frontMatter, string body = "Body text.") => "---\n" + frontMatter.Trim('\n') + "\n---\n" + body + "\n";

    private static DateTimeOffset Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Jekyll_post_takes_its_date_from_the_file_name_and_layout_post_is_no_error()
    {
        var (document, found) = Load(Yaml("layout: post\ntitle: Homebrew 1.2.0"), "_posts/2017-05-01-homebrew-1.2.0.markdown");

        Assert.DoesNotContain(found, d => d.Severity == Severity.Error);
        Assert.Equal(Day(2017, 5, 1), document!.Date);
        Assert.Equal(DocumentKind.Brief, document.Kind);
        Assert.Equal("post", document.Layout!.Text);
    }

    [Theory]
    [InlineData("blog/2019/11/07/async-await.md", null, 2019, 11, 7)]
    [InlineData("async-await.md", "2019/11/07/Async-await-stable", 2019, 11, 7)]
    [InlineData("inside-rust/x.md", "inside-rust/2020/03/13/twir-new-lead", 2020, 3, 13)]
    [InlineData("2024-02-29-leap/index.md", null, 2024, 2, 29)]
    public void Date_comes_from_the_folders_zolas_path_or_a_bundle_folder_name(string path, string? zolaPath, int y, int m, int d)
    {
        var text = zolaPath is null ? Yaml("title: x") : $"+++\ntitle = \"x\"\npath = \"{zolaPath}\"\n+++\nBody.\n";

        var (document, found) = Load(text, path);

        Assert.Empty(found);
        Assert.Equal(Day(y, m, d), document!.Date);
    }

    [Fact]
    public void A_date_in_front_matter_wins_over_the_file_name_and_hugos_keys_are_read()
    {
        var (written, _) = Load(Yaml("title: x\ndate: 2020-01-02"), "2019-05-05-x.md");
        var (hugo, found) = Load(Yaml("title: x\npublishDate: 2021-03-04T10:00:00+01:00\nlastmod: 2021-04-01"));

        Assert.Equal(Day(2020, 1, 2), written!.Date);
        Assert.Empty(found);
        Assert.Equal(new DateTimeOffset(2021, 3, 4, 10, 0, 0, TimeSpan.FromHours(1)), hugo!.Date);
        Assert.Equal(Day(2021, 4, 1), hugo.Updated);
    }

    [Fact]
    public void Without_any_date_the_update_date_is_used_as_hugo_falls_back_to_lastmod()
    {
        var (document, found) = Load(Yaml("title: x\nlastmod: 2022-06-07"));

        Assert.Empty(found);
        Assert.Equal(Day(2022, 6, 7), document!.Date);
    }

    [Fact]
    public void A_file_name_that_is_not_a_real_day_gives_no_date_and_the_missing_date_message_names_the_file_name_rule()
    {
        var (document, found) = Load(Yaml("title: x"), "2024-02-30-x.md");

        Assert.Null(document);
        var error = Assert.Single(found);
        Assert.Equal(DiagnosticCodes.MissingKey, error.Code);
        Assert.Contains("start the file name with the date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_with_the_year_written_twice_is_read_with_SB084_at_its_place()
    {
        var (document, found) = Load(Yaml("title: x\ndate: 2023-01-29 18:30:22 2023 -0800"));

        Assert.Equal(new DateTimeOffset(2023, 1, 29, 18, 30, 22, TimeSpan.FromHours(-8)), document!.Date);
        var warning = Assert.Single(found);
        Assert.Equal((Severity.Warning, DiagnosticCodes.OddDate, 3, 7), (warning.Severity, warning.Code, warning.Line, warning.Column));
    }

    [Theory]
    [InlineData("draft: true", "post.md", true)]
    [InlineData("published: false", "post.md", true)]
    [InlineData("published: true", "post.md", false)]
    [InlineData("", "_drafts/post.md", true)]
    [InlineData("", "post.md", false)]
    public void Drafts_are_hugos_draft_jekylls_published_false_and_files_in_drafts(string line, string path, bool draft)
    {
        var (document, found) = Load(Yaml("title: x\ndate: 2024-01-01\n" + line), path);

        Assert.Empty(found);
        Assert.Equal(draft, document!.Draft);
    }

    [Fact]
    public void A_draft_without_a_date_is_a_warning_SB085_not_an_error()
    {
        var (document, found) = Load(Yaml("title: x"), "_drafts/idea.md");

        Assert.NotNull(document);
        Assert.Null(document.Date);
        Assert.Equal((Severity.Warning, DiagnosticCodes.UndatedDraft), (Assert.Single(found).Severity, found[0].Code));
    }

    [Theory]
    [InlineData("summary: A\ndescription: B\nexcerpt: C", "A")]
    [InlineData("description: B\nexcerpt: C", "B")]
    [InlineData("excerpt: C", "C")]
    public void Summary_is_taken_from_summary_description_or_excerpt(string lines, string expected)
    {
        var (document, found) = Load(Yaml("title: x\ndate: 2024-01-01\n" + lines, "First paragraph."));

        Assert.Empty(found);
        Assert.Equal((expected, false), (document!.Summary, document.SummaryDerived));
    }

    [Fact]
    public void Without_one_the_summary_is_derived_from_the_body_as_plain_text_a_short_first_paragraph_with_the_next()
    {
        var (document, _) = Load(Yaml("title: x\ndate: 2024-01-01", "Rust **1.30** is out, with [procedural macros](https://example.org/) and <span>more</span>.\n\nSecond paragraph."));

        Assert.True(document!.SummaryDerived);
        Assert.Equal("Rust 1.30 is out, with procedural macros and more. Second paragraph.", document.Summary);
    }

    [Fact]
    public void Zola_authors_list_names_every_author_and_is_no_typo_of_author()
    {
        var (document, found) = Load("+++\ntitle = \"x\"\ndate = 2024-01-01\nauthors = [\"The Rust Release Team\", \"Ada\"]\n+++\nBody.\n");

        Assert.Empty(found);
        Assert.Equal("The Rust Release Team, Ada", document!.Author);
        Assert.Equal(["The Rust Release Team", "Ada"], document.Authors.Select(a => a.Name));
    }

    [Fact]
    public void Markdown_in_author_becomes_a_plain_name_with_its_link()
    {
        var (document, found) = Load(Yaml("title: x\ndate: 2024-01-01\nauthor: '[Alex Boten](https://github.com/codeboten) (Honeycomb), **Ted**'"));

        Assert.Empty(found);
        Assert.Equal("Alex Boten (Honeycomb), Ted", document!.Author);
        var alex = Assert.Single(document.Authors);
        Assert.Equal(("Alex Boten", "https://github.com/codeboten"), (alex.Name, alex.Url));
    }

    [Fact]
    public void Author_mapping_and_a_list_of_mappings_are_read_and_unsafe_links_dropped()
    {
        var (one, _) = Load(Yaml("title: x\ndate: 2024-01-01\nauthor:\n  name: Ada\n  url: https://ada.example/"));
        var (many, found) = Load(Yaml("title: x\ndate: 2024-01-01\nauthors:\n  - name: Ada\n    url: \"javascript:alert(1)\"\n  - Bob"));

        Assert.Equal(("Ada", "https://ada.example/"), (one!.Authors[0].Name, one.Authors[0].Url));
        Assert.Equal(["Ada", "Bob"], many!.Authors.Select(a => a.Name));
        Assert.Null(many.Authors[0].Url);
        Assert.Equal(DiagnosticCodes.UnsafeUrl, Assert.Single(found).Code);
    }

    [Fact]
    public void Author_that_is_a_number_list_is_SB004()
    {
        var (document, found) = Load(Yaml("title: x\ndate: 2024-01-01\nauthor:\n  - [a, b]"));

        Assert.Null(document);
        Assert.Equal(DiagnosticCodes.WrongType, Assert.Single(found).Code);
    }

    [Theory]
    [InlineData("image: /img/a.png", "/img/a.png", "")]
    [InlineData("image:\n  path: /img/a.png\n  alt: A chart", "/img/a.png", "A chart")]
    [InlineData("images: [/img/a.png, /img/b.png]", "/img/a.png", "")]
    [InlineData("cover:\n  image: a.png\n  alt: Cover", "a.png", "Cover")]
    [InlineData("featured_image: https://example.org/a.png\nimage_alt: Alt", "https://example.org/a.png", "Alt")]
    [InlineData("header:\n  og_image: /h.png", "/h.png", "")]
    public void The_brief_image_comes_from_the_keys_themes_use(string lines, string source, string alt)
    {
        var (document, found) = Load(Yaml("title: x\ndate: 2024-01-01\n" + lines));

        Assert.Empty(found);
        Assert.Equal((source, alt), (document!.Image!.Source.Text, document.Image.Alt));
    }

    [Fact]
    public void Tags_categories_category_and_keywords_become_topics_in_written_order()
    {
        var (document, found) = Load(Yaml("title: x\ndate: 2024-01-01\ncategories: [release]\ntags: [rust, wasm]\ncategory: news\nkeywords: compilers"));

        Assert.Empty(found);
        Assert.Equal(["release", "rust", "wasm", "news", "compilers"], document!.Topics.Select(t => t.Name));
        Assert.Equal((4, 14), (document.Topics[0].Line, document.Topics[0].Column));
    }

    [Fact]
    public void Zola_taxonomies_table_gives_topics_and_eleventy_collection_tags_are_left_out()
    {
        var (zola, _) = Load("+++\ntitle = \"x\"\ndate = 2024-01-01\n[taxonomies]\ntags = [\"rust\"]\ncategories = [\"release\"]\n+++\nBody.\n");
        var (eleventy, found) = Load(Yaml("title: x\ndate: 2024-01-01\ntags: [posts, eleventy]"));

        Assert.Equal(["rust", "release"], zola!.Topics.Select(t => t.Name));
        Assert.Empty(found);
        Assert.Equal(["eleventy"], eleventy!.Topics.Select(t => t.Name));
    }

    [Fact]
    public void Site_settings_map_any_key_to_a_kind_and_can_switch_a_default_off()
    {
        var settings = new FrontMatterSettings
        {
            Taxonomies = FrontMatterSettings.DefaultTaxonomies.SetItem("authors", TaxonomyKind.People).SetItem("sig", TaxonomyKind.Topics)
                .SetItem("extra.team", TaxonomyKind.Companies).SetItem("tags", null),
        };

        var (document, found) = Load(Yaml("title: x\ndate: 2024-01-01\nauthors: [Ada]\nsig: [Collector]\ntags: [ignored]\nextra:\n  team: [Compiler]"), settings: settings);

        Assert.Empty(found);
        Assert.Equal(["Ada"], document!.People.Select(t => t.Name));
        Assert.Equal(["Collector"], document.Topics.Select(t => t.Name));
        Assert.Equal(["Compiler"], document.Companies.Select(t => t.Name));
    }

    [Fact]
    public void Title_key_reads_eleventys_newstitle_and_the_missing_title_message_suggests_it()
    {
        const string text = "---\nnewstitle: Eleventy v3\n---\nBody.\n";
        var (without, found) = Load(text, "blog/2024-10-01-v3.md");
        var (with, none) = Load(text, "blog/2024-10-01-v3.md", new FrontMatterSettings { TitleKeys = ["newstitle"] });

        Assert.Null(without);
        Assert.Contains("title_key: newstitle", Assert.Single(found).Message, StringComparison.Ordinal);
        Assert.Empty(none);
        Assert.Equal("Eleventy v3", with!.Title);
    }

    [Fact]
    public void A_list_nothing_reads_is_kept_for_templates_and_noted_for_the_site_wide_warning()
    {
        var (document, found) = Load(Yaml("title: x\ndate: 2024-01-01\nfilters_linked_to: [a, b]\nsig: Collector"));

        Assert.Empty(found);
        Assert.Equal(["filters_linked_to"], document!.UnusedLists.Select(k => k.Text));
        Assert.Equal(["a", "b"], ((System.Collections.IEnumerable)document.Extra["filters_linked_to"]!).Cast<object>().Select(o => o.ToString()));
    }

    [Fact]
    public void A_title_and_no_body_is_a_page_but_neither_is_a_stub_not_a_brief()
    {
        var (stub, found) = Load("+++\ntemplate = \"latest.html\"\n+++\n", "releases/latest.md");

        Assert.Empty(found);
        Assert.Equal(DocumentKind.Stub, stub!.Kind);
    }

    [Fact]
    public void A_file_without_front_matter_is_SB002_saying_how_to_start_one()
    {
        var (document, found) = Load("Just text.\n");

        Assert.Null(document);
        var error = Assert.Single(found);
        Assert.Equal(DiagnosticCodes.MissingKey, error.Code);
        Assert.Contains("has no front matter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_front_matter_is_read_like_yaml()
    {
        var (document, found) = Load("{\n  \"title\": \"JSON post\",\n  \"date\": \"2024-01-01\",\n  \"tags\": [\"json\"]\n}\nBody.\n");

        Assert.Empty(found);
        Assert.Equal(("JSON post", Day(2024, 1, 1)), (document!.Title, document.Date!.Value));
        Assert.Equal(["json"], document.Topics.Select(t => t.Name));
    }

    [Theory]
    [InlineData("blog.md", "---\nheaderTitle: Blog\npermalink: /blog/\n---\n{% for news in collections.blog | reverse %}\n- {{ news.data.newstitle }}\n{%- endfor %}\n", DocumentKind.Listing)]
    [InlineData("index.md", "---\ntitle: News\n---\n{% for post in paginator.posts %}{{ post.title }}{% endfor %}\n", DocumentKind.Listing)]
    [InlineData("2024-01-01-loop.md", "---\ntitle: Loop\n---\n{% for post in site.posts %}x{% endfor %}\n", DocumentKind.Brief)]
    [InlineData("news.md", "---\ntitle: News\nlayout: page\n---\n{% for post in site.posts %}x{% endfor %}\n", DocumentKind.Page)]
    public void A_page_without_a_date_that_loops_over_the_old_generators_posts_is_a_listing_not_a_brief(string path, string text, DocumentKind kind)
    {
        var (document, found) = Load(text, path);

        Assert.Empty(found);
        Assert.Equal(kind, document!.Kind);
    }

    [Fact]
    public void With_a_title_key_already_set_the_missing_title_message_suggests_adding_to_the_list()
    {
        var (_, found) = Load("---\nheaderTitle: Community\ndate: 2024-01-01\n---\nText.\n", "about.md", new FrontMatterSettings { TitleKeys = ["newstitle"] });

        Assert.Contains("title_key: [newstitle, headerTitle]", Assert.Single(found).Message, StringComparison.Ordinal);
    }
}
