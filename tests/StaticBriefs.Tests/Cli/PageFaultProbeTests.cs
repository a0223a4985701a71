using System.Diagnostics;
using StaticBriefs.Cli;

namespace StaticBriefs.Tests.Cli;

/// <summary>The probe of what an ordinary page costs to fault in (<see cref="PageFaultProbe"/>).</summary>
public sealed class PageFaultProbeTests
{
    [Fact]
    public void On_linux_touching_fresh_pages_takes_some_time_and_not_much()
    {
        var cost = PageFaultProbe.FirstTouchCost();

        if (!OperatingSystem.IsLinux())
        {
            Assert.Null(cost);
            return;
        }
        Assert.NotNull(cost);
        Assert.True(cost.Value > TimeSpan.Zero, "a fault takes no time");
        Assert.True(cost.Value < TimeSpan.FromMilliseconds(50), $"a fault took {cost.Value}");
    }

    [Fact]
    public void The_median_touch_is_the_answer_so_one_slow_touch_does_not_count()
    {
        var micro = Stopwatch.Frequency / 1_000_000;
        long[] ticks = [14 * micro, 15 * micro, 4000 * micro, 13 * micro, 16 * micro];

        Assert.Equal(TimeSpan.FromMicroseconds(15), PageFaultProbe.MedianOf(ticks));
    }
}
