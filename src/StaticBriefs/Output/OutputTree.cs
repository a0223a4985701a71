using System.IO.Enumeration;

namespace StaticBriefs.Output;

/// <summary>What a path is, seen without following a symbolic link at its end.</summary>
internal enum EntryKind
{
    Missing,
    File,
    Folder,
    Link,
}

/// <summary>
/// File-system walks and removals inside an output folder that never follow a symbolic link: a link is listed,
/// moved and removed as a link, so <c>output/media -> ~/media</c> can never make a build touch <c>~/media</c>.
/// (.NET's <c>SearchOption.AllDirectories</c> does follow links to folders.)
/// </summary>
internal static class OutputTree
{
    /// <summary>What <paramref name="path"/> is; the last component is not followed.</summary>
    public static EntryKind KindOf(string path)
    {
        // One statx where it is there (a cached build looks at every folder of the output once): no FileInfo to make.
        if (FileSystem.FileStamp.Of(path) is { } stamp)
        {
            return stamp.Kind switch
            {
                FileSystem.FileKind.Missing => EntryKind.Missing,
                FileSystem.FileKind.Directory => EntryKind.Folder,
                FileSystem.FileKind.SymbolicLink => EntryKind.Link,
                _ => EntryKind.File,
            };
        }
        var attributes = new FileInfo(path).Attributes;
        if ((int)attributes == -1) return EntryKind.Missing;
        return Kind(attributes);
    }

