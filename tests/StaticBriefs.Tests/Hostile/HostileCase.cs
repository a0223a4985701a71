using System.Text.RegularExpressions;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Hostile;

/// <summary>
/// One hostile input: what to put into a good site, the exit code the build must give, the diagnostics it must
/// print (each the start of a line: <c>path:line:col: error SB037</c>), and what else must hold afterwards.
/// </summary>
/// <param name="Name">Area and case, e.g. <c>yaml/self-alias</c>.</param>
/// <param name="Arrange">Makes the hostile input.</param>
/// <param name="Exit">1 when an error must stop the build, 0 when warnings let it go on.</param>
/// <param name="Expect">Diagnostics that must be printed, each as the start of a line.</param>
internal sealed record HostileCase(string Name, Action<HostileSite> Arrange, int Exit, params string[] Expect)
{
    /// <summary>Extra command-line arguments; <c>{root}</c> stands for the site's folder (as in <see cref="Expect"/>).</summary>
    public string[] Args { get; init; } = [];

    /// <summary>Run the CLI without the right to bypass file permissions (unreadable-file cases).</summary>
    public bool Unprivileged { get; init; }

    /// <summary>More to check after the build (what the output must not contain, for instance).</summary>
    public Action<HostileSite, CliRun>? Then { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>Runs a <see cref="HostileCase"/> and asserts what every hostile case must satisfy.</summary>
internal static partial class HostileRunner
{
    [GeneratedRegex(@"^(?<path>.+?)(:(?<line>\d+)(:(?<col>\d+))?)?: (error|warning) SB\d{3}: .+$")]
    private static partial Regex DiagnosticLine();

    public static void Run(HostileCase test)
    {
        using var site = HostileSite.Create();
        test.Arrange(site);
        var before = site.Snapshot();

        string[] args = [.. test.Args.Select(a => a.Replace("{root}", site.Root, StringComparison.Ordinal))];
        var run = test.Unprivileged ? site.CliUnprivileged(args) : site.Cli(args);

        Assert.True(run.ExitCode == test.Exit, $"{test.Name}: expected exit {test.Exit}\n{run}");
        Assert.DoesNotContain("internal error", run.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Unhandled exception", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?m)^\s+at \S+\(", run.Stderr);
        foreach (var expected in test.Expect.Select(e => e.Replace("{root}", site.Root, StringComparison.Ordinal)))
        {
            Assert.True(run.ErrorLines.Any(line => line.StartsWith(expected, StringComparison.Ordinal)),
                $"{test.Name}: expected a line starting with '{expected}'\n{run}");
        }
        // Every line is a diagnostic or the summary: no bare .NET message.
        foreach (var line in run.ErrorLines)
        {
            Assert.True(DiagnosticLine().IsMatch(line) || line.StartsWith("Build failed:", StringComparison.Ordinal),
                $"{test.Name}: not a diagnostic: '{line}'\n{run}");
        }

        var after = site.Snapshot();
        var changed = test.Exit == 0 ? before.Without("output").Differences(after.Without("output")) : before.Differences(after);
        Assert.True(changed.Count == 0, $"{test.Name}: files changed that must not:\n{string.Join('\n', changed)}\n{run}");
        if (test.Exit == 0)
        {
            Assert.Contains("Built ", run.Stdout, StringComparison.Ordinal);
            AssertNothingFromOutside(site);
        }
        test.Then?.Invoke(site, run);
    }

    /// <summary>No published file carries what lies outside the input: the secret, or anything from /etc or /proc.</summary>
    public static void AssertNothingFromOutside(HostileSite site)
    {
        foreach (var file in Directory.EnumerateFiles(site.Output, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("SECRET-OUTSIDE-THE-SITE", text, StringComparison.Ordinal);
            Assert.DoesNotContain("root:x:0:0", text, StringComparison.Ordinal);
            Assert.DoesNotContain("PATH=/", text, StringComparison.Ordinal);
        }
    }
}
