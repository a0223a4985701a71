using System.Runtime.InteropServices;

namespace StaticBriefs.FileSystem;

/// <summary>
/// The names in one folder with their kinds, from the folder itself (<c>readdir</c>'s <c>d_type</c>): no look at each
/// entry. .NET's enumeration asks for an entry's attributes with an <c>lstat</c> and a <c>geteuid</c> each (for the
/// read-only flag), so listing the 11,000 files of a search index version cost 22,000 system calls, and a commit or
/// an output scan of a 10,000-brief site over 100,000. Linux on 64-bit machines only (the layout of
/// <c>struct dirent</c> read here is that of glibc and musl there); <see cref="Of(string)"/> returns null elsewhere, and
/// callers list the way they did.
/// </summary>
internal static partial class FolderListing
{
    private const byte TypeFifo = 1, TypeCharacter = 2, TypeDirectory = 4, TypeBlock = 6, TypeRegular = 8, TypeLink = 10, TypeSocket = 12;

    // struct dirent: d_ino (8 bytes), d_off (8), d_reclen (2), d_type (1), then d_name.
    private const int TypeOffset = 18;
    private const int NameOffset = 19;

    private const int ReadOnlyCloseOnExec = 0x80000;

    /// <summary>O_DIRECTORY, whose value differs between architectures; -1 where not known here.</summary>
    internal static int FolderOnly => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 0x10000,
        Architecture.Arm64 => 0x4000,
        _ => -1,
    };

    /// <summary>O_DIRECTORY | O_NOFOLLOW, whose values differ between architectures; -1 where not known here.</summary>
    internal static int FolderNotLink => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 0x10000 | 0x20000,
        Architecture.Arm64 => 0x4000 | 0x8000,
        _ => -1,
    };

    /// <summary>True where <see cref="Of(string)"/> answers.</summary>
    public static bool Available => OperatingSystem.IsLinux() && Environment.Is64BitProcess && FolderNotLink >= 0;

    /// <summary>
    /// The entries of <paramref name="folder"/> (not "." and ".."), each with its kind, a link as a link; an entry the
    /// file system does not type is looked at (<see cref="FileStamp.Of"/>; <see cref="FileKind.Missing"/> when it went
    /// meanwhile). Null when the folder cannot be opened or
    /// listing is not <see cref="Available"/>: the caller's own way then reports why. A link at
    /// <paramref name="folder"/> itself is not followed (null): a folder swapped for a link between a look at it and
    /// its listing is never listed through the link.
    /// </summary>
    public static List<(string Name, FileKind Kind)>? Of(string folder)
    {
        if (!Available) return null;
        var descriptor = Open(folder, ReadOnlyCloseOnExec | FolderNotLink);
        if (descriptor < 0) return null;
        return Read(descriptor, folder, name => FileStamp.Of(Path.Combine(folder, name))?.Kind ?? FileStatus.LStat(Path.Combine(folder, name), out _));
    }

    /// <summary>
    /// The entries of the folder open as <paramref name="descriptor"/> (which stays open; the caller closes it), as
    /// <see cref="Of(string)"/> gives them; an untyped entry is looked at from the folder. Null when it cannot be listed.
    /// <paramref name="folder"/> names it in messages.
    /// </summary>
    public static List<(string Name, FileKind Kind)>? Of(int descriptor, string folder)
    {
        if (!Available) return null;
        var copy = Dup(descriptor);
        if (copy < 0) return null;
        // A listing reads from where the last one stopped: a second listing of one descriptor starts again.
        _ = LSeek(copy, 0, 0);
        return Read(copy, folder, name => FolderEntries.KindAt(descriptor, name));
    }

    /// <summary>Lists the folder open as <paramref name="descriptor"/>, which the listing takes and closes.</summary>
    private static List<(string Name, FileKind Kind)>? Read(int descriptor, string folder, Func<string, FileKind> untyped)
    {
        var stream = FdOpenDir(descriptor);
        if (stream == 0)
        {
            _ = Close(descriptor);
            return null;
        }
        try
        {
            var entries = new List<(string, FileKind)>();
            while (true)
            {
                var entry = ReadDir(stream);
                if (entry == 0)
                {
                    // End of the folder, or an error (errno set): a half list must not pass for the whole one.
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno != 0) throw new IOException($"cannot list the folder {folder} (errno {errno})");
                    return entries;
                }
                var name = Marshal.PtrToStringUTF8(entry + NameOffset) ?? "";
                if (name is "." or "..") continue;
                var kind = Marshal.ReadByte(entry + TypeOffset) switch
                {
                    TypeDirectory => FileKind.Directory,
                    TypeRegular => FileKind.Regular,
                    TypeLink => FileKind.SymbolicLink,
                    TypeFifo => FileKind.Fifo,
                    TypeSocket => FileKind.Socket,
                    TypeCharacter => FileKind.CharacterDevice,
                    TypeBlock => FileKind.BlockDevice,
                    // Some file systems leave the type out (DT_UNKNOWN): look at the entry itself.
                    _ => untyped(name),
                };
                entries.Add((name, kind));
            }
        }
        finally
        {
            _ = CloseDir(stream);
        }
    }

    [LibraryImport("libc", EntryPoint = "dup", SetLastError = true)]
    private static partial int Dup(int descriptor);

    [LibraryImport("libc", EntryPoint = "lseek", SetLastError = true)]
    private static partial long LSeek(int descriptor, long offset, int whence);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fdopendir", SetLastError = true)]
    private static partial nint FdOpenDir(int descriptor);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);

    // SetLastError clears errno before the call, so a null entry with errno 0 is the end of the folder.
    [LibraryImport("libc", EntryPoint = "readdir", SetLastError = true)]
    private static partial nint ReadDir(nint stream);

    [LibraryImport("libc", EntryPoint = "closedir")]
    private static partial int CloseDir(nint stream);
}
