using System.Diagnostics;
using System.Runtime.InteropServices;

namespace StaticBriefs.Cli;

/// <summary>
/// Measures what this machine charges to fault in an ordinary page of fresh memory: a few pages of a new anonymous
/// mapping are touched one at a time, each timed, and the median is the answer (a thread switched out during one touch
/// does not count). It costs well under a millisecond where faults are dear and a few microseconds elsewhere.
/// <see cref="HugePageHeap"/> decides from it whether the heap should be on huge pages.
/// </summary>
internal static partial class PageFaultProbe
{
    private const int ProtReadWrite = 0x1 | 0x2;
    private const int MapPrivateAnonymous = 0x02 | 0x20;

    /// <summary>How many pages are touched.</summary>
    internal const int Pages = 15;

    /// <summary>The median first-touch cost of an ordinary page; null off Linux or when no memory could be mapped.</summary>
    public static TimeSpan? FirstTouchCost()
    {
        if (!OperatingSystem.IsLinux()) return null;
        var page = Environment.SystemPageSize;
        var length = (nuint)(page * Pages);
        var memory = Map(0, length, ProtReadWrite, MapPrivateAnonymous, -1, 0);
        if (memory == -1) return null;
        var ticks = new long[Pages];
        try
        {
            for (var i = 0; i < Pages; i++)
            {
                var start = Stopwatch.GetTimestamp();
                Marshal.WriteByte(memory, i * page, 1);
                ticks[i] = Stopwatch.GetTimestamp() - start;
            }
        }
        finally
        {
            _ = Unmap(memory, length);
        }
        return MedianOf(ticks);
    }

    /// <summary>The median of <paramref name="ticks"/> (<see cref="Stopwatch"/> ticks, an odd number of them).</summary>
    internal static TimeSpan MedianOf(long[] ticks)
    {
        var sorted = ticks.Order().ToArray();
        return Stopwatch.GetElapsedTime(0, sorted[sorted.Length / 2]);
    }

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static partial nint Map(nint address, nuint length, int protection, int flags, int descriptor, nint offset);

    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    private static partial int Unmap(nint address, nuint length);
}
