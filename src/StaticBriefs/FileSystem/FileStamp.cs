using System.Runtime.InteropServices;

namespace StaticBriefs.FileSystem;

/// <summary>
/// What a file system says about a file without opening it, from one <c>statx</c> call: its kind, size, times and
/// identity. A cached build looks at every output file (is it as the last build left it?) and every input file (has
/// it changed?): through <see cref="FileInfo"/> each look cost a path normalised, an object and a second call for a
/// link, several times the call itself. <c>struct statx</c> is the kernel's own, the same on every architecture.
/// Linux only: elsewhere <see cref="Of"/> returns null and callers look the way they did.
/// </summary>
/// <param name="Kind">What the path names (a final link is not followed unless asked).</param>
/// <param name="Size">Bytes.</param>
/// <param name="WriteTicks">Last modification, UTC, in <see cref="DateTime.Ticks"/> (as <see cref="FileSystemInfo.LastWriteTimeUtc"/>).</param>
/// <param name="ChangeNanoseconds">Last status change (any write, rename, link or mode change), nanoseconds since 1970.</param>
/// <param name="Inode">The file's number on its device.</param>
/// <param name="Device">The device, major and minor.</param>
internal readonly partial record struct FileStamp(FileKind Kind, long Size, long WriteTicks, long ChangeNanoseconds, ulong Inode, ulong Device)
{
    private const int AtCurrentFolder = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint TypeModeSizeTimesInode = 0x1 | 0x2 | 0x40 | 0x80 | 0x100 | 0x200;

    /// <summary>True where <see cref="Of"/> answers.</summary>
    public static bool Available => OperatingSystem.IsLinux();

    /// <summary>
    /// The stamp of <paramref name="path"/> (a final link is looked at as itself unless <paramref name="follow"/>); a
    /// stamp of kind <see cref="FileKind.Missing"/> when nothing can be looked up there; null where the call is not
    /// available or did not give every field.
    /// </summary>
    public static FileStamp? Of(string path, bool follow = false)
    {
        if (!Available) return null;
        return Answer(StatxNative(AtCurrentFolder, path, follow ? 0 : AtSymlinkNoFollow, TypeModeSizeTimesInode, out var status), status);
    }

    /// <summary>
    /// <see cref="Of(string, bool)"/> for <paramref name="relative"/> (with '/' between folders) in <paramref name="folder"/>,
    /// without making the joined path: a cached build looks at each of its 39,000 output files this way.
    /// </summary>
    public static FileStamp? In(string folder, string relative)
    {
        if (!Available) return null;
        if (folder.Length == 0) return Of(relative);
        var length = System.Text.Encoding.UTF8.GetMaxByteCount(folder.Length + relative.Length + 1) + 1;
        if (length > 1024) return Of(Path.Join(folder, relative));
        Span<byte> path = stackalloc byte[length];
        var at = System.Text.Encoding.UTF8.GetBytes(folder, path);
        if (at == 0 || path[at - 1] != (byte)'/') path[at++] = (byte)'/';
        at += System.Text.Encoding.UTF8.GetBytes(relative, path[at..]);
        path[at] = 0;
        return Answer(StatxBytes(AtCurrentFolder, ref MemoryMarshal.GetReference(path), AtSymlinkNoFollow, TypeModeSizeTimesInode, out var status), status);
    }

    /// <summary>
    /// <see cref="Of(string, bool)"/> for <paramref name="relative"/> (with '/' between folders, not starting with one)
    /// below <paramref name="folder"/>: the kernel walks only the relative path. Null, as <see cref="Of(string, bool)"/>,
    /// where there is no answer.
    /// </summary>
    public static FileStamp? In(FolderHandle folder, ReadOnlySpan<char> relative, bool follow = false)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Available || relative.IsEmpty || relative[0] == '/') return null;
        var length = System.Text.Encoding.UTF8.GetMaxByteCount(relative.Length) + 1;
        if (length > 1024) return null;
        Span<byte> path = stackalloc byte[length];
        var at = System.Text.Encoding.UTF8.GetBytes(relative, path);
        path[at] = 0;
        var added = false;
        try
        {
            folder.DangerousAddRef(ref added);
            return Answer(StatxBytes(folder.DangerousGetHandle().ToInt32(), ref MemoryMarshal.GetReference(path), follow ? 0 : AtSymlinkNoFollow,
                TypeModeSizeTimesInode, out var status), status);
        }
        finally
        {
            if (added) folder.DangerousRelease();
        }
    }

    /// <summary>The stamp of <paramref name="name"/> (a link as itself) in the folder open as <paramref name="descriptor"/>.</summary>
    internal static FileStamp? At(int descriptor, string name)
    {
        if (!Available) return null;
        return Answer(StatxNative(descriptor, name, AtSymlinkNoFollow, TypeModeSizeTimesInode, out var status), status);
    }

    private static FileStamp? Answer(int result, in Statx status)
    {
        if (result != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            // ENOENT, ENOTDIR: nothing there. Anything else (ENOSYS on an old kernel, EACCES): no answer.
            return errno is 2 or 20 ? new FileStamp(FileKind.Missing, 0, 0, 0, 0, 0) : null;
        }
        if ((status.Mask & TypeModeSizeTimesInode) != TypeModeSizeTimesInode) return null;
        var kind = (status.Mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.Fifo,
            0xC000 => FileKind.Socket,
            0x2000 => FileKind.CharacterDevice,
            _ => FileKind.BlockDevice,
        };
        var writeTicks = DateTime.UnixEpoch.Ticks + (status.ModifiedSeconds * TimeSpan.TicksPerSecond) + (status.ModifiedNanoseconds / 100);
        var changed = (status.ChangedSeconds * 1_000_000_000L) + status.ChangedNanoseconds;
        return new FileStamp(kind, (long)status.Size, writeTicks, changed, status.Inode, ((ulong)status.DeviceMajor << 32) | status.DeviceMinor);
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatxNative(int folder, string path, int flags, uint mask, out Statx status);

    /// <summary><c>statx</c> with the path already UTF-8 and ended by a zero byte.</summary>
    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static partial int StatxBytes(int folder, ref byte path, int flags, uint mask, out Statx status);

    /// <summary><c>struct statx</c> (linux/stat.h): 256 bytes, fixed layout.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct Statx
    {
        [FieldOffset(0)] public uint Mask;
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(32)] public ulong Inode;
        [FieldOffset(40)] public ulong Size;
        [FieldOffset(96)] public long ChangedSeconds;
        [FieldOffset(104)] public uint ChangedNanoseconds;
        [FieldOffset(112)] public long ModifiedSeconds;
        [FieldOffset(120)] public uint ModifiedNanoseconds;
        [FieldOffset(136)] public uint DeviceMajor;
        [FieldOffset(140)] public uint DeviceMinor;
    }
}
