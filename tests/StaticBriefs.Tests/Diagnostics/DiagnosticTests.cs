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
}
