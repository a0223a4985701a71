using System.Text.RegularExpressions;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Building;

/// <summary>A site with many broken briefs at once, built through the CLI over a previous good build.</summary>
[Collection(CliCollection.Name)]
public sealed partial class BadInputTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [GeneratedRegex(@"^(?<path>[^:\s]+):(?<line>\d+)(:(?<column>\d+))?: error (?<code>SB\d{3}): (?<message>.+)$")]
    private static partial Regex ErrorLine();

    private void WriteGoodSite()
    {
        _site.Write("_site.yml", "title: Good\nbase_url: https://example.org/\n");
        _site.Write("briefs/2024/first.md", TestSite.Brief("title: First\ndate: 2024-01-01\ncompanies: [OpenAI]"));
        _site.Write("briefs/2024/second.md", TestSite.Brief("title: Second\ndate: 2024-02-01", "See [first](/briefs/first/)."));
    }

    private void WriteBrokenBriefs()
    {
        _site.Write("briefs/bad-yaml.md", "---\ntitle: Fine\nsummary: a: b\ndate: 2024-01-01\n---\nBody\n");
        _site.Write("briefs/no-title.md", "---\ndate: 2024-01-01\nsummary: no title here\n---\nBody\n");
        _site.Write("briefs/bad-date.md", "---\ntitle: Bad date\ndate: 2024-13-45\n---\nBody\n");
        _site.Write("briefs/list-title.md", "---\ntitle: [a, b]\ndate: 2024-01-01\n---\nBody\n");
        _site.Write("briefs/2024/twin-one.md", "---\ntitle: Twin one\ndate: 2024-03-01\nslug: twin\n---\nBody\n");
        _site.Write("briefs/2025/twin-two.md", "---\ntitle: Twin two\nslug: twin\ndate: 2025-03-01\n---\nBody\n");
        _site.Write("briefs/linker.md", "---\ntitle: Linker\ndate: 2024-04-01\n---\n\nIntro.\n\nSee [gone](/briefs/does-not-exist/).\n");
    }

    [Fact]
    public void One_run_reports_every_broken_brief_with_path_and_line_and_leaves_the_previous_output_as_it_was()
    {
        WriteGoodSite();
        var good = _site.Cli();
        Assert.True(good.ExitCode == 0, good.ToString());
        var before = _site.OutputHash();
        Assert.Contains("briefs/first/index.html", _site.OutputFiles());

        WriteBrokenBriefs();
        var run = _site.Cli();

        Assert.True(run.ExitCode == 1, run.ToString());
        var errors = run.ErrorLines.Select(l => ErrorLine().Match(l)).Where(m => m.Success)
            .Select(m => (m.Groups["path"].Value, int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["code"].Value))
            .ToList();
        Assert.Equal(
            [
                ("briefs/2024/twin-one.md", 4, "SB005"),
                ("briefs/2025/twin-two.md", 3, "SB005"),
                ("briefs/bad-date.md", 3, "SB003"),
                ("briefs/bad-yaml.md", 3, "SB001"),
                ("briefs/linker.md", 8, "SB006"),
                ("briefs/list-title.md", 2, "SB004"),
                ("briefs/no-title.md", 1, "SB002"),
            ],
            errors);
        Assert.Contains(run.ErrorLines, l => l.StartsWith("Build failed: 7 error(s)", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.Contains("also used by briefs/2025/twin-two.md", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.Contains("/briefs/does-not-exist/", StringComparison.Ordinal));

        Assert.Equal(before, _site.OutputHash());
        // No staging leftovers; .staticbriefs is the build cache the first (successful) build created.
        Assert.Equal([".staticbriefs", "input", "output"], Directory.EnumerateDirectories(_site.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Fixing_the_input_lets_the_next_run_replace_the_output()
    {
        WriteGoodSite();
        Assert.Equal(0, _site.Cli().ExitCode);
        _site.Write("briefs/linker.md", "---\ntitle: Linker\ndate: 2024-04-01\n---\n\nSee [gone](/briefs/does-not-exist/).\n");
        Assert.Equal(1, _site.Cli().ExitCode);
        Assert.False(_site.OutputExists("briefs/linker/index.html"));

        _site.Write("briefs/linker.md", "---\ntitle: Linker\ndate: 2024-04-01\n---\n\nSee [first](/briefs/first/).\n");
        var run = _site.Cli();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(_site.OutputExists("briefs/linker/index.html"));
    }

    [Fact]
    public void Warnings_alone_do_not_fail_the_build()
    {
        WriteGoodSite();
        _site.Write("briefs/typo.md", "---\ntitle: Typo\ndate: 2024-05-01\ncompnies: [OpenAI]\n---\nBody\n");

        var run = _site.Cli();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("briefs/typo.md:4:1: warning SB007: unknown key 'compnies': did you mean 'companies'?", run.Stderr);
        Assert.Contains("(1 warning(s))", run.Stdout);
    }
}
