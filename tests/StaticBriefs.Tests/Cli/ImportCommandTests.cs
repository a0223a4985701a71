using StaticBriefs.Tests.Authoring;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Cli;

/// <summary><c>import</c> on the real seed text, against a copy of the sample site's entity data.</summary>
[Collection(CliCollection.Name)]
public sealed class ImportCommandTests : IDisposable
{
    private readonly TestSite _site = TestSite.CopyOf(RepoPaths.SampleInput);

    public void Dispose() => _site.Dispose();

    private CliRun Import(params string[] extra) =>
        CliRun.Invoke(["import", AuthoringTestSupport.Seed("karpathy-joins-anthropic.txt"), "--input", _site.InputDirectory, "--date", "2026-05-20", .. extra]);

    [Fact]
    public void Seed_imports_into_a_brief_the_loader_reads_without_errors()
    {
        var run = Import();

        Assert.Equal(0, run.ExitCode);
        var path = run.Stdout.Trim();
        Assert.StartsWith(Path.Combine(_site.InputDirectory, "briefs", "2026") + Path.DirectorySeparatorChar, path);
        var brief = AuthoringTestSupport.LoadClean(path);

        Assert.Contains("Karpathy", brief.Title);
        Assert.Contains("Anthropic", brief.Title);
        Assert.True(brief.Title.Length <= 100, brief.Title);
        Assert.Equal(["Andrej Karpathy"], brief.People.Select(p => p.Name));
        Assert.Superset(new HashSet<string> { "Anthropic", "OpenAI", "Tesla" }, brief.Companies.Select(c => c.Name).ToHashSet());
        Assert.Contains("Pre-training", brief.Topics.Select(t => t.Name));
        Assert.False(string.IsNullOrWhiteSpace(brief.Summary));
        Assert.DoesNotContain("\U0001F50D", brief.Summary!, StringComparison.Ordinal);
        Assert.StartsWith("Andrej Karpathy", brief.Summary, StringComparison.Ordinal);
        Assert.True(brief.Draft);
        Assert.Equal(new DateTimeOffset(2026, 5, 20, 0, 0, 0, TimeSpan.Zero), brief.Date);
    }

    [Fact]
    public void Seed_body_has_the_section_label_as_a_heading_and_keeps_every_paragraph()
    {
        var brief = AuthoringTestSupport.LoadClean(Import().Stdout.Trim());

        Assert.StartsWith("## Strategic Deep-Dive\n", brief.Body.TrimStart('\n'), StringComparison.Ordinal);
        Assert.DoesNotContain("Executive Summary", brief.Body, StringComparison.Ordinal);
        Assert.Contains("This is a game where the concentration of talent", brief.Body, StringComparison.Ordinal);
        Assert.Equal(8, brief.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Imported_seed_builds_as_a_draft_and_its_entities_are_all_known()
    {
        var path = Import("--output", Path.Combine(_site.InputDirectory, "briefs", "2026", "imported.md")).Stdout.Trim();
        Assert.EndsWith("imported.md", path, StringComparison.Ordinal);

        var result = _site.BuildOk(o => o with { IncludeDrafts = true, Now = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero) });

        Assert.DoesNotContain(result.Diagnostics, d => d.File.EndsWith("imported.md", StringComparison.Ordinal));
        Assert.True(_site.OutputExists("briefs/imported/index.html"));
    }

    [Fact]
    public void Import_refuses_to_overwrite_and_reports_a_missing_file_without_a_stack_trace()
    {
        var first = Import();
        var second = Import();
        var missing = CliRun.Invoke("import", Path.Combine(_site.Root, "nope.txt"), "--input", _site.InputDirectory);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("already exists", second.Stderr);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("nope.txt: file not found", missing.Stderr);
        Assert.DoesNotContain("   at ", missing.Stderr, StringComparison.Ordinal);
    }
}
