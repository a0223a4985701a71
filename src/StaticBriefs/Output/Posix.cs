using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace StaticBriefs.Output;

/// <summary>
/// The few POSIX calls .NET does not offer: an advisory lock on a folder (<c>flock</c>; the runtime's own file locks
/// are switched off in the csproj and never covered folders), an atomic exchange of two paths (<c>renameat2</c>), and
/// <c>realpath</c>. Errno values are the generic Linux ones, the same on x64 and arm64.
/// </summary>
internal static partial class Posix
{
    public const int ENOENT = 2;
    public const int EBUSY = 16;
    public const int EXDEV = 18;
    public const int EINVAL = 22;
    public const int ENOSYS = 38;
    public const int ENOTSUP = 95;

    private const int ORdOnly = 0;
    private const int OCloExec = 0x80000;
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int AtCurrentFolder = -100;
    private const uint RenameNoReplace = 1;
    private const uint RenameExchange = 2;

    /// <summary>True where these calls exist (Linux, macOS); elsewhere locking is skipped and swaps use two renames.</summary>
    public static bool Available => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD();

    /// <summary>Opens a folder for locking; close-on-exec, so no child process inherits the lock.</summary>
    public static SafeFileHandle OpenFolder(string path)
    {
        var fd = Open(path, ORdOnly | OCloExec);
        if (fd < 0) throw Failure("open", Marshal.GetLastPInvokeError(), path);
        return new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>Takes an exclusive lock without waiting; false when another open file description holds it.</summary>
    public static bool TryLock(SafeFileHandle folder) => Flock((int)folder.DangerousGetHandle(), LockExclusive | LockNonBlocking) == 0;

    /// <summary>Swaps two paths in one step (Linux 3.15+); returns 0 or the errno.</summary>
    public static int Exchange(string a, string b) => RenameErrno(a, b, RenameExchange);

    /// <summary>
    /// Renames a file, link (the link itself) or folder; with <paramref name="noReplace"/> an existing target is an
    /// error rather than replaced. Throws an <see cref="IOException"/> whose HResult is the errno.
    /// </summary>
    public static void Rename(string from, string to, bool noReplace = false)
    {
        var errno = RenameErrno(from, to, noReplace ? RenameNoReplace : 0);
        if (errno == EINVAL && noReplace && OutputTree.KindOf(to) == EntryKind.Missing)
        {
            // A file system without RENAME_NOREPLACE: checked just above instead, and nobody else writes here.
            errno = RenameErrno(from, to, 0);
        }
        if (errno == ENOSYS)
        {
            if (OutputTree.KindOf(from) == EntryKind.Folder) Directory.Move(from, to);
            else File.Move(from, to, overwrite: !noReplace);
            return;
        }
        if (errno != 0) throw Failure("move", errno, from, to);
    }

    private static int RenameErrno(string from, string to, uint flags)
    {
        if (!OperatingSystem.IsLinux()) return ENOSYS;
        try
        {
            return RenameAt2(AtCurrentFolder, from, AtCurrentFolder, to, flags) == 0 ? 0 : Marshal.GetLastPInvokeError();
        }
        catch (EntryPointNotFoundException)
        {
            return ENOSYS; // a C library older than glibc 2.28
        }
    }

    /// <summary>The canonical path with every symbolic link resolved, or null when the path does not exist.</summary>
    public static string? RealPath(string path)
    {
        var resolved = RealPathNative(path, 0);
        if (resolved == 0) return null;
        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Free(resolved);
        }
    }

    /// <summary>The error of a removal of <paramref name="path"/> that failed with <paramref name="errno"/>, as <see cref="Unlink"/> throws it.</summary>
    public static FileOperationException RemoveFailure(int errno, string path) => Failure("remove", errno, path);

    private static FileOperationException Failure(string what, int errno, params string[] paths) =>
        new($"cannot {what} {string.Join(" to ", paths)}: {Describe(errno)}", errno, paths);

    /// <summary>The system's words for an errno (strerror), for messages.</summary>
    public static string Describe(int errno) => Marshal.GetPInvokeErrorMessage(errno);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    /// <summary>Removes a file or link (never what a link points to); throws as File.Delete would.</summary>
    public static void Unlink(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            File.Delete(path);
            return;
        }
        if (UnlinkNative(path) != 0) throw Failure("remove", Marshal.GetLastPInvokeError(), path);
    }

    /// <summary>Removes an empty folder; throws when it is not empty.</summary>
    public static void RemoveFolder(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            Directory.Delete(path);
            return;
        }
        if (RmdirNative(path) != 0) throw Failure("remove", Marshal.GetLastPInvokeError(), path);
    }

    /// <summary>
    /// Gives the file at <paramref name="existing"/> a second name, <paramref name="added"/> (a hard link; a link met
    /// at <paramref name="existing"/> is linked as itself, never followed). False when the file system cannot (another
    /// device, no hard links, not Linux): the caller writes the bytes instead.
    /// </summary>
    public static bool TryLink(string existing, string added) =>
        OperatingSystem.IsLinux() && LinkAt(AtCurrentFolder, existing, AtCurrentFolder, added, 0) == 0;

    [LibraryImport("libc", EntryPoint = "linkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LinkAt(int oldFolder, string oldPath, int newFolder, string newPath, int flags);

    [LibraryImport("libc", EntryPoint = "unlink", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int UnlinkNative(string path);

    [LibraryImport("libc", EntryPoint = "rmdir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RmdirNative(string path);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(int fd, int operation);

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int oldFolder, string oldPath, int newFolder, string newPath, uint flags);

    [LibraryImport("libc", EntryPoint = "realpath", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint RealPathNative(string path, nint resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(nint pointer);
}
