using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;

namespace StaticBriefs.Tests.Loading;

public sealed class FrontMatterSplitterTests
{
    [Fact]
    public void File_without_front_matter_is_all_body_with_an_empty_mapping()
    {
        var bag = new DiagnosticBag();
        var block = FrontMatterSplitter.Split("# Hello\n\nText.\n", "a.md", bag);

        Assert.NotNull(block);
        Assert.Empty(block.Mapping.Children);
        Assert.Equal("# Hello\n\nText.\n", block.Body);
        Assert.Equal(1, block.BodyFirstLine);
        Assert.Empty(bag.Sorted());
    }

    [Fact]
    public void Front_matter_is_parsed_and_body_starts_on_the_line_after_the_closing_fence()
    {
        var bag = new DiagnosticBag();
        var block = FrontMatterSplitter.Split("---\ntitle: Hi\ndate: 2024-01-02\n---\nBody\n", "a.md", bag);

        Assert.NotNull(block);
        Assert.Equal(2, block.Mapping.Children.Count);
        Assert.Equal("Body\n", block.Body);
        Assert.Equal(5, block.BodyFirstLine);
        var dateKey = block.Mapping.Children.Keys.Single(k => k.ToString() == "date");
        Assert.Equal(3, block.FileLine(dateKey));
    }

    [Fact]
    public void Unclosed_fence_reports_SB010_at_line_1_and_returns_null()
    {
        var bag = new DiagnosticBag();
        var block = FrontMatterSplitter.Split("---\ntitle: Hi\n\nBody without a closing fence\n", "briefs/x.md", bag);

        Assert.Null(block);
        var diagnostic = Assert.Single(bag.Sorted());
        Assert.Equal(DiagnosticCodes.UnclosedFrontMatter, diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal("briefs/x.md", diagnostic.File);
        Assert.Equal(1, diagnostic.Line);
        Assert.Contains("never closed", diagnostic.Message);
    }

    [Fact]
    public void Byte_order_mark_is_ignored_so_the_fence_is_still_seen()
    {
        var bag = new DiagnosticBag();
        var block = FrontMatterSplitter.Split("\uFEFF---\ntitle: Hi\n---\nBody\n", "a.md", bag);

        Assert.NotNull(block);
        Assert.Single(block.Mapping.Children);
        Assert.Equal("Body\n", block.Body);
        Assert.Empty(bag.Sorted());
    }

    [Fact]
    public void Windows_line_endings_are_accepted()
    {
        var bag = new DiagnosticBag();
        var block = FrontMatterSplitter.Split("---\r\ntitle: Hi\r\n---\r\nBody\r\n", "a.md", bag);

        Assert.NotNull(block);
        Assert.Single(block.Mapping.Children);
        Assert.Equal("Body\r\n", block.Body);
        Assert.Equal(4, block.BodyFirstLine);
    }

    [Fact]
    public void Invalid_yaml_reports_SB001_at_the_file_line_of_the_mistake()
    {
        var bag = new DiagnosticBag();
        var block = FrontMatterSplitter.Split("---\ntitle: Hi\nsummary: a: b\n---\nBody\n", "a.md", bag);

        Assert.Null(block);
        var diagnostic = Assert.Single(bag.Sorted());
        Assert.Equal(DiagnosticCodes.BadYaml, diagnostic.Code);
        Assert.Equal(3, diagnostic.Line);
        Assert.DoesNotContain("Idx:", diagnostic.Message);
    }

    [Fact]
    public void Front_matter_that_is_not_a_mapping_reports_SB001()
    {
        var bag = new DiagnosticBag();
        var block = FrontMatterSplitter.Split("---\n- a\n- b\n---\nBody\n", "a.md", bag);

        Assert.Null(block);
        Assert.Equal(DiagnosticCodes.BadYaml, Assert.Single(bag.Sorted()).Code);
    }
}
