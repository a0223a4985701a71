using AngleSharp.Html.Dom;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Rendering.Markdown;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering;

public sealed class MarkdownRendererTests
{
    private static readonly HashSet<string> KnownPaths = ["/", "/briefs/x/", "/briefs/other/", "/companies/openai/", "/about/"];

    private static readonly Dictionary<string, string> PathsBySource = new()
    {
        ["briefs/2024/other.md"] = "/briefs/other/",
        ["briefs/2025/x.md"] = "/briefs/x/",
        ["about.md"] = "/about/",
        ["briefs/2024/draft.md"] = "/briefs/draft/",
    };

    private static (RenderedMarkdown Result, IReadOnlyList<Diagnostic> Diagnostics) Render(
        string markdown, string basePath = "/", bool allowHtml = false, string path = "briefs/2025/x.md", int bodyFirstLine = 1)
    {
        var renderer = new MarkdownRenderer(
            MarkdownPipelineFactory.Create(new MarkdownOptions(allowHtml)),
            new LinkContext(basePath, KnownPaths, PathsBySource, new HashSet<string> { "briefs/2025/chart.png" }));
        var bag = new DiagnosticBag();
        var result = renderer.Render(markdown.ReplaceLineEndings("\n"), path, bodyFirstLine, bag);
        return (result, bag.Sorted());
    }

    private static IHtmlDocument Dom(RenderedMarkdown result) => TestSite.Parse(result.Html);

    [Fact]
    public void Pipe_tables_render_as_tables()
    {
        var dom = Dom(Render("| Name | Role |\n| --- | --- |\n| Ada | CTO |\n").Result);

        Assert.Equal(["Name", "Role"], dom.QuerySelectorAll("table thead th").Select(th => th.TextContent));
        Assert.Equal(["Ada", "CTO"], dom.QuerySelectorAll("table tbody td").Select(td => td.TextContent));
    }

    [Fact]
    public void Footnotes_render_with_a_reference_and_a_note()
    {
        var dom = Dom(Render("A claim.[^1]\n\n[^1]: The source.\n").Result);

        var reference = LinkChecker.Single(dom, "a.footnote-ref");
        var note = LinkChecker.Single(dom, ".footnotes li");
        Assert.Equal("#" + note.Id, reference.GetAttribute("href"));
        Assert.Contains("The source.", note.TextContent);
    }

    [Fact]
    public void Headings_get_ids_and_level_2_and_3_make_the_toc()
    {
        var (result, _) = Render("# Title\n\n## Who he is\n\ntext\n\n### The `code` part\n\n#### Too deep\n");

        Assert.Equal(
            [new TocEntry(2, "who-he-is", "Who he is"), new TocEntry(3, "the-code-part", "The code part")],
            result.Toc.ToArray());
        var dom = Dom(result);
        Assert.Equal("who-he-is", LinkChecker.Single(dom, "h2").Id);
        Assert.NotNull(dom.GetElementById("too-deep"));
    }

    [Fact]
    public void Task_lists_render_disabled_checkboxes()
    {
        var dom = Dom(Render("- [x] done\n- [ ] open\n").Result);

        var boxes = dom.QuerySelectorAll("input[type=checkbox]").ToList();
        Assert.Equal(2, boxes.Count);
        Assert.True(boxes[0].HasAttribute("checked"));
        Assert.False(boxes[1].HasAttribute("checked"));
        Assert.All(boxes, b => Assert.True(b.HasAttribute("disabled")));
    }

