using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Output;

/// <summary>
/// <c>kill -9</c> in a cached build's commit that renames the last search version's folder to the new version's name
/// (one title edited: a few index files change, the rest move with the folder). Before the rename, right after it and
/// once files have moved into it, the next run finishes the commit (or finds the old site) byte for byte.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class OutputMoveCrashTests(OutputMoveCrashTests.Sites sites) : IClassFixture<OutputMoveCrashTests.Sites>
{
    /// <summary>The old and the new site's output hashes, built once without any crash.</summary>
    public sealed class Sites
    {
        public Sites()
        {
            using var site = new OutputSite();
            site.BuildOk();
            OutputCrashTests.AddForeignFiles(site);
            Old = site.OutputHash();
            var before = SearchFolder(site);
            site.EditTitle("moved");
            site.BuildOk();
            New = site.OutputHash();
            Assert.NotEqual(Old, New);
            // The commit renamed the folder: the old name is gone, and the new one is the same folder.
            Assert.False(Directory.Exists(before.Path));
            Assert.Equal(before.Inode, SearchFolder(site).Inode);
        }

        public string Old { get; }

        public string New { get; }
    }

    /// <summary>The one version folder of the search index, with its inode.</summary>
    private static (string Path, string Inode) SearchFolder(OutputSite site)
    {
        var folder = Assert.Single(Directory.GetDirectories(Path.Combine(site.Output, "search")));
        return (folder, Inodes.Of(folder));
    }

    [Theory]
    [InlineData("patch:journal-written")]
    [InlineData("patch:folders-moved")]
    [InlineData("patch:move:1")]
    [InlineData("patch:move:3")]
    [InlineData("patch:manifest-placed")]
    public void A_cached_build_killed_while_it_moves_the_search_folder_leaves_the_old_or_new_site(string step)
    {
        using var site = new OutputSite();
        site.BuildOk();
        OutputCrashTests.AddForeignFiles(site);
        Assert.Equal(sites.Old, site.OutputHash());
        site.EditTitle("moved");

        var crash = StaticBriefsProcess.Run(site.BuildArgs(null, "--timings"), new Dictionary<string, string> { ["STATICBRIEFS_TEST_CRASH_AT"] = step });
        Assert.True(crash.ExitCode == 137, $"exit {crash.ExitCode}, expected a kill at {step}:\n{crash.Stdout}\n{crash.Stderr}");

        // The next run fails on its input, yet first puts the output back in order.
        site.BreakInput();
        var next = site.Build();

        Assert.True(next.ExitCode == 1, next.ToString());
        Assert.Contains(site.OutputHash(), new[] { sites.Old, sites.New });
        Assert.Empty(Directory.EnumerateFileSystemEntries(site.Root, ".output.*"));
    }
}
