using StaticBriefs.Diagnostics;

namespace StaticBriefs.Output;

/// <summary>
/// Runs first, under the lock, before a build reads anything: whatever a killed build left for this output folder is
/// finished or undone, so the folder holds the old site or the new one. A swap whose journal is at the output's root
/// had exchanged the trees: its carry is finished. A swap whose journal is still in its work folder had not: the work
/// folder goes (and an output moved aside by the two-rename fallback comes back). A patch journal is rolled forward.
/// Work folders without a journal were staging trees never committed, and are removed. Only folders carrying the
/// work-folder marker for this output are ever touched.
/// </summary>
internal static class OutputRecovery
{
    public static void Run(OutputFolder output, DiagnosticBag diagnostics)
    {
        var changed = false;
        var rootJournalPath = Path.Combine(output.Root, CommitJournal.InTreeName);
        if (CommitJournal.Read(rootJournalPath) is { Mode: CommitJournal.Swap } rootJournal)
        {
            SwapCommit.Resume(output.Root, rootJournal, diagnostics);
            changed = true;
        }
        foreach (var work in WorkFolder.FindAll(output.Root))
        {
            if (CommitJournal.Read(work.Journal) is { Mode: CommitJournal.Patch } patch)
            {
                PatchCommit.Resume(output.Root, work, patch);
                changed = true;
            }
            else if (CommitJournal.Read(work.Journal) is { Mode: CommitJournal.Stranded } stranded)
            {
                SwapCommit.Rescue(output.Root, work, stranded, diagnostics);
            }
            else if (CommitJournal.Read(Path.Combine(work.Site, CommitJournal.InTreeName)) is { Mode: CommitJournal.Swap } swap)
            {
                changed |= OutputTree.KindOf(work.Old) == EntryKind.Folder || swap.Carried.Count > 0;
                SwapCommit.RollBack(output, work, swap);
            }
            else
            {
                work.Delete();
            }
        }
        if (changed)
        {
            diagnostics.Warning(output.DisplayPath, 0, DiagnosticCodes.OutputRecovered,
                "a previous build was stopped while it replaced this output folder; the folder was restored to one complete site (the old one or the new one) before this build started");
        }
    }
}
