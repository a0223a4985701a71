using System.Runtime;
using StaticBriefs.Building;

namespace StaticBriefs.Cli;

/// <summary>
/// Holds the garbage collector off for the first <see cref="Budget"/> a build allocates. A cached build reads the
/// cache's hundreds of megabytes of documents and tokens, all alive until it ends, and is over within a second: the
/// collections it set off found almost nothing to free and, marking that growing heap again and again, paused it for a
/// fifth of its time (231 ms of 0.97 s with nothing changed at 10,000 briefs). A build without the cache gets a smaller
/// hold, <see cref="UncachedBudget"/>: a blog of tens of posts allocates 100-150 MiB in all (grammars, fonts, cards) and
/// its eight or nine collections were a sixth of its time. Larger holds cost larger sites: 500 generated briefs took
/// 1.02 s and 348 MiB with 256 MiB held, 0.98 s and 157-196 MiB with none or 128. A build that allocates more than its
/// budget simply meets its first collection later: the runtime ends the hold by itself when the budget is spent.
/// That later collection is dear: everything made under the hold is young, so the first collections mark and move
/// all of it that lives, and push it on into the older generations (two or three full collections, 150-185 ms of a
/// 0.6-1 s build of a 250- or 750-post blog, where collecting from the start pauses 80-95 ms in all). So a full build
/// of more than <see cref="LargeSite"/> briefs, which would spend the budget while rendering, ends the hold once it
/// knows its size (<see cref="EndForLargeSites"/>); a cached build's plan never reaches that point.
/// A hold ended that way still cost more than none: on this project's machines, where a page of memory touched for
/// the first time is dear, the hold's young generation is all fresh memory. Without the cache, 750- and 256-post
/// blogs built in 1.50 and 1.13 s held against 1.16 and 0.97 s never held (medians of 5-6, alternating), and 10,000
/// briefs took the same time either way; a first build with the cache on (nothing saved yet, as on a fresh CI clone) of
/// the 750-post blog, 1.57 s against 1.23 s. So a build without the cache, or with none saved yet, does not take the
/// hold when its input holds more than <see cref="LargeSite"/> markdown files (<see cref="MoreMarkdownThan"/>,
/// counted only that far).
/// </summary>
internal sealed class CollectorHold : IDisposable
{
    /// <summary>At most a GiB, and at most a quarter of the memory the process may use.</summary>
    private static long Budget => Math.Min(1L << 30, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4);

    /// <summary>The hold of a build without the cache: 128 MiB, and at most a quarter of the memory the process may use.</summary>
    internal static long UncachedBudget => Math.Min(128L << 20, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4);

    /// <summary>Briefs above which a full build ends the hold before it renders.</summary>
    internal const int LargeSite = 100;

    private readonly bool _held;

    private CollectorHold(bool held) => _held = held;

    /// <summary>
    /// How much of the heap a build that takes no hold commits ahead when the heap is on huge pages: 512 MiB, and at
    /// most a quarter of the memory the process may use. At 10,000 briefs, 256 MiB left 35,000-52,000 faults and 512
    /// MiB 13,000 (peak 420-437 -> 468-477 MiB); more only raised the peak (768 MiB: 532 MiB).
    /// </summary>
    internal static long WarmBudget => Math.Min(512L << 20, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4);

    /// <summary>
    /// A hold for a build with <paramref name="options"/>; <paramref name="hugePages"/> says the heap was advised for
    /// huge pages (<see cref="HugePageHeap"/>), and a build that takes no hold then commits its heap ahead
    /// (<see cref="WarmHeap"/>).
    /// </summary>
    public static CollectorHold For(BuildOptions options, bool hugePages = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (RendersEverything(options) && MoreMarkdownThan(options.InputDirectory, LargeSite))
        {
            if (hugePages) WarmHeap();
            return new(false);
        }
        try
        {
            return new(GC.TryStartNoGCRegion(options.UseCache ? Budget : UncachedBudget));
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // A budget this runtime will not grant, or a hold already taken (builds run side by side in one process).
            return new(false);
        }
    }

    /// <summary>
    /// Commits <see cref="WarmBudget"/> of the heap at once, so that the young objects of a build that collects as it
    /// goes land on huge pages. The collector commits its regions 64 KiB at a time as objects fill them, and a huge
    /// page needs its whole 2 MiB committed before its first touch: on 4 KiB pages, a paravirtual guest charged 12-17 us
    /// for each (stop 58: 35,000 faults for the 256-post OpenTelemetry blog, a third of its build). A hold of the
    /// budget commits it in a few calls; ending it at once and collecting the young generation gives the budget back
    /// (the young generation's budget would otherwise stay at the hold's size: see <see cref="EndForLargeSites"/>)
    /// while the memory stays committed for the objects to come. Holding the collector off for the budget instead was
    /// faster for a blog whose whole build fits in it and slower for one that spends it (the first collections then
    /// move everything made under the hold), and it costs that much more memory at its peak.
    /// </summary>
    internal static void WarmHeap()
    {
        try
        {
            if (!GC.TryStartNoGCRegion(WarmBudget)) return;
            if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
            GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // A budget this runtime will not grant, or a hold already taken (builds run side by side in one process).
        }
    }

    /// <summary>Whether the build renders every page: no cache, or none saved yet in the cache folder.</summary>
    private static bool RendersEverything(BuildOptions options) =>
        !options.UseCache || !Incremental.CacheStore.HasSaved(options.Cache?.Directory ?? options.CacheDirectory ?? Incremental.BuildCache.DefaultDirectory(options.InputDirectory));

    /// <summary>
    /// Whether <paramref name="folder"/> holds more than <paramref name="count"/> markdown files, counted until it is
    /// known: not through symbolic links, nor hidden folders such as .git. A folder that cannot be read counts what
    /// could be; the build reports it.
    /// </summary>
    internal static bool MoreMarkdownThan(string folder, int count)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden | FileAttributes.System,
        };
        var found = 0;
        try
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", options))
            {
                if (Loading.Conventions.SourcePathConventions.IsMarkdown(file) && ++found > count) return true;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // A missing or unreadable input: no site to size; the build says what is wrong.
        }
        return false;
    }

    /// <summary>
    /// Ends the hold after the first stage finished once <paramref name="progress"/> counts more than
    /// <see cref="LargeSite"/> briefs to publish (a full build says so before it renders).
    /// </summary>
    public void EndForLargeSites(BuildProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        progress.StageFinished += _ =>
        {
            if (progress.Briefs <= LargeSite || !_held || GCSettings.LatencyMode != GCLatencyMode.NoGCRegion) return;
            Dispose();
            // Ending the hold leaves the young generation's budget at the hold's size: without a collection now, the
            // first would come only after as much again, as dear as if the hold had run out.
            GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        };
    }

    /// <summary>Ends the hold, if it still stands (spending the budget ends it).</summary>
    public void Dispose()
    {
        if (!_held || GCSettings.LatencyMode != GCLatencyMode.NoGCRegion) return;
        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // Ended meanwhile by a collection the runtime needed.
        }
    }
}
