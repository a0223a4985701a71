namespace StaticBriefs.Tests.Support;

/// <summary>What one in-process run of the command line produced.</summary>
/// <param name="ExitCode">The process exit code the CLI returned.</param>
/// <param name="Stdout">Everything written to standard output.</param>
/// <param name="Stderr">Everything written to standard error.</param>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Standard error split into non-empty lines.</summary>
    public IReadOnlyList<string> ErrorLines =>
        Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Runs <see cref="StaticBriefs.Cli.CommandLineApp"/> in-process with captured output.</summary>
    public static CliRun Invoke(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = StaticBriefs.Cli.CommandLineApp.Run(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <inheritdoc/>
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// The command line's option objects are shared static instances, so in-process CLI runs are kept in one
/// collection and never overlap.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CliCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "cli";
}