    [Fact]
    public void Bare_urls_become_links()
    {
        var dom = Dom(Render("See https://example.org/page and www.example.com.\n").Result);

        Assert.Equal(["https://example.org/page", "http://www.example.com"], dom.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Double_quotes_become_curly_quotes()
    {
        var (result, _) = Render("He said \"hello\" to them.\n");

        Assert.Contains("&ldquo;hello&rdquo;", result.Html);
        Assert.Equal("He said \u201Chello\u201D to them.", Dom(result).QuerySelector("p")!.TextContent);
    }

    [Fact]
    public void Site_absolute_link_is_rewritten_under_the_base_path()
    {
        var (result, diagnostics) = Render("[other](/briefs/x/#why) and [firm](/companies/openai)\n", basePath: "/briefs-site/");

        Assert.Empty(diagnostics);
        Assert.Equal(["/briefs-site/briefs/x/#why", "/briefs-site/companies/openai/"],
            Dom(result).QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Relative_link_to_another_markdown_file_resolves_to_that_briefs_url()
    {
        var (result, diagnostics) = Render("See [the other](../2024/other.md#part).\n", basePath: "/briefs-site/");

        Assert.Empty(diagnostics);
        Assert.Equal("/briefs-site/briefs/other/#part", LinkChecker.Single(Dom(result), "a").GetAttribute("href"));
    }

    [Fact]
    public void Relative_link_to_a_published_file_beside_the_brief_is_rewritten()
    {
        var (result, diagnostics) = Render("![chart](chart.png)\n", basePath: "/b/");

        Assert.Empty(diagnostics);
        Assert.Equal("/b/briefs/2025/chart.png", LinkChecker.Single(Dom(result), "img").GetAttribute("src"));
    }

    [Fact]
    public void Link_to_a_missing_brief_is_SB006_at_the_file_line_counting_the_front_matter()
    {
        // Front matter of 5 lines: the body starts on file line 6, the link is on body line 3 -> file line 8.
        var (_, diagnostics) = Render("First paragraph.\n\nSee [gone](/briefs/missing/) here.\n", bodyFirstLine: 6);

        var error = Assert.Single(diagnostics);
        Assert.Equal((Severity.Error, DiagnosticCodes.BrokenLink, "briefs/2025/x.md", 8, 5),
            (error.Severity, error.Code, error.File, error.Line, error.Column));
        Assert.Contains("/briefs/missing/", error.Message);
    }

    [Fact]
    public void Relative_link_to_a_missing_markdown_file_is_SB006()
    {
        var (_, diagnostics) = Render("[x](../2023/nothing.md)\n");

        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.BrokenLink, error.Code);
        Assert.Contains("briefs/2023/nothing.md", error.Message);
    }

    [Fact]
    public void Relative_link_to_an_unpublished_draft_is_SB006()
    {
        var (_, diagnostics) = Render("[x](../2024/draft.md)\n");

        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.BrokenLink, error.Code);
        Assert.Contains("/briefs/draft/", error.Message);
    }

    [Fact]
    public void Link_line_is_right_in_a_real_file_loaded_with_front_matter()
    {
        var text = "---\ntitle: T\ndate: 2024-01-01\n---\n\nIntro.\n\n- item [bad](/briefs/nope/)\n";
        var bag = new DiagnosticBag();
        var document = DocumentLoader.Load(text, "briefs/2025/x.md", bag)!;

        var (_, diagnostics) = Render(document.Body, bodyFirstLine: document.BodyFirstLine);

        Assert.Equal(8, Assert.Single(diagnostics).Line);
    }

    [Fact]
    public void Raw_html_is_left_out_by_default_and_never_printed_as_text()
    {
        var (result, diagnostics) = Render("Hello <b onclick=\"x()\">bold</b>\n\n<script>alert(1)</script>\n");

        var dom = Dom(result);
        Assert.Empty(dom.QuerySelectorAll("script, b, [onclick]"));
        Assert.DoesNotContain("alert", result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;", result.Html, StringComparison.Ordinal);
        Assert.Equal("Hello bold", dom.Body!.TextContent.Trim());
        Assert.Equal(DiagnosticCodes.RawHtmlOmitted, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Raw_html_passes_through_when_allowed()
    {
        var (result, _) = Render("Hello <b class=\"x\">bold</b>\n\n<div class=\"note\">note</div>\n", allowHtml: true);

        var dom = Dom(result);
        Assert.Equal("bold", LinkChecker.Single(dom, "b.x").TextContent);
        Assert.Equal("note", LinkChecker.Single(dom, "div.note").TextContent);
    }

    [Fact]
    public void Attribute_syntax_cannot_add_event_handlers_when_html_is_off()
    {
        var (result, _) = Render("# Title {onclick=alert(1)}\n\n[x](https://example.org){onmouseover=alert(1)}\n");

        Assert.Empty(Dom(result).QuerySelectorAll("[onclick], [onmouseover]"));
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JavaScript:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("![img](javascript:alert(1))")]
    [InlineData("[click][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("<javascript:alert(1)>")]
    public void Script_links_are_removed_with_a_warning(string markdown)
    {
        var (result, diagnostics) = Render(markdown + "\n");

        var targets = Dom(result).QuerySelectorAll("[href], [src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")).ToList();
        Assert.NotEmpty(targets);
        Assert.All(targets, url => Assert.Equal("#", url));
        var warning = Assert.Single(diagnostics);
        Assert.Equal((Severity.Warning, DiagnosticCodes.UnsafeUrl), (warning.Severity, warning.Code));
    }

    [Fact]
    public void External_links_and_anchors_are_left_alone()
    {
        var (result, diagnostics) = Render("[a](https://example.org/x) [b](#top) [c](mailto:a@b.org) [d](//cdn.example.org/x)\n");

        Assert.Empty(diagnostics);
        Assert.Equal(["https://example.org/x", "#top", "mailto:a@b.org", "//cdn.example.org/x"],
            Dom(result).QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Words_and_plain_text_are_counted_from_prose()
    {
        var (result, _) = Render("## Heading here\n\nOne two three, don't stop.\n\n- four\n- five-six\n");

        Assert.Equal(9, result.WordCount);
        Assert.Equal("Heading here One two three, don't stop. four five-six", result.PlainText);
        Assert.Equal(1, result.ReadingMinutes);
    }

    [Fact]
    public void Headings_and_the_opening_prose_are_kept_apart_for_search()
    {
        var (result, _) = Render("## Executive summary\n\n| Name | Role |\n| --- | --- |\n| Ada | CTO |\n\nFirst *real* paragraph.\n\n```\ncode here\n```\n\n- a point\n\n### Details\n\nMore text.\n");

        Assert.Equal("Executive summary\nDetails", result.Headings);
        Assert.Equal("First real paragraph. a point More text.", result.Lead);
        Assert.Contains("Ada", result.PlainText, StringComparison.Ordinal);
        Assert.Contains("code here", result.PlainText, StringComparison.Ordinal);
    }
}
