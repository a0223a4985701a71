using System.Diagnostics;

namespace StaticBriefs.Diagnostics;

/// <summary>The steps inside the render stages that <c>--timings</c> reports on their own.</summary>
public enum WorkKind
{
    /// <summary>Markdown parse, link checks and HTML (without minification).</summary>
    Markdown,
    /// <summary>Compacting bodies (<see cref="Rendering.Html.BlockSpacing"/>).</summary>
    Minify,
    /// <summary>Scriban layouts and partials.</summary>
    Templates,
    /// <summary>Writing files to the staging folder.</summary>
    Write,
}

/// <summary>
/// Sums the time spent in each step across all worker threads, so a stage that runs them interleaved on both
/// cores can still say which step costs most. Thread-safe; one per build.
/// </summary>
public sealed class WorkMeter
{
    private readonly long[] _ticks = new long[Enum.GetValues<WorkKind>().Length];

    /// <summary>A timestamp to pass to <see cref="Stop"/>.</summary>
    public static long Start() => Stopwatch.GetTimestamp();

    /// <summary>Adds the time since <paramref name="start"/> to a step.</summary>
    public void Stop(WorkKind kind, long start) =>
        Interlocked.Add(ref _ticks[(int)kind], Stopwatch.GetTimestamp() - start);

    /// <summary>Each step's summed time (in <see cref="StageTiming.Cpu"/>; thread time, not wall time).</summary>
    public IReadOnlyList<StageTiming> Totals() =>
        [.. Enum.GetValues<WorkKind>().Select(kind => new StageTiming(
            kind.ToString().ToLowerInvariant(), TimeSpan.Zero, Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks[(int)kind]))))];
}
