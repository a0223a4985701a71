using System.Diagnostics;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Building;

/// <summary>Times the stages of a build in order.</summary>
internal sealed class StageClock
{
    private readonly List<StageTiming> _timings = [];

    public IReadOnlyList<StageTiming> Timings => _timings;

    public T Time<T>(string stage, Func<T> work)
    {
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = work();
        _timings.Add(new StageTiming(stage, watch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu));
        return result;
    }

    public void Time(string stage, Action work) => Time(stage, () => { work(); return 0; });
}
