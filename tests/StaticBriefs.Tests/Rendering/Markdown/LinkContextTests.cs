using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Rendering.Markdown;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering.Markdown;

/// <summary>A site's link context after an edit hands on what depends only on its set of markdown files.</summary>
public sealed class LinkContextTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private SiteModel Assemble()
    {
        var bag = new DiagnosticBag();
        return SiteAssembler.Assemble(SiteLoader.Load(_site.InputDirectory, bag), new AssemblyOptions(false, false, TestSite.Now), bag);
    }

    [Fact]
    public void Names_of_posts_are_handed_on_while_the_files_are_the_same_and_made_again_when_they_are_not()
    {
        _site.Write("briefs/2024/first-post.md", TestSite.Brief("title: First\ndate: 2024-01-01"));
        _site.Write("briefs/2024/second/index.md", TestSite.Brief("title: Second\ndate: 2024-02-01"));
        var before = LinkContext.ForSite(Assemble(), "/", []);
        Assert.Equal("briefs/2024/second/index.md", before.SourcesByName["second"]);

        // Same files, another slug: the names are the very same object.
        _site.Write("briefs/2024/first-post.md", TestSite.Brief("title: First\ndate: 2024-01-01\nslug: renamed"));
        var edited = LinkContext.ForSite(Assemble(), "/", [], before);
        Assert.Same(before.SourcesByName, edited.SourcesByName);
        Assert.Equal("/briefs/renamed/", edited.PathsBySource["briefs/2024/first-post.md"]);

        // A file added, one gone: the names are made again from the files there are now.
        _site.Write("briefs/2024/third.md", TestSite.Brief("title: Third\ndate: 2024-03-01"));
        _site.Delete("briefs/2024/first-post.md");
        var added = LinkContext.ForSite(Assemble(), "/", [], edited);
        Assert.NotSame(edited.SourcesByName, added.SourcesByName);
        Assert.Equal(["second", "third"], added.SourcesByName.Keys.Order(StringComparer.Ordinal));
    }
}
