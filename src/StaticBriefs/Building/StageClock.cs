using System.Diagnostics;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Building;

/// <summary>Times the stages of a build in order.</summary>
internal sealed class StageClock(BuildProgress? progress = null)
{
    private readonly List<StageTiming> _timings = [];

    public IReadOnlyList<StageTiming> Timings => _timings;

    public T Time<T>(string stage, Func<T> work)
    {
        progress?.Enter(stage);
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var result = work();
        var timing = new StageTiming(stage, watch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, GC.GetTotalAllocatedBytes(precise: true) - allocated);
        _timings.Add(timing);
        progress?.Finished(timing);
        return result;
    }

    public void Time(string stage, Action work) => Time(stage, () => { work(); return 0; });
}
