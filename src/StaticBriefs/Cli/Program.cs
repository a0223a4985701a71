namespace StaticBriefs.Cli;

/// <summary>Entry point of the staticbriefs command.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns its exit code.</summary>
    public static int Main(string[] args)
    {
        var hugePages = HugePageHeap.Advise() > 0;
        return CommandLineApp.Run(args, CliContext.FromConsole() with { HeapOnHugePages = hugePages });
    }
}
