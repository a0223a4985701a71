using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace StaticBriefs.Cli;

/// <summary><c>staticbriefs --version</c>: the package version and the commit it was built from.</summary>
internal static class VersionCommand
{
    /// <summary>The version line, e.g. <c>staticbriefs 0.9.0 (commit 1a2b3c4d5e6f)</c>.</summary>
    public static string Text()
    {
        // The SDK writes "<version>+<full commit hash>" into the informational version when built from a git clone.
        var informational = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        var version = plus < 0 ? informational : informational[..plus];
        var commit = plus < 0 ? null : informational[(plus + 1)..];
        var runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;
        return commit is { Length: > 0 }
            ? $"staticbriefs {version} (commit {commit[..Math.Min(12, commit.Length)]}; {runtime})"
            : $"staticbriefs {version} (commit unknown; {runtime})";
    }

    /// <summary>The package version alone, e.g. <c>0.9.0</c>.</summary>
    public static string PackageVersion()
    {
        var informational = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }

    /// <summary>Makes the root command's <c>--version</c> print <see cref="Text"/>.</summary>
    public static void Replace(RootCommand root, TextWriter stdout)
    {
        foreach (var option in root.Options.OfType<VersionOption>()) option.Action = new PrintVersion(stdout);
    }

    private sealed class PrintVersion(TextWriter stdout) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            stdout.WriteLine(Text());
            return 0;
        }
    }
}
