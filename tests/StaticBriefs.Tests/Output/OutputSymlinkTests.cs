using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Output;

/// <summary>
/// Links met in the output folder are moved or removed as links and never followed: the folder or file they point
/// at (here under <c>outside/</c>) is byte-identical after clean and cached builds.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class OutputSymlinkTests : IDisposable
{
    private const string Slug = "amazon-anthropic-4-billion";
    private readonly OutputSite _site = new();

    public void Dispose() => _site.Dispose();

    private string Out(string relative) => Path.Combine(_site.Output, relative);

    private static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    [Theory]
    [InlineData("--timings")]
    [InlineData("--no-cache")]
    public void A_link_to_a_folder_outside_is_kept_as_a_link_and_its_target_is_untouched(string mode)
    {
        _site.BuildOk();
        var media = Path.Combine(_site.Outside, "media");
        File.CreateSymbolicLink(Out("media"), media);
        var outside = OutputTestSupport.TreeHash(_site.Outside);

        // The case from the issue: a cached build with nothing changed, then with a change.
        _site.BuildOk(mode);
        _site.EditTitle("linked");
        _site.BuildOk(mode);

        Assert.Equal(outside, OutputTestSupport.TreeHash(_site.Outside));
        Assert.True(IsLink(Out("media")));
        Assert.Equal("not a site file", File.ReadAllText(Out("media/photo.jpg")));
    }

    [Theory]
    [InlineData("--timings")]
    [InlineData("--no-cache")]
    public void A_link_standing_where_a_generated_folder_was_is_removed_as_a_link(string mode)
    {
        _site.BuildOk();
        Directory.Delete(Out($"briefs/{Slug}"), recursive: true);
        File.CreateSymbolicLink(Out($"briefs/{Slug}"), Path.Combine(_site.Outside, "media"));
        var outside = OutputTestSupport.TreeHash(_site.Outside);

        _site.BuildOk(mode);

        Assert.Equal(outside, OutputTestSupport.TreeHash(_site.Outside));
        Assert.False(IsLink(Out($"briefs/{Slug}")));
        Assert.True(File.Exists(Out($"briefs/{Slug}/index.html")));
        Assert.False(File.Exists(Out($"briefs/{Slug}/photo.jpg")));
    }

    [Theory]
    [InlineData("--timings")]
    [InlineData("--no-cache")]
    public void A_link_standing_where_a_generated_file_was_is_replaced_not_written_through(string mode)
    {
        _site.BuildOk();
        File.Delete(Out("feed.xml"));
        File.CreateSymbolicLink(Out("feed.xml"), Path.Combine(_site.Outside, "secret.txt"));
        var outside = OutputTestSupport.TreeHash(_site.Outside);

        _site.EditTitle("feed");
        _site.BuildOk(mode);

        Assert.Equal(outside, OutputTestSupport.TreeHash(_site.Outside));
        Assert.False(IsLink(Out("feed.xml")));
        Assert.Contains("Edited feed", File.ReadAllText(Out("feed.xml")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--timings")]
    [InlineData("--no-cache")]
    public void Clean_output_removes_a_foreign_link_as_a_link(string mode)
    {
        _site.BuildOk();
        File.CreateSymbolicLink(Out("media"), Path.Combine(_site.Outside, "media"));
        var outside = OutputTestSupport.TreeHash(_site.Outside);

        _site.BuildOk("--clean-output", mode);

        Assert.Equal(outside, OutputTestSupport.TreeHash(_site.Outside));
        Assert.False(Path.Exists(Out("media")));
        Assert.False(File.Exists(Out("media")) || IsLink(Out("media")));
    }

    [Fact]
    public void An_output_that_is_a_link_to_a_folder_elsewhere_is_built_through_and_stays_a_link()
    {
        var real = _site.At("published/site");
        Directory.CreateDirectory(real);
        File.CreateSymbolicLink(_site.Output, real);

        _site.BuildOk();
        _site.EditTitle("through the link");
        _site.BuildOk();
        _site.BuildOk("--no-cache");

        Assert.True(IsLink(_site.Output));
        Assert.Contains("Edited through the link", File.ReadAllText(Path.Combine(real, "index.html")), StringComparison.Ordinal);
        // Staged inside the folder it was given, never beside its target.
        Assert.Equal(["site"], Directory.EnumerateFileSystemEntries(_site.At("published")).Select(Path.GetFileName));
        Assert.Empty(Directory.EnumerateDirectories(real, ".staticbriefs-work-*"));
    }
}
