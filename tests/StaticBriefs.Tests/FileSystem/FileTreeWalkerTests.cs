using StaticBriefs.Diagnostics;
using StaticBriefs.FileSystem;

namespace StaticBriefs.Tests.FileSystem;

/// <summary>The walker lists only what is safe to read, and says why about the rest.</summary>
public sealed class FileTreeWalkerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sb-walk-").FullName;
    private readonly DiagnosticBag _diagnostics = new();

    private string Site => Path.Combine(_root, "site");

    public FileTreeWalkerTests()
    {
        Directory.CreateDirectory(Path.Combine(Site, "a"));
        File.WriteAllText(Path.Combine(Site, "a", "one.txt"), "1");
        File.WriteAllText(Path.Combine(_root, "outside.txt"), "secret");
    }

    private IReadOnlyList<TreeFile> Walk(Func<string, bool>? include = null) =>
        FileTreeWalker.Walk(Site, Site, "", include ?? (_ => true), _diagnostics);

    private IReadOnlyList<(string File, string Code, Severity Severity)> Found() =>
        [.. _diagnostics.Sorted().Select(d => (d.File, d.Code, d.Severity))];

    [Fact]
    public void Regular_files_are_listed_with_their_canonical_path_in_ordinal_order()
    {
        File.WriteAllText(Path.Combine(Site, "B.txt"), "b");
        File.WriteAllText(Path.Combine(Site, "a.txt"), "a");

        var files = Walk();

        Assert.Equal(["B.txt", "a.txt", "a/one.txt"], files.Select(f => f.Relative));
        Assert.All(files, f => Assert.True(Path.IsPathRooted(f.ReadPath)));
        Assert.Empty(Found());
    }

    [Fact]
    public void A_link_inside_is_read_through_its_target_and_one_outside_is_refused_without_being_read()
    {
        File.CreateSymbolicLink(Path.Combine(Site, "inside.txt"), "a/one.txt");
        File.CreateSymbolicLink(Path.Combine(Site, "outside.txt"), "../outside.txt");
        File.CreateSymbolicLink(Path.Combine(Site, "environ"), "/proc/self/environ");

        var files = Walk();

        var inside = Assert.Single(files, f => f.Relative == "inside.txt");
        Assert.Equal(Path.Combine(FileStatus.RealPath(Site, out _)!, "a", "one.txt"), inside.ReadPath);
        Assert.DoesNotContain(files, f => f.Relative is "outside.txt" or "environ");
        Assert.Equal([("environ", DiagnosticCodes.LinkOutside, Severity.Warning), ("outside.txt", DiagnosticCodes.LinkOutside, Severity.Warning)], Found());
    }

    [Fact]
    public void Pipes_sockets_and_devices_are_reported_by_what_they_are()
    {
        Assert.Equal(FileKind.CharacterDevice, FileStatus.LStat("/dev/null", out _));
        File.CreateSymbolicLink(Path.Combine(Site, "null"), "/dev/null");
        var pipe = Path.Combine(Site, "pipe.md");
        using (var process = System.Diagnostics.Process.Start("mkfifo", pipe)) process.WaitForExit();
        Assert.Equal(FileKind.Fifo, FileStatus.LStat(pipe, out _));

        var files = Walk();

        Assert.Equal(["a/one.txt"], files.Select(f => f.Relative));
        var pipeWarning = Assert.Single(_diagnostics.Sorted(), d => d.File == "pipe.md");
        Assert.Equal(DiagnosticCodes.SpecialFile, pipeWarning.Code);
        Assert.Contains("named pipe", pipeWarning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dangling_and_looping_links_are_errors()
    {
        File.CreateSymbolicLink(Path.Combine(Site, "gone"), "nothing-here");
        File.CreateSymbolicLink(Path.Combine(Site, "x"), "y");
        File.CreateSymbolicLink(Path.Combine(Site, "y"), "x");

        Walk();

        Assert.Equal(
            [("gone", DiagnosticCodes.BrokenFileLink, Severity.Error), ("x", DiagnosticCodes.BrokenFileLink, Severity.Error), ("y", DiagnosticCodes.BrokenFileLink, Severity.Error)],
            Found());
        Assert.Contains("loops", _diagnostics.Sorted()[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_link_back_up_the_tree_is_a_loop_reported_once_and_not_walked()
    {
        Directory.CreateSymbolicLink(Path.Combine(Site, "a", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(Site, "a", "self"), ".");

        var files = Walk();

        Assert.Equal(["a/one.txt"], files.Select(f => f.Relative));
        Assert.Equal([("a/self", DiagnosticCodes.LinkLoop, Severity.Warning), ("a/up", DiagnosticCodes.LinkLoop, Severity.Warning)], Found());
    }

    [Fact]
    public void A_folder_link_to_a_sibling_is_walked_under_its_own_name()
    {
        Directory.CreateSymbolicLink(Path.Combine(Site, "b"), "a");

        var files = Walk();

        Assert.Equal(["a/one.txt", "b/one.txt"], files.Select(f => f.Relative));
        Assert.Empty(Found());
    }

    [Fact]
    public void The_filter_sees_names_before_anything_is_looked_at()
    {
        Directory.CreateDirectory(Path.Combine(Site, "_hidden"));
        File.WriteAllText(Path.Combine(Site, "_hidden", "x.txt"), "x");
        File.CreateSymbolicLink(Path.Combine(Site, "_gone"), "nothing");

        var files = Walk(relative => !relative.Split('/')[^1].StartsWith('_'));

        Assert.Equal(["a/one.txt"], files.Select(f => f.Relative));
        Assert.Empty(Found());
    }

    [Fact]
    public void A_start_folder_that_links_outside_its_boundary_is_not_read()
    {
        Directory.CreateSymbolicLink(Path.Combine(Site, "_theme"), _root);

        var files = FileTreeWalker.Walk(Path.Combine(Site, "_theme"), Site, "_theme/", _ => true, _diagnostics);

        Assert.Empty(files);
        Assert.Equal([("_theme", DiagnosticCodes.LinkOutside, Severity.Warning)], Found());
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
