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
}
