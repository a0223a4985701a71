using System.Globalization;
using System.Runtime.InteropServices;

namespace StaticBriefs.Cli;

/// <summary>
/// Asks Linux to back the garbage collector's heap with transparent huge pages where the system leaves that to each
/// program (<c>/sys/kernel/mm/transparent_hugepage/enabled</c> set to <c>madvise</c>), as JVMs and allocators such as
/// mimalloc can, on machines where an ordinary page is dear to fault in (<see cref="PageFaultProbe"/>), or when asked
/// (<see cref="Switch"/>). What a huge page costs on first touch depends on where it comes from: on a virtual machine that
/// hands free memory back to its host (free page reporting returns free blocks of huge-page size and above), a huge
/// page taken a few seconds after the last build freed it is memory the host must find again. Stop 47's machine charged
/// about 8 ms a megabyte for that against under 1 ms for ordinary pages (a fault there cost 2-3 us): a cached
/// 10,000-brief build run seconds after the one before took 3.4-4.4 s with the advice and 1.1-1.5 s without. Stop 58's
/// machine (a paravirtual guest, where every page table change goes through the host) charges 12-17 us for each
/// ordinary page, 3-4 ms a megabyte whether the memory is fresh or just freed, and 1.6-2.5 ms a megabyte for huge pages
/// after a pause (0.06 ms run back to back): there the advice pays every time. So unless told, the tool measures a few
/// ordinary faults and advises the heap when they cost more than <see cref="DearFault"/>. The heap is the range the
/// collector reserves up front and commits inside (found around a fresh object, see <see cref="HeapRange"/>); the
/// advice is only a hint, so anything unexpected leaves the process as it was.
/// </summary>
internal static partial class HugePageHeap
{
    private const int MadvHugePage = 14;
    private const int ENoMem = 12;
    private const string Setting = "/sys/kernel/mm/transparent_hugepage/enabled";

    /// <summary>
    /// <c>on</c> (or <c>1</c>, <c>true</c>) advises the heap and <c>off</c> (<c>0</c>, <c>false</c>) never does; unset or
    /// anything else, the tool decides from <see cref="PageFaultProbe"/>.
    /// </summary>
    internal const string Switch = "STATICBRIEFS_HUGE_PAGES";

    /// <summary>
    /// The first-touch cost of an ordinary page above which the heap is advised: machines that hand memory to a guest
    /// through its page tables (hardware-assisted paging) fault a page in in 1-3 us, a paravirtual guest in 12-17 us.
    /// </summary>
    internal static readonly TimeSpan DearFault = TimeSpan.FromMicroseconds(6);

    /// <summary>Whether the heap should be advised: as <see cref="Switch"/> says, else when <paramref name="faultCost"/> (asked only then) is dear.</summary>
    internal static bool Wanted(string? switchValue, Func<TimeSpan?> faultCost) =>
        switchValue?.Trim().ToLowerInvariant() switch
        {
            "on" or "1" or "true" => true,
            "off" or "0" or "false" => false,
            _ => faultCost() is { } cost && cost > DearFault,
        };

    /// <summary>Advises the heap's range when <see cref="Wanted"/>; returns how many bytes were advised (0 where it does not apply).</summary>
    public static long Advise()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        try
        {
            if (!File.Exists(Setting) || !File.ReadAllText(Setting).Contains("[madvise]", StringComparison.Ordinal)
                || !Wanted(Environment.GetEnvironmentVariable(Switch), PageFaultProbe.FirstTouchCost))
                return 0;
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
