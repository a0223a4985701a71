using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Cli;

[Collection(CliCollection.Name)]
public sealed class CliConventionsTests
{
    private static string BriefText => TestSite.Brief("""
        title: "Acme hires Ada"
        date: 2024-05-01
        companies: [Acme]
        topics: [Talent]
        """);

    private static TestSite Site()
    {
        var site = new TestSite();
        site.Write("briefs/2024/acme.md", BriefText);
        site.Write("briefs/2024/draft.md", TestSite.Brief("""
            title: "Draft"
            date: 2024-05-02
            draft: true
            """));
        return site;
    }

    [Fact]
    public void Short_flags_build_what_the_long_ones_do()
    {
        using var site = Site();
        var other = Path.Combine(site.Root, "short");

        var run = CliHarness.Invoke("build", "-i", site.InputDirectory, "-o", other, "-t", RepoPaths.Theme,
            "-b", "https://example.org/sub/", "-D", "-F", "-q");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Path.Combine(other, "briefs", "draft", "index.html")), "-D publishes drafts");
        Assert.Contains("https://example.org/sub/briefs/acme/", File.ReadAllText(Path.Combine(other, "sitemap.xml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_variables_set_options_and_flags_win_over_them()
    {
        using var site = Site();
        var fromEnvironment = Path.Combine(site.Root, "env-out");
        var environment = new Dictionary<string, string>
        {
            ["STATICBRIEFS_INPUT"] = site.InputDirectory,
            ["STATICBRIEFS_OUTPUT"] = fromEnvironment,
            ["STATICBRIEFS_BASE_URL"] = "https://env.example/",
            ["STATICBRIEFS_DRAFTS"] = "true",
        };

        var run = CliHarness.Invoke(environment, false, "build", "-q");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("https://env.example/briefs/draft/", File.ReadAllText(Path.Combine(fromEnvironment, "sitemap.xml")), StringComparison.Ordinal);

        var flagged = Path.Combine(site.Root, "flag-out");
        run = CliHarness.Invoke(environment, false, "build", "-q", "--output", flagged, "--base-url", "https://flag.example/");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("https://flag.example/briefs/acme/", File.ReadAllText(Path.Combine(flagged, "sitemap.xml")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_environment_value_is_a_usage_error_naming_the_variable()
    {
        using var site = Site();

        var run = CliHarness.Invoke(new Dictionary<string, string> { ["STATICBRIEFS_DRAFTS"] = "sometimes" }, false,
            "build", "-i", site.InputDirectory, "-o", site.OutputDirectory);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("STATICBRIEFS_DRAFTS='sometimes' is not true or false", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.OutputDirectory));
    }

    [Fact]
    public void Build_without_a_theme_folder_uses_the_built_in_theme_but_a_named_missing_one_is_one_clear_line()
    {
        using var site = Site();
        var cwdFree = CliHarness.Invoke("build", "-i", site.InputDirectory, "-o", site.OutputDirectory, "-q");
        Assert.True(cwdFree.ExitCode == 0, cwdFree.ToString());
        Assert.True(File.Exists(Path.Combine(site.OutputDirectory, "briefs", "acme", "index.html")));

        var missing = Path.Combine(site.Root, "no-such-theme");
        var run = CliHarness.Invoke("build", "-i", site.InputDirectory, "-o", Path.Combine(site.Root, "o2"), "--theme", missing);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Equal($"{missing}: error SB014: theme folder not found; check --theme, or leave it out to use the built-in theme", line);
    }

    [Fact]
    public void Quiet_prints_nothing_but_problems_and_verbose_adds_settings_and_stage_times()
    {
        using var site = Site();

        var quiet = CliHarness.Invoke("build", "-i", site.InputDirectory, "-o", site.OutputDirectory, "--quiet");
        Assert.Equal(0, quiet.ExitCode);
        Assert.Equal("", quiet.Stdout);

        var verbose = CliHarness.Invoke("build", "-i", site.InputDirectory, "-o", site.OutputDirectory, "--verbose");
        Assert.Equal(0, verbose.ExitCode);
        Assert.Contains("  input     " + site.InputDirectory, verbose.Stdout, StringComparison.Ordinal);
        Assert.Contains("ms cpu", verbose.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"ms cpu +\d+ MiB allocated", verbose.Stdout);
        Assert.Matches(@"MiB committed; peak working set \d+ MiB", verbose.Stdout);
    }

    [Fact]
    public void Summary_counts_briefs_pages_entities_and_warnings_by_code()
    {
        using var site = Site();
        site.Write("briefs/2024/typo.md", TestSite.Brief("""
            title: "Typo"
            date: 2024-05-03
            compnies: [Acme]
            """));

        var run = CliHarness.Invoke("build", "-i", site.InputDirectory, "-o", site.OutputDirectory);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Built 2 briefs into ", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"  pages: \d+ \(\d+ rendered, 0 unchanged\); entities: 1 companies, 0 people, 1 topics", run.Stdout);
        Assert.Contains("  warnings: SB007 x1", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_is_plain_lines_without_escape_codes_when_not_on_a_terminal()
    {
        using var site = Site();

        var run = CliHarness.Invoke(null, false, "build", "-i", site.InputDirectory, "-o", site.OutputDirectory);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Stdout);
        Assert.Matches(@"(?m)^  render briefs +\d+ ms$", run.Stdout);
        Assert.Matches(@"(?m)^  commit +\d+ ms$", run.Stdout);
    }

    [Fact]
    public void Progress_is_a_live_display_on_a_terminal()
    {
        using var site = Site();

        var run = CliHarness.Invoke(null, true, "build", "-i", site.InputDirectory, "-o", site.OutputDirectory);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains('\u001b', run.Stdout);
        Assert.DoesNotMatch(@"(?m)^  render briefs +\d+ ms$", run.Stdout);
        Assert.Contains("Built 1 briefs into ", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void In_GitHub_Actions_every_diagnostic_is_also_an_annotation_on_its_file()
    {
        using var site = Site();
        site.Write("briefs/2024/broken.md", TestSite.Brief("""
            title: "Broken"
            date: not-a-date
            """));
        var environment = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_WORKSPACE"] = site.Root };

        var run = CliHarness.Invoke(environment, false, "build", "-i", site.InputDirectory, "-o", site.OutputDirectory);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"(?m)^::error file=input/briefs/2024/broken\.md,line=3(,col=\d+)?,title=SB003::", run.Stdout);
        Assert.Contains("broken.md:3", run.Stderr, StringComparison.Ordinal);

        var outside = CliHarness.Invoke(null, false, "build", "-i", site.InputDirectory, "-o", site.OutputDirectory);
        Assert.DoesNotContain("::error", outside.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_names_the_package_version_and_the_commit()
    {
        var run = CliHarness.Invoke("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^staticbriefs \d+\.\d+\.\d+\S* \(commit ([0-9a-f]{12}|unknown); \.NET [\d.]+\)\s*$", run.Stdout);
    }
}
