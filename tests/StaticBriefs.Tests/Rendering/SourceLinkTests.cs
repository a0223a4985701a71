using StaticBriefs.Diagnostics;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering;

/// <summary>Script URLs in <c>sources:</c> never become links on the brief page.</summary>
public sealed class SourceLinkTests
{
    [Fact]
    public void Script_and_data_sources_are_dropped_with_SB043_at_their_line_and_column_and_safe_ones_stay()
    {
        using var site = new TestSite();
        site.Write("briefs/a.md", TestSite.Brief(
            "title: A\ndate: 2024-01-01\nsources:\n  - https://example.org/ok\n  - javascript:alert(1)\n  - \" JaVaScRiPt:alert(2)\"\n" +
            "  - data:text/html;base64,PHNjcmlwdD4=\n  - vbscript:msgbox(1)\n  - https://example.org/also-ok"));

        var result = site.BuildOk();

        var hrefs = site.Html("briefs/a/index.html").QuerySelectorAll(".sources a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["https://example.org/ok", "https://example.org/also-ok"], hrefs);
        var warnings = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.UnsafeUrl).ToList();
        Assert.Equal([(6, 5), (7, 5), (8, 5), (9, 5)], warnings.Select(w => (w.Line, w.Column)));
        Assert.All(warnings, w =>
        {
            Assert.Equal(Severity.Warning, w.Severity);
            Assert.Equal("briefs/a.md", w.File);
        });
        Assert.DoesNotContain("alert", site.ReadOutput("briefs/a/index.html"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Brief_with_only_script_sources_has_no_sources_section()
    {
        using var site = new TestSite();
        site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2024-01-01\nsources: [\"javascript:alert(1)\"]"));

        site.BuildOk();

        Assert.Null(site.Html("briefs/a/index.html").QuerySelector(".sources"));
    }
}
