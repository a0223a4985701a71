using StaticBriefs.Preview;

namespace StaticBriefs.Tests.Preview;

public sealed class ChangeWatcherTests : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sb-watch-" + Guid.NewGuid().ToString("N"));
    private readonly List<IReadOnlyCollection<string>> _calls = [];
    private readonly SemaphoreSlim _called = new(0);

    public ChangeWatcherTests() => Directory.CreateDirectory(_root);

    [Fact]
    public async Task Burst_of_500_writes_is_reported_once_with_every_path()
    {
        using var watcher = new ChangeWatcher([_root], Quiet, OnChanges);
        var expected = new HashSet<string>(StringComparer.Ordinal);

        // Synchronous writes in a tight loop, as a checkout does them: per-file async hops through
        // a busy thread pool can stall the writer longer than the quiet period on a loaded machine.
        for (var i = 0; i < 500; i++)
        {
            var path = Path.Combine(_root, $"brief-{i:D3}.md");
            File.WriteAllText(path, "# brief " + i);
            expected.Add(path);
        }

        Assert.True(await _called.WaitAsync(TimeSpan.FromSeconds(15)), "no callback");
        // Longer than the quiet period: a second callback would have arrived by now.
        Assert.False(await _called.WaitAsync(Quiet * 2), "a second callback arrived: " + string.Join(" | ", Calls().Select(c => c.Count + ":" + string.Join(",", c.Take(3).Select(Path.GetFileName)))));

        var call = Assert.Single(Calls());
        Assert.True(expected.SetEquals(call), $"got {call.Count} paths, expected {expected.Count}");
    }

    [Fact]
    public async Task Editor_temp_files_output_and_cache_folders_are_ignored()
    {
        using var watcher = new ChangeWatcher([_root], Quiet, OnChanges);
        Directory.CreateDirectory(Path.Combine(_root, "output", "briefs"));
        await File.WriteAllTextAsync(Path.Combine(_root, "output", "briefs", "index.html"), "x");
        Directory.CreateDirectory(Path.Combine(_root, ".staticbriefs"));
        await File.WriteAllTextAsync(Path.Combine(_root, ".staticbriefs", "cache.bin"), "x");
        await File.WriteAllTextAsync(Path.Combine(_root, "a.md~"), "x");
        await File.WriteAllTextAsync(Path.Combine(_root, ".a.md.swp"), "x");
        await File.WriteAllTextAsync(Path.Combine(_root, "4913"), "x");
        var real = Path.Combine(_root, "a.md");
        await File.WriteAllTextAsync(real, "# a");

        Assert.True(await _called.WaitAsync(TimeSpan.FromSeconds(15)), "no callback");

        Assert.Equal([real], Assert.Single(Calls()));
    }

    [Fact]
    public async Task Only_ignored_changes_cause_no_callback()
    {
        using var watcher = new ChangeWatcher([_root], Quiet, OnChanges);
        await File.WriteAllTextAsync(Path.Combine(_root, "notes.txt~"), "x");

        Assert.False(await _called.WaitAsync(Quiet * 3), "callback for an ignored file");
    }

    [Fact]
    public async Task Changes_in_several_folders_and_subfolders_are_watched()
    {
        var other = Path.Combine(_root, "theme");
        Directory.CreateDirectory(Path.Combine(other, "layouts"));
        var input = Path.Combine(_root, "input");
        Directory.CreateDirectory(input);
        using var watcher = new ChangeWatcher([input, other], Quiet, OnChanges);
        var layout = Path.Combine(other, "layouts", "brief.sbn");
        var brief = Path.Combine(input, "b.md");

        await File.WriteAllTextAsync(layout, "{{ x }}");
        await File.WriteAllTextAsync(brief, "# b");

        Assert.True(await _called.WaitAsync(TimeSpan.FromSeconds(15)), "no callback");
        var call = Assert.Single(Calls());
        Assert.Contains(layout, call);
        Assert.Contains(brief, call);
    }

    [Fact]
    public void Missing_folder_is_refused()
    {
        Assert.Throws<DirectoryNotFoundException>(() => new ChangeWatcher([Path.Combine(_root, "nope")], Quiet, OnChanges));
    }

    [Theory]
    [InlineData("a.md~", true)]
    [InlineData(".a.md.swp", true)]
    [InlineData("4913", true)]
    [InlineData(".#a.md", true)]
    [InlineData("#a.md#", true)]
    [InlineData("a.md", false)]
    [InlineData("4913.md", false)]
    public void Editor_temp_file_names_are_recognised(string name, bool ignored)
    {
        Assert.Equal(ignored, ChangeFilter.IsEditorTempFile(name));
    }

    [Fact]
    public void Watched_root_inside_a_folder_named_output_is_still_watched()
    {
        var root = Path.Combine(_root, "output", "site");

        Assert.False(ChangeFilter.IsIgnored(root, Path.Combine(root, "input", "a.md")));
        Assert.True(ChangeFilter.IsIgnored(root, Path.Combine(root, "output", "a.html")));
        Assert.True(ChangeFilter.IsIgnored(root, Path.Combine(root, "output.staging", "a.html")));
    }

    public void Dispose()
    {
        _called.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private void OnChanges(IReadOnlyCollection<string> paths)
    {
        lock (_calls)
        {
            _calls.Add(paths);
        }

        _called.Release();
    }

    private List<IReadOnlyCollection<string>> Calls()
    {
        lock (_calls)
        {
            return [.. _calls];
        }
    }
}
