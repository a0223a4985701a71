using System.Diagnostics;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Output;

/// <summary>
/// The file system refusing while a build writes or commits (a path too long, a full disk, files that cannot be
/// changed): an SB023 error naming the path, exit 1, and the old output and everything around it byte-identical.
/// Immutable files (<c>chattr +i</c>) stand in for "permission denied", which root (the test runner) never meets;
/// a small tmpfs in a private mount namespace is the full disk.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class OutputFailureTests : IDisposable
{
    private readonly OutputSite _site = new();
    private readonly List<string> _immutable = [];

    public void Dispose()
    {
        foreach (var path in _immutable) Chattr("-i", path);
        _site.Dispose();
    }

    private void MakeImmutable(string path)
    {
        Chattr("+i", path);
        _immutable.Add(path);
    }

    private static void Chattr(string flag, string path)
    {
        using var chattr = Process.Start(new ProcessStartInfo("chattr", [flag, path]) { RedirectStandardError = true })!;
        chattr.WaitForExit();
        Assert.True(chattr.ExitCode == 0, $"chattr {flag} {path}: {chattr.StandardError.ReadToEnd()}");
    }

    /// <summary>Everything under the test's folder but the build cache (the tool's own, which a failed build may update).</summary>
    private string HashButCache() => OutputTestSupport.TreeHash(_site.Root, p => p == ".staticbriefs" || p.StartsWith(".staticbriefs/", StringComparison.Ordinal));

    private void AssertFailedUntouched(CliRun run, string before, string path, string reason)
    {
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"{path}: error SB023: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("the previous output is untouched: " + reason, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, HashButCache());
    }

    [Fact]
    public void A_path_too_long_for_the_file_system_is_an_sb023_error_naming_it()
    {
        // An output folder 3,900 characters deep: the site fits, one long file name does not (PATH_MAX is 4096).
        var deep = _site.Root;
        for (var i = 0; deep.Length < 3900 - 260; i++) deep = Path.Combine(deep, new string((char)('a' + i), 250));
        deep = Path.Combine(deep, new string('z', 3900 - deep.Length - 1));
        var output = Path.Combine(deep, "output");
        Assert.Equal(0, CliRun.Invoke(_site.BuildArgs(output)).ExitCode);
        var name = new string('n', 240) + ".txt";
        Directory.CreateDirectory(Path.Combine(_site.Input, "files"));
        File.WriteAllText(Path.Combine(_site.Input, "files", name), "a file with a long name");
        var before = _site.Hash();

        var run = CliRun.Invoke(_site.BuildArgs(output));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"{output}/files/{name}: error SB023: cannot copy {Path.Combine(_site.Input, "files", name)} to this output file; the previous output is untouched: the path is too long", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, _site.Hash());
    }

    [Fact]
    public void A_generated_folder_that_cannot_be_changed_stops_a_cached_build_and_every_move_is_undone()
    {
        _site.BuildOk();
        _site.EditTitle("blocked");
        MakeImmutable(Path.Combine(_site.Output, "briefs", "amazon-anthropic-4-billion"));
        var before = HashButCache();

        var run = _site.Build();

        AssertFailedUntouched(run, before, $"{_site.Output}/briefs/amazon-anthropic-4-billion/index.html", "the operation is not permitted");
    }

    [Fact]
    public void A_file_of_someone_else_that_cannot_be_moved_stops_a_clean_build_before_the_swap()
    {
        _site.BuildOk();
        File.WriteAllText(Path.Combine(_site.Output, "notes.txt"), "mine");
        MakeImmutable(Path.Combine(_site.Output, "notes.txt"));
        _site.EditTitle("blocked");
        var before = HashButCache();

        var run = _site.Build("--no-cache");

        AssertFailedUntouched(run, before, $"{_site.Output}/notes.txt", "the operation is not permitted");
    }

    [Fact]
    public void A_folder_above_the_output_that_cannot_be_written_is_left_alone_the_build_stages_inside()
    {
        var parent = _site.At("site");
        var output = Path.Combine(parent, "output");
        Assert.Equal(0, CliRun.Invoke(_site.BuildArgs(output)).ExitCode);
        MakeImmutable(parent);
        _site.EditTitle("inside");

        var run = CliRun.Invoke(_site.BuildArgs(output, "--no-cache"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Edited inside", File.ReadAllText(Path.Combine(output, "index.html")), StringComparison.Ordinal);
        Assert.Equal(["output"], Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName));
        Assert.Empty(Directory.EnumerateFileSystemEntries(output, ".staticbriefs-work-*"));
    }

    [Fact]
    public void A_full_disk_is_an_sb023_error_and_the_old_output_stays()
    {
        var reference = _site.At("reference");
        Assert.Equal(0, CliRun.Invoke(_site.BuildArgs(reference)).ExitCode);
        _site.EditTitle("no room");
        var mount = _site.At("disk");
        Directory.CreateDirectory(mount);
        // The disk holds the old site and half as much again: staging the new one fills it.
        var script = $$"""
            size=$(( $(du -sk '{{reference}}' | cut -f1) * 3 / 2 ))
            mount -t tmpfs -o size=${size}k none '{{mount}}'
            cp -a '{{reference}}' '{{mount}}/output'
            set +e
            $SB build --input '{{_site.Input}}' --output '{{mount}}/output' --theme '{{_site.Theme}}' --no-minify --no-cache 2> '{{_site.At("stderr")}}'
            echo $? > '{{_site.At("code")}}'
            set -e
            cp -a '{{mount}}/output' '{{_site.At("after")}}'
            ls -A '{{mount}}' > '{{_site.At("listing")}}'
            """;

        using (var run = StaticBriefsProcess.StartInMountNamespace(script))
            Assert.True(run.WaitForExit() == 0, run.ToString());

        var stderr = File.ReadAllText(_site.At("stderr"));
        Assert.Equal("1", File.ReadAllText(_site.At("code")).Trim());
        Assert.Contains($"{mount}/output/", stderr, StringComparison.Ordinal);
        Assert.Contains("error SB023: cannot write this output file; the previous output is untouched: no space left on the device", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Equal(OutputTestSupport.TreeHash(reference), OutputTestSupport.TreeHash(_site.At("after")));
        Assert.Equal("output", File.ReadAllText(_site.At("listing")).Trim());
    }
}
