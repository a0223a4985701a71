using StaticBriefs.Loading.Conventions;
using StaticBriefs.Tests.Support;

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

    // A long post: an opening well past the summary's length, then much more.
    private static readonly string Opening = string.Join(' ', Enumerable.Repeat("Opening words of the post.", 12));
    private static readonly string Filler = string.Concat(Enumerable.Repeat("More text that the summary never needs.\n\n", 120));

    [Fact]
    public void A_long_post_is_summarised_from_the_start_alone_with_the_summary_a_whole_parse_gives()
    {
        var body = Opening + "\n\n" + Filler;

        Assert.NotNull(SummaryDeriver.EarlyParagraphs(body, body.Length));
        Assert.Equal(SummaryDeriver.Derive(body, 2000, early: false), SummaryDeriver.Derive(body, 2000));
        Assert.StartsWith("Opening words", SummaryDeriver.Derive(body, 2000), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a reference definition further down", "See [the notes] for more. ", "", "[the notes]: https://example.org/notes\n")]
    [InlineData("a definition of the label in other case and spacing", "See [the notes] for more. ", "", "[The\tNotes]: https://example.org/notes\n")]
    [InlineData("a definition in a quote", "See [the notes][n] for more. ", "", "> [N]: https://example.org/notes\n")]
    [InlineData("a label past ASCII", "See [the nötes] for more. ", "", "[other]: https://example.org/notes\n")]
    [InlineData("a label over two lines", "See [the notes] for more. ", "", "[other\nlabel]: https://example.org/notes\n")]
    [InlineData("a label with a form feed", "See [the notes] for more. ", "", "[the\fnotes]: https://example.org/notes\n")]
    [InlineData("a fence open across the cut", "", "```\n", "more code\n```\n")]
    [InlineData("a comment closing after the cut", "", "<!-- draft note\n", "end of note -->\n")]
    [InlineData("a Liquid comment closing after the cut", "", "{% comment %}\n", "{% endcomment %}\n")]
    [InlineData("a list going on after the cut", "", "- item\n", "  still the item\n")]
    public void The_start_alone_is_not_trusted_when_what_follows_could_change_it(string what, string lead, string opened, string afterCut)
    {
        // The start is cut at the last blank line before the early window's end: here, the one after the padding.
        var beforePadding = lead + Opening + "\n\n" + opened;
        var body = beforePadding + new string('x', SummaryDeriver.EarlyWindow - 50 - beforePadding.Length) + "\n\n"
            + afterCut + new string('z', 100) + "\n\n" + Filler;

        Assert.True(SummaryDeriver.EarlyParagraphs(body, body.Length) is null, what);
        Assert.Equal(SummaryDeriver.Derive(body, 2000, early: false), SummaryDeriver.Derive(body, 2000));
    }

    [Theory]
    [InlineData("See [the notes] for more. ", "[other]: https://example.org/other\n")]
    [InlineData("See [the notes](https://example.org/notes) and [a] [b]. ", "[c]: https://example.org/c\n> [d]: /d\n")]
    [InlineData("", "[the notes]: https://example.org/notes\n")]
    public void Definitions_further_down_that_no_bracketed_text_of_the_start_names_leave_it_trusted(string lead, string afterCut)
    {
        // Posts that keep their links at the end (the Rust blog's) are summarised from their start.
        var beforePadding = lead + Opening + "\n\n";
        var body = beforePadding + new string('x', SummaryDeriver.EarlyWindow - 50 - beforePadding.Length) + "\n\n"
            + afterCut + new string('z', 100) + "\n\n" + Filler;

        Assert.NotNull(SummaryDeriver.EarlyParagraphs(body, body.Length));
        Assert.Equal(SummaryDeriver.Derive(body, 2000, early: false), SummaryDeriver.Derive(body, 2000));
    }

    [Fact]
    public void The_same_post_without_what_follows_is_summarised_from_its_start()
    {
        // The control for the cases above: the same shape, nothing after the cut that could change the start.
        var beforePadding = Opening + "\n\n";
        var body = beforePadding + new string('x', SummaryDeriver.EarlyWindow - 50 - beforePadding.Length) + "\n\n"
            + new string('z', 100) + "\n\n" + Filler;

        Assert.NotNull(SummaryDeriver.EarlyParagraphs(body, body.Length));
    }

    [Fact]
    public void Every_real_post_gets_the_summary_a_whole_parse_gives_and_most_long_ones_from_their_start()
    {
        var (posts, settled, long_) = (0, 0, 0);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "tests", "RealContent"), "*.md", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file).ReplaceLineEndings("\n");
            var fence = text.StartsWith("---\n", StringComparison.Ordinal) ? "\n---" : text.StartsWith("+++\n", StringComparison.Ordinal) ? "\n+++" : null;
            var body = fence is null ? text : text[(text.IndexOf(fence, 3, StringComparison.Ordinal) + 4)..];
            Assert.True(SummaryDeriver.Derive(body, 300, early: false) == SummaryDeriver.Derive(body, 300), file);
            posts++;
            if (body.Length <= 2 * SummaryDeriver.EarlyWindow) continue;
            long_++;
            if (SummaryDeriver.EarlyParagraphs(body, Math.Min(body.Length, 8_000)) is not null) settled++;
        }
        Assert.True(posts > 200, $"{posts} posts");
        Assert.True(settled * 3 > long_, $"{settled} of {long_} long posts settled from their start");
    }
}