    /// <summary>The entries of one folder, not recursing.</summary>
    public static List<(string Name, EntryKind Kind)> Entries(string folder)
    {
        if (FileSystem.FolderListing.Of(folder) is { } listed) return KindsOf(listed);
        var entries = new FileSystemEnumerable<(string, EntryKind)>(folder,
            (ref FileSystemEntry e) => (e.FileName.ToString(), Kind(e.Attributes)),
            new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false });
        return [.. entries];
    }

    /// <summary>Every file and link below <paramref name="root"/>, relative with '/', never entering a linked folder.</summary>
    public static List<string> Files(string root)
    {
        var prefix = root.Length + 1;
        var files = new FileSystemEnumerable<string>(root,
            (ref FileSystemEntry e) => e.ToFullPath()[prefix..].Replace('\\', '/'),
            new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = true })
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory || IsLink(e.Attributes),
            ShouldRecursePredicate = (ref FileSystemEntry e) => !IsLink(e.Attributes),
        };
        return [.. files];
    }

    /// <summary>
    /// True when <paramref name="folder"/> (relative to <paramref name="root"/>) and every folder on its way are real
    /// folders and everything below it is a real folder or a plain file <paramref name="allowed"/> (by its relative path):
    /// a link, or a file not allowed, answers false.
    /// </summary>
    public static bool HoldsOnly(string root, string folder, Func<string, bool> allowed)
    {
        for (var cut = folder.IndexOf('/'); cut > 0; cut = folder.IndexOf('/', cut + 1))
        {
            if (KindOf(Path.Combine(root, folder[..cut])) != EntryKind.Folder) return false;
        }
        if (KindOf(Path.Combine(root, folder)) != EntryKind.Folder) return false;
        var pending = new Stack<string>([folder]);
        while (pending.TryPop(out var current))
        {
            foreach (var (name, kind) in Entries(Path.Combine(root, current)))
            {
                var relative = current + "/" + name;
                if (kind == EntryKind.Folder) pending.Push(relative);
                else if (kind != EntryKind.File || !allowed(relative)) return false;
            }
        }
        return true;
    }

    /// <summary>True when the folder has no entries at all.</summary>
    public static bool IsEmpty(string folder) => !Directory.EnumerateFileSystemEntries(folder).Any();

    /// <summary>Removes a file, a link (as a link) or a whole folder; links inside are removed, never followed.</summary>
    public static void Delete(string path)
    {
        switch (KindOf(path))
        {
            case EntryKind.File or EntryKind.Link:
                File.Delete(path);
                break;
            case EntryKind.Folder when FileSystem.FolderEntries.Available:
                DeleteFolder(path);
                break;
            case EntryKind.Folder:
                // Directory.Delete unlinks the links it meets without entering them (checked by OutputTreeTests).
                Directory.Delete(path, recursive: true);
                break;
        }
    }

    /// <summary>
    /// Removes a folder and everything in it, from listings that give each entry's kind (Directory.Delete looks at
    /// every entry first, two system calls each): each folder is opened from its parent without following a link, so
    /// links are unlinked, never entered.
    /// </summary>
    private static void DeleteFolder(string path)
    {
        var descriptor = FileSystem.FolderEntries.OpenFolder(path, out _);
        if (descriptor < 0)
        {
            // Not a folder that opens without following a link: one swapped in meanwhile is removed as a link, never
            // entered (Directory.Delete would list through it).
            switch (KindOf(path))
            {
                case EntryKind.Missing:
                    return;
                case EntryKind.File or EntryKind.Link:
                    Posix.Unlink(path);
                    return;
                default:
                    throw new IOException($"cannot list the folder {path} to remove it");
            }
        }
        try
        {
            EmptyFolder(descriptor, path);
        }
        finally
        {
            FileSystem.FolderEntries.Close(descriptor);
        }
        Posix.RemoveFolder(path);
    }

    private const int NoSuchEntry = 2;
    private const int NotAFolder = 20;
    private const int TooManyLinks = 40;

    /// <summary>
    /// Removes everything in the folder open as <paramref name="folder"/> (<paramref name="path"/> in messages), each
    /// name looked up in its own folder: removing a search index version's 11,000 files walked each one's whole path,
    /// twice as long as the name. Folders are opened without following a link, so nothing is entered through one.
    /// </summary>
    private static void EmptyFolder(int folder, string path)
    {
        if (FileSystem.FolderListing.Of(folder, path) is not { } listed) throw new IOException($"cannot list the folder {path} to remove it");
        foreach (var (name, kind) in KindsOf(listed))
        {
            var errno = kind == EntryKind.Folder ? RemoveFolderIn(folder, name, path) : FileSystem.FolderEntries.Remove(folder, name, folder: false);
            // Gone meanwhile, as File.Delete and Directory.Delete let pass.
            if (errno is not (0 or NoSuchEntry)) throw Posix.RemoveFailure(errno, Path.Combine(path, name));
        }
    }

    /// <summary>Removes the folder <paramref name="name"/> of the open <paramref name="parent"/> and all in it; 0, or the errno.</summary>
    private static int RemoveFolderIn(int parent, string name, string parentPath)
    {
        var folder = FileSystem.FolderEntries.OpenFolder(parent, name, out var errno);
        if (folder < 0)
        {
            // No longer a folder (a link or a file put in its place meanwhile): removed as what it is, never entered.
            return errno is NotAFolder or TooManyLinks ? FileSystem.FolderEntries.Remove(parent, name, folder: false) : errno;
        }
        try
        {
            EmptyFolder(folder, Path.Combine(parentPath, name));
        }
        finally
        {
            FileSystem.FolderEntries.Close(folder);
        }
        return FileSystem.FolderEntries.Remove(parent, name, folder: true);
    }

    /// <summary>A listing's entries in this tree's kinds; entries gone since the listing are left out.</summary>
    private static List<(string Name, EntryKind Kind)> KindsOf(List<(string Name, FileSystem.FileKind Kind)> listed)
    {
        var kinds = new List<(string, EntryKind)>(listed.Count);
        foreach (var (name, kind) in listed)
        {
            if (kind == FileSystem.FileKind.Missing) continue;
            kinds.Add((name, kind switch
            {
                FileSystem.FileKind.Directory => EntryKind.Folder,
                FileSystem.FileKind.SymbolicLink => EntryKind.Link,
                _ => EntryKind.File,
            }));
        }
        return kinds;
    }

    /// <summary>
    /// True when <paramref name="realPath"/> is a mount point: renaming it fails (EBUSY) and renames across it fail
    /// (EXDEV), so such an output folder is patched in place rather than swapped. Read from
    /// <c>/proc/self/mountinfo</c>; false where that does not exist.
    /// </summary>
    public static bool IsMountPoint(string realPath, string? mountInfo = null)
    {
        mountInfo ??= ReadMountInfo();
        if (mountInfo is null) return false;
        foreach (var line in mountInfo.Split('\n'))
        {
            var fields = line.Split(' ');
            if (fields.Length > 4 && Unescape(fields[4]) == realPath) return true;
        }
        return false;
    }

    private static string? ReadMountInfo()
    {
        try
        {
            return OperatingSystem.IsLinux() ? File.ReadAllText("/proc/self/mountinfo") : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>mountinfo writes space, tab, newline and backslash as three-digit octal escapes.</summary>
    private static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal)) return field;
        var builder = new System.Text.StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length && IsOctal(field[i + 1]) && IsOctal(field[i + 2]) && IsOctal(field[i + 3]))
            {
                builder.Append((char)(((field[i + 1] - '0') * 64) + ((field[i + 2] - '0') * 8) + (field[i + 3] - '0')));
                i += 3;
            }
            else
            {
                builder.Append(field[i]);
            }
        }
        return builder.ToString();
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';

    private static bool IsLink(FileAttributes attributes) => (attributes & FileAttributes.ReparsePoint) != 0;

    private static EntryKind Kind(FileAttributes attributes) =>
        IsLink(attributes) ? EntryKind.Link : (attributes & FileAttributes.Directory) != 0 ? EntryKind.Folder : EntryKind.File;
}
