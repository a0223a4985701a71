namespace StaticBriefs.Output;

/// <summary>
/// Commits by moving files into the output folder one by one: for cached builds (most files stay as they are) and
/// for output folders that cannot be swapped (a mount point, a link). A journal in the work folder names the files
/// to remove; it is written before the first change and removed after the last, and the manifest moves in last, so
/// after a crash the next run finishes the same moves (<see cref="Resume"/>). Whatever a move replaces is first
/// moved aside into <c>old/</c>, so a failure midway (permission denied, disk full) puts the old output back.
/// Links met on the way are moved aside as links, never followed.
/// </summary>
internal sealed class PatchCommit
{
    /// <summary>What a patch did: entries (files or whole folders) moved in, and entries moved aside.</summary>
    internal readonly record struct PatchCounts(int Placed, int MovedAside);

    private readonly string _root;
    private readonly WorkFolder _work;
    private readonly OwnedFiles? _owned;
    private readonly ReplacedFiles _replaced;
    private readonly List<string> _placed = [];
    private readonly List<string> _backedUp = [];
    private readonly List<string> _created = [];
    private readonly HashSet<string> _oldFolders = new(StringComparer.Ordinal);
    private readonly List<FolderMove> _moved = [];
    private IReadOnlyList<FolderMove> _moves = [];

    /// <summary>
    /// Output folders this commit has seen or made real folders. Under the write gate nothing else moves them, so each
    /// is looked at once: 12,000 files placed into a handful of folders were 24,000 needless looks.
    /// </summary>
    private readonly HashSet<string> _realFolders = new(StringComparer.Ordinal);

    private PatchCommit(string root, WorkFolder work, OwnedFiles? owned, ReplacedFiles replaced)
    {
        _root = root;
        _work = work;
        _owned = owned;
        _replaced = replaced;
    }

    /// <summary>
    /// Moves the staged files in and removes <paramref name="remove"/>; on failure the old output is restored and the
    /// exception rethrown. Returns how many entries moved in and how many went aside (a whole folder counts once).
    /// </summary>
    public static PatchCounts Run(
        OutputFolder output, WorkFolder work, OwnedFiles? owned, IReadOnlyList<string> remove, bool clean, ReplacedFiles replaced,
        IReadOnlyList<FolderMove>? moves = null)
    {
        moves ??= [];
        new CommitJournal(CommitJournal.Patch, work.Name, clean, remove, [], moves).Write(work.Journal);
        CommitSteps.Reached("patch:journal-written");
        var patch = new PatchCommit(output.Root, work, owned, replaced);
        using (output.Gate?.EnterWrite())
        {
            try
            {
                patch.Apply(remove, moves, resuming: false);
            }
            catch (Exception ex) when (IoFailure.IsIo(ex))
            {
                patch.Undo();
                File.Delete(work.Journal);
                throw;
            }
        }
        patch.Finish(remove, output);
        return new PatchCounts(patch._placed.Count, patch._backedUp.Count);
    }

    /// <summary>Finishes a patch a crash interrupted: the files still staged move in, the listed files go.</summary>
    public static void Resume(string outputRoot, WorkFolder work, CommitJournal journal)
    {
        var patch = new PatchCommit(outputRoot, work, OwnedFiles.Read(outputRoot), new ReplacedFiles(outputRoot));
        patch.Apply(journal.Stale, journal.Moves ?? [], resuming: true);
        patch.Finish(journal.Stale);
    }

    private void Apply(IReadOnlyList<string> remove, IReadOnlyList<FolderMove> folderMoves, bool resuming)
    {
        _moves = folderMoves;
        MoveFolders(folderMoves, resuming);
        CommitSteps.Reached("patch:folders-moved");
        // Decided before anything moves in: a folder is removed whole only where the staging tree puts nothing.
        var wholeFolders = WholeFolders(remove);
        var wholePrefixes = wholeFolders.ConvertAll(folder => folder + "/");
        var moves = 0;
        PlaceTree("", ref moves);
        var removed = 0;
        foreach (var folder in wholeFolders)
        {
            MoveAside(folder);
            CommitSteps.Reached("patch:remove", ++removed);
        }
        foreach (var file in remove)
        {
            if (wholePrefixes.Exists(prefix => file.StartsWith(prefix, StringComparison.Ordinal))) continue;
            Remove(file);
            CommitSteps.Reached("patch:remove", ++removed);
        }
        // The manifest last: until it moves in, the output's manifest still describes the old site's files.
        if (OutputTree.KindOf(Path.Combine(_work.Site, OwnedFiles.FileName)) == EntryKind.File) Place(OwnedFiles.FileName);
        CommitSteps.Reached("patch:manifest-placed");
    }

