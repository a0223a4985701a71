using StaticBriefs.Output;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Output;

/// <summary>
/// The output policy (README "Output folder"): a build replaces and removes only the files its manifest says it
/// wrote; everything else in the folder is kept; a non-empty folder without a manifest is refused unless forced.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class OutputOwnershipTests : IDisposable
{
    private readonly OutputSite _site = new();

    public void Dispose() => _site.Dispose();

    private string Out(string relative) => Path.Combine(_site.Output, relative);

    private void AddForeignFiles()
    {
        File.WriteAllText(Out("CNAME"), "briefs.example.org\n");
        Directory.CreateDirectory(Out(".git/objects"));
        File.WriteAllText(Out(".git/HEAD"), "ref: refs/heads/gh-pages\n");
        File.WriteAllText(Out(".git/objects/ab12"), "blob");
        Directory.CreateDirectory(Out("notes"));
        File.WriteAllText(Out("notes/todo.txt"), "mine");
        File.WriteAllText(Out("briefs/notes.txt"), "mine too, inside a generated folder");
    }

    private static readonly string[] ForeignFiles = ["CNAME", ".git/HEAD", ".git/objects/ab12", "notes/todo.txt", "briefs/notes.txt"];

    private Dictionary<string, string> ReadForeign() => ForeignFiles.Where(f => File.Exists(Out(f))).ToDictionary(f => f, f => File.ReadAllText(Out(f)));

    [Fact]
    public void Files_StaticBriefs_did_not_write_are_kept_by_cached_and_clean_builds()
    {
        _site.BuildOk();
        AddForeignFiles();
        var foreign = ReadForeign();
        Assert.Equal(ForeignFiles.Length, foreign.Count);

        _site.EditTitle("cached");
        _site.BuildOk();
        Assert.Equal(foreign, ReadForeign());
        Assert.Contains("Edited cached", File.ReadAllText(Out("index.html")), StringComparison.Ordinal);

        _site.EditTitle("clean");
        var clean = _site.BuildOk("--no-cache");
        Assert.Equal(foreign, ReadForeign());
        Assert.Contains("Edited clean", File.ReadAllText(Out("index.html")), StringComparison.Ordinal);
        Assert.DoesNotContain("SB025", clean.Stderr, StringComparison.Ordinal);

        var manifest = File.ReadAllLines(Out(OwnedFiles.FileName));
        Assert.Contains("index.html", manifest);
        foreach (var file in ForeignFiles) Assert.DoesNotContain(file, manifest);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_site.Root, ".output.*"));
    }

    [Theory]
    [InlineData("--no-cache")]
    [InlineData("--timings")]
    public void Files_it_wrote_that_the_new_site_lacks_are_removed_with_their_folders(string mode)
    {
        _site.BuildOk();
        AddForeignFiles();
        var slug = "amazon-anthropic-4-billion";
        Assert.True(File.Exists(Out($"briefs/{slug}/index.html")));
        var brief = Directory.EnumerateFiles(Path.Combine(_site.Input, "briefs"), "*.md", SearchOption.AllDirectories)
            .Single(f => File.ReadAllText(f).Contains($"slug: {slug}\n", StringComparison.Ordinal));
        File.Delete(brief);

        _site.BuildOk(mode);

        Assert.False(Directory.Exists(Out($"briefs/{slug}")));
        Assert.DoesNotContain($"briefs/{slug}/index.html", File.ReadAllLines(Out(OwnedFiles.FileName)));
        Assert.Equal(ForeignFiles.Length, ReadForeign().Count);
    }

    [Fact]
    public void A_first_build_into_a_folder_with_files_of_someone_else_is_refused()
    {
        Directory.CreateDirectory(_site.Output);
        File.WriteAllText(Out("index.html"), "someone's page");
        Directory.CreateDirectory(Out("photos"));
        File.WriteAllText(Out("photos/cat.jpg"), "meow");
        var before = _site.Hash();

        var run = _site.Build();

        Assert.True(run.ExitCode == 2, run.ToString());
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"{_site.Output}: error SB021: this folder is not empty (index.html, photos) and has no .staticbriefs-manifest", error, StringComparison.Ordinal);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.Equal(before, _site.Hash());
    }

    [Fact]
    public void Force_builds_into_it_keeps_its_files_and_names_the_ones_it_replaced()
    {
        Directory.CreateDirectory(_site.Output);
        File.WriteAllText(Out("index.html"), "someone's page");
        Directory.CreateDirectory(Out("photos"));
        File.WriteAllText(Out("photos/cat.jpg"), "meow");

        var run = _site.BuildOk("--force");

        Assert.Equal("meow", File.ReadAllText(Out("photos/cat.jpg")));
        Assert.NotEqual("someone's page", File.ReadAllText(Out("index.html")));
        Assert.Contains($"{_site.Output}/index.html: warning SB025: this was not written by StaticBriefs, but the build writes this path, so it was replaced", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("photos/cat.jpg", File.ReadAllLines(Out(OwnedFiles.FileName)));

        // From now on the folder is StaticBriefs' output: no --force needed, and the cat stays.
        _site.EditTitle("again");
        _site.BuildOk();
        Assert.Equal("meow", File.ReadAllText(Out("photos/cat.jpg")));
    }

    [Fact]
    public void Force_with_clean_output_replaces_everything_but_folders_starting_with_a_dot()
    {
        Directory.CreateDirectory(Out(".git"));
        File.WriteAllText(Out(".git/HEAD"), "ref: refs/heads/gh-pages\n");
        File.WriteAllText(Out("old-page.html"), "from another generator");
        File.WriteAllText(Out(".nojekyll"), "");

        _site.BuildOk("--force", "--clean-output");

        Assert.Equal("ref: refs/heads/gh-pages\n", File.ReadAllText(Out(".git/HEAD")));
        Assert.False(File.Exists(Out("old-page.html")));
        Assert.False(File.Exists(Out(".nojekyll")));
        Assert.True(File.Exists(Out("index.html")));
    }

    [Theory]
    [InlineData("--no-cache")]
    [InlineData("--timings")]
    public void Clean_output_removes_foreign_files_from_a_folder_it_owns_but_keeps_dot_folders(string mode)
    {
        _site.BuildOk();
        AddForeignFiles();

        _site.BuildOk("--clean-output", mode);

        Assert.Equal(["./.git/HEAD", "./.git/objects/ab12"], ForeignFiles.Where(f => File.Exists(Out(f))).Select(f => "./" + f));
        Assert.False(Directory.Exists(Out("notes")));
        Assert.True(File.Exists(Out("index.html")));
    }

    [Fact]
    public void Folders_beside_the_output_survive_unless_they_carry_the_work_folder_marker()
    {
        foreach (var name in new[] { ".output.backup-2024", ".output.staging-deadbeef", ".output.old-1234" })
        {
            Directory.CreateDirectory(_site.At(name));
            File.WriteAllText(Path.Combine(_site.At(name), "keep.txt"), name);
        }
        // What a killed build of this version leaves: a marked work folder with a staging tree and no journal.
        var leftover = _site.At(".output.staticbriefs-deadbeef");
        Directory.CreateDirectory(Path.Combine(leftover, "site"));
        File.WriteAllText(Path.Combine(leftover, "site", "index.html"), "half a build");
        File.WriteAllText(Path.Combine(leftover, ".staticbriefs-work"), $"StaticBriefs work folder for {_site.Output}\n");
        // The same name without the marker is someone else's.
        Directory.CreateDirectory(_site.At(".output.staticbriefs-cafe0000"));
        File.WriteAllText(_site.At(".output.staticbriefs-cafe0000/keep.txt"), "no marker");

        _site.BuildOk();

        Assert.False(Directory.Exists(leftover));
        foreach (var name in new[] { ".output.backup-2024", ".output.staging-deadbeef", ".output.old-1234" })
            Assert.Equal(name, File.ReadAllText(Path.Combine(_site.At(name), "keep.txt")));
        Assert.Equal("no marker", File.ReadAllText(_site.At(".output.staticbriefs-cafe0000/keep.txt")));
    }

    [Fact]
    public void A_manifest_naming_paths_outside_the_folder_never_makes_a_build_remove_them()
    {
        _site.BuildOk();
        var outsideBefore = OutputTestSupport.TreeHash(_site.Outside);
        File.AppendAllLines(Out(OwnedFiles.FileName), ["../outside/secret.txt", "/etc/hostname", "briefs/../../outside/media/photo.jpg"]);

        _site.EditTitle("after");
        _site.BuildOk();
        _site.BuildOk("--no-cache");

        Assert.Equal(outsideBefore, OutputTestSupport.TreeHash(_site.Outside));
        Assert.True(File.Exists("/etc/hostname"));
    }
}
