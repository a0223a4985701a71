namespace StaticBriefs.Cli;

/// <summary>
/// What one run of the command line talks to: its two output streams, whether standard output is a terminal (live
/// progress) or not (plain lines), and the environment it reads overrides from. Tests pass their own.
/// </summary>
/// <param name="Stdout">Standard output.</param>
/// <param name="Stderr">Standard error.</param>
public sealed record CliContext(TextWriter Stdout, TextWriter Stderr)
{
    /// <summary>True when standard output is an interactive terminal.</summary>
    public bool IsTerminal { get; init; }

    /// <summary>True when the process's heap was advised for huge pages (<see cref="HugePageHeap"/>).</summary>
    public bool HeapOnHugePages { get; init; }

    /// <summary>Reads an environment variable (null when unset).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The process's own console and environment.</summary>
    public static CliContext FromConsole() => new(Console.Out, Console.Error) { IsTerminal = !Console.IsOutputRedirected };

    /// <summary>True when running as a GitHub Actions step, where diagnostics are also written as annotations.</summary>
    public bool InGitHubActions => string.Equals(Environment("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);
}
