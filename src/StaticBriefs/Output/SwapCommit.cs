namespace StaticBriefs.Output;

/// <summary>
/// Commits a complete staging tree by swapping it with the output folder: one <c>renameat2(RENAME_EXCHANGE)</c>, so
/// the output path names the old site or the new one at every instant (two renames where the file system cannot
/// exchange). The files StaticBriefs did not write are then carried from the old tree into the new one, and the old
/// tree is removed. The journal travels inside the new tree: found at the output's root, it says the exchange
/// happened and the carry may be unfinished; found in the work folder, it says nothing happened yet.
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

    /// <summary>Swaps <paramref name="work"/>'s site in. Throws an I/O exception after restoring the old output when it fails.</summary>
    public static Outcome Run(OutputFolder output, WorkFolder work, OwnedFiles? owned, bool clean, ReplacedFiles replaced)
    {
        var journalPath = Path.Combine(work.Site, CommitJournal.InTreeName);
        new CommitJournal(CommitJournal.Swap, work.Name, clean, []).Write(journalPath);
        CommitSteps.Reached("swap:journal-written");
        // Whoever opens the output path after the exchange must find it locked too.
        output.Lock.AlsoHold(work.Site);
        int errno;
        using (output.Gate?.EnterWrite())
        {
            errno = Exchange(output.Root, work);
        }
        if (errno is Posix.EBUSY or Posix.EXDEV)
        {
            File.Delete(journalPath);
            return Outcome.NotPossible;
        }
        if (errno != 0)
        {
            File.Delete(journalPath);
            throw new IOException($"cannot replace the output folder: {Posix.Describe(errno)}", errno);
        }
        CommitSteps.Reached("swap:exchanged");

        var oldTree = OldTree(work);
        var carried = new CarryLog();
        try
        {
            ForeignEntries.Carry(oldTree, output.Root, ForeignEntries.ToCarry(oldTree, owned, clean), carried, replaced);
            CommitSteps.Reached("swap:carried");
        }
        catch (Exception ex) when (IoFailure.IsIo(ex))
        {
            // Put everything back as it was: the foreign entries into the old tree, the old tree at the output path.
            ForeignEntries.Undo(oldTree, output.Root, carried);
            using (output.Gate?.EnterWrite()) SwapBack(output.Root, work, oldTree);
            File.Delete(journalPath);
            throw;
        }
        Finish(output.Root, work);
        return Outcome.Done;
    }

    /// <summary>
    /// Finishes a swap a crash interrupted after its exchange (the journal is at the output's root): carries what is
    /// still in the old tree, then removes the journal and the work folder.
    /// </summary>
    public static void Resume(string outputRoot, CommitJournal journal)
    {
        if (WorkFolder.Named(outputRoot, journal.Work) is { } work)
        {
            foreach (var oldTree in new[] { work.Old, work.Site })
            {
                if (OutputTree.KindOf(oldTree) != EntryKind.Folder) continue;
                var foreign = ForeignEntries.ToCarry(oldTree, OwnedFiles.Read(oldTree), journal.Clean);
                ForeignEntries.Carry(oldTree, outputRoot, foreign, new CarryLog(), new ReplacedFiles(outputRoot));
            }
            Finish(outputRoot, work);
        }
        else
        {
            File.Delete(Path.Combine(outputRoot, CommitJournal.InTreeName));
        }
    }

    /// <summary>
    /// Undoes a swap a crash interrupted before its exchange completed: the output is still the old site, unless the
    /// two-rename fallback had moved it to <c>old/</c> already; then it goes back.
    /// </summary>
    public static void RollBack(OutputFolder output, WorkFolder work)
    {
        if (OutputTree.KindOf(work.Old) == EntryKind.Folder)
        {
            output.Lock.AlsoHold(work.Old);
            if (OutputTree.KindOf(output.Root) == EntryKind.Folder && OutputTree.IsEmpty(output.Root)) Directory.Delete(output.Root);
            Posix.Rename(work.Old, output.Root, noReplace: true);
        }
        work.Delete();
    }

    private static void Finish(string outputRoot, WorkFolder work)
    {
        File.Delete(Path.Combine(outputRoot, CommitJournal.InTreeName));
        CommitSteps.Reached("swap:journal-removed");
        try
        {
            work.Delete();
        }
        catch (Exception ex) when (IoFailure.IsIo(ex))
        {
            // The new site is in place; the old tree carries its marker and the next build removes it.
        }
    }

    /// <summary>Where the old tree is after the exchange: <c>site/</c>, or <c>old/</c> after the two-rename fallback.</summary>
    private static string OldTree(WorkFolder work) => OutputTree.KindOf(work.Old) == EntryKind.Folder ? work.Old : work.Site;

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

    private static void SwapBack(string outputRoot, WorkFolder work, string oldTree)
    {
        if (oldTree == work.Site)
        {
            Posix.Exchange(outputRoot, work.Site);
            return;
        }
        Posix.Rename(outputRoot, work.Site, noReplace: true);
        Posix.Rename(work.Old, outputRoot, noReplace: true);
    }
}
