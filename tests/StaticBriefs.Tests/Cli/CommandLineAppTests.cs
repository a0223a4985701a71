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
        foreach (var option in new[] { "--input", "--output", "--theme", "--base-url", "--drafts", "--future", "--no-minify", "--strict", "--timings" })
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
        foreach (var stage in new[] { "load", "model", "render briefs", "feeds", "commit" }) Assert.Contains(stage, run.Stdout);
        Assert.Contains("Built 1 briefs into", run.Stdout);
        var work = run.Stdout.Split('\n').Single(l => l.Contains("within the stages", StringComparison.Ordinal));
        foreach (var step in new[] { "markdown", "minify", "templates", "write" })
            Assert.Matches($@"\b{step} \d+ ms", work);
        Assert.Matches(@"garbage collections: gen0 \d+, gen1 \d+, gen2 \d+; paused \d+ ms", run.Stdout);
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
        Assert.StartsWith("error: ", run.Stderr, StringComparison.Ordinal);
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
