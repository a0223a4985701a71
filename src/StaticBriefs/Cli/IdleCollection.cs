namespace StaticBriefs.Cli;

/// <summary>
/// Preview's garbage collection between edits. An edit's rebuild allocates 10-100 MiB (an added brief at 10,000
/// briefs, 105 MiB) that is garbage once the new site is served; left to the collector, the collection falls inside a
/// later rebuild (30-50 ms of an add's 250-370 ms at 10,000 briefs), and that rebuild's allocations land on memory the
/// collector has not yet handed back, fresh pages the kernel must zero. Collected while the author is reading the
/// reloaded page, the next rebuild starts with the youngest generation empty and its memory warm: an add or a delete
/// then meets no collection at all. <see cref="Delay"/> after a rebuild (after the browser has fetched the reloaded
/// page) and only if no other rebuild began meanwhile; a young-generation collection, 5-50 ms, on a heap of 700 MiB.
/// </summary>
internal sealed class IdleCollection : IDisposable
{
    /// <summary>How long after a rebuild the collection waits: past the reload the rebuild set off.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(200);

    private readonly TimeProvider _time;
    private readonly TimeSpan _delay;
    private readonly Action _collect;
    private readonly Lock _gate = new();
    private ITimer? _pending;

    // The timer the last BuildFinished set: a callback of an earlier one, already on its way, must not collect.
    private object? _ticket;

    /// <param name="time">The clock the delay runs on.</param>
    /// <param name="delay">Defaults to <see cref="Delay"/>.</param>
    /// <param name="collect">Defaults to a blocking collection of the youngest generation.</param>
    public IdleCollection(TimeProvider time, TimeSpan? delay = null, Action? collect = null)
    {
        _time = time;
        _delay = delay ?? Delay;
        _collect = collect ?? (() => GC.Collect(0, GCCollectionMode.Forced, blocking: true));
    }

    /// <summary>Collections that ran.</summary>
    public int Collections { get; private set; }

    /// <summary>A rebuild begins: a collection still waiting would pause it, so it is called off.</summary>
    public void BuildStarting()
    {
        lock (_gate) Cancel();
    }

    /// <summary>A rebuild ended (served or failed): collect once the delay passes without another.</summary>
    public void BuildFinished()
    {
        lock (_gate)
        {
            Cancel();
            _ticket = new object();
            _pending = _time.CreateTimer(Fire, _ticket, _delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate) Cancel();
    }

    private void Fire(object? state)
    {
        lock (_gate)
        {
            // Called off or set again after the timer fired but before this ran: a rebuild has begun or ended since.
            if (state is null || !ReferenceEquals(state, _ticket)) return;
            Cancel();
            Collections++;
        }
        _collect();
    }

    private void Cancel()
    {
        _pending?.Dispose();
        _pending = null;
        _ticket = null;
    }
}
