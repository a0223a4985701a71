using Markdig;
using StaticBriefs.Output;
using StaticBriefs.Rendering.Html;

namespace StaticBriefs.Tests.Rendering.Html;

public sealed class BlockSpacingTests
{
    /// <summary>
    /// The compacted HTML, checked to be the same whether the HTML is a string, a builder written in one piece (a body
    /// as Markdig writes it into a kept writer) or a builder grown in many pieces.
    /// </summary>
    private static string Compacted(string html)
    {
        var whole = new System.Text.StringBuilder(html.Length + 8).Append(html);
        var pieces = new System.Text.StringBuilder(1);
        foreach (var c in html) pieces.Append(c);
        Assert.True(pieces.GetChunks().MoveNext());

        var compacted = BlockSpacing.Compact(html);
        Assert.Equal(compacted, BlockSpacing.Compact(whole));
        Assert.Equal(compacted, BlockSpacing.Compact(pieces));
        return compacted;
    }

    [Theory]
    [InlineData("<p>a</p>\n<p>b</p>\n", "<p>a</p><p>b</p>")]
    [InlineData("<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n", "<ul><li>one</li><li>two</li></ul>")]
    [InlineData("<li>item\n<ul>\n<li>nested</li>\n</ul>\n</li>", "<li>item<ul><li>nested</li></ul></li>")]
    [InlineData("<h2 id=\"x\">Title</h2>\n<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table>",
        "<h2 id=\"x\">Title</h2><table><thead><tr><th>a</th></tr></thead></table>")]
    [InlineData("<p>line<br />\nnext</p>", "<p>line<br />next</p>")]
    [InlineData("<hr />\n<blockquote>\n<p>q</p>\n</blockquote>", "<hr /><blockquote><p>q</p></blockquote>")]
    public void Line_breaks_next_to_a_block_tag_go(string html, string expected) =>
        Assert.Equal(expected, Compacted(html));

    [Theory]
    [InlineData("<p>soft\nbreak</p>")]
    [InlineData("<p><em>a</em>\n<strong>b</strong></p>")]
    [InlineData("<p><a href=\"/x/\">link</a>\n<code>c</code></p>")]
    [InlineData("<p>no breaks at all</p>")]
    public void Line_breaks_between_inline_pieces_stay_because_they_separate_words(string html) =>
        Assert.Equal(html, Compacted(html));

    [Theory]
    [InlineData("<pre><code>line 1\n\n  line 2\n</code></pre>\n<p>x</p>", "<pre><code>line 1\n\n  line 2\n</code></pre><p>x</p>")]
    [InlineData("<textarea>\n<p>raw</p>\n</textarea>", "<textarea>\n<p>raw</p>\n</textarea>")]
    [InlineData("<script>\nvar a = '<p>';\n</script>\n<p>x</p>", "<script>\nvar a = '<p>';\n</script><p>x</p>")]
    [InlineData("<!-- keep\n<p> -->\n<p>x</p>", "<!-- keep\n<p> --><p>x</p>")]
    [InlineData("<div title=\"a > b\n<p>\">\n<p>x</p>", "<div title=\"a > b\n<p>\"><p>x</p>")]
    [InlineData("<p>a</p>\n<!-- never closed\n<p>b</p>", "<p>a</p><!-- never closed\n<p>b</p>")]
    [InlineData("<pre>open\n<p>b</p>\n", "<pre>open\n<p>b</p>\n")]
    [InlineData("<p>x</p>\n<PRE>a\n</Pre>\n<p>y</p>", "<p>x</p><PRE>a\n</Pre><p>y</p>")]
    public void Verbatim_content_comments_and_attribute_values_are_copied_as_they_are(string html, string expected) =>
        Assert.Equal(expected, Compacted(html));

    [Fact]
    public void A_rendered_body_keeps_its_text_and_loses_only_line_breaks()
    {
        const string markdown = "Intro with a soft\nbreak and *emphasis*\n`code`.\n\n- one\n- two\n  - nested\n\n"
            + "| a | b |\n|--:|:--|\n| 1 | 2 |\n\n```\nkeep\n\n  indent\n```\n\n> quoted\n> text\n";
        var html = Markdig.Markdown.ToHtml(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());

        var compact = BlockSpacing.Compact(html);

        Assert.Equal(html.Replace("\n", "", StringComparison.Ordinal), compact.Replace("\n", "", StringComparison.Ordinal));
        Assert.Contains("soft\nbreak", compact, StringComparison.Ordinal);
        Assert.Contains("</em>\n<code>", compact, StringComparison.Ordinal);
        Assert.Contains("keep\n\n  indent\n", compact, StringComparison.Ordinal);
        Assert.DoesNotContain("</li>\n", compact, StringComparison.Ordinal);
        Assert.DoesNotContain("</p>\n", compact, StringComparison.Ordinal);
        Assert.True(compact.Length < html.Length);
    }

    [Fact]
    public void Html_whose_line_breaks_all_stay_comes_back_as_it_was_without_a_copy()
    {
        // Soft breaks between inline pieces and lines inside pre: nothing to remove, so no second copy of the body.
        var html = "<em>a</em>\n<a href=\"/x\">b</a><pre>one\n\ntwo\n</pre>";

        Assert.Same(html, BlockSpacing.Compact(html));
    }
}
