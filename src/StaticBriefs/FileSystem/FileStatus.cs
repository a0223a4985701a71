using System.Runtime.InteropServices;

namespace StaticBriefs.FileSystem;

/// <summary>Why a look-up failed, in the terms the messages need.</summary>
public enum LookupError
{
    /// <summary>It worked.</summary>
    None,
    /// <summary>The path, or a link on the way, names nothing.</summary>
    NotFound,
    /// <summary>Too many symbolic links on the way: a loop.</summary>
    Loop,
    /// <summary>The path or one of its names is longer than the system allows.</summary>
    NameTooLong,
    /// <summary>Permission denied.</summary>
    AccessDenied,
    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>
/// <c>lstat</c>, <c>stat</c> and <c>realpath</c>. .NET has no public way to tell a named pipe, a socket or a device
/// from a regular file without opening it (opening a pipe blocks), and <c>struct stat</c>'s layout differs between
/// architectures, so on Unix this calls the runtime's own <c>libSystem.Native</c> shims, whose <c>FileStatus</c>
/// starts with the same two fields on every platform (the runtime's <c>FileStatus.Unix.cs</c> relies on them).
/// </summary>
public static partial class FileStatus
{
    // PAL file type bits (pal_io.h), the same on every Unix the runtime supports.
    private const int TypeMask = 0xF000;
    private const int TypeFifo = 0x1000;
    private const int TypeCharacter = 0x2000;
    private const int TypeDirectory = 0x4000;
    private const int TypeBlock = 0x6000;
    private const int TypeRegular = 0x8000;
    private const int TypeLink = 0xA000;
    private const int TypeSocket = 0xC000;

    /// <summary>What <paramref name="path"/> names, without following a final symbolic link.</summary>
    public static FileKind LStat(string path, out LookupError error) => Status(path, follow: false, out error);

    /// <summary>What <paramref name="path"/> names once every symbolic link is followed.</summary>
    public static FileKind Stat(string path, out LookupError error) => Status(path, follow: true, out error);

    /// <summary>The canonical absolute path (every link followed, no '.' or '..'), or null with the reason.</summary>
    public static string? RealPath(string path, out LookupError error)
    {
        error = LookupError.None;
        if (OperatingSystem.IsWindows()) return WindowsRealPath(path, out error);
        var result = Native.RealPath(path);
        if (result == IntPtr.Zero)
        {
            error = Classify(Marshal.GetLastPInvokeError());
            return null;
        }
        try
        {
            return Marshal.PtrToStringUTF8(result);
        }
        finally
        {
            Native.Free(result);
        }
    }

    private static FileKind Status(string path, bool follow, out LookupError error)
    {
        error = LookupError.None;
        if (OperatingSystem.IsWindows()) return WindowsStatus(path, follow, out error);
        var status = default(NativeStatus);
        var result = follow ? Native.Stat(path, out status) : Native.LStat(path, out status);
        if (result != 0)
        {
            error = Classify(Marshal.GetLastPInvokeError());
            return FileKind.Missing;
        }
        return (status.Mode & TypeMask) switch
        {
            TypeRegular => FileKind.Regular,
            TypeDirectory => FileKind.Directory,
            TypeLink => FileKind.SymbolicLink,
            TypeFifo => FileKind.Fifo,
            TypeSocket => FileKind.Socket,
            TypeCharacter => FileKind.CharacterDevice,
            TypeBlock => FileKind.BlockDevice,
            _ => FileKind.CharacterDevice, // an unknown type is treated like a device: never opened
        };
    }

    private static LookupError Classify(int errno)
    {
        // errno numbers differ between Linux and the BSDs (macOS) for the two that are not POSIX-fixed.
        var loop = OperatingSystem.IsLinux() ? 40 : 62;
        var tooLong = OperatingSystem.IsLinux() ? 36 : 63;
        if (errno is 2 or 20) return LookupError.NotFound; // ENOENT, ENOTDIR
        if (errno == 13 || errno == 1) return LookupError.AccessDenied; // EACCES, EPERM
        if (errno == loop) return LookupError.Loop;
        if (errno == tooLong) return LookupError.NameTooLong;
        return LookupError.Other;
    }

    private static FileKind WindowsStatus(string path, bool follow, out LookupError error)
    {
        error = LookupError.None;
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!info.Exists && info.LinkTarget is null)
        {
            error = LookupError.NotFound;
            return FileKind.Missing;
        }
        if (info.LinkTarget is not null)
        {
            if (!follow) return FileKind.SymbolicLink;
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists)
            {
                error = LookupError.NotFound;
                return FileKind.Missing;
            }
            info = target;
        }
        return info.Attributes.HasFlag(FileAttributes.Directory) ? FileKind.Directory : FileKind.Regular;
    }

    private static string? WindowsRealPath(string path, out LookupError error)
    {
        error = LookupError.None;
        var full = Path.GetFullPath(path);
        FileSystemInfo info = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full);
        if (info.LinkTarget is not null) info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
        if (!info.Exists)
        {
            error = LookupError.NotFound;
            return null;
        }
        return info.FullName;
    }

    /// <summary>The first fields of the runtime's <c>FileStatus</c>; the size leaves room for the rest of it.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct NativeStatus
    {
        public int Flags;
        public int Mode;
    }

    private static class Native
    {
        private const string Library = "libSystem.Native";

        [DllImport(Library, EntryPoint = "SystemNative_LStat", SetLastError = true)]
        public static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out NativeStatus output);

        [DllImport(Library, EntryPoint = "SystemNative_Stat", SetLastError = true)]
        public static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out NativeStatus output);

        [DllImport(Library, EntryPoint = "SystemNative_RealPath", SetLastError = true)]
        public static extern IntPtr RealPath([MarshalAs(UnmanagedType.LPUTF8Str)] string path);

        [DllImport(Library, EntryPoint = "SystemNative_Free")]
        public static extern void Free(IntPtr pointer);
    }
}
