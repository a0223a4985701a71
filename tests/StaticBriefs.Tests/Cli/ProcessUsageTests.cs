using StaticBriefs.Cli;

namespace StaticBriefs.Tests.Cli;

/// <summary>The process's user and system time and page faults for <c>--timings</c> (<see cref="ProcessUsage"/>).</summary>
public sealed class ProcessUsageTests
{
    [Fact]
    public void Stat_line_gives_the_minor_and_major_faults()
    {
        // A /proc/self/stat line (fields 1-15 of 52): minflt is field 10, majflt field 12.
        var stat = "4242 (StaticBriefs) R 1 4242 4242 0 -1 4194560 91234 17 3 0 120 45 0 0 20 0 6 0";

        Assert.Equal((91234L, 3L), ProcessUsage.ParseStat(stat));
    }

    [Fact]
    public void Fields_are_counted_from_the_last_parenthesis_of_the_name()
    {
        // A program may be named with spaces and parentheses: "a) R (b".
        var stat = "77 (a) R (b) S 1 77 77 0 -1 4194560 5 0 9 0 1 1 0 0 20 0 1 0";

        Assert.Equal((5L, 9L), ProcessUsage.ParseStat(stat));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no parenthesis here")]
    [InlineData("1 (x) R 1 2")]
    [InlineData("1 (x) R 1 2 3 4 5 6 many 0 x 0")]
    public void A_line_that_does_not_read_as_stat_gives_no_faults(string stat) =>
        Assert.Equal((null, null), ProcessUsage.ParseStat(stat));

    [Fact]
    public void Describe_leaves_the_faults_out_where_the_system_does_not_count_them()
    {
        var usage = new ProcessUsage(TimeSpan.FromMilliseconds(1234.4), TimeSpan.FromMilliseconds(56.6), null, null);

        Assert.Equal("  processor: user 1234 ms, system 57 ms", usage.Describe());
        Assert.Equal("  processor: user 1234 ms, system 57 ms; page faults 10 minor, 2 major", (usage with { MinorFaults = 10, MajorFaults = 2 }).Describe());
    }
}
