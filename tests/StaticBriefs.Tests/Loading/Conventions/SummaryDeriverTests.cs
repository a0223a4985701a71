using StaticBriefs.Loading.Conventions;

namespace StaticBriefs.Tests.Loading.Conventions;

/// <summary>A summary made from the body, as Jekyll makes its excerpt and Hugo its summary.</summary>
public sealed class SummaryDeriverTests
{
    [Fact]
    public void The_more_marker_is_an_explicit_cut_even_after_several_paragraphs()
    {
        var summary = SummaryDeriver.Derive("One.\n\nTwo.\n\n<!--more-->\n\nThree.", 2000);

        Assert.Equal("One. Two.", summary);
    }

    [Fact]
    public void A_long_first_paragraph_is_cut_at_a_word_with_an_ellipsis()
    {
        var body = string.Join(' ', Enumerable.Repeat("word", 100)) + "\n\nNext paragraph.";

        var summary = SummaryDeriver.Derive(body, 2000)!;

        Assert.True(summary.Length <= SummaryDeriver.Target, summary);
        Assert.EndsWith("word\u2026", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Next", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_template_syntax_images_and_attribute_lists_never_become_words()
    {
        var summary = SummaryDeriver.Derive(
            "<!-- editor note: remove before publish -->\n{% include note.html %}\n![chart](a.png) Hello {{ site.name }} world {: .lead}\n", 2000);

        Assert.Equal("Hello world", summary);
    }

    [Fact]
    public void Headings_are_used_only_when_the_body_has_no_paragraph()
    {
        Assert.Equal("Release notes", SummaryDeriver.Derive("## Release notes\n\n```\ncode\n```\n", 2000));
        Assert.Null(SummaryDeriver.Derive("```\ncode only\n```\n", 2000));
    }

    [Fact]
    public void Paragraphs_inside_lists_are_used_when_the_body_has_none_of_its_own()
    {
        Assert.Equal("first item second item", SummaryDeriver.Derive("- first item\n- second item\n", 2000));
    }

    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("alpha beta gamma delta", 12, "alpha beta\u2026")]
    public void Cut_keeps_short_text_and_cuts_long_text_at_a_space(string text, int max, string expected)
    {
        Assert.Equal(expected, SummaryDeriver.Cut(text, max));
    }

    [Fact]
    public void Markdown_nested_past_markdigs_limit_gives_no_summary_instead_of_an_exception()
    {
        Assert.Null(SummaryDeriver.Derive(new string('>', 5_000) + " deep\n", 2000));
        Assert.Null(Record.Exception(() => SummaryDeriver.Derive(new string('*', 3_000) + "deep" + new string('*', 3_000) + "\n", 2000)));
    }
}
