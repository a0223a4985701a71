using System.Globalization;
using System.Text.RegularExpressions;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Cli;

[Collection(CliCollection.Name)]
public sealed class CommandLineAppTests
{
    [Fact]
    public void Unknown_option_is_a_usage_error_with_exit_code_2()
    {
        var run = CliRun.Invoke("build", "--frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--frobnicate", run.Stderr);
        Assert.Contains("staticbriefs --help", run.Stderr);
    }

    [Fact]
    public void Unknown_command_is_a_usage_error_with_exit_code_2()
    {
        Assert.Equal(2, CliRun.Invoke("publish").ExitCode);
    }

    [Fact]
    public void Help_exits_0_and_names_the_build_command()
    {
        var run = CliRun.Invoke("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("build", run.Stdout);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public void Build_help_exits_0_and_lists_every_build_option()
    {
        var run = CliRun.Invoke("build", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--input", "--output", "--theme", "--base-url", "--config", "--drafts", "--future", "--no-minify", "--strict", "--timings" })
            Assert.Contains(option, run.Stdout);
    }

    [Fact]
    public void Missing_input_folder_is_a_clear_error_with_exit_code_1()
    {
        using var site = new TestSite();
        var missing = Path.Combine(site.Root, "nope");

        var run = CliRun.Invoke("build", "--input", missing, "--output", site.OutputDirectory, "--theme", RepoPaths.Theme);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{missing}: error SB014: input folder not found", run.Stderr);
        Assert.False(Directory.Exists(site.OutputDirectory));
    }

    [Fact]
    public void Timings_prints_every_stage()
    {
        using var site = new TestSite();
        site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2024-01-01"));

        var run = site.Cli("--timings");

        Assert.Equal(0, run.ExitCode);
        foreach (var stage in new[] { "load", "model", "render briefs", "render listings", "feeds + search index", "commit" }) Assert.Contains(stage, run.Stdout);
        Assert.Contains("Built 1 briefs into", run.Stdout);
        var work = run.Stdout.Split('\n').Single(l => l.Contains("within the stages", StringComparison.Ordinal));
        foreach (var step in new[] { "markdown", "minify", "templates", "write" })
            Assert.Matches($@"\b{step} \d+ ms", work);
        Assert.Matches(@"garbage collections: gen0 \d+, gen1 \d+, gen2 \d+; paused \d+ ms", run.Stdout);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Timings_say_when_the_heap_is_on_huge_pages(bool hugePages)
    {
        using var site = new TestSite();
        site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2024-01-01"));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new StaticBriefs.Cli.CliContext(stdout, stderr) { HeapOnHugePages = hugePages, Environment = _ => null };

        var code = StaticBriefs.Cli.CommandLineApp.Run(["build", "--input", site.InputDirectory, "--output", site.OutputDirectory, "--theme", RepoPaths.Theme, "--timings"], context);

        Assert.Equal(0, code);
        Assert.Equal(hugePages, stdout.ToString().Contains("MiB; heap on huge pages", StringComparison.Ordinal));
    }

    [Fact]
    public void Timings_prints_the_bytes_allocated()
    {
        using var site = new TestSite();
        site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2024-01-01"));

        var run = site.Cli("--timings");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"; allocated [1-9]\d* MiB; heap \d+ MiB", run.Stdout);
    }

    [Fact]
    public void Timings_prints_user_and_system_time_and_the_page_faults()
    {
        using var site = new TestSite();
        site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2024-01-01"));

        var run = site.Cli("--timings");

        Assert.Equal(0, run.ExitCode);
        var line = run.Stdout.Split('\n').Single(l => l.StartsWith("  processor: ", StringComparison.Ordinal));
        var user = Regex.Match(line, @"user (\d+) ms, system (\d+) ms");
        Assert.True(user.Success, line);
        Assert.True(int.Parse(user.Groups[1].Value, CultureInfo.InvariantCulture) > 0, line);
        // Linux, where these tests run, counts faults: a process that built a site has taken many.
        var faults = Regex.Match(line, @"; page faults (\d+) minor, (\d+) major$");
        Assert.True(faults.Success, line);
        Assert.True(long.Parse(faults.Groups[1].Value, CultureInfo.InvariantCulture) > 0, line);
    }

    [Fact]
    public void Config_reads_settings_from_the_given_file_instead_of_the_input_folder()
    {
        using var site = new TestSite();
        for (var i = 1; i <= 5; i++) site.Write($"briefs/b{i}.md", TestSite.Brief($"title: B{i}\ndate: 2024-01-0{i}"));
        site.Write("_site.yml", "title: From input\npage_size: nope\n");
        var config = Path.Combine(site.Root, "bench.yml");
        File.WriteAllText(config, "title: From config\npage_size: 2\n");

        var run = site.Cli("--config", config);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("page_size", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("From config", site.ReadOutput("index.html"), StringComparison.Ordinal);
        Assert.True(site.OutputExists("page/3/index.html"));
        Assert.False(site.OutputExists("page/4/index.html"));
    }

    [Fact]
    public void Config_problems_name_the_given_file()
    {
        using var site = new TestSite();
        site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2024-01-01"));
        var config = Path.Combine(site.Root, "bench.yml");
        File.WriteAllText(config, "title: T\npage_size: 0\n");

        var bad = site.Cli("--config", config);
        var missing = site.Cli("--config", Path.Combine(site.Root, "nope.yml"));

        Assert.Equal(1, bad.ExitCode);
        Assert.Contains($"{config}:2:12: error SB", bad.Stderr, StringComparison.Ordinal);
        Assert.Contains("page_size", bad.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("nope.yml", missing.Stderr, StringComparison.Ordinal);
        Assert.Contains("--config", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_folder_that_cannot_be_created_is_one_readable_line_without_a_stack_trace()
    {
        using var site = new TestSite();
        site.Write("a.md", "---\ntitle: A\ndate: 2024-01-01\n---\nBody.\n");
        var blocker = Path.Combine(site.Root, "blocker");
        File.WriteAllText(blocker, "a file where the output's parent folder should be");

        var run = CliRun.Invoke("build", "--input", site.InputDirectory, "--theme", RepoPaths.Theme,
            "--output", Path.Combine(blocker, "output"));

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith(Path.Combine(blocker, "output") + ": error SB023: cannot create or open the output folder", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, run.ErrorLines.Count); // the error and "Build failed: 1 error(s)..."
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Unexpected_exception_is_reported_as_an_internal_error_without_a_stack_trace()
    {
        using var stderr = new StringWriter();

        var code = StaticBriefs.Cli.CommandLineApp.ReportFailure(
            new AggregateException(new InvalidOperationException("boom")), stderr);

        Assert.Equal(1, code);
        Assert.Contains("internal error: InvalidOperationException: boom", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr.ToString(), StringComparison.Ordinal);
    }
}
