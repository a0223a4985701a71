using StaticBriefs.Diagnostics;
using StaticBriefs.Output;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Output;

public sealed class StagingOutputTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private string Out => _site.OutputDirectory;

    private void WriteOld()
    {
        Directory.CreateDirectory(Path.Combine(Out, "stale"));
        File.WriteAllText(Path.Combine(Out, "stale", "old.html"), "old");
        File.WriteAllText(Path.Combine(Out, "index.html"), "old home");
    }

    private string[] Siblings() =>
        [.. Directory.EnumerateDirectories(_site.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public void Commit_replaces_the_output_folder_and_stale_files_disappear()
    {
        WriteOld();
        using (var staging = new StagingOutput(Out))
        {
            staging.WriteText("index.html", "new home");
            staging.WriteBytes("briefs/a/index.html", "a"u8);
            Assert.Equal("old home", File.ReadAllText(Path.Combine(Out, "index.html")));
            staging.Commit();
            Assert.Equal(2, staging.FileCount);
        }

        Assert.Equal(["briefs/a/index.html", "index.html"], _site.OutputFiles());
        Assert.Equal("new home", _site.ReadOutput("index.html"));
        Assert.Equal(["input", "output"], Siblings());
    }

    [Fact]
    public void Commit_creates_the_output_folder_when_there_was_none()
    {
        using (var staging = new StagingOutput(Out))
        {
            staging.WriteText("robots.txt", "User-agent: *\n");
            staging.Commit();
        }

        Assert.Equal("User-agent: *\n", _site.ReadOutput("robots.txt"));
    }

    [Fact]
    public void Dispose_without_commit_leaves_the_output_untouched_and_removes_staging()
    {
        WriteOld();
        using (var staging = new StagingOutput(Out))
        {
            staging.WriteText("index.html", "new home");
            Assert.True(Directory.Exists(staging.StagingDirectory));
        }

        Assert.Equal(["index.html", "stale/old.html"], _site.OutputFiles());
        Assert.Equal("old home", _site.ReadOutput("index.html"));
        Assert.Equal(["input", "output"], Siblings());
    }

    [Theory]
    [InlineData("../escape.html")]
    [InlineData("briefs/../../escape.html")]
    [InlineData("/etc/escape.html")]
    public void Writing_outside_the_staging_folder_is_refused(string path)
    {
        using var staging = new StagingOutput(Out);

        Assert.Throws<InvalidOperationException>(() => staging.WriteText(path, "x"));
        Assert.False(File.Exists(Path.Combine(_site.Root, "escape.html")));
    }

    [Fact]
    public void Text_is_written_as_utf8_without_bom()
    {
        using var staging = new StagingOutput(Out);
        staging.WriteText("a.txt", "Zoë");
        staging.Commit();

        Assert.Equal("Zo\u00EB"u8.ToArray(), File.ReadAllBytes(_site.OutputPath("a.txt")));
    }

    [Fact]
    public void Leftover_staging_folders_of_a_killed_build_are_cleaned()
    {
        Directory.CreateDirectory(Path.Combine(_site.Root, ".output.staging-deadbeef"));
        Directory.CreateDirectory(Path.Combine(_site.Root, ".output.old-deadbeef"));

        StagingOutput.CleanLeftovers(Out, new DiagnosticBag());

        Assert.Equal(["input"], Siblings());
    }
}
