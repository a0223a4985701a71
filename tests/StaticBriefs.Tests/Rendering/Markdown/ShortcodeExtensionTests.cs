using StaticBriefs.Diagnostics;

namespace StaticBriefs.Tests.Rendering.Markdown;

/// <summary>Hugo's figure, youtube, vimeo and highlight shortcodes and Jekyll's highlight tag, rendered instead of printed.</summary>
public sealed class ShortcodeExtensionTests
{
    [Fact]
    public void A_figure_becomes_a_figure_with_its_image_size_and_markdown_caption()
    {
        var (result, diagnostics) = BodyRender.Render(
            "{{< figure src=\"/img/chart.png\" alt=\"Revenue by year\" caption=\"Revenue, *2024*\" width=\"640\" height=\"480\" >}}\n",
            basePath: "/site/");

        Assert.Empty(diagnostics);
        Assert.Equal(
            "<figure>\n<img src=\"/site/img/chart.png\" width=\"640\" height=\"480\" alt=\"Revenue by year\" />\n<figcaption>Revenue, <em>2024</em></figcaption>\n</figure>\n",
            result.Html);
    }

    [Fact]
    public void A_figure_may_span_lines_and_take_a_link_title_and_credit()
    {
        var (result, diagnostics) = BodyRender.Render(
            "{{< figure\n    src=\"photo.jpg\"\n    link=\"https://example.org/full.jpg\"\n    title=\"The launch\"\n    caption=\"On stage\"\n    attr=\"Photo: A. Person\"\n    attrlink=\"https://example.org/a-person\" >}}\n");
        var dom = BodyRender.Dom(result.Html);

        Assert.Empty(diagnostics);
        var figure = dom.QuerySelector("figure")!;
        Assert.Equal("https://example.org/full.jpg", figure.QuerySelector("a > img")!.ParentElement!.GetAttribute("href"));
        Assert.Equal("/briefs/2025/photo.jpg", figure.QuerySelector("img")!.GetAttribute("src")); // beside the brief
        Assert.Equal("The launch On stage Photo: A. Person", figure.QuerySelector("figcaption")!.TextContent);
        Assert.Equal("The launch", figure.QuerySelector("figcaption strong")!.TextContent);
        Assert.Equal("https://example.org/a-person", figure.QuerySelector("figcaption a")!.GetAttribute("href"));
    }

    [Fact]
    public void A_figure_without_alt_takes_its_caption_as_plain_alt_text()
    {
        var dom = BodyRender.Dom(BodyRender.Render("{{< figure src=\"/img/chart.png\" caption=\"The **big** chart\" >}}\n").Result.Html);

        Assert.Equal("The big chart", dom.QuerySelector("img")!.GetAttribute("alt"));
    }

    [Fact]
    public void A_figure_without_alt_text_or_caption_is_rendered_and_reported()
    {
        var (result, diagnostics) = BodyRender.Render("Intro.\n\n{{< figure src=\"/img/chart.png\" attr=\"Photo: A. Person\" >}}\n");

        Assert.Equal("", BodyRender.Dom(result.Html).QuerySelector("figure img")!.GetAttribute("alt"));
        var warning = Assert.Single(diagnostics);
        Assert.Equal(("12:1 warning SB061", "'{{< figure src=\"/img/chart.png\" attr=\"Photo: A. Person\" >}}' has no alt text and no caption, so readers who cannot see the image learn nothing of it; add alt=\"...\" describing it"),
            (BodyRender.Where(warning), warning.Message));
    }

