using System.Globalization;
using Spectre.Console;
using StaticBriefs.Building;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Cli;

/// <summary>
/// Shows a build while it runs. On a terminal: one live line (spinner, stage, files written, time) that is gone when
/// the build ends. Elsewhere (redirected, CI logs): a plain line per finished stage, no escape codes.
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(100);

    /// <summary>Runs <paramref name="build"/> with a progress display suited to <paramref name="context"/>.</summary>
    public static BuildResult Run(CliContext context, Verbosity verbosity, Func<BuildProgress, BuildResult> build)
    {
        var progress = new BuildProgress();
        if (verbosity == Verbosity.Quiet) return build(progress);
        if (!context.IsTerminal)
        {
            progress.StageFinished += timing => context.Stdout.WriteLine(PlainLine(timing));
            return build(progress);
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(context.Stdout),
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
        });
        var started = System.Diagnostics.Stopwatch.StartNew();
        var running = Task.Run(() => build(progress));
        console.Status().Spinner(Spinner.Known.Dots).Start(Describe(progress, started.Elapsed), status =>
        {
            while (!running.Wait(Refresh)) status.Status(Describe(progress, started.Elapsed));
        });
        return running.GetAwaiter().GetResult();
    }

    /// <summary>The line printed for a finished stage when the output is not a terminal.</summary>
    internal static string PlainLine(StageTiming timing) =>
        string.Create(CultureInfo.InvariantCulture, $"  {timing.Name,-22} {timing.Elapsed.TotalMilliseconds,7:F0} ms");

    private static string Describe(BuildProgress progress, TimeSpan elapsed)
    {
        var briefs = progress.Briefs > 0 ? string.Create(CultureInfo.InvariantCulture, $", {progress.Briefs} briefs") : "";
        return Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{progress.Stage}{briefs}, {progress.Files} files written, {elapsed.TotalSeconds:F1} s"));
    }
}
