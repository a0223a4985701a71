namespace StaticBriefs.Output;

/// <summary>
/// Removes the old tree a swap took out of the output folder, as <c>rm -r</c> would, except that what StaticBriefs did
/// not write is moved into the new output instead (a file someone put there during the build, after the scan looked).
/// With a <see cref="TreeScan"/> of the tree it removes the listed entries without reading the folders again, and
/// looks into a folder only when it is not empty by then. Links are removed as links. An entry that cannot be moved
/// stays in the old tree and is returned, so nothing foreign is ever deleted (unless <c>--clean-output</c> says so,
/// or the new site writes that path).
/// </summary>
internal sealed class OldTreeSweeper
{
    private const int ENotDir = 20;
    private const int EIsDir = 21;
    private const int EExist = 17;
    private const int ENotEmpty = 39;

    private readonly string _oldRoot;
    private readonly string _newRoot;
    private readonly OwnedFiles? _owned;
    private readonly bool _clean;
    private readonly ReplacedFiles _replaced;
    private readonly List<(string Path, Exception Error)> _stranded = [];

    private OldTreeSweeper(string oldRoot, string newRoot, OwnedFiles? owned, bool clean, ReplacedFiles replaced)
    {
        _oldRoot = oldRoot;
        _newRoot = newRoot;
        _owned = owned;
        _clean = clean;
        _replaced = replaced;
    }

    /// <summary>
    /// Sweeps <paramref name="oldRoot"/>, whose manifest is <paramref name="owned"/>, using <paramref name="scan"/> when
    /// there is one; returns the foreign entries that could not be moved (still in it).
    /// </summary>
    public static List<(string Path, Exception Error)> Sweep(
        string oldRoot, string newRoot, OwnedFiles? owned, bool clean, ReplacedFiles replaced, TreeScan? scan = null)
    {
        var sweeper = new OldTreeSweeper(oldRoot, newRoot, owned, clean, replaced);
        if (scan is not null) sweeper.RemoveScanned(scan);
        // Without a scan, everything; with one, whatever is still at the root (new since the scan, or left by the carry).
        sweeper.SweepFolder(oldRoot, "");
        // The manifest goes last: until then it tells a resumed sweep what in the old tree was StaticBriefs' own.
        if (sweeper._stranded.Count == 0) OutputTree.Delete(Path.Combine(oldRoot, OwnedFiles.FileName));
        return sweeper._stranded;
    }

    private void RemoveScanned(TreeScan scan)
    {
        var count = 0;
        foreach (var entry in scan.Entries)
        {
            CommitSteps.Reached("swap:sweep", ++count);
            var full = Path.Join(_oldRoot, entry.Path);
            if (!entry.Own)
            {
                // Carried before the exchange (or left for its folder's second look); --clean-output removes it.
                if (_clean && !ForeignEntries.KeptByClean((entry.Path, entry.Kind))) Remove(full, OutputTree.KindOf(full));
                continue;
            }
            try
            {
                if (entry.Kind == EntryKind.Folder) Posix.RemoveFolder(full);
                else Posix.Unlink(full);
            }
            catch (IOException ex) when (ex.HResult == Posix.ENOENT)
            {
                // Removed since the scan.
            }
            catch (IOException ex) when (ex.HResult is ENotEmpty or EExist)
            {
                // Something new in this folder since the scan: look.
                SweepFolder(full, entry.Path);
                RemoveIfEmpty(full);
            }
            catch (IOException ex) when (ex.HResult is EIsDir or ENotDir)
            {
                // A file became a folder or the other way round: its own path, so it goes whatever it is.
                Remove(full, OutputTree.KindOf(full));
            }
        }
    }

    private void SweepFolder(string path, string folder)
    {
        foreach (var (name, kind) in OutputTree.Entries(path))
        {
            if (folder.Length == 0 && name is OwnedFiles.FileName) continue;
            var relative = folder.Length == 0 ? name : folder + "/" + name;
            var full = Path.Combine(path, name);
            if (_owned is not null && kind == EntryKind.Folder && _owned.HasFolder(relative))
            {
                SweepFolder(full, relative);
                RemoveIfEmpty(full);
            }
            else if (_owned is not null && (_owned.Contains(relative) || _owned.HasFolder(relative)))
            {
                Remove(full, kind);
            }
            else if (_clean && !ForeignEntries.KeptByClean((relative, kind)))
            {
                Remove(full, kind);
            }
            else
            {
                Rescue(full, relative, kind);
            }
        }
    }

    /// <summary>Moves a foreign entry into the new output; one the new site has no room for is replaced (removed, reported).</summary>
    private void Rescue(string full, string relative, EntryKind kind)
    {
        try
        {
            if (!ForeignEntries.TryMove(_oldRoot, _newRoot, relative, new CarryLog()))
            {
                _replaced.Add(relative);
                Remove(full, kind);
            }
        }
        catch (Exception ex) when (IoFailure.IsIo(ex))
        {
            _stranded.Add((relative, ex));
        }
    }

    /// <summary>Removes a folder the sweep emptied; one still holding a stranded entry stays.</summary>
    private void RemoveIfEmpty(string full)
    {
        try
        {
            Posix.RemoveFolder(full);
        }
        catch (IOException ex) when (ex.HResult is ENotEmpty or EExist && _stranded.Count > 0)
        {
            // It holds a stranded entry.
        }
    }

    private static void Remove(string full, EntryKind kind)
    {
        if (kind == EntryKind.Folder) Directory.Delete(full, recursive: true);
        else if (kind != EntryKind.Missing) Posix.Unlink(full);
    }
}
