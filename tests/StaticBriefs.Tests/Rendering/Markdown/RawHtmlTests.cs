using StaticBriefs.Diagnostics;
using StaticBriefs.Rendering.Markdown;

namespace StaticBriefs.Tests.Rendering.Markdown;

/// <summary>Raw HTML: comments never published, left out with one warning when off, rewritten and checked when on.</summary>
public sealed class RawHtmlTests
{
    private const string Note = "<!-- editor note: remove before publish -->";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Html_comments_never_reach_the_page(bool allowHtml)
    {
        var (result, diagnostics) = BodyRender.Render(
            $"Before {Note} after.\n\n{Note}\n\n<!--\nmulti-line\nnote -->\n\n<div>kept {Note}</div>\n", allowHtml: allowHtml);

        Assert.DoesNotContain("editor note", result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("multi-line", result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;!", result.Html, StringComparison.Ordinal);
        Assert.Contains("Before", result.Html, StringComparison.Ordinal);
        // Only the <div> is raw HTML worth a warning, and only when it is left out.
        Assert.Equal(allowHtml ? 0 : 1, diagnostics.Count(d => d.Code == DiagnosticCodes.RawHtmlOmitted));
        if (allowHtml) Assert.Contains("<div>kept </div>", result.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_raw_html_is_left_out_with_one_warning_per_file_at_the_first_place()
    {
        var (result, diagnostics) = BodyRender.Render(
            "Text with <span class=\"x\">a span</span>.\n\n<div align=\"center\">\n<img src=\"/img/chart.png\">\n</div>\n\nMore <b>bold</b>.\n");

        var warning = Assert.Single(diagnostics);
        Assert.Equal(("10:11 warning SB093", DiagnosticCodes.RawHtmlOmitted), (BodyRender.Where(warning), warning.Code));
        Assert.Contains("lines 10, 12, 16", warning.Message, StringComparison.Ordinal);
        Assert.Contains("allow_html: true", warning.Message, StringComparison.Ordinal);
        var dom = BodyRender.Dom(result.Html);
        Assert.Empty(dom.QuerySelectorAll("span, div, img, b"));
        Assert.DoesNotContain("&lt;", result.Html, StringComparison.Ordinal);
        Assert.Equal("Text with a span. More bold.", string.Join(' ', dom.QuerySelectorAll("p").Select(p => p.TextContent)));
    }

    [Fact]
    public void Angle_brackets_that_name_no_html_element_stay_text()
    {
        var (result, diagnostics) = BodyRender.Render("A Vec<T> holds values, and Option<Foo> may not.\n");

        Assert.Empty(diagnostics);
        Assert.Contains("Vec&lt;T&gt; holds", result.Html, StringComparison.Ordinal);
        Assert.Contains("Option&lt;Foo&gt;", result.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void With_allow_html_links_and_images_are_rewritten_like_markdown_ones()
    {
        var (result, diagnostics) = BodyRender.Render(
            "<p><a href=\"../2024/draft.md\">d</a> <a href=\"/briefs/launch/\">launch</a> <a href=\"../../about.md#team\">about</a>\n"
            + "<img src=\"photo.jpg\" srcset=\"photo.jpg 1x, /img/chart.png 2x\" alt=\"p\"> <a href='https://example.org/?a=1&amp;b=2'>out</a></p>\n",
            basePath: "/site/", allowHtml: true, path: "briefs/2025/x.md");

        var dom = BodyRender.Dom(result.Html);
        Assert.Equal(["../2024/draft.md", "/site/briefs/launch/", "/site/about/#team", "https://example.org/?a=1&b=2"],
            dom.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        var image = dom.QuerySelector("img")!;
        Assert.Equal("/site/briefs/2025/photo.jpg", image.GetAttribute("src"));
        Assert.Equal("/site/briefs/2025/photo.jpg 1x, /site/img/chart.png 2x", image.GetAttribute("srcset"));
        // The draft is a broken link: reported with its place in the file and why.
        var error = Assert.Single(diagnostics);
        Assert.Equal(("10:13 error SB006", "link '../2024/draft.md' points at /briefs/draft/, which is the draft briefs/2024/draft.md (drafts are published only with --drafts, or once 'draft: false')"),
            (BodyRender.Where(error), error.Message));
    }

    [Fact]
    public void With_allow_html_a_missing_image_in_raw_html_is_a_broken_link_at_its_line()
    {
        var (_, diagnostics) = BodyRender.Render("Intro.\n\n<figure>\n  <img src=\"missing.png\" alt=\"x\">\n</figure>\n", allowHtml: true);

        var error = Assert.Single(diagnostics);
        Assert.Equal(("13:13 error SB006", DiagnosticCodes.BrokenLink), (BodyRender.Where(error), error.Code));
        Assert.Contains("points at /briefs/x/missing.png", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_inside_scripts_are_not_comments()
    {
        Assert.Equal("<p>a</p><script>x = '<!-- y -->';</script>", HtmlComments.Remove("<p>a</p><!-- gone --><script>x = '<!-- y -->';</script>"));
        Assert.Equal("a", HtmlComments.Remove("a<!-- unclosed"));
        Assert.True(HtmlComments.IsOnlyComments(" <!-- a --> \n<!-- b -->"));
    }
}
