using StaticBriefs.Cli;

namespace StaticBriefs.Tests.Support;

/// <summary>Runs the command line in-process with a chosen environment and terminal, so overrides and output modes are testable.</summary>
internal static class CliHarness
{
    public static CliRun Invoke(IReadOnlyDictionary<string, string>? environment, bool terminal, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr)
        {
            IsTerminal = terminal,
            // Only the variables the test gives: the machine's own (a CI's GITHUB_ACTIONS) must not leak in.
            Environment = name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
        };
        var code = CommandLineApp.Run(args, context);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public static CliRun Invoke(params string[] args) => Invoke(null, false, args);
}
