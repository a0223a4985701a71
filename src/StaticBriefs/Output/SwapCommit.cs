using StaticBriefs.Diagnostics;

namespace StaticBriefs.Output;

/// <summary>
/// Commits a complete staging tree by swapping it with the output folder: one <c>renameat2(RENAME_EXCHANGE)</c>, so
/// the output path names the old site or the new one at every instant (two renames where the file system cannot
/// exchange). First the entries StaticBriefs did not write (found while the build rendered) move into the new tree,
/// so a failure there leaves the old output as it was; after the exchange the old tree is swept, and anything foreign
/// that appeared meanwhile moves over too. The journal travels inside the new tree: found at the output's root it
/// says the exchange happened, found in the work folder it says it did not.
/// </summary>
internal static class SwapCommit
{
    /// <summary>How a swap ended.</summary>
    public enum Outcome
    {
        Done,

        /// <summary>The output folder cannot be renamed (a mount point, or another device): patch it instead.</summary>
        NotPossible,
    }

    /// <summary>
    /// Swaps <paramref name="work"/>'s site in, carrying the foreign entries <paramref name="scan"/> found over first.
    /// Throws an I/O exception after putting the old output back when that fails.
    /// </summary>
    public static Outcome Run(OutputFolder output, WorkFolder work, TreeScan scan, bool clean, ReplacedFiles replaced, DiagnosticBag diagnostics)
    {
        var foreign = scan.Foreign(keptOnly: clean);
        var journalPath = Path.Combine(work.Site, CommitJournal.InTreeName);
        new CommitJournal(CommitJournal.Swap, work.Name, clean, [], foreign).Write(journalPath);
        CommitSteps.Reached("swap:journal-written");
        var carried = new CarryLog();
        try
        {
            ForeignEntries.Carry(output.Root, work.Site, foreign, carried);
            CommitSteps.Reached("swap:carried");
            // Whoever opens the output path after the exchange must find it locked too.
            output.Lock.AlsoHold(work.Site);
            int errno;
            using (output.Gate?.EnterWrite())
            {
                errno = Exchange(output.Root, work);
            }
            if (errno is Posix.EBUSY or Posix.EXDEV)
            {
                Undo(output.Root, work, carried, journalPath);
                return Outcome.NotPossible;
            }
            if (errno != 0) throw new FileOperationException($"cannot replace the output folder: {Posix.Describe(errno)}", errno, [output.Root]);
        }
        catch (Exception ex) when (IoFailure.IsIo(ex))
        {
            Undo(output.Root, work, carried, journalPath);
            throw;
        }
        CommitSteps.Reached("swap:exchanged");
        Finish(output.Root, work, output.Owned, clean, replaced, diagnostics, scan);
        return Outcome.Done;
    }

    /// <summary>Finishes a swap a crash interrupted after its exchange (the journal is at the output's root).</summary>
    public static void Resume(string outputRoot, CommitJournal journal, DiagnosticBag diagnostics)
    {
        if (WorkFolder.Named(outputRoot, journal.Work) is { } work) Finish(outputRoot, work, null, journal.Clean, new ReplacedFiles(outputRoot), diagnostics);
        else File.Delete(Path.Combine(outputRoot, CommitJournal.InTreeName));
    }

    /// <summary>
    /// Undoes a swap a crash interrupted before its exchange: carried entries go back, and an output the two-rename
    /// fallback had moved to <c>old/</c> comes back.
    /// </summary>
    public static void RollBack(OutputFolder output, WorkFolder work, CommitJournal journal)
    {
        if (OutputTree.KindOf(work.Old) == EntryKind.Folder)
        {
            output.Lock.AlsoHold(work.Old);
            if (OutputTree.KindOf(output.Root) == EntryKind.Folder && OutputTree.IsEmpty(output.Root)) Directory.Delete(output.Root);
            Posix.Rename(work.Old, output.Root, noReplace: true);
        }
        var back = new CarryLog();
        back.Moved.AddRange(journal.Carried.Where(e =>
            OutputTree.KindOf(Path.Combine(work.Site, e)) != EntryKind.Missing && OutputTree.KindOf(Path.Combine(output.Root, e)) == EntryKind.Missing));
        ForeignEntries.Undo(output.Root, work.Site, back);
        work.Delete();
    }

    /// <summary>Tries again to move back what a sweep could not (a <c>stranded</c> journal); the folder goes once it is empty of them.</summary>
    public static void Rescue(string outputRoot, WorkFolder work, CommitJournal journal, DiagnosticBag diagnostics)
    {
        File.Delete(work.Journal);
        Finish(outputRoot, work, null, journal.Clean, new ReplacedFiles(outputRoot), diagnostics);
    }

    /// <summary>Sweeps the old tree, then removes the journal and the work folder; what cannot be moved back is kept and reported.</summary>
    private static void Finish(
        string outputRoot, WorkFolder work, OwnedFiles? owned, bool clean, ReplacedFiles replaced, DiagnosticBag diagnostics, TreeScan? scan = null)
    {
        var oldTree = OutputTree.KindOf(work.Old) == EntryKind.Folder ? work.Old : work.Site;
        var stranded = OutputTree.KindOf(oldTree) == EntryKind.Folder
            ? OldTreeSweeper.Sweep(oldTree, outputRoot, owned ?? OwnedFiles.Read(oldTree), clean, replaced, scan)
            : [];
        CommitSteps.Reached("swap:swept");
        if (stranded.Count > 0)
        {
            // Kept, never deleted: the journal stops the next build from taking the folder for a leftover.
            new CommitJournal(CommitJournal.Stranded, work.Name, clean, [], []).Write(work.Journal);
            foreach (var (path, error) in stranded)
            {
                diagnostics.Add(IoFailure.Warning(outputRoot + "/" + path,
                    $"this file (not written by StaticBriefs) appeared during the build and could not be moved into the new output; it is kept in {Path.Combine(oldTree, path)} and the next build tries again", error));
            }
        }
        var rootJournal = Path.Combine(outputRoot, CommitJournal.InTreeName);
        if (File.Exists(rootJournal)) File.Delete(rootJournal);
        CommitSteps.Reached("swap:journal-removed");
        if (stranded.Count > 0) return;
        try
        {
            work.Delete();
        }
        catch (Exception ex) when (IoFailure.IsIo(ex))
        {
            // The new site is in place; the old tree carries its marker and the next build removes it.
        }
    }

    private static void Undo(string outputRoot, WorkFolder work, CarryLog carried, string journalPath)
    {
        ForeignEntries.Undo(outputRoot, work.Site, carried);
        File.Delete(journalPath);
    }

    /// <summary>Exchanges the output with the staging tree; 0 or an errno.</summary>
    private static int Exchange(string outputRoot, WorkFolder work)
    {
        var errno = Posix.Exchange(outputRoot, work.Site);
        if (errno is not (Posix.EINVAL or Posix.ENOSYS or Posix.ENOTSUP)) return errno;
        // No exchange on this file system: two renames, with a moment where the output path does not exist.
        try
        {
            Posix.Rename(outputRoot, work.Old, noReplace: true);
            CommitSteps.Reached("swap:old-moved-aside");
            Posix.Rename(work.Site, outputRoot, noReplace: true);
            return 0;
        }
        catch (IOException ex)
        {
            if (OutputTree.KindOf(outputRoot) == EntryKind.Missing && OutputTree.KindOf(work.Old) == EntryKind.Folder)
                Posix.Rename(work.Old, outputRoot, noReplace: true);
            return ex.HResult;
        }
    }
}
