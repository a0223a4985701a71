namespace StaticBriefs.Diagnostics;

/// <summary>How long one stage took.</summary>
/// <param name="Name">Stage name.</param>
/// <param name="Elapsed">Wall-clock time.</param>
/// <param name="Cpu">Processor time of the whole process during the stage (all threads), to show how well it used the cores.</param>
/// <param name="Allocated">Bytes the whole process allocated during the stage (what later collections pay for).</param>
public sealed record StageTiming(string Name, TimeSpan Elapsed, TimeSpan Cpu = default, long Allocated = 0);
