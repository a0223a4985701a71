using Microsoft.Extensions.Time.Testing;
using StaticBriefs.Cli;

namespace StaticBriefs.Tests.Cli;

public sealed class IdleCollectionTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(200);

    [Fact]
    public void Collects_once_the_delay_after_a_rebuild_passes_and_not_before()
    {
        var time = new FakeTimeProvider();
        var collected = 0;
        using var idle = new IdleCollection(time, Delay, () => collected++);

        idle.BuildStarting();
        idle.BuildFinished();
        time.Advance(Delay - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, collected);

        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, collected);

        // Once per rebuild: waiting on does not collect again.
        time.Advance(Delay * 10);
        Assert.Equal(1, collected);
        Assert.Equal(1, idle.Collections);
    }

    [Fact]
    public void A_rebuild_starting_within_the_delay_calls_the_collection_off()
    {
        var time = new FakeTimeProvider();
        var collected = 0;
        using var idle = new IdleCollection(time, Delay, () => collected++);

        idle.BuildFinished();
        time.Advance(Delay / 2);
        idle.BuildStarting();
        time.Advance(Delay * 2);
        Assert.Equal(0, collected);

        // That rebuild's end sets it again.
        idle.BuildFinished();
        time.Advance(Delay);
        Assert.Equal(1, collected);
    }

    [Fact]
    public void Rebuilds_in_quick_succession_collect_once_after_the_last()
    {
        var time = new FakeTimeProvider();
        var collected = 0;
        using var idle = new IdleCollection(time, Delay, () => collected++);

        for (var i = 0; i < 5; i++)
        {
            idle.BuildStarting();
            idle.BuildFinished();
            time.Advance(Delay / 2);
        }
        Assert.Equal(0, collected);

        time.Advance(Delay / 2);
        Assert.Equal(1, collected);
    }

    [Fact]
    public void Disposed_it_never_collects()
    {
        var time = new FakeTimeProvider();
        var collected = 0;
        var idle = new IdleCollection(time, Delay, () => collected++);
        idle.BuildFinished();
        idle.Dispose();

        time.Advance(Delay * 2);
        Assert.Equal(0, collected);
    }
}

/// <summary>Collections are process-wide: counted alone, with the collector hold's tests, so no other test's set one off.</summary>
[Collection(nameof(CollectorHoldTests))]
public sealed class IdleCollectionDefaultTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(200);

    [Fact]
    public void By_default_it_runs_a_collection_of_the_youngest_generation()
    {
        var time = new FakeTimeProvider();
        using var idle = new IdleCollection(time, Delay);
        var before = GC.CollectionCount(0);

        idle.BuildFinished();
        time.Advance(Delay);

        Assert.True(GC.CollectionCount(0) > before, "no collection of generation 0 ran");
        Assert.Equal(1, idle.Collections);
    }
}