    /// <summary>
    /// Renames the folders a cached build planned to move (<see cref="FolderMove"/>), first, so the staged files of the
    /// new folder replace theirs in it. A commit resumed after a crash finds each move made or not yet begun; a fresh
    /// one finds the folders as the build checked them, or stops (and undoes) rather than move something else.
    /// </summary>
    private void MoveFolders(IReadOnlyList<FolderMove> moves, bool resuming)
    {
        foreach (var move in moves)
        {
            var from = Path.Combine(_root, move.From);
            var to = Path.Combine(_root, move.To);
            var (fromKind, toKind) = (OutputTree.KindOf(from), OutputTree.KindOf(to));
            if (resuming && fromKind == EntryKind.Missing && toKind == EntryKind.Folder) continue;
            if (fromKind != EntryKind.Folder || toKind != EntryKind.Missing)
                throw new IOException($"{move.From} was to be renamed {move.To}, and one of them changed while the site was built");
            EnsureFolders(move.To);
            Posix.Rename(from, to, noReplace: true);
            _moved.Add(move);
        }
    }

    /// <summary>
    /// Moves the staged entries of <paramref name="folder"/> in. A staged folder with nothing standing at its place in
    /// the output moves in whole, in one rename: a versioned search index is a new folder of 12,000 files after any
    /// edit, and moving them one by one was most of a one-page commit.
    /// </summary>
    private void PlaceTree(string folder, ref int moves)
    {
        foreach (var (name, kind) in OutputTree.Entries(folder.Length == 0 ? _work.Site : Path.Combine(_work.Site, folder)))
        {
            var relative = folder.Length == 0 ? name : folder + "/" + name;
            if (relative == OwnedFiles.FileName) continue;
            if (kind == EntryKind.Folder)
            {
                EnsureFolders(relative);
                if (OutputTree.KindOf(Path.Combine(_root, relative)) != EntryKind.Missing)
                {
                    PlaceTree(relative, ref moves);
                    continue;
                }
                Posix.Rename(Path.Combine(_work.Site, relative), Path.Combine(_root, relative));
                _placed.Add(relative);
            }
            else Place(relative);
            CommitSteps.Reached("patch:move", ++moves);
        }
    }

