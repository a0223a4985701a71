using StaticBriefs.Diagnostics;
using StaticBriefs.Output;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Output;

/// <summary>
/// Output folders whose replacement would destroy something: each is refused with exit 2 and SB020 naming the folder,
/// before anything is read or written, and every file under the test's folder (input, theme, outside, the output
/// itself) is byte-identical afterwards. Everything happens on copies in a temp folder.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class OutputGuardTests : IDisposable
{
    private readonly OutputSite _site = new();

    public void Dispose() => _site.Dispose();

    /// <summary>Runs a build that must be refused and checks the answer and that nothing changed.</summary>
    private void AssertRefused(string output, string reason, params string[] extra) =>
        AssertRefused(() => CliRun.Invoke(_site.BuildArgs(output, extra)), output, reason);

    private void AssertRefused(Func<CliRun> build, string output, string reason)
    {
        var before = _site.Hash();

        var run = build();

        Assert.True(run.ExitCode == 2, run.ToString());
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"{output}: error SB020: refusing to build into this folder: it {reason}", error, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was read or written", error, StringComparison.Ordinal);
        Assert.Equal(before, _site.Hash());
    }

    [Fact]
    public void Output_equal_to_the_input_is_refused() =>
        AssertRefused(_site.Input, $"is the input folder ({_site.Input})");

    [Fact]
    public void Output_that_is_the_parent_of_the_input_is_refused() =>
        AssertRefused(_site.Root, $"contains the input folder ({_site.Input})");

    [Fact]
    public void Output_inside_the_input_is_refused() =>
        AssertRefused(Path.Combine(_site.Input, "public"), $"is inside the input folder ({_site.Input})");

    [Fact]
    public void Output_equal_to_the_theme_is_refused() =>
        AssertRefused(_site.Theme, $"is the theme folder ({_site.Theme})");

    [Fact]
    public void Output_inside_the_theme_is_refused() =>
        AssertRefused(Path.Combine(_site.Theme, "assets", "out"), $"is inside the theme folder ({_site.Theme})");

    [Fact]
    public void Output_inside_the_sites_theme_overrides_is_refused()
    {
        Directory.CreateDirectory(Path.Combine(_site.Input, "_theme", "layouts"));
        AssertRefused(Path.Combine(_site.Input, "_theme"), $"is inside the input folder ({_site.Input})");
    }

    [Fact]
    public void Output_that_contains_the_theme_only_is_refused()
    {
        var themes = _site.At("themes");
        Directory.CreateDirectory(themes);
        Directory.Move(_site.Theme, Path.Combine(themes, "main"));
        var before = _site.Hash();

        var run = CliRun.Invoke("build", "--input", _site.Input, "--output", themes, "--theme", Path.Combine(themes, "main"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{themes}: error SB020: refusing to build into this folder: it contains the theme folder ({Path.Combine(themes, "main")})", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, _site.Hash());
    }

    [Fact]
    public void Output_equal_to_the_cache_is_refused()
    {
        var cache = _site.At(".staticbriefs/cache");
        Directory.CreateDirectory(cache);
        File.WriteAllText(Path.Combine(cache, "sources.json"), "{}");
        AssertRefused(cache, $"is the build cache ({cache})");
    }

    [Fact]
    public void Output_containing_the_cache_is_refused() =>
        AssertRefused(_site.At(".staticbriefs"), $"contains the build cache ({_site.At(".staticbriefs/cache")})");

    [Fact]
    public void Output_inside_a_cache_given_with_cache_is_refused()
    {
        var cache = _site.At("my-cache");
        AssertRefused(Path.Combine(cache, "site"), $"is inside the build cache ({cache})", "--cache", cache);
    }

    [Fact]
    public void Output_that_is_a_link_to_the_input_is_refused()
    {
        var link = _site.At("output");
        File.CreateSymbolicLink(link, _site.Input);
        AssertRefused(link, $"is the input folder ({_site.Input})");
    }

    [Fact]
    public void Output_that_is_a_link_to_the_inputs_parent_is_refused()
    {
        var link = _site.At("output");
        File.CreateSymbolicLink(link, _site.Root);
        AssertRefused(link, $"contains the input folder ({_site.Input})");
    }

    [Fact]
    public void Output_reached_through_a_link_into_the_input_is_refused()
    {
        File.CreateSymbolicLink(_site.At("shortcut"), _site.Input);
        AssertRefused(Path.Combine(_site.At("shortcut"), "public"), $"is inside the input folder ({_site.Input})");
    }

    [Fact]
    public void Output_that_is_a_dangling_link_is_refused()
    {
        var link = _site.At("output");
        File.CreateSymbolicLink(link, _site.At("nowhere"));
        AssertRefused(link, $"is a symbolic link to {_site.At("nowhere")}, which does not exist");
    }

    [Fact]
    public void Output_that_holds_the_settings_file_is_refused()
    {
        var folder = _site.At("public");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(_site.Input, "_site.yml"), Path.Combine(folder, "site.yml"));
        AssertRefused(folder, $"contains the settings file ({Path.Combine(folder, "site.yml")})", "--config", Path.Combine(folder, "site.yml"));
    }

    [Fact]
    public void Output_that_is_a_file_is_refused()
    {
        File.WriteAllText(_site.Output, "a file where the output folder should be");
        AssertRefused(_site.Output, "is a file (or a pipe or device), not a folder");
    }

    [Fact]
    public async Task Preview_refuses_the_input_as_its_output_too()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var before = _site.Hash();

        var code = await StaticBriefs.Cli.CommandLineApp.RunAsync(
            ["preview", "--input", _site.Input, "--output", _site.Input, "--theme", _site.Theme, "--port", "0"], stdout, stderr,
            CancellationToken.None).WaitAsync(StaticBriefsProcess.Patience);

        Assert.Equal(2, code);
        Assert.StartsWith($"{_site.Input}: error SB020: refusing to build into this folder: it is the input folder", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Previewing at", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, _site.Hash());
    }

    [Fact]
    public void Dot_from_the_project_folder_is_refused()
    {
        var before = _site.Hash();

        var run = StaticBriefsProcess.Run(["build", "--input", "input", "--output", ".", "--theme", "theme"], workingDirectory: _site.Root);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($".: error SB020: refusing to build into this folder: it contains the input folder ({_site.Input})", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, _site.Hash());
    }

    [Fact]
    public void The_working_folder_and_its_parents_are_refused_even_far_from_the_input()
    {
        var work = _site.At("work/deep");
        Directory.CreateDirectory(work);
        File.WriteAllText(Path.Combine(work, "notes.txt"), "mine");
        var before = _site.Hash();

        var here = StaticBriefsProcess.Run(["build", "--input", _site.Input, "--output", ".", "--theme", _site.Theme], workingDirectory: work);
        var parent = StaticBriefsProcess.Run(["build", "--input", _site.Input, "--output", "..", "--theme", _site.Theme], workingDirectory: work);

        Assert.Equal(2, here.ExitCode);
        Assert.StartsWith(".: error SB020: refusing to build into this folder: it is the working folder.", here.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, parent.ExitCode);
        Assert.StartsWith($"..: error SB020: refusing to build into this folder: it contains the working folder ({work})", parent.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, _site.Hash());
    }

    [Fact]
    public void The_home_folder_and_its_parents_are_refused()
    {
        var home = _site.At("people/me");
        Directory.CreateDirectory(home);
        File.WriteAllText(Path.Combine(home, ".bashrc"), "mine");
        var environment = new Dictionary<string, string> { ["HOME"] = home };
        var before = _site.Hash();

        var exact = StaticBriefsProcess.Run(_site.BuildArgs(home), environment);
        var above = StaticBriefsProcess.Run(_site.BuildArgs(_site.At("people")), environment);

        Assert.Equal(2, exact.ExitCode);
        Assert.StartsWith($"{home}: error SB020: refusing to build into this folder: it is your home folder.", exact.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, above.ExitCode);
        Assert.Contains($"it contains your home folder ({home})", above.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, _site.Hash());
    }

    [Fact]
    public void The_file_system_root_is_refused_without_touching_anything()
    {
        // Checked on the guard alone: a build is never pointed at the real root, even in a test.
        var refusal = OutputGuard.Check("/", new GuardedFolders(_site.Input, _site.Theme, null, null, _site.Root, null));

        Assert.NotNull(refusal);
        Assert.Equal(DiagnosticCodes.OutputOverlaps, refusal.Code);
        Assert.Equal("/", refusal.File);
        Assert.Contains("it is the root of the file system", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_of_its_own_beside_the_input_passes()
    {
        Assert.Null(OutputGuard.Check(_site.Output, new GuardedFolders(_site.Input, _site.Theme, _site.At(".staticbriefs/cache"), null, _site.Root, _site.At("home"))));
        Assert.Null(OutputGuard.Check(_site.At(".staticbriefs/preview"), new GuardedFolders(_site.Input, _site.Theme, _site.At(".staticbriefs/cache"), null, _site.Root, null)));
    }
}
