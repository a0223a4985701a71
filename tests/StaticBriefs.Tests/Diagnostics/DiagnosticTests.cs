using StaticBriefs.Diagnostics;

// The root test namespace: a StaticBriefs.Tests.Diagnostics namespace would hide StaticBriefs.Diagnostics from tests
// that write Diagnostics.DiagnosticBag.
namespace StaticBriefs.Tests;

public sealed class DiagnosticTests
{
    [Fact]
    public void Position_is_path_line_and_column_when_known()
    {
        Assert.Equal("a.md:3:7: error SB001: m", new Diagnostic(Severity.Error, "a.md", 3, 7, "SB001", "m").ToString());
        Assert.Equal("a.md:3: warning SB007: m", new Diagnostic(Severity.Warning, "a.md", 3, 0, "SB007", "m").ToString());
        Assert.Equal("a.md: error SB033: m", new Diagnostic(Severity.Error, "a.md", 0, 0, "SB033", "m").ToString());
    }

    [Fact]
    public void Control_characters_from_a_hostile_name_or_value_cannot_forge_a_line_or_drive_the_terminal()
    {
        var text = new Diagnostic(Severity.Error, "x\n.md", 1, 1, "SB001", "value '\u001b[2J' and \r\nfake: error").ToString();

        Assert.Equal("x\\u000A.md:1:1: error SB001: value '\\u001B[2J' and \\u000D\\u000Afake: error", text);
        Assert.DoesNotContain(text, char.IsControl);
    }

    [Fact]
    public void A_bag_sorts_by_file_line_column_code_and_message_and_keeps_the_order_of_equal_ones()
    {
        var bag = new DiagnosticBag();
        bag.Warning("b.md", 1, "SB002", "second");
        bag.Error("a.md", 2, "SB001", "m", column: 5);
        bag.Error("a.md", 2, "SB001", "m", column: 3);
        bag.Warning("a.md", 10, "SB001", "m");
        bag.Warning("a.md", 2, "SB001", "m", column: 3);
        bag.Error("b.md", 1, "SB002", "first");
        bag.Error("b.md", 1, "SB001", "z");

        var sorted = bag.Sorted().Select(d => $"{d}").ToArray();

        Assert.Equal(
        [
            "a.md:2:3: error SB001: m", "a.md:2:3: warning SB001: m", "a.md:2:5: error SB001: m", "a.md:10: warning SB001: m",
            "b.md:1: error SB001: z", "b.md:1: error SB002: first", "b.md:1: warning SB002: second",
        ], sorted);
        Assert.True(bag.HasErrors);
    }

    [Fact]
    public void An_empty_bag_allocates_nothing_beyond_itself_to_be_asked_and_sorted()
    {
        // A build makes one for each document it loads, resolves and renders, and nearly all stay empty.
        static long Measure()
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var bag = new DiagnosticBag();
            var sorted = bag.Sorted();
            var errors = bag.HasErrors;
            var after = GC.GetAllocatedBytesForCurrentThread();
            Assert.Empty(sorted);
            Assert.False(errors);
            return after - before;
        }

        Measure();
        Assert.InRange(Measure(), 0, 64);
    }
}
