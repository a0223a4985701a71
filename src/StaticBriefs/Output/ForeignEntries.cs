using StaticBriefs.Diagnostics;

namespace StaticBriefs.Output;

/// <summary>
/// Finds what in an output tree StaticBriefs did not write (anything its manifest does not list), and moves it into
/// another tree at the same place. A swap uses it to carry <c>CNAME</c>, <c>.git/</c> or notes from the old tree into
/// the new one; it enters only folders holding files of its own, so a foreign folder moves as one entry, and it never
/// enters a link.
/// </summary>
internal static class ForeignEntries
{
    /// <summary>The foreign entries of <paramref name="root"/>, relative with '/'. With no manifest every entry is foreign.</summary>
    public static List<(string Path, EntryKind Kind)> Find(string root, OwnedFiles? owned)
    {
        var found = new List<(string, EntryKind)>();
        Walk(root, "", owned, found);
        return found;
    }

    /// <summary>
    /// The foreign entries <c>--clean-output</c> keeps: folders whose names start with '.' (<c>.git</c>), as Hugo's
    /// <c>--cleanDestinationDir</c> does. Everything else foreign is removed.
    /// </summary>
    public static bool KeptByClean((string Path, EntryKind Kind) entry) =>
        entry.Kind == EntryKind.Folder && entry.Path[(entry.Path.LastIndexOf('/') + 1)..].StartsWith('.');

    /// <summary>What a swap carries into the new tree: every foreign entry, or with <paramref name="clean"/> those <see cref="KeptByClean"/>.</summary>
    public static List<string> ToCarry(string oldRoot, OwnedFiles? owned, bool clean) =>
        [.. Find(oldRoot, owned).Where(e => !clean || KeptByClean(e)).Select(e => e.Path)];

    /// <summary>True for the names StaticBriefs keeps for itself at the root of an output folder.</summary>
    public static bool IsReserved(string name) =>
        name is OwnedFiles.FileName or CommitJournal.InTreeName || name.StartsWith(WorkFolder.InsidePrefix, StringComparison.Ordinal);

    /// <summary>
    /// Moves each entry from <paramref name="fromRoot"/> to the same place under <paramref name="toRoot"/>, creating
    /// folders as needed. An entry whose place the new tree already uses (the build writes that path) is not moved
    /// and is reported (SB025); it goes with the old tree. <paramref name="moved"/> records what was done, for undo.
    /// </summary>
    public static void Carry(string fromRoot, string toRoot, IEnumerable<string> entries, CarryLog moved, ReplacedFiles replaced)
    {
        foreach (var entry in entries)
        {
            if (!Fits(toRoot, entry))
            {
                replaced.Add(entry);
                continue;
            }
            EnsureFolders(toRoot, entry, moved);
            Posix.Rename(Path.Combine(fromRoot, entry), Path.Combine(toRoot, entry), noReplace: true);
            moved.Moved.Add(entry);
        }
    }

    /// <summary>Moves carried entries back and removes the folders the carry created (newest first).</summary>
    public static void Undo(string fromRoot, string toRoot, CarryLog moved)
    {
        for (var i = moved.Moved.Count - 1; i >= 0; i--)
            Posix.Rename(Path.Combine(toRoot, moved.Moved[i]), Path.Combine(fromRoot, moved.Moved[i]), noReplace: true);
        for (var i = moved.Created.Count - 1; i >= 0; i--)
        {
            var folder = Path.Combine(toRoot, moved.Created[i]);
            if (OutputTree.KindOf(folder) == EntryKind.Folder && OutputTree.IsEmpty(folder)) Directory.Delete(folder);
        }
    }

    private static void Walk(string root, string folder, OwnedFiles? owned, List<(string, EntryKind)> found)
    {
        var path = folder.Length == 0 ? root : Path.Combine(root, folder);
        foreach (var (name, kind) in OutputTree.Entries(path))
        {
            if (folder.Length == 0 && IsReserved(name)) continue;
            var relative = folder.Length == 0 ? name : folder + "/" + name;
            if (owned is not null)
            {
                if (kind == EntryKind.Folder && owned.HasFolder(relative))
                {
                    Walk(root, relative, owned, found);
                    continue;
                }
                // Its own path, whatever is there now; and a link standing where its folder was is removed as a link.
                if (owned.Contains(relative) || owned.HasFolder(relative)) continue;
            }
            found.Add((relative, kind));
        }
    }

    /// <summary>True when nothing in <paramref name="root"/> stands at <paramref name="entry"/> or blocks a folder on its way.</summary>
    private static bool Fits(string root, string entry)
    {
        var cut = entry.IndexOf('/');
        while (cut > 0)
        {
            var kind = OutputTree.KindOf(Path.Combine(root, entry[..cut]));
            if (kind == EntryKind.Missing) return true;
            if (kind != EntryKind.Folder) return false;
            cut = entry.IndexOf('/', cut + 1);
        }
        return OutputTree.KindOf(Path.Combine(root, entry)) == EntryKind.Missing;
    }

    private static void EnsureFolders(string root, string entry, CarryLog moved)
    {
        for (var cut = entry.IndexOf('/'); cut > 0; cut = entry.IndexOf('/', cut + 1))
        {
            var folder = entry[..cut];
            var path = Path.Combine(root, folder);
            if (OutputTree.KindOf(path) == EntryKind.Folder) continue;
            Directory.CreateDirectory(path);
            moved.Created.Add(folder);
        }
    }
}

/// <summary>What a carry did, so it can be undone: entries moved and folders created, in order.</summary>
internal sealed class CarryLog
{
    public List<string> Moved { get; } = [];

    public List<string> Created { get; } = [];
}

/// <summary>Files StaticBriefs did not write that a build replaced; reported as a few SB025 warnings, not thousands.</summary>
internal sealed class ReplacedFiles(string displayRoot)
{
    private const int Listed = 10;
    private readonly List<string> _paths = [];

    public void Add(string relative) => _paths.Add(relative);

    public void Report(DiagnosticBag diagnostics)
    {
        foreach (var path in _paths.Take(Listed))
        {
            diagnostics.Warning(displayRoot + "/" + path, 0, DiagnosticCodes.ForeignFileReplaced,
                "this was not written by StaticBriefs, but the build writes this path, so it was replaced");
        }
        if (_paths.Count > Listed)
        {
            diagnostics.Warning(displayRoot, 0, DiagnosticCodes.ForeignFileReplaced,
                $"{_paths.Count - Listed} more files not written by StaticBriefs were replaced by generated ones");
        }
    }
}
