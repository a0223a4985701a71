using System.Runtime;
using StaticBriefs.Building;
using StaticBriefs.Cli;
using StaticBriefs.Diagnostics;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Cli;

/// <summary>The garbage collector's hold is process-wide: these run alone, after the tests that run side by side.</summary>
[CollectionDefinition(nameof(CollectorHoldTests), DisableParallelization = true)]
public sealed class CollectorHoldCollection;

/// <summary>A CLI build holds the collector off while it runs (<see cref="CollectorHold"/>), without the cache for less.</summary>
[Collection(nameof(CollectorHoldTests))]
public sealed class CollectorHoldTests
{
    [Fact]
    public void A_cached_build_holds_the_collector_off_until_it_ends()
    {
        using var site = new TestSite();
        // This runs after the other tests, in the same process: their garbage is collected and compacted first, so the
        // runtime is asked for the budget from a settled heap (a CI run once saw the hold not taken here, after 2,375
        // tests; alone it always is). Should it fail again, the message says whether it was refused or ended.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var collections = GC.CollectionCount(0);
        using (CollectorHold.For(site.Options with { UseCache = true }))
        {
            // Taking the hold collects once.
            Assert.True(GCSettings.LatencyMode == GCLatencyMode.NoGCRegion,
                GC.CollectionCount(0) > collections + 1 ? "the hold was ended by a collection" : "the runtime refused the hold");
            // Allocating well within the budget does not end it.
            var blocks = Enumerable.Range(0, 64).Select(_ => new byte[64 * 1024]).ToList();
            Assert.Equal(64, blocks.Count);
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_build_without_the_cache_is_held_for_a_smaller_budget_that_ends_by_itself_once_spent()
    {
        using var site = new TestSite();
        long spent = 0;
        using (CollectorHold.For(site.Options with { UseCache = false }))
        {
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            // Small objects (the budget is the small-object heap's): the runtime ends the hold once they pass it.
            while (spent < CollectorHold.UncachedBudget + (64L << 20) && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            {
                GC.KeepAlive(new byte[64 * 1024]);
                spent += 64 * 1024;
            }
            Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }
        Assert.InRange(spent, CollectorHold.UncachedBudget / 2, CollectorHold.UncachedBudget + (64L << 20));
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_full_build_of_more_than_a_hundred_briefs_ends_the_hold_once_it_knows_its_size()
    {
        using var site = new TestSite();
        using var hold = CollectorHold.For(site.Options with { UseCache = false });
        var progress = new BuildProgress();
        hold.EndForLargeSites(progress);

        // Stages before the model is known leave it standing.
        progress.Finished(new StageTiming("load", TimeSpan.Zero));
        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        progress.Publishing(CollectorHold.LargeSite + 1);
        var collections = GC.CollectionCount(0);
        progress.Finished(new StageTiming("assets", TimeSpan.Zero));

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        // A young collection at once: the young generation's budget goes back from the hold's size to the usual.
        Assert.True(GC.CollectionCount(0) > collections);
    }

    [Fact]
    public void A_full_build_of_a_small_site_keeps_the_hold()
    {
        using var site = new TestSite();
        using (var hold = CollectorHold.For(site.Options with { UseCache = false }))
        {
            var progress = new BuildProgress();
            hold.EndForLargeSites(progress);
            progress.Publishing(CollectorHold.LargeSite);
            progress.Finished(new StageTiming("assets", TimeSpan.Zero));
            progress.Finished(new StageTiming("render briefs", TimeSpan.Zero));

            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_build_of_more_than_a_hundred_markdown_files_is_held_only_when_a_saved_cache_spares_it_rendering_everything()
    {
        using var site = new TestSite();
        for (var i = 0; i < CollectorHold.LargeSite + 1; i++) site.Write($"briefs/b{i}.md", TestSite.Brief($"title: B{i}\ndate: 2024-05-14"));
        var cache = Path.Combine(site.Root, "cache");
        var cached = site.Options with { UseCache = true, CacheDirectory = cache };

        using (CollectorHold.For(site.Options with { UseCache = false }))
            Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        using (CollectorHold.For(cached))
            Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode); // nothing saved yet: a full build
        site.BuildOk(_ => cached);
        using (CollectorHold.For(cached))
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_build_that_takes_no_hold_commits_the_heap_ahead_when_it_is_on_huge_pages()
    {
        using var site = new TestSite();
        for (var i = 0; i < CollectorHold.LargeSite + 1; i++) site.Write($"briefs/b{i}.md", TestSite.Brief($"title: B{i}\ndate: 2024-05-14"));
        var options = site.Options with { UseCache = false };
        var collections = GC.CollectionCount(0);

        using (CollectorHold.For(options))
            Assert.Equal(collections, GC.CollectionCount(0)); // on ordinary pages: nothing done
        using (CollectorHold.For(options, hugePages: true))
        {
            // The budget was held (committed) and given back at once with a young collection: no hold stands.
            Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            Assert.True(GC.CollectionCount(0) > collections, "no young collection gave the budget back");
            var committed = GC.GetGCMemoryInfo(GCKind.Ephemeral).TotalCommittedBytes;
            Assert.True(committed >= CollectorHold.WarmBudget, $"{committed} bytes committed");
        }
    }

    [Fact]
    public void Markdown_files_are_counted_only_as_far_as_asked_and_not_through_links_or_hidden_folders()
    {
        using var site = new TestSite();
        var outside = Directory.CreateDirectory(Path.Combine(site.Root, "outside")).FullName;
        for (var i = 0; i < 5; i++) File.WriteAllText(Path.Combine(outside, $"o{i}.md"), "x");
        for (var i = 0; i < 3; i++) site.Write($"briefs/b{i}.MARKDOWN", "x");
        site.Write("briefs/notes.txt", "x");
        for (var i = 0; i < 4; i++) site.Write($".git/x{i}.md", "x");
        Directory.CreateSymbolicLink(Path.Combine(site.InputDirectory, "linked"), outside);

        Assert.True(CollectorHold.MoreMarkdownThan(site.InputDirectory, 2));
        Assert.False(CollectorHold.MoreMarkdownThan(site.InputDirectory, 3));
        Assert.False(CollectorHold.MoreMarkdownThan(Path.Combine(site.InputDirectory, "missing"), 0));
    }

    [Fact]
    public void A_hold_ended_early_is_let_go_quietly()
    {
        using var site = new TestSite();
        var hold = CollectorHold.For(site.Options with { UseCache = true });
        // A collection the process asks for ends the hold, as spending the budget would.
        GC.Collect();
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        hold.Dispose();
    }
}
