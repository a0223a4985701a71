using StaticBriefs.Output;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Output;

/// <summary>
/// <c>kill -9</c> at every step of a commit, in a real build process (the test-only hook STATICBRIEFS_TEST_CRASH_AT,
/// see <c>CommitSteps</c>): clean builds (a swap) and cached builds (a patch), with files StaticBriefs did not write in
/// the output. The next run, even one that fails on its input, first restores the output to the old site or the new
/// one, byte for byte, and leaves no work folder behind.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class OutputCrashTests(OutputCrashTests.Sites sites) : IClassFixture<OutputCrashTests.Sites>
{
    /// <summary>The old and the new site's output hashes, built once without any crash.</summary>
    public sealed class Sites
    {
        public Sites()
        {
            using var site = new OutputSite();
            site.BuildOk();
            AddForeignFiles(site);
            Old = site.OutputHash();
            OldSite = SiteHash(site);
            ChangeToNew(site);
            site.BuildOk();
            New = site.OutputHash();
            NewSite = SiteHash(site);
            Assert.NotEqual(Old, New);
        }

        /// <summary>The whole old output folder.</summary>
        public string Old { get; }

        /// <summary>The whole new output folder.</summary>
        public string New { get; }

        /// <summary>Only the files the old build generated (what visitors get).</summary>
        public string OldSite { get; }

        /// <summary>Only the files the new build generated.</summary>
        public string NewSite { get; }
    }

    private static readonly string[] ForeignEntries = ["CNAME", ".git", ".git/HEAD", "briefs/notes.txt", CommitJournal.InTreeName];

    /// <summary>The generated files only: foreign entries (and a swap's journal) left out.</summary>
    internal static string SiteHash(OutputSite site) => OutputTestSupport.TreeHash(site.Output, ForeignEntries.Contains);

    internal static void AddForeignFiles(OutputSite site)
    {
        File.WriteAllText(Path.Combine(site.Output, "CNAME"), "briefs.example.org\n");
        Directory.CreateDirectory(Path.Combine(site.Output, ".git"));
        File.WriteAllText(Path.Combine(site.Output, ".git", "HEAD"), "ref: refs/heads/gh-pages\n");
        File.WriteAllText(Path.Combine(site.Output, "briefs", "notes.txt"), "mine, inside a generated folder");
    }

    /// <summary>One title edited (a few pages change) and one brief deleted (its files go).</summary>
    internal static void ChangeToNew(OutputSite site)
    {
        site.EditTitle("new");
        File.Delete(Path.Combine(site.Input, "briefs", "2024", "xai-raises-6-billion.md"));
    }

    [Theory]
    [InlineData("swap:journal-written")]
    [InlineData("swap:carry:1")]
    [InlineData("swap:carry:2")]
    [InlineData("swap:carried")]
    [InlineData("swap:exchanged")]
    [InlineData("swap:sweep:1")]
    [InlineData("swap:sweep:100")]
    [InlineData("swap:swept")]
    [InlineData("swap:journal-removed")]
    public void A_clean_build_killed_in_its_commit_leaves_the_old_or_new_site(string step) => CrashAndRecover(step, "--no-cache");

    [Theory]
    [InlineData("patch:journal-written")]
    [InlineData("patch:folders-moved")]
    [InlineData("patch:move:1")]
    [InlineData("patch:move:5")]
    [InlineData("patch:remove:1")]
    [InlineData("patch:remove:2")]
    [InlineData("patch:manifest-placed")]
    [InlineData("patch:folders-tidied")]
    [InlineData("patch:journal-removed")]
    public void A_cached_build_killed_in_its_commit_leaves_the_old_or_new_site(string step) => CrashAndRecover(step, "--timings");

    [Fact]
    public void A_planned_build_writes_the_cache_s_entries_while_its_commit_moves_files()
    {
        // The entries do not depend on the output: a planned build writes them beside its commit, not after it. Held at
        // the commit's first step, the build has them on disk; killed there, the next run does not parse the edit again.
        using var site = new OutputSite();
        site.BuildOk();
        var cacheIndex = Path.Combine(StaticBriefs.Incremental.BuildCache.DefaultDirectory(site.Input), "sources.bin");
        var before = File.ReadAllBytes(cacheIndex);
        site.EditTitle("saved beside the commit");
        var pause = new Dictionary<string, string>
        {
            ["STATICBRIEFS_TEST_PAUSE_AT"] = "patch:journal-written",
            ["STATICBRIEFS_TEST_PAUSE_UNTIL"] = site.At("never"),
        };

        using (var held = StaticBriefsProcess.Start(site.BuildArgs(null, "--timings"), pause))
        {
            held.WaitForStderr("test hook: paused at patch:journal-written");
            var deadline = DateTime.UtcNow + StaticBriefsProcess.Patience;
            while (File.ReadAllBytes(cacheIndex).AsSpan().SequenceEqual(before))
            {
                Assert.True(DateTime.UtcNow < deadline, "the cache's entries were not written while the commit was held");
                Thread.Sleep(20);
            }
            held.KillHard();
            Assert.Equal(137, held.WaitForExit());
        }
        var next = site.BuildOk("--timings");

        Assert.True((next.Stdout + next.Stderr).Contains("documents parsed 0,", StringComparison.Ordinal), next.ToString());
    }

    private void CrashAndRecover(string step, string mode)
    {
        using var site = new OutputSite();
        site.BuildOk();
        AddForeignFiles(site);
        Assert.Equal(sites.Old, site.OutputHash());
        ChangeToNew(site);

        var crash = StaticBriefsProcess.Run(site.BuildArgs(null, mode), new Dictionary<string, string> { ["STATICBRIEFS_TEST_CRASH_AT"] = step });
        Assert.True(crash.ExitCode == 137, $"exit {crash.ExitCode}, expected a kill at {step}:\n{crash.Stdout}\n{crash.Stderr}");
        Assert.Contains("test hook: killed at " + step.Split(':')[0] + ":" + step.Split(':')[1], crash.Stderr, StringComparison.Ordinal);
        if (mode == "--no-cache")
        {
            // A swap never shows visitors a mix, even before the next run: the output path names one whole tree. (Files
            // StaticBriefs did not write may be in the work folder for a moment; the next run puts them back.)
            Assert.Contains(SiteHash(site), new[] { sites.OldSite, sites.NewSite });
        }

        // The next run fails on its input, yet first puts the output back in order.
        site.BreakInput();
        var next = site.Build();

        Assert.True(next.ExitCode == 1, next.ToString());
        Assert.Contains("broken.md", next.Stderr, StringComparison.Ordinal);
        Assert.Contains(site.OutputHash(), new[] { sites.Old, sites.New });
        Assert.Empty(Directory.EnumerateFileSystemEntries(site.Root, ".output.*"));
    }
}
