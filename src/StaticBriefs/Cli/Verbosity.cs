using System.CommandLine;

namespace StaticBriefs.Cli;

/// <summary>How much a command prints besides errors and warnings.</summary>
internal enum Verbosity
{
    /// <summary>Errors and warnings only.</summary>
    Quiet,
    /// <summary>Progress and a closing summary.</summary>
    Normal,
    /// <summary>Also the settings used and the time of every stage.</summary>
    Verbose,
}

/// <summary>The <c>--quiet</c>/<c>--verbose</c> pair each command owns.</summary>
internal sealed class VerbosityOptions
{
    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Print only errors and warnings" };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Also print the settings used and how long each stage took" };

    public void AddTo(Command command)
    {
        command.Options.Add(Quiet);
        command.Options.Add(Verbose);
    }

    public Verbosity Read(OptionValues values) =>
        values.Get(Quiet) ? Verbosity.Quiet : values.Get(Verbose) ? Verbosity.Verbose : Verbosity.Normal;
}
