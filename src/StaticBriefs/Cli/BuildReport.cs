using System.Diagnostics;
using System.Globalization;
using StaticBriefs.Building;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Cli;

/// <summary>Prints what a build found and did: diagnostics (and their Actions annotations), timings, the summary.</summary>
internal sealed class BuildReport(CliContext context, Verbosity verbosity)
{
    /// <summary>Prints diagnostics and the summary; returns the exit code (0 ok, 1 content errors, 2 output refused).</summary>
    public int Print(BuildResult result, BuildOptions options, bool timings)
    {
        var stdout = context.Stdout;
        var stderr = context.Stderr;
        var workspace = context.Environment("GITHUB_WORKSPACE") is { Length: > 0 } root ? root : Directory.GetCurrentDirectory();
        foreach (var diagnostic in result.Diagnostics)
        {
            stderr.WriteLine(diagnostic.ToString());
            if (context.InGitHubActions)
                stdout.WriteLine(ActionsAnnotation.Format(diagnostic, ActionsAnnotation.FileFor(diagnostic, options.InputDirectory, options.ThemeDirectory, workspace)));
        }
        // An output folder refused before anything was read is a usage error (exit 2), as safe-output documents.
        if (result.Refused) return 2;
        var errors = result.Diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = result.Diagnostics.Count - errors;
        if (timings || verbosity == Verbosity.Verbose) PrintTimings(result);
        if (errors > 0)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Build failed: {errors} error(s), {warnings} warning(s). Nothing was written; the previous output is untouched."));
            return 1;
        }
        if (verbosity == Verbosity.Quiet) return 0;
        foreach (var line in Summary(result)) stdout.WriteLine(line);
        return 0;
    }

    /// <summary>The closing summary: briefs, files and pages, entities, warnings by code, time.</summary>
    public static IReadOnlyList<string> Summary(BuildResult result)
    {
        var total = result.Stages.Sum(s => s.Elapsed.TotalSeconds);
        var warnings = result.Diagnostics.Where(d => d.Severity == Severity.Warning).ToList();
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"Built {result.Briefs} briefs into {result.Files} files in {total:F2} s ({warnings.Count} warning(s))."),
        };
        var entities = string.Join(", ", result.Entities.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Value} {e.Key}")));
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"  pages: {result.Pages} ({result.PagesRendered} rendered, {result.PagesReused} unchanged){(entities.Length > 0 ? "; entities: " + entities : "")}"));
        if (warnings.Count > 0)
        {
            lines.Add("  warnings: " + string.Join(", ", warnings.GroupBy(d => d.Code, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} x{g.Count()}"))));
        }
        return lines;
    }

    private void PrintTimings(BuildResult result)
    {
        var stdout = context.Stdout;
        foreach (var stage in result.Stages)
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {stage.Name,-16} {stage.Elapsed.TotalMilliseconds,8:F0} ms wall {stage.Cpu.TotalMilliseconds,8:F0} ms cpu {stage.Allocated / (1024.0 * 1024),8:F0} MiB allocated"));
        if (result.Work.Count > 0)
            stdout.WriteLine("  within the stages, summed over threads: " + string.Join(", ", result.Work.Select(w =>
                string.Create(CultureInfo.InvariantCulture, $"{w.Name} {w.Cpu.TotalMilliseconds:F0} ms"))));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  pages rendered {result.PagesRendered}, reused {result.PagesReused}; documents parsed {result.DocumentsParsed}, reused {result.DocumentsReused}; bodies rendered {result.BodiesRendered}, reused {result.BodiesReused}"));
        // Process-wide, so the figures cover the whole run; the pause is time every thread stood still.
        var memory = GC.GetGCMemoryInfo(GCKind.Any);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  garbage collections: gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}; paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms; allocated {GC.GetTotalAllocatedBytes() / (1024 * 1024)} MiB; heap {memory.HeapSizeBytes / (1024 * 1024)} MiB after the last collection, {memory.TotalCommittedBytes / (1024 * 1024)} MiB committed; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB{(context.HeapOnHugePages ? "; heap on huge pages" : "")}"));
        stdout.WriteLine(ProcessUsage.Now().Describe());
    }
}
