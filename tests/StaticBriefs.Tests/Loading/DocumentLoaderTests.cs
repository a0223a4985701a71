using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;

namespace StaticBriefs.Tests.Loading;

public sealed class DocumentLoaderTests
{
    private static (SourceDocument? Document, IReadOnlyList<Diagnostic> Diagnostics) Load(string text, string path = "briefs/2024/x.md")
    {
        var bag = new DiagnosticBag();
        var document = DocumentLoader.Load(text.ReplaceLineEndings("\n"), path, bag);
        return (document, bag.Sorted());
    }

    [Fact]
    public void Every_known_key_is_read_into_its_typed_property()
    {
        var (document, diagnostics) = Load("""
            ---
            title: "Karpathy joins Anthropic"
            date: 2024-05-14T09:30:00+02:00
            updated: 2024-05-15
            summary: One line.
            author: Desk
            slug: karpathy-anthropic
            draft: true
            nav: 3
            companies: [Anthropic, OpenAI]
            people:
              - Andrej Karpathy
            topics: [Talent]
            sources:
              - https://example.org/a
              - https://example.org/b
            ---

            Body here.
            """);

        Assert.Empty(diagnostics);
        Assert.NotNull(document);
        Assert.Equal(DocumentKind.Brief, document.Kind);
        Assert.Equal("Karpathy joins Anthropic", document.Title);
        Assert.Equal(new DateTimeOffset(2024, 5, 14, 9, 30, 0, TimeSpan.FromHours(2)), document.Date);
        Assert.Equal(new DateTimeOffset(2024, 5, 15, 0, 0, 0, TimeSpan.Zero), document.Updated);
        Assert.Equal("One line.", document.Summary);
        Assert.Equal("Desk", document.Author);
        Assert.Equal("karpathy-anthropic", document.Slug);
        Assert.Equal(7, document.SlugLine);
        Assert.True(document.Draft);
        Assert.Equal(3, document.Nav);
        Assert.Equal(["Anthropic", "OpenAI"], document.Companies.Select(c => c.Name));
        Assert.All(document.Companies, c => Assert.Equal(10, c.Line));
        var person = Assert.Single(document.People);
        Assert.Equal(("Andrej Karpathy", 12), (person.Name, person.Line));
        Assert.Equal(["Talent"], document.Topics.Select(t => t.Name));
        Assert.Equal(["https://example.org/a", "https://example.org/b"], document.Sources.ToArray());
        Assert.Equal("\nBody here.", document.Body.TrimEnd());
        Assert.Equal(18, document.BodyFirstLine);
    }

    [Fact]
    public void Url_keys_are_kept_raw_with_their_places_for_the_url_stage()
    {
        var (document, diagnostics) = Load("""
            ---
            title: T
            date: 2024-01-01
            permalink: /news/:year/:title/
            url: /blog/old/
            path: "2019/11/07/Async-await-stable"
            aliases:
              - 2019/11/07/Async-await-stable.html
              - releases/1.39.0
            redirect_from: /blog/1.2.0/
            ---
            """);

        Assert.Empty(diagnostics);
        var urls = document!.Urls;
        Assert.Equal(new LocatedText("/news/:year/:title/", 4, 12), urls.Permalink);
        Assert.Equal(new LocatedText("/blog/old/", 5, 6), urls.Url);
        Assert.Equal(new LocatedText("2019/11/07/Async-await-stable", 6, 7), urls.Path);
        Assert.Null(urls.Slug);
        Assert.Equal([new LocatedText("2019/11/07/Async-await-stable.html", 8, 5), new LocatedText("releases/1.39.0", 9, 5)], urls.Aliases.ToArray());
        Assert.Equal([new LocatedText("/blog/1.2.0/", 10, 16)], urls.RedirectFrom.ToArray());
        Assert.False(document.Extra.ContainsKey("aliases"));
    }

    [Fact]
    public void Layout_page_makes_a_page_that_needs_no_date()
    {
        var (document, diagnostics) = Load("---\ntitle: About\nlayout: page\n---\nText\n", "about.md");

        Assert.Empty(diagnostics);
        Assert.Equal(DocumentKind.Page, document!.Kind);
        Assert.Null(document.Date);
    }

    [Fact]
    public void Unknown_key_is_kept_in_Extra_with_its_plain_value()
    {
        var (document, diagnostics) = Load("---\ntitle: T\ndate: 2024-01-01\nmood: sunny\nratings: [1, 2]\nfeatured: true\n---\n");

        Assert.Empty(diagnostics);
        Assert.Equal("sunny", document!.Extra["mood"]);
        Assert.Equal(new List<object?> { "1", "2" }, Assert.IsType<List<object?>>(document.Extra["ratings"]));
        Assert.Equal(true, document.Extra["featured"]);
    }

    [Fact]
    public void Misspelt_key_warns_SB007_with_did_you_mean_at_its_line_and_is_kept()
    {
        var (document, diagnostics) = Load("---\ntitle: T\ndate: 2024-01-01\ncompnies: [OpenAI]\n---\n");

        Assert.NotNull(document);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(DiagnosticCodes.UnknownKey, warning.Code);
        Assert.Equal(4, warning.Line);
        Assert.Contains("did you mean 'companies'", warning.Message);
        Assert.Empty(document.Companies);
        Assert.True(document.Extra.ContainsKey("compnies"));
    }

