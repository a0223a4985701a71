using StaticBriefs.Building;

namespace StaticBriefs.Tests.Building;

/// <summary>Each stage's timing carries what the process allocated during it (benchmarks print it beside the time).</summary>
public sealed class StageClockTests
{
    [Fact]
    public void A_stage_reports_the_bytes_allocated_while_it_ran()
    {
        var clock = new StageClock();
        var kept = clock.Time("allocate", () => new byte[4 * 1024 * 1024]);
        Assert.Equal(4 * 1024 * 1024, kept.Length);
        // At least the array (the count is the whole process's: tests running beside this one add to it, never take away).
        Assert.InRange(clock.Timings[0].Allocated, 4L * 1024 * 1024, long.MaxValue);
    }

    [Fact]
    public async Task A_stage_beside_runs_on_another_thread_while_the_caller_times_the_next_and_records_its_own_timing()
    {
        var clock = new StageClock();
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var caller = Environment.CurrentManagedThreadId;
        var beside = clock.Beside("index", () =>
        {
            started.Set();
            // Finishes only when the caller's next stage lets it: both run at once.
            release.Wait(TimeSpan.FromSeconds(30));
            return (Environment.CurrentManagedThreadId, new byte[1024 * 1024].Length);
        });
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)));
        clock.Time("listings", release.Set);
        var (thread, length) = await beside;
        Assert.NotEqual(caller, thread);
        Assert.Equal(1024 * 1024, length);
        // In the order they ended, which for stages running at once is the scheduler's to decide.
        Assert.Equal(["index", "listings"], clock.Timings.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.InRange(clock.Timings.Single(t => t.Name == "index").Allocated, 1024L * 1024, long.MaxValue);
    }
}
