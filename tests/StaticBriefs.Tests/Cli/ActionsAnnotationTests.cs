using StaticBriefs.Cli;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Tests.Cli;

public sealed class ActionsAnnotationTests
{
    [Fact]
    public void Errors_and_warnings_become_workflow_commands_with_file_line_column_and_code()
    {
        var error = new Diagnostic(Severity.Error, "briefs/a.md", 3, 7, "SB003", "date 'x' is not a date");
        var warning = new Diagnostic(Severity.Warning, "briefs/a.md", 2, 0, "SB007", "unknown key");

        Assert.Equal("::error file=input/briefs/a.md,line=3,col=7,title=SB003::date 'x' is not a date",
            ActionsAnnotation.Format(error, "input/briefs/a.md"));
        Assert.Equal("::warning file=input/briefs/a.md,line=2,title=SB007::unknown key", ActionsAnnotation.Format(warning, "input/briefs/a.md"));
    }

    [Fact]
    public void Line_breaks_percent_signs_and_property_separators_are_escaped()
    {
        var diagnostic = new Diagnostic(Severity.Error, "x", 1, 0, "SB001", "50% off\nsecond line\r");

        Assert.Equal("::error file=a%2Cb%3Ac.md,line=1,title=SB001::50%25 off%0Asecond line%0D",
            ActionsAnnotation.Format(diagnostic, "a,b:c.md"));
    }

    [Fact]
    public void A_problem_without_a_file_has_no_location()
    {
        var diagnostic = new Diagnostic(Severity.Error, "built-in theme/layouts/base.sbn", 4, 2, "SB009", "bad");

        Assert.Null(ActionsAnnotation.FileFor(diagnostic, "input", "theme", "/repo"));
        Assert.Equal("::error title=SB009::bad", ActionsAnnotation.Format(diagnostic, null));
    }

    [Fact]
    public void Files_are_named_from_the_workspace_root()
    {
        var workspace = Path.Combine(Path.GetTempPath(), "ws");
        var input = Path.Combine(workspace, "site", "input");
        var theme = Path.Combine(workspace, "site", "theme");

        Assert.Equal("site/input/briefs/a.md", ActionsAnnotation.FileFor(new Diagnostic(Severity.Error, "briefs/a.md", 1, 1, "SB001", "m"), input, theme, workspace));
        Assert.Equal("site/theme/layouts/x.sbn", ActionsAnnotation.FileFor(new Diagnostic(Severity.Error, "theme/layouts/x.sbn", 1, 1, "SB009", "m"), input, theme, workspace));
        Assert.Equal("site/input/_theme/layouts/x.sbn", ActionsAnnotation.FileFor(new Diagnostic(Severity.Error, "_theme/layouts/x.sbn", 1, 1, "SB009", "m"), input, theme, workspace));
    }
}
