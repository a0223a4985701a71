using Microsoft.Win32.SafeHandles;

namespace StaticBriefs.Output;

/// <summary>
/// One build or preview at a time per output folder: an exclusive <c>flock</c> on the output folder itself. The
/// kernel drops it when the holder's process ends however it ends, so a crashed build never blocks the next one; and
/// no lock file is left anywhere. A swap replaces the folder the path names, so the committer also locks the tree it
/// swaps in (<see cref="AlsoHold"/>), and a waiter that wins the lock checks the path still names the folder it
/// locked, or starts again.
/// </summary>
internal sealed class OutputLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private readonly List<SafeFileHandle> _handles = [];

    private OutputLock(SafeFileHandle handle) => _handles.Add(handle);

    /// <summary>
    /// Locks <paramref name="folder"/> (a real path; created when missing), waiting up to <paramref name="timeout"/>;
    /// <paramref name="onWait"/> is called once if it has to wait. Null when the time ran out.
    /// </summary>
    public static OutputLock? Acquire(string folder, TimeSpan timeout, Action? onWait)
    {
        if (!Posix.Available) return new OutputLock(new SafeFileHandle());
        var deadline = DateTime.UtcNow + timeout;
        var waited = false;
        while (true)
        {
            Directory.CreateDirectory(folder);
            var handle = Posix.OpenFolder(folder);
            if (Posix.TryLock(handle))
            {
                if (StillNamedBy(handle, folder)) return new OutputLock(handle);
                // The folder was swapped or removed while we waited: lock what the path names now.
                handle.Dispose();
                continue;
            }
            handle.Dispose();
            if (DateTime.UtcNow >= deadline) return null;
            if (!waited) onWait?.Invoke();
            waited = true;
            Thread.Sleep(Poll);
        }
    }

    /// <summary>Also locks <paramref name="folder"/> (a tree about to be swapped in, which nobody else can know yet).</summary>
    public void AlsoHold(string folder)
    {
        if (!Posix.Available) return;
        var handle = Posix.OpenFolder(folder);
        if (Posix.TryLock(handle)) _handles.Add(handle);
        else handle.Dispose();
    }

    /// <summary>Releases every lock held.</summary>
    public void Dispose()
    {
        foreach (var handle in _handles) handle.Dispose();
        _handles.Clear();
    }

    /// <summary>True when <paramref name="folder"/> still names the folder <paramref name="handle"/> is open on (Linux; elsewhere assumed).</summary>
    private static bool StillNamedBy(SafeFileHandle handle, string folder)
    {
        if (!OperatingSystem.IsLinux()) return true;
        var link = new FileInfo("/proc/self/fd/" + handle.DangerousGetHandle().ToString(System.Globalization.CultureInfo.InvariantCulture)).LinkTarget;
        return link is null || link == folder;
    }
}
