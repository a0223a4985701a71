using StaticBriefs.Building;
using StaticBriefs.Output;
using StaticBriefs.Tests.Cli;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Output;

/// <summary>
/// One build or preview at a time per output folder: a second one waits for the first (with a message) or, when its
/// wait runs out, refuses with SB022 and touches nothing; the output ends as one complete site, never a mix; and a
/// holder killed with SIGKILL never blocks the next build.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class OutputLockTests : IDisposable
{
    private readonly OutputSite _site = new();

    public void Dispose() => _site.Dispose();

    private BuildOptions Options(string input) => new()
    {
        InputDirectory = input,
        OutputDirectory = _site.Output,
        ThemeDirectory = _site.Theme,
        Minify = false,
        UseCache = true,
    };

    /// <summary>A second input folder whose site differs from the first in one title.</summary>
    private string SecondInput()
    {
        var second = _site.At("input-b");
        CopyFolder(_site.Input, second);
        var brief = Directory.EnumerateFiles(Path.Combine(second, "briefs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.WriteAllText(brief, File.ReadAllText(brief).Replace("title: \"", "title: \"B: ", StringComparison.Ordinal));
        return second;
    }

    /// <summary>The hash of what a lone clean build of <paramref name="input"/> writes.</summary>
    private string ReferenceHash(string input)
    {
        var reference = _site.At("reference-" + Path.GetFileName(input));
        var result = SiteBuild.Run(Options(input) with { OutputDirectory = reference, UseCache = false });
        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        var hash = OutputTestSupport.TreeHash(reference);
        Directory.Delete(reference, recursive: true);
        return hash;
    }

    [Fact]
    public void A_build_refuses_with_sb022_when_the_folder_stays_held_and_touches_nothing()
    {
        _site.BuildOk();
        var before = _site.Hash();
        var diagnostics = new StaticBriefs.Diagnostics.DiagnosticBag();
        using (var held = OutputFolder.Open(OutputTestSupport.Request(_site), diagnostics, out _))
        {
            Assert.NotNull(held);
            var result = SiteBuild.Run(Options(_site.Input) with { LockTimeout = TimeSpan.Zero });

            Assert.True(result.Refused);
            var error = Assert.Single(result.Diagnostics);
            Assert.Equal("SB022", error.Code);
            Assert.Equal(_site.Output, error.File);
            Assert.StartsWith("another StaticBriefs build or preview is writing this output folder", error.Message, StringComparison.Ordinal);
            Assert.Equal(before, _site.Hash());
        }

        Assert.True(SiteBuild.Run(Options(_site.Input) with { LockTimeout = OutputTestSupport.LockWait }).Written);
    }

    [Fact]
    public async Task A_lock_released_while_a_child_process_starts_is_taken_again_within_the_tests_wait()
    {
        // A child forked while the lock is held shares the open folder until its exec closes it (close-on-exec), so the
        // flock outlives the release by that moment. Tests in this process start children all the time: with no wait,
        // a test's open right after its own commit was refused now and then (CI, StagingOutputTests).
        var folder = _site.At("locked");
        using var stop = new CancellationTokenSource();
        var started = 0;
        var starter = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var child = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!;
                child.WaitForExit();
                Interlocked.Increment(ref started);
            }
        });
        var (takes, refusals) = (0, 0);
        while (Volatile.Read(ref started) < 200 || takes < 2000)
        {
            using var held = OutputLock.Acquire(folder, OutputTestSupport.LockWait, onWait: null);
            takes++;
            if (held is null) refusals++;
        }
        await stop.CancelAsync();
        await starter;

        Assert.True(refusals == 0, $"{refusals} of {takes} takes refused while {started} children started");
    }

    [Fact]
    public async Task A_build_into_the_folder_a_preview_serves_is_refused_while_the_preview_runs()
    {
        await using var preview = await RunningPreview.StartAsync();
        var options = new BuildOptions
        {
            InputDirectory = preview.Site.InputDirectory,
            OutputDirectory = preview.Site.OutputDirectory,
            ThemeDirectory = RepoPaths.Theme,
            LockTimeout = TimeSpan.Zero,
        };
        var before = OutputTestSupport.TreeHash(preview.Site.OutputDirectory);

        var result = SiteBuild.Run(options);

        Assert.True(result.Refused);
        Assert.Equal("SB022", Assert.Single(result.Diagnostics).Code);
        Assert.Equal(before, OutputTestSupport.TreeHash(preview.Site.OutputDirectory));
    }

    [Fact]
    public void Two_builds_at_once_run_one_after_the_other_and_the_output_is_the_second_site_whole()
    {
        var second = SecondInput();
        var expected = ReferenceHash(second);
        var release = _site.At("release");
        var pause = new Dictionary<string, string>
        {
            ["STATICBRIEFS_TEST_PAUSE_AT"] = "swap:journal-written",
            ["STATICBRIEFS_TEST_PAUSE_UNTIL"] = release,
        };

        using var first = StaticBriefsProcess.Start(_site.BuildArgs(), pause);
        first.WaitForStderr("test hook: paused at swap:journal-written");
        using var later = StaticBriefsProcess.Start(["build", "--input", second, "--output", _site.Output, "--theme", _site.Theme, "--no-minify"]);
        later.WaitForStderr($"{_site.Output}: waiting for another StaticBriefs build or preview writing this folder to finish");
        File.WriteAllText(release, "");

        Assert.True(first.WaitForExit() == 0, first.ToString());
        Assert.True(later.WaitForExit() == 0, later.ToString());
        Assert.Equal(expected, _site.OutputHash());
        Assert.Empty(Directory.EnumerateFileSystemEntries(_site.Root, ".output.*"));
    }

    [Fact]
    public void A_holder_killed_with_sigkill_never_blocks_the_next_build()
    {
        var expected = ReferenceHash(_site.Input);
        var pause = new Dictionary<string, string>
        {
            ["STATICBRIEFS_TEST_PAUSE_AT"] = "swap:journal-written",
            ["STATICBRIEFS_TEST_PAUSE_UNTIL"] = _site.At("never"),
        };
        using (var holder = StaticBriefsProcess.Start(_site.BuildArgs(), pause))
        {
            holder.WaitForStderr("test hook: paused at swap:journal-written");
            holder.KillHard();
            Assert.Equal(137, holder.WaitForExit());
        }

        var result = SiteBuild.Run(Options(_site.Input) with { LockTimeout = TimeSpan.FromSeconds(30), UseCache = false });

        Assert.False(result.Refused, string.Join('\n', result.Diagnostics));
        Assert.True(result.Written, string.Join('\n', result.Diagnostics));
        Assert.Equal(expected, _site.OutputHash());
        Assert.Empty(Directory.EnumerateFileSystemEntries(_site.Root, ".output.*"));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
