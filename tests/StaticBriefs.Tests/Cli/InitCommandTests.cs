using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Cli;

[Collection(CliCollection.Name)]
public sealed class InitCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sb-init-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Init_makes_a_site_that_builds_with_the_built_in_theme()
    {
        var site = Path.Combine(_root, "site");

        var run = CliHarness.Invoke("init", site, "--date", "2026-03-04");

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var file in new[]
        {
            "input/_site.yml", "input/briefs/2026/welcome.md", "input/_data/companies.yml", "input/_data/people.yml",
            "input/_data/topics.yml", "input/about.md", ".gitignore", "netlify.toml", ".github/workflows/pages.yml",
            ".config/dotnet-tools.json", "netlify/plugins/dotnet-cache/index.js",
        })
        {
            Assert.True(File.Exists(Path.Combine(site, file)), file + " missing");
        }
        Assert.Contains("date: 2026-03-04", File.ReadAllText(Path.Combine(site, "input/briefs/2026/welcome.md")), StringComparison.Ordinal);
        Assert.DoesNotContain("{{", File.ReadAllText(Path.Combine(site, ".config/dotnet-tools.json")), StringComparison.Ordinal);

        var output = Path.Combine(site, "output");
        var build = CliHarness.Invoke("build", "-i", Path.Combine(site, "input"), "-o", output, "--strict");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal("", build.Stderr);
        Assert.True(File.Exists(Path.Combine(output, "briefs", "welcome", "index.html")));
        Assert.True(File.Exists(Path.Combine(output, "companies", "example-corp", "index.html")));
        Assert.True(File.Exists(Path.Combine(output, "about", "index.html")));
    }

    [Fact]
    public void Init_refuses_to_overwrite_and_names_every_file_in_the_way()
    {
        var site = Path.Combine(_root, "taken");
        Directory.CreateDirectory(Path.Combine(site, "input"));
        File.WriteAllText(Path.Combine(site, "netlify.toml"), "mine");
        File.WriteAllText(Path.Combine(site, "input", "_site.yml"), "title: Mine");

        var run = CliHarness.Invoke("init", site);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(Path.Combine(site, "netlify.toml"), run.Stderr, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(site, "input", "_site.yml"), run.Stderr, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(site, "netlify.toml")));
        Assert.Equal(["input/_site.yml", "netlify.toml"], TestSite.FilesUnder(site));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
