using System.Collections.Concurrent;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Output;

/// <summary>
/// An output folder held for building, and its one committer. <see cref="Open"/> checks the location
/// (<see cref="OutputGuard"/>), takes the lock (<see cref="OutputLock"/>), finishes or discards what an interrupted
/// build left (journal, work folders) and reads the manifest of the files StaticBriefs owns there, refusing a
/// non-empty folder that has none unless forced. <see cref="Commit"/> then applies a staging tree: a swap of whole
/// trees when the staging holds the whole site and the folder can be renamed, a journaled patch otherwise.
/// </summary>
internal sealed class OutputFolder : IDisposable
{
    private readonly OutputRequest _request;
    private readonly bool _created;
    private readonly bool _swappable;
    private readonly ConcurrentDictionary<string, bool> _realFolders = new(StringComparer.Ordinal);
    // Parents (relative, ending in '/'; "" for the root) whose folders were noted from one listing.
    private readonly ConcurrentDictionary<string, byte> _listedParents = new(StringComparer.Ordinal);
    private Task<TreeScan>? _scan;
    private bool _committed;

    private OutputFolder(OutputRequest request, string root, OutputLock held, bool created)
    {
        _request = request;
        Root = root;
        DisplayPath = Path.TrimEndingDirectorySeparator(request.Directory);
        Lock = held;
        _created = created;
        // A link or a mount point cannot be swapped: the link would become a folder, the mount point cannot move.
        var given = Path.TrimEndingDirectorySeparator(Path.GetFullPath(request.Directory));
        _swappable = OutputTree.KindOf(given) == EntryKind.Folder && !OutputTree.IsMountPoint(root);
        Gate = request.WithGate ? new CommitGate() : null;
    }

    /// <summary>The folder's real path (links resolved).</summary>
    public string Root { get; }

    /// <summary>The folder as the user named it, for messages.</summary>
    public string DisplayPath { get; }

    /// <summary>Readers wait here while a commit moves files (preview), or null.</summary>
    public CommitGate? Gate { get; }

    internal OutputLock Lock { get; }

    /// <summary>The files StaticBriefs owns in the folder now, or null when it has no manifest.</summary>
    internal OwnedFiles? Owned { get; private set; }

