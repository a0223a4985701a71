using StaticBriefs.Diagnostics;
using StaticBriefs.Output;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Output;

/// <summary>
/// <see cref="OutputFolder.CommitChanges"/> on a folder held across commits, as preview holds it: the owned files
/// change in place commit after commit, and after every one the output (manifest included, byte for byte, and its
/// folders) is what a clean commit of the same files leaves, foreign files kept or, with --clean-output, removed.
/// </summary>
public sealed class OutputFolderCommitChangesTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private string Clean => Path.Combine(_site.Root, "clean");

    private OutputFolder Open(string? output = null, bool clean = false)
    {
        var diagnostics = new DiagnosticBag();
        return OutputFolder.Open(OutputTestSupport.Request(_site, output) with { CleanOutput = clean }, diagnostics, out _)
            ?? throw new Xunit.Sdk.XunitException("the output folder did not open:\n" + string.Join('\n', diagnostics.Sorted()));
    }

    private static void CommitAll(OutputFolder folder, IReadOnlyDictionary<string, string> files)
    {
        var diagnostics = new DiagnosticBag();
        using var staging = folder.CreateStaging(diagnostics)!;
        foreach (var (path, text) in files) staging.WriteText(path, text);
        Assert.True(folder.Commit(staging, null, diagnostics), string.Join('\n', diagnostics.Sorted()));
    }

    private static void CommitChanges(OutputFolder folder, IReadOnlyDictionary<string, string> written, IReadOnlyCollection<string> removed)
    {
        var diagnostics = new DiagnosticBag();
        using var staging = folder.CreateStaging(diagnostics)!;
        foreach (var (path, text) in written) staging.WriteText(path, text);
        Assert.True(folder.CommitChanges(staging, removed, diagnostics), string.Join('\n', diagnostics.Sorted()));
    }

    /// <summary>Commits <paramref name="files"/> whole into a fresh folder and asserts the held output is the same tree, byte for byte.</summary>
    private void AssertSameAsCleanCommit(IReadOnlyDictionary<string, string> files, params string[] foreign)
    {
        if (Directory.Exists(Clean)) Directory.Delete(Clean, recursive: true);
        using (var clean = Open(Clean)) CommitAll(clean, files);
        Assert.Equal(Folders(Clean), Folders(_site.OutputDirectory).Where(f => !foreign.Any(x => x == f || x.StartsWith(f + "/", StringComparison.Ordinal) && !files.Keys.Any(k => k.StartsWith(f + "/", StringComparison.Ordinal)))));
        Assert.Equal(TestSite.FilesUnder(Clean), TestSite.FilesUnder(_site.OutputDirectory).Where(f => !foreign.Contains(f)));
        foreach (var file in TestSite.FilesUnder(Clean))
            Assert.True(File.ReadAllBytes(Path.Combine(Clean, file)).AsSpan().SequenceEqual(File.ReadAllBytes(_site.OutputPath(file))), $"{file} differs from a clean commit");
    }

    private static List<string> Folders(string root) =>
        [.. Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories)
            .Select(d => Path.GetRelativePath(root, d).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void After_any_sequence_of_partial_commits_the_output_and_its_manifest_are_a_clean_commit_s()
    {
        var random = new Random(14);
        var names = Enumerable.Range(0, 40).Select(i => i % 5 == 0 ? $"page/{i}/index.html" : $"briefs/b{i}/index.html")
            .Concat(["index.html", "feed.xml", "search/shards/0.json", "search/shards/1.json", "a/b/c/index.html", "a/index.html", "100%/#1.html"]).ToList();
        var files = names.Where((_, i) => i % 3 != 0).ToDictionary(n => n, n => "first " + n, StringComparer.Ordinal);
        using var held = Open();
        CommitAll(held, files);

        for (var round = 0; round < 12; round++)
        {
            var removed = files.Keys.Where(_ => random.Next(5) == 0).ToList();
            var written = names.Where(n => !removed.Contains(n) && random.Next(4) == 0).ToDictionary(n => n, n => $"round {round} {n}", StringComparer.Ordinal);
            // Names the rebuild lists as removed but did not own are ignored, as are removed names it writes again.
            CommitChanges(held, written, [.. removed, "never/written.html", .. written.Keys.Take(1)]);
            foreach (var file in removed) files.Remove(file);
            foreach (var (file, text) in written) files[file] = text;

            AssertSameAsCleanCommit(files);
            Assert.True(held.Owned!.SetEquals(files.Keys));
        }
    }

    [Fact]
    public void Folders_emptied_by_removals_go_and_folders_holding_foreign_files_stay()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["index.html"] = "home", ["a/b/c/index.html"] = "deep", ["briefs/x/index.html"] = "x", ["briefs/y/index.html"] = "y",
        };
        using var held = Open();
        CommitAll(held, files);
        File.WriteAllText(_site.OutputPath("briefs/y/notes.txt"), "the user's");
        File.WriteAllText(_site.OutputPath("CNAME"), "example.org");

        CommitChanges(held, new Dictionary<string, string> { ["index.html"] = "home 2" }, ["a/b/c/index.html", "briefs/x/index.html", "briefs/y/index.html"]);

        Assert.False(Directory.Exists(_site.OutputPath("a")));
        Assert.False(Directory.Exists(_site.OutputPath("briefs/x")));
        Assert.Equal("the user's", _site.ReadOutput("briefs/y/notes.txt"));
        Assert.Equal("example.org", _site.ReadOutput("CNAME"));
        AssertSameAsCleanCommit(new Dictionary<string, string> { ["index.html"] = "home 2" }, "briefs/y/notes.txt", "CNAME");
    }

    /// <summary>A versioned search index after an edit: a new folder of many files in, the last one's out.</summary>
    private static (Dictionary<string, string> Before, Dictionary<string, string> After, List<string> Old) NewVersion()
    {
        var before = Enumerable.Range(0, 60).ToDictionary(i => $"search/v1/docs/{i}.json", i => $"[{i}]", StringComparer.Ordinal);
        before["search/meta.json"] = "v1";
        before["index.html"] = "home";
        var after = Enumerable.Range(0, 60).ToDictionary(i => $"search/v2/docs/{i}.json", i => $"[{i}] 2", StringComparer.Ordinal);
        after["search/meta.json"] = "v2";
        return (before, after, [.. before.Keys.Where(f => f.StartsWith("search/v1/", StringComparison.Ordinal))]);
    }

    [Fact]
    public void A_new_folder_moves_in_whole_and_a_folder_whose_every_file_goes_moves_out_whole()
    {
        var (before, after, old) = NewVersion();
        using var held = Open();
        CommitAll(held, before);

        CommitChanges(held, after, old);

        // search/v2 in one rename, then meta.json and the manifest (each replacing theirs); search/v1 aside in one.
        // File by file that was 62 in and 62 aside.
        Assert.Equal(new(3, 3), held.LastPatch);
        AssertSameAsCleanCommit(new Dictionary<string, string>(after) { ["index.html"] = "home" });
        Assert.True(held.Owned!.SetEquals([.. after.Keys, "index.html"]));
    }

    [Fact]
    public void A_folder_holding_a_foreign_file_or_link_is_not_moved_out_whole_and_they_stay()
    {
        var (before, after, old) = NewVersion();
        using var held = Open();
        CommitAll(held, before);
        File.WriteAllText(_site.OutputPath("search/v1/docs/notes.txt"), "the user's");
        File.CreateSymbolicLink(_site.OutputPath("search/v1/link"), "/etc/hostname");

        CommitChanges(held, after, old);

        Assert.True(held.LastPatch.MovedAside >= old.Count, $"moved aside {held.LastPatch.MovedAside}: the files, one by one");
        Assert.Equal("the user's", _site.ReadOutput("search/v1/docs/notes.txt"));
        Assert.Equal("/etc/hostname", new FileInfo(_site.OutputPath("search/v1/link")).LinkTarget);
        AssertSameAsCleanCommit(new Dictionary<string, string>(after) { ["index.html"] = "home" }, "search/v1/docs/notes.txt", "search/v1/link");
    }

    [Fact]
    public void A_folder_the_commit_also_writes_into_is_not_moved_out_whole()
    {
        var (before, after, old) = NewVersion();
        using var held = Open();
        CommitAll(held, before);
        after["search/v1/docs/extra.json"] = "new in the old folder";

        CommitChanges(held, after, old);

        Assert.Equal("new in the old folder", _site.ReadOutput("search/v1/docs/extra.json"));
        AssertSameAsCleanCommit(new Dictionary<string, string>(after) { ["index.html"] = "home" });
    }

    [Fact]
    public void A_file_that_becomes_a_folder_and_a_folder_that_becomes_a_file_are_committed_as_a_clean_commit_would()
    {
        using var held = Open();
        CommitAll(held, new Dictionary<string, string> { ["feed"] = "a file", ["p/index.html"] = "in a folder", ["index.html"] = "home" });

        var after = new Dictionary<string, string> { ["feed/index.html"] = "now in a folder", ["p"] = "now a file" };
        CommitChanges(held, after, ["feed", "p/index.html"]);

        AssertSameAsCleanCommit(new Dictionary<string, string>(after) { ["index.html"] = "home" });
        Assert.True(held.Owned!.HasFolder("feed"));
        Assert.False(held.Owned.HasFolder("p"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void With_clean_output_a_foreign_entry_that_appeared_since_the_last_commit_goes_at_the_next_one_but_dot_folders_stay(bool filesChange)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal) { ["index.html"] = "home", ["briefs/x/index.html"] = "x" };
        using var held = Open(clean: true);
        CommitAll(held, files);
        CommitChanges(held, new Dictionary<string, string> { ["index.html"] = "home 2" }, []);
        files["index.html"] = "home 2";
        File.WriteAllText(_site.OutputPath("stray.txt"), "dropped in");
        File.WriteAllText(_site.OutputPath("briefs/x/stray.txt"), "dropped in");
        Directory.CreateDirectory(_site.OutputPath("stray/deeper"));
        Directory.CreateDirectory(_site.OutputPath(".git"));
        File.WriteAllText(_site.OutputPath(".git/config"), "kept");

        var written = filesChange
            ? new Dictionary<string, string> { ["briefs/y/index.html"] = "y" }
            : new Dictionary<string, string> { ["briefs/x/index.html"] = "x 2" };
        CommitChanges(held, written, []);
        foreach (var (file, text) in written) files[file] = text;

        Assert.False(File.Exists(_site.OutputPath("stray.txt")));
        Assert.False(File.Exists(_site.OutputPath("briefs/x/stray.txt")));
        Assert.False(Directory.Exists(_site.OutputPath("stray")));
        Assert.Equal("kept", _site.ReadOutput(".git/config"));
        AssertSameAsCleanCommit(files, ".git/config");
    }

    [Fact]
    public void A_patch_s_work_folder_with_the_replaced_files_is_gone_by_the_next_commit_and_when_the_folder_closes()
    {
        static string[] WorkFolders(string root) =>
            [.. Directory.EnumerateDirectories(Path.GetDirectoryName(root)!, "*", SearchOption.TopDirectoryOnly)
                .Concat(Directory.Exists(root) ? Directory.EnumerateDirectories(root) : [])
                .Where(d => File.Exists(Path.Combine(d, WorkFolder.MarkerName)))];
        var files = Enumerable.Range(0, 200).ToDictionary(i => $"search/docs/{i}.json", i => $"[{i}]");
        using (var folder = Open())
        {
            CommitAll(folder, files);
            // Every file replaced: the work folder holds the 200 old ones when the commit returns.
            CommitChanges(folder, files.ToDictionary(f => f.Key, f => f.Value + " "), []);
            CommitChanges(folder, new Dictionary<string, string> { ["search/docs/0.json"] = "[]" }, []);
            // One work folder at most stands (the last commit's, being removed); none of the earlier one's files.
            Assert.True(WorkFolders(_site.OutputDirectory).Length <= 1);
        }
        Assert.Empty(WorkFolders(_site.OutputDirectory));
        Assert.Equal("[]", File.ReadAllText(_site.OutputPath("search/docs/0.json")));
        Assert.Equal("[1] ", File.ReadAllText(_site.OutputPath("search/docs/1.json")));
    }
}
