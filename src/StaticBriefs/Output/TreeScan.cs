namespace StaticBriefs.Output;

/// <summary>One entry of an output tree as a scan found it.</summary>
/// <param name="Path">Relative with '/'.</param>
/// <param name="Kind">What it is (a link is never entered).</param>
/// <param name="Own">True when StaticBriefs wrote it (its manifest names it, or a file of it lies below).</param>
internal readonly record struct ScannedEntry(string Path, EntryKind Kind, bool Own);

/// <summary>
/// A walk of an output tree that sorts its entries into StaticBriefs' own and foreign ones (anything its manifest does
/// not list). It enters only folders holding files of its own, so a foreign folder is one entry, and never enters a
/// link. Entries come children first, so removing them in order empties each folder before it is removed: a swap
/// removes the old tree from this list without reading its folders again, and a folder that is not empty by then
/// got something new after the scan.
/// </summary>
internal sealed class TreeScan
{
    private TreeScan(List<ScannedEntry> entries) => Entries = entries;

    /// <summary>Every entry, children before their folder.</summary>
    public List<ScannedEntry> Entries { get; }

    /// <summary>Walks <paramref name="root"/> (its own reserved names left out); with no manifest every entry is foreign.</summary>
    public static TreeScan Of(string root, IOwnership? owned)
    {
        var entries = new List<ScannedEntry>();
        Walk(root, "", owned, entries);
        return new TreeScan(entries);
    }

    /// <summary>The foreign entries, or with <paramref name="keptOnly"/> only those <c>--clean-output</c> keeps (<see cref="ForeignEntries.KeptByClean"/>).</summary>
    public List<string> Foreign(bool keptOnly) =>
        [.. Entries.Where(e => !e.Own && (!keptOnly || ForeignEntries.KeptByClean((e.Path, e.Kind)))).Select(e => e.Path)];

    private static void Walk(string root, string folder, IOwnership? owned, List<ScannedEntry> entries)
    {
        var path = folder.Length == 0 ? root : Path.Combine(root, folder);
        foreach (var (name, kind) in OutputTree.Entries(path))
        {
            if (folder.Length == 0 && ForeignEntries.IsReserved(name)) continue;
            var relative = folder.Length == 0 ? name : folder + "/" + name;
            if (owned is not null && kind == EntryKind.Folder && owned.HasFolder(relative))
            {
                Walk(root, relative, owned, entries);
                entries.Add(new ScannedEntry(relative, kind, Own: true));
                continue;
            }
            // Its own path, whatever is there now; and a link standing where its folder was is removed as a link.
            var own = owned is not null && (owned.Contains(relative) || owned.HasFolder(relative));
            entries.Add(new ScannedEntry(relative, kind, own));
        }
    }
}