    [Fact]
    public void List_where_a_string_belongs_is_SB004_at_its_line()
    {
        var (document, diagnostics) = Load("---\ndate: 2024-01-01\nsummary: ok\ntitle: [a, b]\n---\n");

        Assert.Null(document);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.WrongType, error.Code);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(4, error.Line);
        Assert.Contains("'title' must be a single text value", error.Message);
    }

    [Theory]
    [InlineData("2024-13-45")]
    [InlineData("yesterday")]
    [InlineData("14/05/2024")]
    public void Unreadable_date_is_SB003_at_the_date_line(string date)
    {
        var (document, diagnostics) = Load($"---\ntitle: T\nsummary: s\ndate: {date}\n---\n");

        Assert.Null(document);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.BadDate, error.Code);
        Assert.Equal(4, error.Line);
        Assert.Contains(date, error.Message);
    }

    [Fact]
    public void Missing_title_is_SB002()
    {
        var (document, diagnostics) = Load("---\ndate: 2024-01-01\n---\nBody\n");

        Assert.Null(document);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.MissingKey, error.Code);
        Assert.Contains("missing 'title'", error.Message);
    }

    [Fact]
    public void Missing_date_on_a_brief_is_SB002()
    {
        var (document, diagnostics) = Load("---\ntitle: T\n---\nBody\n");

        Assert.Null(document);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.MissingKey, error.Code);
        Assert.Contains("missing 'date'", error.Message);
    }

    [Fact]
    public void Empty_title_is_SB002_at_the_title_line()
    {
        var (_, diagnostics) = Load("---\ndate: 2024-01-01\ntitle: \"  \"\n---\n");

        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.MissingKey, 3), (error.Code, error.Line));
    }

    [Fact]
    public void Single_company_written_without_brackets_is_accepted_as_one_item()
    {
        var (document, diagnostics) = Load("---\ntitle: T\ndate: 2024-01-01\ncompanies: OpenAI\n---\n");

        Assert.Empty(diagnostics);
        var company = Assert.Single(document!.Companies);
        Assert.Equal(("OpenAI", 4), (company.Name, company.Line));
    }

    [Fact]
    public void Several_problems_in_one_file_are_all_reported()
    {
        var (document, diagnostics) = Load("---\ntitle: [a]\ndate: someday\ndraft: maybe\nslug: Not A Slug\n---\n");

        Assert.Null(document);
        Assert.Equal(
            [(2, DiagnosticCodes.WrongType), (3, DiagnosticCodes.BadDate), (4, DiagnosticCodes.WrongType), (5, DiagnosticCodes.WrongType)],
            diagnostics.Select(d => (d.Line, d.Code)));
        Assert.Contains("'not-a-slug'", diagnostics[3].Message);
    }

    [Fact]
    public void A_mapping_as_a_list_item_is_SB004_at_the_item_line()
    {
        var (_, diagnostics) = Load("---\ntitle: T\ndate: 2024-01-01\npeople:\n  - Ada\n  - name: Bob\n---\n");

        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.WrongType, 6), (error.Code, error.Line));
    }

    [Fact]
    public void Key_written_with_the_wrong_case_warns_with_the_right_spelling()
    {
        var (document, diagnostics) = Load("---\ntitle: T\ndate: 2024-01-01\nCompanies: [OpenAI]\n---\n");

        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UnknownKey, 4), (warning.Code, warning.Line));
        Assert.Contains("did you mean 'companies'", warning.Message);
        Assert.Empty(document!.Companies);
    }

    [Theory]
    [InlineData("---\ntitle: Long\ndate: 2024-05-14\nsummary: S\n---\n")]
    [InlineData("+++\ntitle = \"Long\"\ndate = 2024-05-14\nsummary = \"S\"\n+++\n")]
    public void Loading_does_not_copy_a_body_it_has_no_use_for_yet(string frontMatter)
    {
        // A build without the cache hashes and measures each body at load and reads it from its file again to render.
        // (Hugo's leading JSON object is read from the file's UTF-8 bytes, the body's included: rare, and left so.)
        var body = string.Concat(Enumerable.Repeat("Acme hired a chief financial officer this week.\n", 4000));
        var text = frontMatter + body;
        static SourceDocument LoadAndMeasure(string text)
        {
            var document = DocumentLoader.Load(text, "briefs/long.md", new DiagnosticBag())!;
            _ = document.BodySource.Hash;
            return document;
        }
        LoadAndMeasure(text);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var document = LoadAndMeasure(text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.InRange(allocated, 0, body.Length / 2);
        Assert.Equal(body, document.Body);
        Assert.Equal(BodyText.HashOf(body), document.BodySource.Hash);
    }

    [Fact]
    public void Deriving_a_summary_reads_only_the_start_of_a_long_body_and_copies_no_more()
    {
        // No summary in the front matter: one is made from the body's first paragraphs, which a copy of the whole body
        // (a string as long as the post) was made for.
        var body = string.Concat(Enumerable.Repeat("Acme hired a chief financial officer this week.\n\n", 4000));
        var text = "---\ntitle: Long\ndate: 2024-05-14\n---\n" + body;
        static SourceDocument LoadAndMeasure(string text) => DocumentLoader.Load(text, "briefs/long.md", new DiagnosticBag())!;
        LoadAndMeasure(text);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var document = LoadAndMeasure(text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(document.SummaryDerived);
        Assert.StartsWith("Acme hired a chief financial officer this week. Acme hired", document.Summary, StringComparison.Ordinal);
        Assert.InRange(allocated, 0, body.Length / 2);
    }
}
