using System.Runtime.InteropServices;

namespace StaticBriefs.FileSystem;

/// <summary>
/// A folder held open to look up paths from (<c>O_PATH</c>): <see cref="FileStamp.In(FolderHandle, ReadOnlySpan{char}, bool)"/>
/// walks only the path below it. A cached build looks at each of 39,000 output files and 10,000 inputs, and most of
/// each look was the kernel walking the folders above them again (stop 61: 370 of 505 samples), on a machine where
/// each step costs. The folder is opened as its path names it now; a link on the way is followed as a path lookup
/// from the current folder would. Linux on x64 and Arm64 only (<see cref="Open"/> returns null elsewhere: callers look
/// by whole paths).
/// </summary>
internal sealed class FolderHandle : SafeHandle
{
    private FolderHandle(int descriptor) : base(-1, ownsHandle: true) => SetHandle(descriptor);

    /// <inheritdoc/>
    public override bool IsInvalid => handle.ToInt64() < 0;

    /// <summary>The folder at <paramref name="path"/>, or null when it cannot be opened as one (or not on this system).</summary>
    public static FolderHandle? Open(string path)
    {
        if (!FileStamp.Available || !FolderEntries.Available || path.Length == 0) return null;
        var descriptor = FolderEntries.OpenForLookups(path);
        return descriptor < 0 ? null : new FolderHandle(descriptor);
    }

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        FolderEntries.Close(handle.ToInt32());
        return true;
    }
}

/// <summary>
/// Folders held open by path, each opened at its first use (<see cref="FolderHandle"/>), for looking at many files in a
/// few folders (a site's briefs by year). Thread-safe; disposing closes them all.
/// </summary>
internal sealed class FolderHandles : IDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, FolderHandle?> _open = new(StringComparer.Ordinal);

    /// <summary>The stamp of the file at <paramref name="path"/> (absolute), looked up from its folder held open.</summary>
    public FileStamp? Of(string path, bool follow = false)
    {
        var slash = path.LastIndexOf('/');
        if (slash <= 0 || slash == path.Length - 1) return FileStamp.Of(path, follow);
        var lookup = _open.GetAlternateLookup<ReadOnlySpan<char>>();
        var folderPath = path.AsSpan(0, slash);
        if (!lookup.TryGetValue(folderPath, out var folder))
        {
            var opened = FolderHandle.Open(folderPath.ToString());
            folder = _open.GetOrAdd(folderPath.ToString(), opened);
            if (!ReferenceEquals(folder, opened)) opened?.Dispose();
        }
        return folder is null ? FileStamp.Of(path, follow) : FileStamp.In(folder, path.AsSpan(slash + 1), follow) ?? FileStamp.Of(path, follow);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var folder in _open.Values) folder?.Dispose();
        _open.Clear();
    }
}