    /// <summary>
    /// Opens the folder for a build, or returns null with the reason in <paramref name="diagnostics"/>;
    /// <paramref name="refused"/> is then true for a refusal (exit 2) and false for an I/O failure (exit 1).
    /// </summary>
    public static OutputFolder? Open(OutputRequest request, DiagnosticBag diagnostics, out bool refused)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(diagnostics);
        refused = true;
        if (OutputGuard.Check(request.Directory, request.Guarded) is { } unsafeLocation)
        {
            diagnostics.Add(unsafeLocation);
            return null;
        }
        var display = Path.TrimEndingDirectorySeparator(request.Directory);
        var root = RealPaths.Of(request.Directory);
        var created = OutputTree.KindOf(root) == EntryKind.Missing;
        OutputLock? held;
        try
        {
            held = OutputLock.Acquire(root, request.LockTimeout, request.OnWait);
        }
        catch (Exception ex) when (IoFailure.IsIo(ex))
        {
            refused = false;
            diagnostics.Add(IoFailure.Error(display, "cannot create or open the output folder", ex));
            return null;
        }
        if (held is null)
        {
            diagnostics.Error(display, 0, DiagnosticCodes.OutputLocked, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"another StaticBriefs build or preview is writing this output folder (waited {request.LockTimeout.TotalSeconds:F0} s); let it finish or stop it, or build into another --output. Nothing was read or written"));
            return null;
        }
        var folder = new OutputFolder(request, root, held, created);
        try
        {
            OutputRecovery.Run(folder, diagnostics);
            folder.Owned = OwnedFiles.Read(root);
        }
        catch (Exception ex) when (IoFailure.IsIo(ex))
        {
            folder.Dispose();
            refused = false;
            diagnostics.Add(IoFailure.Error(display, "cannot finish the commit an interrupted build left in the output folder (it is retried by the next build)", ex));
            return null;
        }
        if (folder.Owned is null && !request.Force && folder.ForeignEntryNames() is { Count: > 0 } names)
        {
            folder.Dispose();
            diagnostics.Error(display, 0, DiagnosticCodes.OutputNotOwned,
                $"this folder is not empty ({string.Join(", ", names)}) and has no {OwnedFiles.FileName}, so StaticBriefs did not write it "
                + "and will not replace its files. Pass --force to build into it and keep them (generated files replace files of the same name), "
                + "or --force --clean-output to remove everything StaticBriefs does not write except folders starting with '.' such as .git. "
                + "Nothing was read or written");
            return null;
        }
        refused = false;
        return folder;
    }

    /// <summary>
    /// Removes a finished commit's work folder on another thread, so the build returns (and preview serves the new
    /// site) without waiting: after a patch it holds every replaced file, 12,000 of them when a preview edit renumbers
    /// the search index. The folder carries its marker and no journal, so if the process ends first, the next build
    /// to open this output removes it. The next staging tree and <see cref="Dispose"/> wait for it.
    /// </summary>
    internal void Retire(WorkFolder work)
    {
        var before = _retiring;
        _retiring = Task.Run(() =>
        {
            before.Wait();
            try
            {
                work.Delete();
            }
            catch (Exception ex) when (IoFailure.IsIo(ex))
            {
                // It carries its marker: the next build removes it.
            }
        });
    }

    private Task _retiring = Task.CompletedTask;

    /// <summary>Waits until the work folders of earlier commits are gone (their removal never fails the build).</summary>
    private void AwaitRetired() => _retiring.Wait();

    /// <summary>A new staging tree for this folder's next commit; null (with an SB023 error) when none can be made.</summary>
    public StagingOutput? CreateStaging(DiagnosticBag diagnostics, WorkMeter? meter = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        AwaitRetired();
        try
        {
            return new StagingOutput(WorkFolder.Create(Root, inside: !_swappable), DisplayPath, diagnostics, meter);
        }
        catch (Exception ex) when (IoFailure.IsIo(ex) && _swappable)
        {
            // The folder above the output is not ours to write (read-only, someone else's): stage inside instead.
            try
            {
                return new StagingOutput(WorkFolder.Create(Root, inside: true), DisplayPath, diagnostics, meter);
            }
            catch (Exception inner) when (IoFailure.IsIo(inner))
            {
                diagnostics.Add(IoFailure.Error(DisplayPath, "cannot create a staging folder for the build", inner));
                return null;
            }
        }
        catch (Exception ex) when (IoFailure.IsIo(ex))
        {
            diagnostics.Add(IoFailure.Error(DisplayPath, "cannot create a staging folder for the build", ex));
            return null;
        }
    }

    /// <summary>
    /// Makes the staged files the output. <paramref name="kept"/> names files of the current output that stay as they
    /// are (a cached build); without any, the staging holds the whole site. Files StaticBriefs wrote before and the new
    /// site lacks are removed; files it did not write are kept (or, with <c>--clean-output</c>, removed but for folders
    /// starting with '.'). False, with an SB023 error and the old output in place, when the file system refuses.
    /// </summary>
    public bool Commit(StagingOutput staging, IReadOnlyCollection<string>? kept, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(staging);
        // Files a folder move would bring are in no tree a whole commit takes.
        if (staging.Moves.Count > 0) throw new InvalidOperationException("A staging tree with folder moves commits through CommitChanges.");
        var staged = staging.Files;
        if (kept is null || kept.Count == 0) return Apply(staging, new OwnedFiles(staged), whole: true, sameFiles: false, diagnostics);
        // A cached build that changed only pages keeps the same files: the manifest stays as it is, nothing is removed.
        var sameFiles = Owned is not null && staged.Count + kept.Count == Owned.Count && staged.All(Owned.Contains) && kept.All(Owned.Contains);
        return Apply(staging, sameFiles ? Owned! : new OwnedFiles(staged.Union(kept, StringComparer.Ordinal)), whole: false, sameFiles, diagnostics);
    }

    /// <summary>What the last commit that patched the folder did (see <see cref="PatchCommit.PatchCounts"/>).</summary>
    internal PatchCommit.PatchCounts LastPatch { get; private set; }

    /// <summary>
    /// Commits a partial rebuild: the staged files replace theirs, <paramref name="removed"/> go, and every other file
    /// the folder holds stays as it is, without a look at the 27,000 of them (preview's one-page rebuilds). The list
    /// of owned files changes in place by the few that come and go, and its manifest is written from the sorted
    /// list and that change, so the commit's cost follows the size of the edit, not of the site.
    /// </summary>
    /// <param name="staging">The staged files.</param>
    /// <param name="removed">Owned files the new site no longer makes.</param>
    /// <param name="diagnostics">Where a refused commit is reported.</param>
    /// <param name="cleanForeign">
    /// With --clean-output, also remove foreign entries (a walk of the whole folder); false leaves them to the next
    /// whole commit.
    /// </param>
    public bool CommitChanges(StagingOutput staging, IReadOnlyCollection<string> removed, DiagnosticBag diagnostics, bool cleanForeign = true)
    {
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(removed);
        ArgumentNullException.ThrowIfNull(diagnostics);
        // An early scan a failed build left running reads the owned files, which are about to change in place.
        DiscardScan();
        var moves = staging.Moves;
        if (moves.Count > 0 && Owned is null) throw new InvalidOperationException("A folder move needs the list of owned files (see CanMove).");
        var owned = Owned ?? new OwnedFiles([]);
        var change = owned.Change(gone: removed.Where(f => !staging.Holds(f)),
            added: moves.Count == 0 ? staging.Files : staging.Files.Concat(staging.Carried));
        var replaced = new ReplacedFiles(DisplayPath);
        var work = staging.Work;
        try
        {
            if (!change.IsEmpty) OwnedFiles.WriteSorted(Path.Combine(work.Site, OwnedFiles.FileName), change.After());
            var clean = cleanForeign && _request.CleanOutput;
            var removals = change.IsEmpty && !clean ? [] : Removals(change, clean);
            if (moves.Count > 0) removals = AfterMoves(removals, moves, owned, staging);
            LastPatch = PatchCommit.Run(this, work, Owned, removals, clean, replaced, moves);
        }
        catch (Exception ex) when (IoFailure.IsIo(ex))
        {
            diagnostics.Add(IoFailure.Error(Where(ex, work), "cannot replace the output folder's files; the previous output is untouched", ex));
            return false;
        }
        staging.Committed = true;
        if (!change.IsEmpty)
        {
            owned.Apply(change);
            Owned = owned;
        }
        _committed = true;
        replaced.Report(diagnostics);
        return true;
    }

    private bool Apply(StagingOutput staging, OwnedFiles next, bool whole, bool sameFiles, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var replaced = new ReplacedFiles(DisplayPath);
        var work = staging.Work;
        try
        {
            if (!sameFiles) next.Write(Path.Combine(work.Site, OwnedFiles.FileName));
            var swapped = false;
            if (whole && !work.Inside)
            {
                swapped = SwapCommit.Run(this, work, TakeScan(), _request.CleanOutput, replaced, diagnostics) == SwapCommit.Outcome.Done;
                // The folder could not be renamed after all (a mount point /proc did not show): patch from inside it.
                if (!swapped) work = MoveInside(work);
            }
            if (!swapped)
            {
                var removals = sameFiles && !_request.CleanOutput ? [] : Removals(next);
                LastPatch = PatchCommit.Run(this, work, Owned, removals, _request.CleanOutput, replaced);
            }
        }
        catch (Exception ex) when (IoFailure.IsIo(ex))
        {
            diagnostics.Add(IoFailure.Error(Where(ex, work), "cannot replace the output folder's files; the previous output is untouched", ex));
            if (work != staging.Work) TryDelete(work);
            return false;
        }
        staging.Committed = true;
        Owned = next;
        _committed = true;
        replaced.Report(diagnostics);
        return true;
    }

    /// <summary>
    /// Starts walking the output folder while the build renders, for a swap: it finds the files StaticBriefs did not
    /// write (to carry into the new tree) and lists its own (to remove the old tree without reading its folders
    /// again). Walking 17,000 folders costs a few hundred milliseconds that would otherwise add to the commit. Only
    /// worth it when the whole site will be staged (no previous build to keep files from).
    /// </summary>
    internal void StartScan()
    {
        if (!_swappable) return;
        // A scan a failed build never used may be out of date: a new one replaces it.
        var owned = Owned;
        _scan = Task.Run(() => TreeScan.Of(Root, owned));
    }

    /// <summary>The early scan's result, or a scan now.</summary>
    private TreeScan TakeScan()
    {
        var scan = _scan;
        _scan = null;
        return scan is null ? TreeScan.Of(Root, Owned) : scan.GetAwaiter().GetResult();
    }

    /// <summary>True when every folder on the way to <paramref name="relative"/> is a real folder (no link to follow).</summary>
    internal bool IsLinkFree(string relative)
    {
        // A folder is entered below only once every folder above it was seen real, so a known parent answers for the
        // whole way: one look-up without a new string, where a check of 39,000 files made 120,000 of them.
        var last = relative.LastIndexOf('/');
        if (last <= 0) return true;
        if (_realFolders.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(relative.AsSpan(0, last), out var real)) return real;
        for (var cut = relative.IndexOf('/'); cut > 0; cut = relative.IndexOf('/', cut + 1))
        {
            if (!IsRealFolder(relative[..cut])) return false;
        }
        return true;
    }

    /// <summary>
    /// True when <paramref name="folder"/> (whose parent is a real folder) is a real folder. The first look into a
    /// parent lists it and notes the kind of every folder and link there: a 10,000-brief site keeps 17,000 folders
    /// in a few dozen parents, and a look at each one was a system call of its own.
    /// </summary>
    private bool IsRealFolder(string folder)
    {
        if (_realFolders.TryGetValue(folder, out var real)) return real;
        var slash = folder.LastIndexOf('/');
        var parent = slash < 0 ? "" : folder[..(slash + 1)];
        if (_listedParents.TryAdd(parent, 0) && ListOrNull(Path.Combine(Root, parent)) is { } entries)
        {
            foreach (var (name, kind) in entries)
            {
                if (kind is FileSystem.FileKind.Directory or FileSystem.FileKind.SymbolicLink)
                    _realFolders.TryAdd(parent + name, kind == FileSystem.FileKind.Directory);
            }
        }
        return _realFolders.GetOrAdd(folder, f => OutputTree.KindOf(Path.Combine(Root, f)) == EntryKind.Folder);

        // A listing that fails part way (an I/O error) leaves each folder to its own look.
        static List<(string Name, FileSystem.FileKind Kind)>? ListOrNull(string path)
        {
            try
            {
                return FileSystem.FolderListing.Of(path);
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    /// <summary>Releases the lock; an output folder this build created and never filled is removed first.</summary>
    public void Dispose()
    {
        AwaitRetired();
        try
        {
            if (_created && !_committed && OutputTree.KindOf(Root) == EntryKind.Folder && OutputTree.IsEmpty(Root)) Directory.Delete(Root);
        }
        catch (Exception ex) when (IoFailure.IsIo(ex))
        {
            // An empty folder left behind is harmless.
        }
        Lock.Dispose();
        Gate?.Dispose();
    }

    /// <summary>
    /// What a patch removes: files StaticBriefs wrote that the new site lacks, and with --clean-output foreign entries;
    /// never a path the new site uses, as a file or as a folder on the way to one (the patch moves files in first).
    /// </summary>
    private List<string> Removals(OwnedFiles next)
    {
        var removals = Owned is null ? [] : Owned.Files.Where(f => !next.Contains(f) && !next.HasFolder(f)).ToList();
        if (_request.CleanOutput) removals.AddRange(ForeignToClean(Owned is null ? next : new OwnershipUnion(Owned, next)));
        return removals;
    }

    /// <summary>The same for a partial commit, from the files it removes rather than from every owned file.</summary>
    private List<string> Removals(OwnedFilesChange change, bool clean)
    {
        var removals = change.Gone.Where(f => !change.HasFolderAfter(f)).ToList();
        if (clean) removals.AddRange(ForeignToClean(change.Either));
        return removals;
    }

    /// <summary>
    /// True when <paramref name="move"/> can be planned for the next partial commit: the list of owned files is known,
    /// <see cref="FolderMove.From"/> is a real folder on a way of real folders holding nothing but files StaticBriefs
    /// wrote (no link, nothing of anyone else's, which must stay where it is), and <see cref="FolderMove.To"/> is missing.
    /// </summary>
    internal bool CanMove(FolderMove move)
    {
        ArgumentNullException.ThrowIfNull(move);
        if (Owned is not { } owned || !move.IsSafe || OutputTree.KindOf(Path.Combine(Root, move.To)) != EntryKind.Missing) return false;
        try
        {
            return OutputTree.HoldsOnly(Root, move.From, owned.Contains);
        }
        catch (Exception ex) when (IoFailure.IsIo(ex))
        {
            // A folder that cannot be listed is left where it is; the files are linked instead.
            return false;
        }
    }

    /// <summary>
    /// A patch's removals once <paramref name="moves"/> are made: files below a moved folder travel with it rather than
    /// go, and those of its files the new site does not make (neither staged nor carried under the new name) go from
    /// their new place.
    /// </summary>
    private static List<string> AfterMoves(List<string> removals, IReadOnlyList<FolderMove> moves, OwnedFiles owned, StagingOutput staging)
    {
        var after = removals.Where(f => !moves.Any(m => m.Moves(f))).ToList();
        foreach (var move in moves)
        {
            var prefix = move.From + "/";
            var sorted = owned.Sorted;
            for (var i = OwnedFiles.LowerBound(sorted, prefix); i < sorted.Length && sorted[i].StartsWith(prefix, StringComparison.Ordinal); i++)
            {
                var moved = move.To + sorted[i][move.From.Length..];
                if (!staging.Holds(moved) && !staging.Carries(moved)) after.Add(moved);
            }
        }
        return after;
    }

    /// <summary>
    /// With --clean-output, the foreign entries to remove: everything neither the old nor the new site owns but folders
    /// starting with '.'. A walk of the whole folder, since anyone may have put a file anywhere since the last commit.
    /// </summary>
    private IEnumerable<string> ForeignToClean(IOwnership either) =>
        TreeScan.Of(Root, either).Entries.Where(e => !e.Own && !ForeignEntries.KeptByClean((e.Path, e.Kind))).Select(e => e.Path);

    /// <summary>Waits for an early scan nobody took and drops it.</summary>
    private void DiscardScan()
    {
        var scan = _scan;
        _scan = null;
        try
        {
            scan?.Wait();
        }
        catch (AggregateException)
        {
            // A scan that failed was never going to be used.
        }
    }

    /// <summary>The swap was impossible after all (an unnoticed mount point): the staged files are copied into a work folder inside.</summary>
    private WorkFolder MoveInside(WorkFolder beside)
    {
        var inside = WorkFolder.Create(Root, inside: true);
        foreach (var file in OutputTree.Files(beside.Site))
        {
            var target = Path.Combine(inside.Site, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(beside.Site, file), target);
        }
        TryDelete(beside);
        return inside;
    }

    /// <summary>The file a failed commit step was about, as the user names it (<c>output/briefs/x/index.html</c>).</summary>
    private string Where(Exception ex, WorkFolder work)
    {
        if (ex is not FileOperationException { Paths: [var path, ..] }) return DisplayPath;
        foreach (var root in new[] { work.Site, work.Old, Root })
        {
            if (path.StartsWith(root + "/", StringComparison.Ordinal)) return DisplayPath + "/" + path[(root.Length + 1)..];
        }
        return path == Root ? DisplayPath : path;
    }

    /// <summary>Up to three names of entries StaticBriefs did not make, for the refusal message.</summary>
    private List<string> ForeignEntryNames() =>
        [.. OutputTree.Entries(Root).Select(e => e.Name).Where(n => !ForeignEntries.IsReserved(n)).Order(StringComparer.Ordinal).Take(3)];

    private static void TryDelete(WorkFolder work)
    {
        try
        {
            work.Delete();
        }
        catch (Exception ex) when (IoFailure.IsIo(ex))
        {
            // It carries its marker: the next build removes it.
        }
    }
}
