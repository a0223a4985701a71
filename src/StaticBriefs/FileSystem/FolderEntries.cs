using System.Runtime.InteropServices;

namespace StaticBriefs.FileSystem;

/// <summary>
/// Calls on the entries of a folder held open by a descriptor (<c>openat</c>, <c>unlinkat</c>), so that removing a tree
/// of thousands of files (a search index version) looks up each name in its folder alone, not its whole path again,
/// and never passes through a link: each folder is opened with <c>O_NOFOLLOW</c>. Linux on x64 and Arm64
/// (<see cref="Available"/>); errno values are the generic Linux ones.
/// </summary>
internal static partial class FolderEntries
{
    private const int AtCurrentFolder = -100;
    private const int AtRemoveFolder = 0x200;
    private const int ReadOnlyCloseOnExec = 0x80000;
    private const int PathOnly = 0x200000;

    /// <summary>True where these calls are made.</summary>
    public static bool Available => FolderListing.Available;

    /// <summary>
    /// Opens the folder <paramref name="name"/> of the folder open as <paramref name="parent"/> (or the path
    /// <paramref name="name"/> itself, for <see cref="OpenFolder(string, out int)"/>), never through a link at its last step: a descriptor, or -1
    /// with <paramref name="errno"/> (ENOTDIR or ELOOP where something other than a folder is there).
    /// </summary>
    public static int OpenFolder(int parent, string name, out int errno)
    {
        var descriptor = OpenAt(parent, name, ReadOnlyCloseOnExec | FolderListing.FolderNotLink);
        errno = descriptor < 0 ? Marshal.GetLastPInvokeError() : 0;
        return descriptor;
    }

    /// <summary>Opens the folder at <paramref name="path"/> as <see cref="OpenFolder(int, string, out int)"/> does.</summary>
    public static int OpenFolder(string path, out int errno) => OpenFolder(AtCurrentFolder, path, out errno);

    /// <summary>
    /// Opens the folder at <paramref name="path"/> only to look up paths below it (<c>O_PATH</c>), following a link as
    /// a lookup of the path would: a descriptor, or -1.
    /// </summary>
    public static int OpenForLookups(string path) => OpenAt(AtCurrentFolder, path, PathOnly | ReadOnlyCloseOnExec | FolderListing.FolderOnly);

    /// <summary>Removes the entry <paramref name="name"/> (an empty folder when <paramref name="folder"/>); 0, or the errno.</summary>
    public static int Remove(int parent, string name, bool folder) =>
        UnlinkAt(parent, name, folder ? AtRemoveFolder : 0) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>The kind of <paramref name="name"/> in the folder (a link as a link).</summary>
    public static FileKind KindAt(int parent, string name) => FileStamp.At(parent, name)?.Kind ?? FileKind.Missing;

    /// <summary>Closes a descriptor this class opened.</summary>
    public static void Close(int descriptor) => _ = CloseNative(descriptor);

    [LibraryImport("libc", EntryPoint = "openat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenAt(int folder, string path, int flags);

    [LibraryImport("libc", EntryPoint = "unlinkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int UnlinkAt(int folder, string path, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int CloseNative(int descriptor);
}