    [Fact]
    public void Figure_values_are_escaped_and_unsafe_or_malformed_ones_dropped()
    {
        var (result, diagnostics) = BodyRender.Render(
            "{{< figure src=\"javascript:alert(1)\" alt=\"a\\\" onerror=\\\"x\" caption=\"<script>x</script>\" width=\"100%\" class=\"wide bad\\\"class\" >}}\n");
        var dom = BodyRender.Dom(result.Html);

        var image = dom.QuerySelector("figure img")!;
        Assert.Equal("#", image.GetAttribute("src"));
        Assert.Equal("a\" onerror=\"x", image.GetAttribute("alt"));
        Assert.Null(image.GetAttribute("onerror"));
        Assert.Null(image.GetAttribute("width"));
        Assert.Null(dom.QuerySelector("script"));
        Assert.Equal("<script>x</script>", dom.QuerySelector("figcaption")!.TextContent);
        Assert.Equal("wide", dom.QuerySelector("figure")!.ClassName);
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UnsafeUrl, "link to 'javascript:alert(1)' was removed: only http(s), mailto and relative URLs may be links"), (warning.Code, warning.Message));
    }

    [Fact]
    public void A_figure_whose_image_is_missing_from_the_site_is_a_broken_link()
    {
        var (_, diagnostics) = BodyRender.Render("{{< figure src=\"/img/missing.png\" alt=\"x\" >}}\n");

        var error = Assert.Single(diagnostics);
        Assert.Equal(("10:1 error SB006", "link '/img/missing.png' points at /img/missing.png, which does not exist; fix the path (or, when another site serves it, list its folder under external_paths in _site.yml)"),
            (BodyRender.Where(error), error.Message));
    }

    [Fact]
    public void A_figure_without_src_is_shown_as_written_with_what_it_needs()
    {
        var (result, diagnostics) = BodyRender.Render("Intro.\n\n{{< figure caption=\"no image\" >}}\n");

        Assert.Equal("<p>Intro.</p>\n<p>{{&lt; figure caption=&quot;no image&quot; &gt;}}</p>\n", result.Html);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(("12:1 warning SB061", "'{{< figure caption=\"no image\" >}}' needs the image's address, as in {{< figure src=\"chart.png\" alt=\"...\" >}}; it is shown as written"),
            (BodyRender.Where(warning), warning.Message));
    }

    [Fact]
    public void A_figure_inside_a_paragraph_is_shown_as_written_and_told_to_stand_alone()
    {
        var (_, diagnostics) = BodyRender.Render("See {{< figure src=\"/img/chart.png\" >}} here.\n");

        Assert.Equal("Hugo shortcode '{{< figure src=\"/img/chart.png\" >}}' works only on a line of its own; here it is shown as written",
            Assert.Single(diagnostics).Message);
    }

    [Theory]
    [InlineData("{{< youtube dQw4w9WgXcQ >}}", "<p class=\"video-link\"><a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">YouTube video dQw4w9WgXcQ</a></p>\n")]
    [InlineData("{{< youtube id=\"dQw4w9WgXcQ\" title=\"A talk & a demo\" >}}", "<p class=\"video-link\"><a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">A talk &amp; a demo</a> (video on YouTube)</p>\n")]
    [InlineData("{{< vimeo 146022717 >}}", "<p class=\"video-link\"><a href=\"https://vimeo.com/146022717\">Vimeo video 146022717</a></p>\n")]
    public void Videos_become_links_to_the_video_not_players(string markdown, string html)
    {
        var (result, diagnostics) = BodyRender.Render(markdown + "\n");

        Assert.Empty(diagnostics);
        Assert.Equal(html, result.Html);
    }

    [Fact]
    public void A_video_id_that_is_not_one_is_shown_as_written_with_a_warning()
    {
        var (result, diagnostics) = BodyRender.Render("{{< youtube \"x\\\" onload=y\" >}}\n");

        Assert.DoesNotContain("<a", result.Html, StringComparison.Ordinal);
        Assert.Equal(DiagnosticCodes.BadShortcode, Assert.Single(diagnostics).Code);
    }

    [Theory]
    [InlineData("{{< highlight go \"linenos=table,hl_lines=2\" >}}\nfunc main() {}\n{{< /highlight >}}\n", "language-go")]
    [InlineData("{{% highlight go %}}\nfunc main() {}\n{{% /highlight %}}\n", "language-go")]
    [InlineData("{% highlight ruby linenos %}\ndef main; end\n{% endhighlight %}\n", "language-ruby")]
    public void Highlight_blocks_become_highlighted_code(string markdown, string language)
    {
        var (result, diagnostics) = BodyRender.Render(markdown);
        var code = BodyRender.Dom(result.Html).QuerySelector("pre > code")!;

        Assert.Empty(diagnostics);
        Assert.Equal(language, code.ClassName);
        Assert.NotNull(code.QuerySelector("span.k"));
        Assert.Equal(markdown.Split('\n')[1] + "\n", code.TextContent);
    }

    [Fact]
    public void Highlight_block_lines_are_code_not_markdown_and_keep_their_indentation()
    {
        var (result, _) = BodyRender.Render("{% highlight text %}\n# not a heading\n  *not emphasis* {{ page.x }}\n{% endhighlight %}\n\nAfter.\n");

        Assert.Equal("<pre><code class=\"language-text\"># not a heading\n  *not emphasis* {{ page.x }}\n</code></pre>\n<p>After.</p>\n", result.Html);
    }

    [Fact]
    public void An_unclosed_highlight_block_keeps_everything_as_code_and_says_how_to_close_it()
    {
        var (result, diagnostics) = BodyRender.Render("Intro.\n\n{% highlight ruby %}\nputs 1\n\nMore prose.\n");

        Assert.Contains("More prose.", BodyRender.Dom(result.Html).QuerySelector("pre code")!.TextContent, StringComparison.Ordinal);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(("12:1 warning SB061", "'{% highlight ruby %}' is not closed, so everything after it is shown as code; add '{% endhighlight %}' on a line of its own after the code"),
            (BodyRender.Where(warning), warning.Message));
    }
}
