namespace StaticBriefs.Output;

/// <summary>
/// Keeps readers of an output folder (the preview server) out while a commit moves files, so a request sees the
/// site before the commit or after it, never half of each. A commit closes the gate to new readers at once and waits
/// for the ones inside; since a reader stuck on a slow client must not stall the rebuilds, that wait is bounded
/// (a reader that already opened its file keeps a consistent copy of it anyway: files are replaced by rename).
/// </summary>
public sealed class CommitGate : IDisposable
{
    private static readonly TimeSpan ReaderWait = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _door = new(1, 1);
    private readonly ManualResetEventSlim _noReaders = new(true);
    private readonly Lock _count = new();
    private int _readers;
    private int _waiting;

    /// <summary>Readers waiting for a commit to end (for tests).</summary>
    internal int WaitingReaders => Volatile.Read(ref _waiting);

    /// <summary>Waits until no commit is under way and enters; dispose the result to leave.</summary>
    public async Task<IDisposable> EnterReadAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await _door.WaitAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
        try
        {
            lock (_count)
            {
                if (++_readers == 1) _noReaders.Reset();
            }
        }
        finally
        {
            _door.Release();
        }
        return new Exit(this);
    }

    /// <summary>Closes the gate for a commit; dispose the result to open it again.</summary>
    internal IDisposable EnterWrite()
    {
        _door.Wait();
        _noReaders.Wait(ReaderWait);
        return new WriterExit(this);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _door.Dispose();
        _noReaders.Dispose();
    }

    private void LeaveRead()
    {
        lock (_count)
        {
            if (--_readers == 0) _noReaders.Set();
        }
    }

    private sealed class Exit(CommitGate gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) gate.LeaveRead();
        }
    }

    private sealed class WriterExit(CommitGate gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) gate._door.Release();
        }
    }
}
