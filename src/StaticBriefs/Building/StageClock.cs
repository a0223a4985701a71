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
        lock (_timings) _timings.Add(timing);
        progress?.Finished(timing);
        return result;
    }

    public void Time(string stage, Action work) => Time(stage, () => { work(); return 0; });

    /// <summary>
    /// Starts a stage on a thread of its own, to run beside the stages the caller times next (which must not need
    /// its result); the caller waits for the task before using what it made. Its timing is its own wall time and
    /// what its thread allocated (processor time would count the stages beside it too).
    /// </summary>
    public Task<T> Beside<T>(string stage, Func<T> work) =>
        Task.Factory.StartNew(() =>
        {
            var watch = Stopwatch.StartNew();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var result = work();
            var timing = new StageTiming(stage, watch.Elapsed, Allocated: GC.GetAllocatedBytesForCurrentThread() - allocated);
            lock (_timings) _timings.Add(timing);
            return result;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
