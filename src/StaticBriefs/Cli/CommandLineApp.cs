using System.CommandLine;

namespace StaticBriefs.Cli;

/// <summary>The command tree; kept apart from <see cref="Program"/> so tests can run it in-process.</summary>
public static class CommandLineApp
{
    /// <summary>Runs a command line; returns 0 on success, 1 on content errors, 2 on usage errors.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("StaticBriefs: turns a folder of markdown briefs into a fast, searchable static site");
        root.Subcommands.Add(BuildCommand.Create(stdout, stderr));
        root.Subcommands.Add(NewCommand.Create(stdout, stderr));
        root.Subcommands.Add(ImportCommand.Create(stdout, stderr));
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) stderr.WriteLine("error: " + error.Message);
            stderr.WriteLine("Run 'staticbriefs --help' for usage.");
            return 2;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        }
        catch (IOException ex)
        {
            // Disk full, permissions, a locked file: tell the user what failed, not a stack trace.
            stderr.WriteLine("error: " + ex.Message);
            return 1;
        }
        catch (UnauthorizedAccessException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return 1;
        }
    }
}
