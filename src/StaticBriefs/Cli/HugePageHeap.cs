using System.Globalization;
using System.Runtime.InteropServices;

namespace StaticBriefs.Cli;

/// <summary>
/// On request (<see cref="Switch"/>), asks Linux to back the garbage collector's heap with transparent huge pages where
/// the system leaves that to each program (<c>/sys/kernel/mm/transparent_hugepage/enabled</c> set to <c>madvise</c>),
/// as JVMs and allocators such as mimalloc can. It is off by default because what a huge page costs on first touch
/// depends on where it comes from: on a virtual machine that hands free memory back to its host (free page
/// reporting, which returns free blocks of huge-page size and above), a huge page taken a few seconds after the last
/// build freed it is memory the host must find again, about 8 ms a megabyte here against under 1 ms for ordinary pages,
/// which come from smaller free blocks that are never handed back. A cached 10,000-brief build run seconds after the
/// one before took 3.4-4.4 s with the advice and 1.1-1.5 s without. The heap is the range the collector reserves up
/// front and commits inside (found around a fresh object, see <see cref="HeapRange"/>); the advice is only a hint, so
/// anything unexpected leaves the process as it was.
/// </summary>
internal static partial class HugePageHeap
{
    private const int MadvHugePage = 14;
    private const int ENoMem = 12;
    private const string Setting = "/sys/kernel/mm/transparent_hugepage/enabled";

    /// <summary>
    /// Set to <c>on</c> (or <c>1</c>, <c>true</c>) to advise the heap: where huge pages come from memory that is
    /// already backed (a machine with no host behind it, or builds run back to back) they fault in a sixth faster.
    /// </summary>
    internal const string Switch = "STATICBRIEFS_HUGE_PAGES";

    /// <summary>Advises the heap's range when asked to; returns how many bytes were advised (0 where it does not apply).</summary>
    public static long Advise()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(Switch)?.Trim().ToLowerInvariant() is not ("on" or "1" or "true")) return 0;
        try
        {
            if (!File.Exists(Setting) || !File.ReadAllText(Setting).Contains("[madvise]", StringComparison.Ordinal)) return 0;
            if (!GC.GetConfigurationVariables().TryGetValue("GCRegionRange", out var configured) || configured is not (long or ulong)) return 0;
            var size = Convert.ToUInt64(configured, CultureInfo.InvariantCulture);
            var probe = new byte[64];
            var handle = GCHandle.Alloc(probe, GCHandleType.Pinned);
            ulong address;
            try
            {
                address = (ulong)handle.AddrOfPinnedObject();
            }
            finally
            {
                handle.Free();
            }
            if (HeapRange(File.ReadLines("/proc/self/maps"), address, size) is not var (start, end)) return 0;
            // Holes in the range (none expected) leave the advice on the mapped parts and report ENOMEM.
            return Madvise((nint)start, (nuint)(end - start), MadvHugePage) == 0 || Marshal.GetLastPInvokeError() == ENoMem
                ? (long)(end - start) : 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or OverflowException
            or InvalidCastException or DllNotFoundException or EntryPointNotFoundException)
        {
            return 0;
        }
    }

    /// <summary>
    /// The collector's reserved range that holds <paramref name="address"/>, from <c>/proc/self/maps</c> lines: with
    /// regions the collector reserves <paramref name="size"/> bytes (its <c>GCRegionRange</c>) at start and commits from
    /// the bottom up, so the reservation's untouched top is one large anonymous mapping ending where the range ends.
    /// Null when no such mapping lies above the address.
    /// </summary>
    internal static (ulong Start, ulong End)? HeapRange(IEnumerable<string> maps, ulong address, ulong size)
    {
        foreach (var line in maps)
        {
            if (Anonymous(line) is not var (start, end) || end - start < size / 4 || end < size) continue;
            if (address >= end - size && address < start) return (end - size, end);
        }
        return null;
    }

    /// <summary>The range of an anonymous private mapping's line, or null for any other line.</summary>
    private static (ulong Start, ulong End)? Anonymous(string line)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5 || fields[1].Length != 4 || fields[1][3] != 'p' || fields[4] != "0") return null;
        var dash = fields[0].IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0) return null;
        return (ulong.Parse(fields[0].AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            ulong.Parse(fields[0].AsSpan(dash + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int Madvise(nint address, nuint length, int advice);
}
