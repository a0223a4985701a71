using System.CommandLine;

namespace StaticBriefs.Cli;

/// <summary>The command tree; kept apart from <see cref="Program"/> so tests can run it in-process.</summary>
public static class CommandLineApp
{
    /// <summary>Runs a command line; returns 0 on success, 1 on content errors, 2 on usage errors.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, new CliContext(stdout, stderr));

    /// <summary>Runs a command line against <paramref name="context"/> (terminal or not, environment).</summary>
    public static int Run(string[] args, CliContext context) =>
        Execute(args, context, (parse, config) => Task.FromResult(parse.Invoke(config))).GetAwaiter().GetResult();

    /// <summary>
    /// Runs a command line until it ends or <paramref name="cancellationToken"/> fires (which stops <c>preview</c>
    /// as Ctrl+C would); for hosting the CLI in-process.
    /// </summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        RunAsync(args, new CliContext(stdout, stderr), cancellationToken);

    /// <summary>As <see cref="RunAsync(string[], TextWriter, TextWriter, CancellationToken)"/>, against <paramref name="context"/>.</summary>
    public static Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken) =>
        Execute(args, context, (parse, config) => parse.InvokeAsync(config, cancellationToken));

    private static async Task<int> Execute(
        string[] args, CliContext context, Func<ParseResult, InvocationConfiguration, Task<int>> invoke)
    {
        var (stdout, stderr) = (context.Stdout, context.Stderr);
        var root = new RootCommand("StaticBriefs: turns a folder of markdown briefs into a fast, searchable static site");
        VersionCommand.Replace(root, stdout);
        root.Subcommands.Add(InitCommand.Create(context));
        root.Subcommands.Add(BuildCommand.Create(context));
        root.Subcommands.Add(PreviewCommand.Create(context));
        root.Subcommands.Add(NewCommand.Create(stdout, stderr));
        root.Subcommands.Add(ImportCommand.Create(stdout, stderr));
        root.Subcommands.Add(ThemeCommand.Create(context));
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) stderr.WriteLine("error: " + error.Message);
            stderr.WriteLine("Run 'staticbriefs --help' for usage.");
            return 2;
        }
        try
        {
            return await invoke(parse, new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            return ReportFailure(ex, stderr);
        }
    }

    /// <summary>
    /// Turns an exception that escaped a command into one readable line. Disk and permission problems are the
    /// user's to fix; anything else is a bug in StaticBriefs, reported as such, with the stack trace only on request.
    /// </summary>
    internal static int ReportFailure(Exception exception, TextWriter stderr)
    {
        var ex = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        if (ex is OperationCanceledException) return 130; // Ctrl+C: the user asked for it, nothing to report.
        if (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine("error: " + ex.Message);
            return 1;
        }
        stderr.WriteLine($"internal error: {ex.GetType().Name}: {ex.Message}");
        stderr.WriteLine("This is a bug in StaticBriefs; set STATICBRIEFS_DEBUG=1 to see where it happened, and please report it.");
        if (Environment.GetEnvironmentVariable("STATICBRIEFS_DEBUG") == "1") stderr.WriteLine(ex.ToString());
        return 1;
    }
}
