using System.Diagnostics;
using StaticBriefs.Browser.Tests.Support;
using StaticBriefs.Building;

namespace StaticBriefs.Browser.Tests;

/// <summary>The W3C Nu HTML checker (vnu.jar from npm, run with the machine's Java) over every page of the sample site.</summary>
[Collection(SiteCollection.Name)]
public sealed class HtmlValidationTests(SiteFixture site)
{
    [Fact]
    public void Minified_sample_site_has_no_validation_errors() => AssertValid(site.OutputDirectory);

    [Fact]
    public void Readable_sample_site_has_no_validation_errors()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sb-vnu-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var result = SiteBuild.Run(new BuildOptions
            {
                InputDirectory = RepoPaths.Input, ThemeDirectory = RepoPaths.Theme,
                OutputDirectory = folder, Minify = false, IncludeDrafts = true,
            });
            Assert.True(result.Written, string.Join("\n", result.Diagnostics));
            AssertValid(folder);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static void AssertValid(string folder)
    {
        Assert.True(File.Exists(RepoPaths.VnuJar), $"vnu.jar missing at {RepoPaths.VnuJar}: run 'npm ci' in tests/StaticBriefs.Browser.Tests/vnu (see .ci/run)");
        var pages = Directory.GetFiles(folder, "*.html", SearchOption.AllDirectories);
        Assert.NotEmpty(pages);
        var start = new ProcessStartInfo("java", ["-jar", RepoPaths.VnuJar, "--skip-non-html", "--errors-only", "--format", "gnu", folder])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var report = (output + errors.Result).Trim();
        Assert.True(process.ExitCode == 0 && report.Length == 0, $"{pages.Length} pages checked; vnu reported:\n{report}");
    }
}
