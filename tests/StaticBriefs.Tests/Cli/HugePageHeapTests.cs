using System.Runtime.InteropServices;
using StaticBriefs.Cli;

namespace StaticBriefs.Tests.Cli;

/// <summary>
/// The collector's heap is advised for transparent huge pages where Linux leaves that to programs and the machine
/// charges dearly for ordinary pages, or on request (<see cref="HugePageHeap"/>); told not to, it is left on the
/// system's pages.
/// </summary>
public sealed class HugePageHeapTests
{
    private const ulong Range = 256UL << 30;

    // From /proc/self/maps of a natively compiled build: committed regions (rw-p), reserved gaps (---p), a file
    // mapping, and the reservation's untouched top ending 256 GiB above where the range starts.
    private static readonly string[] Maps =
    [
        "7f75d5dfb000-7f75d6977000 ---p 00000000 00:00 0",
        "7f75d6977000-7f75d69b8000 r--p 00000000 fe:00 332392                     /usr/lib/x86_64-linux-gnu/libicudata.so.72.1",
        "7f75db000000-7f75db400000 rw-p 00000000 00:00 0",
        "7f75db400000-7f75dbc00000 rw-p 00000000 00:00 0",
        "7f75dc461000-7f75de400000 ---p 00000000 00:00 0",
        "7f75e7800000-7f75e9441000 rw-p 00000000 00:00 0",
        "7f75e9441000-7fb5d69b8000 ---p 00000000 00:00 0",
        "7fb5d69ba000-7fb5d71ba000 rw-p 00000000 00:00 0",
        "7fff1c000000-7fff1c021000 rw-p 00000000 00:00 0                          [stack]",
    ];

    [Fact]
    public void The_heap_is_the_reserved_range_whose_untouched_top_lies_above_the_object()
    {
        var range = HugePageHeap.HeapRange(Maps, 0x7f75db403b78, Range);

        Assert.Equal((0x7f75d69b8000UL, 0x7fb5d69b8000UL), range);
    }

    [Theory]
    [InlineData(0x7f75d0000000UL)] // below the range
    [InlineData(0x7fb5d69bb000UL)] // a mapping above it
    public void An_address_outside_any_reserved_range_gives_none(ulong address) =>
        Assert.Null(HugePageHeap.HeapRange(Maps, address, Range));

    [Fact]
    public void Without_a_large_reservation_there_is_no_heap_to_advise() =>
        Assert.Null(HugePageHeap.HeapRange(Maps.Where(l => !l.StartsWith("7f75e9441000", StringComparison.Ordinal)), 0x7f75db403b78, Range));

    [Fact]
    public void Asked_for_where_linux_leaves_huge_pages_to_programs_new_objects_land_in_memory_advised_for_them()
    {
        const string setting = "/sys/kernel/mm/transparent_hugepage/enabled";
        long advised;
        Environment.SetEnvironmentVariable(HugePageHeap.Switch, "on");
        try
        {
            advised = HugePageHeap.Advise();
        }
        finally
        {
            Environment.SetEnvironmentVariable(HugePageHeap.Switch, null);
        }
        if (!OperatingSystem.IsLinux() || !File.Exists(setting) || !File.ReadAllText(setting).Contains("[madvise]", StringComparison.Ordinal))
        {
            Assert.Equal(0, advised);
            return;
        }

        Assert.True(advised >= 1L << 30, $"advised {advised} bytes");
        var fresh = new byte[64];
        var handle = GCHandle.Alloc(fresh, GCHandleType.Pinned);
        try
        {
            Assert.Contains("hg", VmFlagsAt((ulong)handle.AddrOfPinnedObject()));
        }
        finally
        {
            handle.Free();
        }
    }

    [Theory]
    [InlineData("off")]
    [InlineData("0")]
    [InlineData(" FALSE ")]
    public void Told_not_to_the_heap_is_left_on_the_systems_pages(string value)
    {
        // Where huge pages freed moments before are memory a virtual machine's host took back and ordinary faults are
        // cheap, they made builds 3-4x slower: the author can always say no.
        Environment.SetEnvironmentVariable(HugePageHeap.Switch, value);
        try
        {
            Assert.Equal(0, HugePageHeap.Advise());
        }
        finally
        {
            Environment.SetEnvironmentVariable(HugePageHeap.Switch, null);
        }
    }

    [Theory]
    [InlineData("on", true)]
    [InlineData("1", true)]
    [InlineData("True", true)]
    [InlineData("off", false)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    public void A_switch_that_says_yes_or_no_decides_without_measuring(string value, bool wanted) =>
        Assert.Equal(wanted, HugePageHeap.Wanted(value, () => throw new InvalidOperationException("measured")));

    [Theory]
    [InlineData(null, 15.0, true)] // a paravirtual guest: every page table change goes through the host
    [InlineData(null, 2.0, false)] // hardware-assisted paging: huge pages freed seconds before would cost more
    [InlineData("", 7.0, true)]
    [InlineData("sometimes", 5.0, false)]
    public void Otherwise_the_heap_is_advised_where_an_ordinary_fault_is_dear(string? value, double microseconds, bool wanted) =>
        Assert.Equal(wanted, HugePageHeap.Wanted(value, () => TimeSpan.FromMicroseconds(microseconds)));

    [Fact]
    public void Where_nothing_was_measured_the_heap_is_left_alone() =>
        Assert.False(HugePageHeap.Wanted(null, () => null));

    /// <summary>The <c>VmFlags</c> of the mapping holding <paramref name="address"/>, from <c>/proc/self/smaps</c>.</summary>
    private static string[] VmFlagsAt(ulong address)
    {
        var inside = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var dash = line.IndexOf('-', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (dash > 0 && space > dash && ulong.TryParse(line.AsSpan(0, dash), System.Globalization.NumberStyles.HexNumber, null, out var start)
                && ulong.TryParse(line.AsSpan(dash + 1, space - dash - 1), System.Globalization.NumberStyles.HexNumber, null, out var end))
                inside = address >= start && address < end;
            else if (inside && line.StartsWith("VmFlags:", StringComparison.Ordinal))
                return line["VmFlags:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        return [];
    }
}
