namespace StaticBriefs.Preview;

/// <summary>
/// Watches folders recursively and reports each burst of changes once, after it has been quiet for the given
/// period, so a checkout touching hundreds of files causes one rebuild. Changes come from the operating system's
/// notifications, or, with a poll interval, from comparing the folders' files every interval (containers, network
/// drives and other file systems that send no notifications). Time comes from a <see cref="TimeProvider"/>, so
/// tests decide when a period has passed instead of racing the clock.
/// </summary>
public sealed class ChangeWatcher : IDisposable
{
    // A folder that never goes quiet (a log being appended) would otherwise postpone the rebuild forever.
    private static readonly TimeSpan MinimumMaxDelay = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly List<IDisposable> _sources = [];
    private readonly TimeSpan _quietPeriod;
    private readonly TimeSpan _maxDelay;
    private readonly Action<IReadOnlyCollection<string>> _onChanges;
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private HashSet<string> _pending = new(StringComparer.Ordinal);
    private long _burstStarted;
    private long _recorded;
    private bool _running;
    private bool _disposed;

    /// <summary>Starts watching <paramref name="directories"/> (each must exist) at once, through notifications.</summary>
    public ChangeWatcher(IEnumerable<string> directories, TimeSpan quietPeriod, Action<IReadOnlyCollection<string>> onChanges)
        : this(directories, quietPeriod, onChanges, pollInterval: null, TimeProvider.System)
    {
    }

    /// <summary>
    /// Starts watching <paramref name="directories"/> (each must exist) at once; with <paramref name="pollInterval"/>,
    /// by comparing their files every interval instead of through notifications.
    /// </summary>
    public ChangeWatcher(
        IEnumerable<string> directories, TimeSpan quietPeriod, Action<IReadOnlyCollection<string>> onChanges, TimeSpan? pollInterval, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentNullException.ThrowIfNull(onChanges);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(quietPeriod, TimeSpan.Zero);
        _quietPeriod = quietPeriod;
        _maxDelay = quietPeriod * 20 > MinimumMaxDelay ? quietPeriod * 20 : MinimumMaxDelay;
        _onChanges = onChanges;
        _time = time;
        _timer = time.CreateTimer(_ => Flush(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        try
        {
            foreach (var directory in directories)
            {
                var root = Path.GetFullPath(directory);
                if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"Cannot watch '{root}': the folder does not exist.");
                _sources.Add(pollInterval is { } interval
                    ? new PollingSource(root, interval, time, path => Record(root, path))
                    : CreateWatcher(root));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Changes recorded so far (ignored files not counted); lets tests wait until events have arrived.</summary>
    public long Recorded => Interlocked.Read(ref _recorded);

    /// <summary>Distinct paths waiting for the quiet period to end.</summary>
    public int Pending
    {
        get
        {
            lock (_gate) return _pending.Count;
        }
    }

    /// <summary>Stops watching; a burst not yet reported is dropped.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        foreach (var source in _sources)
        {
            source.Dispose();
        }

        _timer.Dispose();
    }

    private FileSystemWatcher CreateWatcher(string root)
    {
        var watcher = new FileSystemWatcher(root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            // The largest buffer the OS allows: a checkout of hundreds of files must not overflow it.
            InternalBufferSize = 64 * 1024,
        };
        watcher.Created += (_, e) => Record(root, e.FullPath);
        watcher.Changed += (_, e) => Record(root, e.FullPath);
        watcher.Deleted += (_, e) => Record(root, e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            Record(root, e.OldFullPath);
            Record(root, e.FullPath);
        };

        // An overflow loses events; reporting the root says "something here changed, rebuild it all".
        watcher.Error += (_, _) => Record(root, root, force: true);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private void Record(string root, string fullPath, bool force = false)
    {
        if (!force && ChangeFilter.IsIgnored(root, fullPath))
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = _time.GetTimestamp();
            if (_pending.Count == 0)
            {
                _burstStarted = now;
            }

            _pending.Add(fullPath);
            Interlocked.Increment(ref _recorded);
            if (!_running)
            {
                var waited = _time.GetElapsedTime(_burstStarted, now);
                var due = waited + _quietPeriod > _maxDelay ? _maxDelay - waited : _quietPeriod;
                _timer.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void Flush()
    {
        HashSet<string> batch;
        lock (_gate)
        {
            // One callback at a time: changes made while it runs wait for the next quiet period.
            if (_disposed || _running || _pending.Count == 0)
            {
                return;
            }

            batch = _pending;
            _pending = new HashSet<string>(StringComparer.Ordinal);
            _running = true;
        }

        try
        {
            _onChanges(batch);
        }
        finally
        {
            lock (_gate)
            {
                _running = false;
                if (!_disposed && _pending.Count > 0)
                {
                    _timer.Change(_quietPeriod, Timeout.InfiniteTimeSpan);
                }
            }
        }
    }
}
