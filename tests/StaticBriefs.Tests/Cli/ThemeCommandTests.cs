using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Cli;

[Collection(CliCollection.Name)]
public sealed class ThemeCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sb-export-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Export_copies_the_built_in_theme_out_byte_for_byte()
    {
        var folder = Path.Combine(_root, "theme");

        var run = CliHarness.Invoke("theme", "export", folder);

        Assert.True(run.ExitCode == 0, run.ToString());
        var files = TestSite.FilesUnder(folder);
        Assert.Equal(TestSite.FilesUnder(RepoPaths.Theme), files);
        foreach (var file in files)
            Assert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.Theme, file)), File.ReadAllBytes(Path.Combine(folder, file)));
    }

    [Fact]
    public void Export_refuses_to_overwrite_an_edited_theme()
    {
        var folder = Path.Combine(_root, "theme");
        Directory.CreateDirectory(Path.Combine(folder, "layouts"));
        File.WriteAllText(Path.Combine(folder, "layouts", "base.sbn"), "my edits");

        var run = CliHarness.Invoke("theme", "export", folder);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(Path.Combine(folder, "layouts", "base.sbn"), run.Stderr, StringComparison.Ordinal);
        Assert.Equal("my edits", File.ReadAllText(Path.Combine(folder, "layouts", "base.sbn")));
        Assert.Single(TestSite.FilesUnder(folder));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
