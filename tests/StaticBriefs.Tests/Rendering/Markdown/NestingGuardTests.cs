using StaticBriefs.Diagnostics;
using StaticBriefs.Rendering.Markdown;

// Not StaticBriefs.Tests.Rendering.Markdown: that namespace would hide Markdig's Markdown class from the Rendering tests.
namespace StaticBriefs.Tests.Rendering;

/// <summary>Markdown nested past reason is SB039 at the line of the nesting, never a crash.</summary>
public sealed class NestingGuardTests
{
    private static readonly Markdig.MarkdownPipeline Pipeline = MarkdownPipelineFactory.Create(new MarkdownOptions(false));

    [Theory]
    [InlineData(">")]
    [InlineData("- ")]
    [InlineData("1. ")]
    [InlineData("> - ")]
    public void Containers_past_markdigs_limit_are_SB039_at_their_line(string marker)
    {
        var bag = new DiagnosticBag();
        var markdown = "Fine.\n\n" + string.Concat(Enumerable.Repeat(marker, 2_000)) + " x\n\nMore.\n";

        Assert.Null(NestingGuard.Parse(markdown, Pipeline, "b.md", 10, bag));

        var error = Assert.Single(bag.Sorted());
        Assert.Equal(("b.md", 12, DiagnosticCodes.MarkdownTooDeep), (error.File, error.Line, error.Code));
    }

    [Fact]
    public void Emphasis_nested_past_the_limit_is_SB039_before_the_recursive_renderer_sees_it()
    {
        var bag = new DiagnosticBag();
        var markdown = "a\n\nb\n\n" + new string('*', 1_000) + "x" + new string('*', 1_000) + "\n";

        Assert.Null(NestingGuard.Parse(markdown, Pipeline, "b.md", 1, bag));

        Assert.Equal(5, Assert.Single(bag.Sorted()).Line);
    }

    [Fact]
    public void Ordinary_nesting_parses()
    {
        var bag = new DiagnosticBag();
        var markdown = string.Concat(Enumerable.Range(0, 10).Select(i => new string(' ', 2 * i) + "- item\n")) + "\n> > > quote *with **emphasis***\n";

        Assert.NotNull(NestingGuard.Parse(markdown, Pipeline, "b.md", 1, bag));
        Assert.Empty(bag.Sorted());
    }
}