    /// <summary>
    /// Folders of the old output to move aside whole rather than file by file: every file below them is to go (as many
    /// as the manifest says the output had there, and nothing else found there on a look), and the staging tree puts
    /// nothing into them. The outermost such folders; none without a manifest to count by.
    /// </summary>
    private List<string> WholeFolders(IReadOnlyList<string> remove)
    {
        if (_owned is null || remove.Count < 2) return [];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        // Each folder on each file's way, looked up as a slice of its path: a new search index version removes the last
        // one's 11,000 files, four or five folders each, and making a string for every look-up made 50,000 of them.
        var byName = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var file in remove)
        {
            for (var cut = file.IndexOf('/'); cut > 0; cut = file.IndexOf('/', cut + 1))
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(byName, file.AsSpan(0, cut), out _)++;
        }
        HashSet<string>? removing = null;
        var whole = new List<string>();
        foreach (var (folder, count) in counts.OrderBy(p => p.Key.Count(c => c == '/')).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            if (count < 2 || _owned.CountUnder(folder) != count) continue;
            if (whole.Exists(w => folder.StartsWith(w + "/", StringComparison.Ordinal))) continue;
            if (OutputTree.KindOf(Path.Combine(_work.Site, folder)) != EntryKind.Missing) continue;
            removing ??= new HashSet<string>(remove, StringComparer.Ordinal);
            if (HoldsOnly(folder, removing)) whole.Add(folder);
        }
        return whole;
    }

    /// <summary>
    /// True when <paramref name="folder"/> and every folder on its way are real folders and everything below it is a
    /// plain file named in <paramref name="removing"/> (a link or a file not to remove keeps it from going whole).
    /// </summary>
    private bool HoldsOnly(string folder, HashSet<string> removing) => OutputTree.HoldsOnly(_root, folder, removing.Contains);

    /// <summary>
    /// Tidies up after the moves. The work folder (the replaced files moved aside, as many as the files placed) is handed
    /// to <paramref name="output"/> to remove after the build has returned, when there is one; else removed here.
    /// </summary>
    private void Finish(IReadOnlyList<string> remove, OutputFolder? output = null)
    {
        try
        {
            // Before the journal goes: a resumed patch tidies the same folders. An entry moved aside to make way for a
            // placed file or a created folder leaves its folders holding that one: only the others can empty a folder.
            var standing = new HashSet<string>(_placed.Concat(_created), StringComparer.Ordinal);
            RemoveEmptyFolders(remove.Concat(_backedUp.Where(b => !standing.Contains(b))));
        }
        catch (Exception ex) when (IoFailure.IsIo(ex))
        {
            // The new site is in place; an empty folder left behind is harmless.
        }
        CommitSteps.Reached("patch:folders-tidied");
        File.Delete(_work.Journal);
        CommitSteps.Reached("patch:journal-removed");
        if (output is not null)
        {
            output.Retire(_work);
            return;
        }
        try
        {
            _work.Delete();
        }
        catch (Exception ex) when (IoFailure.IsIo(ex))
        {
            // It carries its marker: the next build removes it.
        }
    }

    private void Place(string relative)
    {
        EnsureFolders(relative);
        var target = Path.Combine(_root, relative);
        var kind = OutputTree.KindOf(target);
        if (kind != EntryKind.Missing)
        {
            if (IsForeign(relative)) _replaced.Add(relative);
            MoveAside(relative);
        }
        Posix.Rename(Path.Combine(_work.Site, relative), target);
        _placed.Add(relative);
    }

    /// <summary>
    /// True when what stands at <paramref name="relative"/> is not StaticBriefs' own (no manifest: nothing is). Below a
    /// moved folder, what stands there is what stood under its old name.
    /// </summary>
    private bool IsForeign(string relative)
    {
        foreach (var move in _moves) relative = move.Before(relative);
        return relative != OwnedFiles.FileName && (_owned is null || (!_owned.Contains(relative) && !_owned.HasFolder(relative)));
    }

    /// <summary>Removes an entry of the old output, unless something on its way is not a real folder (then it is not there).</summary>
    private void Remove(string relative)
    {
        for (var cut = relative.IndexOf('/'); cut > 0; cut = relative.IndexOf('/', cut + 1))
        {
            // A folder seen real stays so under the write gate (one moved aside takes what is under it along, which is
            // then missing below): an old search index's 12,000 files were 36,000 looks at the same three folders.
            var folder = relative[..cut];
            if (_realFolders.Contains(folder)) continue;
            if (OutputTree.KindOf(Path.Combine(_root, folder)) != EntryKind.Folder) return;
            _realFolders.Add(folder);
        }
        // Whatever stands there now: its own path (or, with --clean-output, a foreign entry), removed as it is.
        if (OutputTree.KindOf(Path.Combine(_root, relative)) != EntryKind.Missing) MoveAside(relative);
    }

    /// <summary>Makes every folder on the way a real folder; a file or link in the way is moved aside.</summary>
    private void EnsureFolders(string relative)
    {
        for (var cut = relative.IndexOf('/'); cut > 0; cut = relative.IndexOf('/', cut + 1))
        {
            var folder = relative[..cut];
            if (_realFolders.Contains(folder)) continue;
            var path = Path.Combine(_root, folder);
            var kind = OutputTree.KindOf(path);
            _realFolders.Add(folder);
            if (kind == EntryKind.Folder) continue;
            if (kind != EntryKind.Missing)
            {
                if (IsForeign(folder)) _replaced.Add(folder);
                MoveAside(folder);
            }
            Directory.CreateDirectory(path);
            _created.Add(folder);
        }
    }

    /// <summary>Moves an entry of the output (file, link or folder) into <c>old/</c>, where undo finds it.</summary>
    private void MoveAside(string relative)
    {
        var aside = Path.Combine(_work.Old, relative);
        var folder = Path.GetDirectoryName(aside)!;
        if (_oldFolders.Add(folder)) Directory.CreateDirectory(folder);
        Posix.Rename(Path.Combine(_root, relative), aside);
        _backedUp.Add(relative);
    }

    /// <summary>Puts the old output back: placed files return to the staging tree, moved-aside entries to their places.</summary>
    private void Undo()
    {
        for (var i = _placed.Count - 1; i >= 0; i--)
        {
            var relative = _placed[i];
            Posix.Rename(Path.Combine(_root, relative), Path.Combine(_work.Site, relative));
        }
        for (var i = _backedUp.Count - 1; i >= 0; i--)
        {
            var relative = _backedUp[i];
            var target = Path.Combine(_root, relative);
            // A folder made for the new site may stand where an old file was; it is empty again by now.
            if (OutputTree.KindOf(target) == EntryKind.Folder && OutputTree.IsEmpty(target)) Directory.Delete(target);
            Posix.Rename(Path.Combine(_work.Old, relative), target);
        }
        // Once everything placed in a moved folder went back out, and what it held came back in: its old name again.
        for (var i = _moved.Count - 1; i >= 0; i--) Posix.Rename(Path.Combine(_root, _moved[i].To), Path.Combine(_root, _moved[i].From), noReplace: true);
        for (var i = _created.Count - 1; i >= 0; i--)
        {
            var path = Path.Combine(_root, _created[i]);
            if (OutputTree.KindOf(path) == EntryKind.Folder && OutputTree.IsEmpty(path)) Directory.Delete(path);
        }
    }

    /// <summary>
    /// Removes folders left empty by removed files: only their ancestors can have become empty, and opening every
    /// folder of a 17,000-page site took most of a one-page rebuild's commit. Deepest first, so a folder whose
    /// subfolders all went (an old search version's <c>facets/</c>) is seen empty in its turn.
    /// </summary>
    private void RemoveEmptyFolders(IEnumerable<string> removedFiles)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in removedFiles)
        {
            for (var cut = file.LastIndexOf('/'); cut > 0 && folders.Add(file[..cut]); cut = file.LastIndexOf('/', cut - 1))
            {
            }
        }
        foreach (var folder in folders.OrderByDescending(f => f.Count(c => c == '/')).ThenBy(f => f, StringComparer.Ordinal))
        {
            var path = Path.Combine(_root, folder);
            if (OutputTree.KindOf(path) == EntryKind.Folder && OutputTree.IsEmpty(path)) Directory.Delete(path);
        }
    }
}
