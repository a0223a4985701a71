namespace StaticBriefs.FileSystem;

/// <summary>What a path names, as <c>lstat</c> sees it (a symbolic link is not followed).</summary>
public enum FileKind
{
    /// <summary>Nothing there (or a name that cannot be looked up).</summary>
    Missing,
    /// <summary>A regular file: the only kind StaticBriefs ever opens.</summary>
    Regular,
    /// <summary>A folder.</summary>
    Directory,
    /// <summary>A symbolic link (not followed).</summary>
    SymbolicLink,
    /// <summary>A named pipe: opening it waits for a writer, so it is never opened.</summary>
    Fifo,
    /// <summary>A Unix domain socket.</summary>
    Socket,
    /// <summary>A character device such as <c>/dev/zero</c>.</summary>
    CharacterDevice,
    /// <summary>A block device.</summary>
    BlockDevice,
}

/// <summary>Words for file kinds in messages.</summary>
public static class FileKinds
{
    /// <summary>"named pipe (FIFO)", "socket", ...</summary>
    public static string Describe(this FileKind kind) => kind switch
    {
        FileKind.Fifo => "named pipe (FIFO)",
        FileKind.Socket => "socket",
        FileKind.CharacterDevice => "character device",
        FileKind.BlockDevice => "block device",
        FileKind.Directory => "folder",
        FileKind.SymbolicLink => "symbolic link",
        FileKind.Regular => "file",
        _ => "missing file",
    };

    /// <summary>True for pipes, sockets and devices: things that are not data and may block or never end.</summary>
    public static bool IsSpecial(this FileKind kind) =>
        kind is FileKind.Fifo or FileKind.Socket or FileKind.CharacterDevice or FileKind.BlockDevice;
}
