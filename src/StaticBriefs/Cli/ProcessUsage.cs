using System.Diagnostics;
using System.Globalization;

namespace StaticBriefs.Cli;

/// <summary>
/// The process's processor time split into its own code (user) and the kernel's work for it (system), with the page
/// faults it took on Linux, for <c>--timings</c>. On this project's test machine a build's system time is mostly the
/// kernel handing it fresh memory, and it swings between runs of the same build (0.2 to 2.5 s for one cached build)
/// while user time stays put: the line tells a slow run of that kind from slower code.
/// </summary>
/// <param name="User">Processor time in the process's own code.</param>
/// <param name="System">Processor time the kernel spent for the process.</param>
/// <param name="MinorFaults">Page faults served without reading a file (fresh or shared memory); null off Linux.</param>
/// <param name="MajorFaults">Page faults that read from a file; null off Linux.</param>
internal sealed record ProcessUsage(TimeSpan User, TimeSpan System, long? MinorFaults, long? MajorFaults)
{
    /// <summary>The current process's figures.</summary>
    public static ProcessUsage Now()
    {
        using var process = Process.GetCurrentProcess();
        var (minor, major) = Faults();
        return new ProcessUsage(process.UserProcessorTime, process.PrivilegedProcessorTime, minor, major);
    }

    /// <summary>The line <c>--timings</c> prints.</summary>
    public string Describe()
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"  processor: user {User.TotalMilliseconds:F0} ms, system {System.TotalMilliseconds:F0} ms");
        return MinorFaults is { } minor && MajorFaults is { } major
            ? line + string.Create(CultureInfo.InvariantCulture, $"; page faults {minor} minor, {major} major")
            : line;
    }

    private static (long? Minor, long? Major) Faults()
    {
        try
        {
            return File.Exists("/proc/self/stat") ? ParseStat(File.ReadAllText("/proc/self/stat")) : (null, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, null);
        }
    }

    /// <summary>
    /// The minor and major fault counts of a <c>/proc/[pid]/stat</c> line (fields 10 and 12), or nulls when it does not
    /// read as one. The second field, the program's name in parentheses, may hold spaces and parentheses itself, so the
    /// fields are counted from the last closing parenthesis.
    /// </summary>
    internal static (long? Minor, long? Major) ParseStat(string stat)
    {
        var close = stat.LastIndexOf(')');
        if (close < 0) return (null, null);
        // After the name: state (field 3), ppid, pgrp, session, tty_nr, tpgid, flags, minflt (10), cminflt, majflt (12).
        var fields = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 9
            && long.TryParse(fields[7], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            && long.TryParse(fields[9], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            ? (minor, major)
            : (null, null);
    }
}
