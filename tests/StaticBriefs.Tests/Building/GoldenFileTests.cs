using System.Text;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Building;

/// <summary>
/// Golden files in Scriban's style: every <c>Fixtures/NNN-area/NNN-case/</c> folder has an <c>input/</c> site, a
/// <c>golden.txt</c> listing output files, and <c>expected/</c> copies of them; a <c>diagnostics.txt</c>, when there
/// is one, holds the build's warnings as printed. Set STATICBRIEFS_UPDATE_GOLDEN=1 to rewrite the expected files in
/// the source tree after a deliberate change, then review the diff before committing.
/// </summary>
public sealed class GoldenFileTests
{
    private const string UpdateVariable = "STATICBRIEFS_UPDATE_GOLDEN";

    private static string FixturesRoot => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    private static List<string> CaseNames() =>
        [.. Directory.EnumerateFiles(FixturesRoot, "golden.txt", SearchOption.AllDirectories)
            .Select(golden => Path.GetRelativePath(FixturesRoot, Path.GetDirectoryName(golden)!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    public static TheoryData<string> Cases() => [.. CaseNames()];

    [Fact]
    public void There_is_at_least_one_fixture()
    {
        Assert.Contains("001-site/basic", CaseNames());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Built_site_matches_the_expected_files_byte_for_byte(string fixture)
    {
        var folder = Path.Combine(FixturesRoot, fixture);
        var files = File.ReadAllLines(Path.Combine(folder, "golden.txt"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.NotEmpty(files);

        using var site = TestSite.CopyOf(Path.Combine(folder, "input"));
        var result = site.BuildOk();
        var diagnostics = string.Concat(result.Diagnostics.Select(d => d + "\n"));
        var diagnosticsFile = Path.Combine(folder, "diagnostics.txt");

        var expectedRoot = Path.Combine(folder, "expected");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            var target = Path.Combine(RepoPaths.SourceFixtures, fixture, "expected");
            expectedRoot = target;
            foreach (var file in files)
            {
                var path = Path.Combine(target, file);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.Copy(site.OutputPath(file), path, overwrite: true);
            }
            if (File.Exists(diagnosticsFile)) File.WriteAllText(Path.Combine(RepoPaths.SourceFixtures, fixture, "diagnostics.txt"), diagnostics);
        }

        var failures = new StringBuilder();
        foreach (var file in files)
        {
            var expectedPath = Path.Combine(expectedRoot, file);
            if (!File.Exists(expectedPath))
            {
                failures.Append($"missing expected file {fixture}/expected/{file} (run with {UpdateVariable}=1)\n");
                continue;
            }
            var actual = File.ReadAllBytes(site.OutputPath(file));
            var expected = File.ReadAllBytes(expectedPath);
            if (!actual.AsSpan().SequenceEqual(expected))
                failures.Append($"--- {fixture}/expected/{file}\n+++ built {file}\n").Append(Diff(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual)));
        }
        if (File.Exists(diagnosticsFile) && File.ReadAllText(diagnosticsFile).ReplaceLineEndings("\n") != diagnostics)
            failures.Append($"--- {fixture}/diagnostics.txt\n+++ built\n").Append(Diff(File.ReadAllText(diagnosticsFile).ReplaceLineEndings("\n"), diagnostics));
        Assert.True(failures.Length == 0, failures.ToString());
    }

    /// <summary>A small line diff: the first differing region with a few lines of context.</summary>
    private static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start]) start++;
        var endA = a.Length - 1;
        var endB = b.Length - 1;
        while (endA > start && endB > start && a[endA] == b[endB]) { endA--; endB--; }

        var output = new StringBuilder();
        output.Append(System.Globalization.CultureInfo.InvariantCulture, $"@@ -{start + 1} +{start + 1} @@\n");
        for (var i = Math.Max(0, start - 3); i < start; i++) output.Append(' ').Append(a[i]).Append('\n');
        for (var i = start; i <= endA && i < a.Length; i++) output.Append('-').Append(a[i]).Append('\n');
        for (var i = start; i <= endB && i < b.Length; i++) output.Append('+').Append(b[i]).Append('\n');
        for (var i = endA + 1; i < Math.Min(a.Length, endA + 4); i++) output.Append(' ').Append(a[i]).Append('\n');
        return output.ToString();
    }
}
