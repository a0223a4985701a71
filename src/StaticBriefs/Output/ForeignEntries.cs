using StaticBriefs.Diagnostics;

namespace StaticBriefs.Output;

/// <summary>
/// Moves what StaticBriefs did not write (see <see cref="TreeScan"/>) from one tree into another at the same place: a
/// swap carries <c>CNAME</c>, <c>.git/</c> or notes from the old output into the new one. Moves never replace anything.
/// </summary>
internal static class ForeignEntries
{
    /// <summary>
    /// The foreign entries <c>--clean-output</c> keeps: folders whose names start with '.' (<c>.git</c>), as Hugo's
    /// <c>--cleanDestinationDir</c> does. Everything else foreign is removed.
    /// </summary>
    public static bool KeptByClean((string Path, EntryKind Kind) entry) =>
        entry.Kind == EntryKind.Folder && entry.Path[(entry.Path.LastIndexOf('/') + 1)..].StartsWith('.');

    /// <summary>True for the names StaticBriefs keeps for itself at the root of an output folder.</summary>
    public static bool IsReserved(string name) =>
        name is OwnedFiles.FileName or CommitJournal.InTreeName || name.StartsWith(WorkFolder.InsidePrefix, StringComparison.Ordinal);

    /// <summary>
    /// Moves each entry from <paramref name="fromRoot"/> to the same place under <paramref name="toRoot"/>, creating
    /// folders as needed; <paramref name="moved"/> records what was done, for undo. An entry whose place the new tree
    /// already uses (the build writes that path) is left where it is, for the old tree's sweep to report.
    /// </summary>
    public static void Carry(string fromRoot, string toRoot, IEnumerable<string> entries, CarryLog moved)
    {
        var count = 0;
        foreach (var entry in entries)
        {
            if (OutputTree.KindOf(Path.Combine(fromRoot, entry)) == EntryKind.Missing) continue; // gone since it was found
            TryMove(fromRoot, toRoot, entry, moved);
            CommitSteps.Reached("swap:carry", ++count);
        }
    }

    /// <summary>Moves one entry to the same place under <paramref name="toRoot"/>; false when the place is taken there.</summary>
    public static bool TryMove(string fromRoot, string toRoot, string entry, CarryLog moved)
    {
        if (!Fits(toRoot, entry)) return false;
        EnsureFolders(toRoot, entry, moved);
        Posix.Rename(Path.Combine(fromRoot, entry), Path.Combine(toRoot, entry), noReplace: true);
        moved.Moved.Add(entry);
        return true;
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
