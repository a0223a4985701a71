using StaticBriefs.Loading.Conventions;

namespace StaticBriefs.Tests.Loading.Conventions;

/// <summary>What a path says by other generators' conventions.</summary>
public sealed class DocumentPathsTests
{
    [Theory]
    [InlineData("a.md", true)]
    [InlineData("_posts/2013-05-08-x.markdown", true)]
    [InlineData("A.MD", true)]
    [InlineData("a.mdx", false)]
    [InlineData("blog/blog.json", false)]
    public void Markdown_documents_are_md_and_markdown_files(string path, bool expected) =>
        Assert.Equal(expected, SourcePathConventions.IsMarkdown(path));

    [Theory]
    [InlineData("_posts/x.md", true)]
    [InlineData("news/_posts/x.md", true)]
    [InlineData("_drafts/x.md", true)]
    [InlineData("my_posts/x.md", false)]
    [InlineData("x.md", false)]
    public void Jekylls_post_folders_are_found_at_any_depth(string path, bool expected) =>
        Assert.Equal(expected, SourcePathConventions.IsInPostFolder(path));

    [Theory]
    [InlineData("_index.md", true)]
    [InlineData("2024/_index.md", true)]
    [InlineData("index.md", false)]
    [InlineData("2024/_index.markdown", true)]
    [InlineData("docs/_index.MD", true)]
    [InlineData("blog/my_index.md", false)]
    [InlineData("_index/post.md", false)]
    [InlineData("_index.json", false)]
    public void Section_files_are_index_files_with_an_underscore(string path, bool expected) =>
        Assert.Equal(expected, SourcePathConventions.IsSectionFile(path));

    [Theory]
    [InlineData("_posts/2014-09-25-slug.md", "2014-09-25")]
    [InlineData("blog/2019-12-05-moving-house.md", "2019-12-05")]
    [InlineData("2024-05-14.md", "2024-05-14")]
    [InlineData("2024-05-14-launch/index.md", "2024-05-14")]
    [InlineData("2024-13-01-x.md", null)]
    [InlineData("2024-05-14x.md", null)]
    [InlineData("launch.md", null)]
    public void Date_in_the_name_is_jekylls_and_eleventys_prefix(string path, string? expected) =>
        Assert.Equal(expected, SourcePathConventions.DateInName(path)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("2019/11/07/x.md", "2019-11-07")]
    [InlineData("blog/2019/11/07/x/index.md", "2019-11-07")]
    [InlineData("2019/11/x.md", null)]
    [InlineData("x.md", null)]
    public void Date_in_folders_needs_year_month_and_day(string path, string? expected) =>
        Assert.Equal(expected, SourcePathConventions.DateInFolders(path)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("my-post/index.md", "my-post")]
    [InlineData("a/b/_index.md", "b")]
    [InlineData("index.md", "index")]
    [InlineData("post.markdown", "post")]
    public void A_bundle_is_named_after_its_folder(string path, string expected) =>
        Assert.Equal(expected, SourcePathConventions.NameOf(path));
}
