using StaticBriefs.FileSystem;

namespace StaticBriefs.Incremental;

/// <summary>
/// When a cached build may take an input file's document without reading the file: its stamp (size, write and change
/// times, inode, device; <see cref="FileStamp"/>) is the one taken before the read that gave the document. Git's index
/// works so. A write always moves the change time, even when a tool puts the write time back; what a stamp cannot
/// tell is a second write within the same clock tick as the look, so a file changed in the last few seconds before
/// its look gets no stamp and is read again next time (it is the file being edited: one read).
/// </summary>
internal static class InputStamps
{
    /// <summary>
    /// Longer than any file system's timestamp step (FAT's is two seconds) plus the kernel's coarse clock tick.
    /// </summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The stamp to keep for the file at <paramref name="path"/>, about to be read; null when it cannot vouch (it
    /// changed less than <paramref name="settle"/> ago).
    /// </summary>
    public static FileStamp? Take(string path, TimeSpan settle)
    {
        if (FileStamp.Of(path, follow: true) is not { Kind: FileKind.Regular } stamp) return null;
        var now = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
        return stamp.ChangeNanoseconds < now - (settle.Ticks * 100) ? stamp : null;
    }

    /// <summary>True when <paramref name="kept"/> is a stamp and the file at <paramref name="path"/> still has it.</summary>
    public static bool Unchanged(FileStamp? kept, string path) =>
        kept is { } stamp && FileStamp.Of(path, follow: true) is { } now && now == stamp;

    /// <summary>As <see cref="Unchanged(FileStamp?, string)"/>, looking the file up from its folder held open in <paramref name="folders"/>.</summary>
    public static bool Unchanged(FileStamp? kept, string path, FolderHandles folders) =>
        kept is { } stamp && folders.Of(path, follow: true) is { } now && now == stamp;
}
