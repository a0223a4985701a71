using Microsoft.Extensions.Time.Testing;
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
        // The clock is the test's: the quiet period ends when the test says so, not when a loaded machine happens to
        // pause the writer for longer than it (which split the burst in two, one full test run in three).
        var time = new FakeTimeProvider();
        using var watcher = new ChangeWatcher([_root], Quiet, OnChanges, pollInterval: null, time);
        var expected = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 500; i++)
        {
            var path = Path.Combine(_root, $"brief-{i:D3}.md");
            File.WriteAllText(path, "# brief " + i);
            expected.Add(path);
        }

        // Notifications arrive on their own thread: wait until every file has been seen. No time passes meanwhile,
        // however long that takes, so nothing may be reported yet.
        await WaitUntilAsync(() => watcher.Pending >= expected.Count, "every file to be seen");
        Assert.Empty(Calls());

        time.Advance(Quiet);

        var call = Assert.Single(Calls());
        Assert.True(expected.SetEquals(call), $"got {call.Count} paths, expected {expected.Count}");
    }

    [Fact]
    public async Task A_change_inside_the_quiet_period_postpones_the_report()
    {
        var time = new FakeTimeProvider();
        using var watcher = new ChangeWatcher([_root], Quiet, OnChanges, pollInterval: null, time);
        var first = Path.Combine(_root, "a.md");
        await File.WriteAllTextAsync(first, "# a");
        await WaitUntilAsync(() => watcher.Pending == 1, "the first change");

        time.Advance(Quiet / 2);
        var second = Path.Combine(_root, "b.md");
        await File.WriteAllTextAsync(second, "# b");
        await WaitUntilAsync(() => watcher.Pending == 2, "the second change");
        time.Advance(Quiet / 2);
        Assert.Empty(Calls());

        time.Advance(Quiet);
        Assert.Equal(new HashSet<string> { first, second }, Assert.Single(Calls()).ToHashSet());
    }

    [Fact]
    public void Polling_finds_added_changed_and_removed_files()
    {
        var time = new FakeTimeProvider();
        var interval = TimeSpan.FromSeconds(1);
        var kept = Path.Combine(_root, "kept.md");
        var removed = Path.Combine(_root, "removed.md");
        File.WriteAllText(kept, "# kept");
        File.WriteAllText(removed, "# removed");
        using var watcher = new ChangeWatcher([_root], Quiet, OnChanges, interval, time);

        var added = Path.Combine(_root, "sub", "added.md");
        Directory.CreateDirectory(Path.GetDirectoryName(added)!);
        File.WriteAllText(added, "# added");
        File.WriteAllText(kept, "# kept, and longer");
        File.Delete(removed);
        File.WriteAllText(Path.Combine(_root, "ignored.md~"), "editor backup");
        Assert.Empty(Calls());

        time.Advance(interval);
        time.Advance(Quiet);

        var call = Assert.Single(Calls());
        Assert.Contains(added, call);
        Assert.Contains(kept, call);
        Assert.Contains(removed, call);
        Assert.DoesNotContain(call, p => p.EndsWith('~'));
    }

    [Fact]
    public void Polling_reports_nothing_when_nothing_changed()
    {
        var time = new FakeTimeProvider();
        File.WriteAllText(Path.Combine(_root, "a.md"), "# a");
        using var watcher = new ChangeWatcher([_root], Quiet, OnChanges, TimeSpan.FromSeconds(1), time);

        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Empty(Calls());
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

    /// <summary>Waits for something the file system delivers on its own thread; the time limit only catches a hang.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var limit = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < limit, "timed out waiting for " + what);
            await Task.Delay(10);
        }
    }

    private List<IReadOnlyCollection<string>> Calls()
    {
        lock (_calls)
        {
            return [.. _calls];
        }
    }
}
