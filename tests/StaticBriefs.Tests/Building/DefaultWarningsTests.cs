using StaticBriefs.Diagnostics;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Building;

/// <summary>Defaults that used to be silent: a site with no base URL, briefs dated in the future.</summary>
public sealed class DefaultWarningsTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public void A_site_without_base_url_gets_one_warning_saying_what_points_to_localhost()
    {
        _site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2024-01-01"));

        var warnings = _site.BuildOk().Diagnostics.Where(d => d.Code == DiagnosticCodes.NoBaseUrl).ToList();

        var warning = Assert.Single(warnings);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("http://localhost/", warning.Message, StringComparison.Ordinal);
        Assert.Contains("base_url", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_base_url_from_the_settings_or_the_command_line_means_no_warning()
    {
        _site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2024-01-01"));

        Assert.DoesNotContain(_site.BuildOk(o => o with { BaseUrl = "https://example.org/" }).Diagnostics, d => d.Code == DiagnosticCodes.NoBaseUrl);
        _site.Write("_site.yml", "base_url: https://example.org/\n");
        Assert.DoesNotContain(_site.BuildOk().Diagnostics, d => d.Code == DiagnosticCodes.NoBaseUrl);
    }

    [Fact]
    public void Briefs_dated_in_the_future_are_summed_up_in_one_line_naming_the_soonest()
    {
        _site.Write("_site.yml", "base_url: https://example.org/\n");
        _site.Write("briefs/now.md", TestSite.Brief("title: Now\ndate: 2024-01-01"));
        _site.Write("briefs/later.md", TestSite.Brief("title: Later\ndate: 2030-01-01"));
        _site.Write("briefs/soon.md", TestSite.Brief("title: Soon\ndate: 2029-05-01"));
        _site.Write("briefs/draft.md", TestSite.Brief("title: Draft\ndate: 2031-01-01\ndraft: true"));

        var result = _site.BuildOk();

        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.FutureBriefsSkipped);
        Assert.Equal("briefs/soon.md", warning.File.Replace('\\', '/'));
        Assert.StartsWith("2 briefs are dated in the future and not published (this one, 2029-05-01 and 1 more)", warning.Message, StringComparison.Ordinal);
        Assert.False(_site.OutputExists("briefs/later/index.html"));
        Assert.DoesNotContain(_site.BuildOk(o => o with { IncludeFuture = true }).Diagnostics, d => d.Code == DiagnosticCodes.FutureBriefsSkipped);
    }
}
