using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Hostile;

/// <summary>
/// The hostile-input suite: each case builds a real site in a temp folder through the CLI, over the output of a
/// previous good build, and asserts the exit code, the diagnostics (file:line:col and SB code), that no line is a
/// bare .NET message or a stack trace, and that nothing changed that must not (everything when the build fails;
/// everything but <c>output/</c> when only warnings were given).
/// </summary>
[Collection(CliCollection.Name)]
public sealed class HostileInputTests
{
    private static readonly Dictionary<string, HostileCase> All =
        FrontMatterAndYamlCases.All()
            .Concat(FileSystemCases.All())
            .Concat(OutputAndUrlCases.All())
            .Concat(TemplateAndMarkdownCases.All())
            .ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static TheoryData<string> Cases => new(All.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Hostile_input_gives_its_diagnostic_and_changes_nothing_it_must_not(string name) => HostileRunner.Run(All[name]);

    [Fact]
    public void Import_refuses_a_binary_file_without_writing_anything() =>
        AssertImportRefused(site => site.WriteBytes("../outside/paste.txt", [0x50, 0x4B, 0x03, 0x04, 0, 0, 0xFF, 0xFE, 0x00]), "paste.txt", "error SB0");

    [Fact]
    public void Import_refuses_a_file_over_its_size_cap() =>
        AssertImportRefused(site =>
        {
            using var stream = File.Create(Path.Combine(site.Outside, "paste.txt"));
            stream.SetLength(5L * 1024 * 1024);
        }, "paste.txt", "error SB044");

    [Fact]
    public void Import_refuses_a_named_pipe_without_opening_it() =>
        AssertImportRefused(site => site.Fifo("../outside/paste.txt"), "paste.txt", "error SB044");

    [Fact]
    public void The_suite_covers_every_area_with_more_than_sixty_cases()
    {
        Assert.True(All.Count + 3 >= 60, $"{All.Count + 3} cases");
        foreach (var area in new[] { "front-matter/", "yaml/", "encoding/", "links/", "special/", "files/", "collision/", "entities/", "urls/", "template/", "markdown/" })
            Assert.Contains(All.Keys, name => name.StartsWith(area, StringComparison.Ordinal));
    }

    private static void AssertImportRefused(Action<HostileSite> arrange, string file, string expected)
    {
        using var site = HostileSite.Create();
        arrange(site);
        var before = site.Snapshot();

        var run = CliRun.Invoke("import", Path.Combine(site.Outside, file), "--input", site.Input, "--date", "2024-05-01");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(run.ErrorLines, line => line.Contains(file, StringComparison.Ordinal) && line.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain("internal error", run.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(before.Differences(site.Snapshot()));
    }
}
