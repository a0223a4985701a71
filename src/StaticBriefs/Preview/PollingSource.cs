namespace StaticBriefs.Preview;

/// <summary>
/// Finds changes under a folder by listing it every interval and comparing each file's size and last write time
/// with the previous listing: what <c>--poll</c> uses where the file system sends no notifications (bind mounts in
/// containers, network drives). Added, removed and changed files are reported; the first listing is the baseline.
/// </summary>
internal sealed class PollingSource : IDisposable
{
    private readonly string _root;
    private readonly Action<string> _changed;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private Dictionary<string, (long Length, long Ticks)> _last;

    public PollingSource(string root, TimeSpan interval, TimeProvider time, Action<string> changed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _root = root;
        _changed = changed;
        _last = Snapshot();
        _timer = time.CreateTimer(_ => Poll(), null, interval, interval);
    }

    public void Dispose() => _timer.Dispose();

    /// <summary>Compares the folder with the last listing and reports every difference.</summary>
    internal void Poll()
    {
        // A slow listing (a network drive) must not run twice at once when the next tick comes early.
        if (!_gate.TryEnter()) return;
        try
        {
            var now = Snapshot();
            foreach (var (path, state) in now)
            {
                if (!_last.TryGetValue(path, out var before) || before != state) _changed(path);
            }
            foreach (var path in _last.Keys)
            {
                if (!now.ContainsKey(path)) _changed(path);
            }
            _last = now;
        }
        finally
        {
            _gate.Exit();
        }
    }

    private Dictionary<string, (long, long)> Snapshot()
    {
        var files = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        // Links are skipped, not followed: a link to a big folder outside is not walked every interval.
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        try
        {
            foreach (var info in new DirectoryInfo(_root).EnumerateFileSystemInfos("*", options))
            {
                if (ChangeFilter.IsIgnored(_root, info.FullName)) continue;
                var length = info is FileInfo file ? file.Length : -1;
                files[info.FullName] = (length, info.LastWriteTimeUtc.Ticks);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The folder vanished or is being replaced: the next listing tells.
        }
        return files;
    }
}
