using StaticBriefs.Rendering.Markdown;

namespace StaticBriefs.Tests.Rendering.Markdown;

/// <summary>Markdown files by the name a <c>post_url</c> or <c>ref</c> link gives them.</summary>
public sealed class SourceNamesTests
{
    [Theory]
    [InlineData("briefs/2024/launch.md", "launch")]
    [InlineData("launch.markdown", "launch")]
    [InlineData("briefs/2024/Launch.MD", "Launch")]
    [InlineData("posts/launch/index.md", "launch")]
    [InlineData("posts/launch/_index.md", "launch")]
    [InlineData("index.md", "index")]
    [InlineData("a/b/c/index.markdown", "c")]
    [InlineData("posts//index.md", "")]
    [InlineData("notes/index.md.bak", null)]
    [InlineData("logo.png", null)]
    public void A_file_is_found_by_its_name_or_a_bundle_by_its_folder(string source, string? name) =>
        Assert.Equal(name, SourceNames.NameOf(source));

    [Fact]
    public void A_name_two_files_share_names_both_in_order_and_files_without_a_name_are_left_out()
    {
        var index = SourceNames.Index(
        [
            "posts/z/launch.md", "logo.png", "posts/launch/index.md", "briefs/2024/other.md", "posts//index.md", "a/launch.markdown",
        ]);

        Assert.Equal("a/launch.markdown\nposts/launch/index.md\nposts/z/launch.md", index["launch"]);
        Assert.Equal("briefs/2024/other.md", index["other"]);
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void Thousands_of_sources_index_as_each_name_alone_would()
    {
        var sources = Enumerable.Range(0, 5_000).Select(i => $"briefs/{2000 + (i % 7)}/post-{i % 3_000}.md").ToList();
        var index = SourceNames.Index(sources);

        foreach (var group in sources.GroupBy(s => SourceNames.NameOf(s)!))
            Assert.Equal(string.Join('\n', group.Order(StringComparer.Ordinal)), index[group.Key]);
        Assert.Equal(3_000, index.Count);
    }
}
