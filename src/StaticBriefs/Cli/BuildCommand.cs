using System.CommandLine;
using System.Globalization;
using StaticBriefs.Building;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Cli;

/// <summary><c>staticbriefs build</c>: builds the site once.</summary>
internal static class BuildCommand
{
    public static readonly Option<string> Input = new("--input") { Description = "Folder with the briefs and _site.yml", DefaultValueFactory = _ => "input" };
    public static readonly Option<string> Output = new("--output") { Description = "Folder to write the site to (replaced only when the build succeeds)", DefaultValueFactory = _ => "output" };
    public static readonly Option<string> Theme = new("--theme") { Description = "Theme folder (files under input/_theme/ override it)", DefaultValueFactory = _ => "theme" };
    public static readonly Option<string?> BaseUrl = new("--base-url") { Description = "Absolute URL the site is served from, e.g. https://example.org/briefs-site/ (overrides _site.yml)" };
    public static readonly Option<string?> Config = new("--config") { Description = "Settings file to read instead of input/_site.yml" };
    public static readonly Option<bool> Drafts = new("--drafts") { Description = "Publish briefs marked draft: true" };
    public static readonly Option<bool> Future = new("--future") { Description = "Publish briefs dated in the future" };
    public static readonly Option<bool> NoMinify = new("--no-minify") { Description = "Keep HTML, CSS and JS readable" };
    public static readonly Option<bool> Strict = new("--strict") { Description = "Treat unknown companies, people and topics as errors" };
    public static readonly Option<bool> Timings = new("--timings") { Description = "Print how long each stage took and how much work the cache saved" };
    public static readonly Option<bool> NoCache = new("--no-cache") { Description = "Parse and render everything, ignoring and not updating the build cache" };
    public static readonly Option<string?> CacheDir = new("--cache") { Description = "Build cache folder (default: .staticbriefs/cache beside the input folder)" };
    public static readonly Option<bool> Force = new("--force") { Description = "Build into a non-empty output folder StaticBriefs did not write, keeping its files" };
    public static readonly Option<bool> CleanOutput = new("--clean-output") { Description = "Also remove output files StaticBriefs did not write (folders starting with '.', such as .git, are kept)" };

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("build", "Build the site from the input folder into the output folder");
        foreach (var option in new Option[] { Input, Output, Theme, BaseUrl, Config, Drafts, Future, NoMinify, Strict, Timings, NoCache, CacheDir, Force, CleanOutput })
            command.Options.Add(option);
        command.SetAction(parse =>
        {
            var options = ReadOptions(parse);
            var result = SiteBuild.Run(options, stderr);
            return Report(result, parse.GetValue(Timings), stdout, stderr);
        });
        return command;
    }

    public static BuildOptions ReadOptions(ParseResult parse) => new()
    {
        InputDirectory = parse.GetValue(Input)!,
        OutputDirectory = parse.GetValue(Output)!,
        ThemeDirectory = parse.GetValue(Theme)!,
        BaseUrl = parse.GetValue(BaseUrl),
        SettingsFile = parse.GetValue(Config),
        IncludeDrafts = parse.GetValue(Drafts),
        IncludeFuture = parse.GetValue(Future),
        Minify = !parse.GetValue(NoMinify),
        Strict = parse.GetValue(Strict),
        UseCache = !parse.GetValue(NoCache),
        CacheDirectory = parse.GetValue(CacheDir),
        Force = parse.GetValue(Force),
        CleanOutput = parse.GetValue(CleanOutput),
    };

    /// <summary>Prints diagnostics and a summary; returns the exit code (0 ok, 1 content errors, 2 refused).</summary>
    public static int Report(BuildResult result, bool timings, TextWriter stdout, TextWriter stderr)
    {
        foreach (var diagnostic in result.Diagnostics) stderr.WriteLine(diagnostic.ToString());
        if (result.Refused) return 2;
        var errors = result.Diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = result.Diagnostics.Count - errors;
        if (timings)
        {
            foreach (var stage in result.Stages)
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {stage.Name,-16} {stage.Elapsed.TotalMilliseconds,8:F0} ms wall {stage.Cpu.TotalMilliseconds,8:F0} ms cpu"));
            if (result.Work.Count > 0)
                stdout.WriteLine("  within the stages, summed over threads: " + string.Join(", ", result.Work.Select(w =>
                    string.Create(CultureInfo.InvariantCulture, $"{w.Name} {w.Cpu.TotalMilliseconds:F0} ms"))));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  pages rendered {result.PagesRendered}, reused {result.PagesReused}; documents parsed {result.DocumentsParsed}, reused {result.DocumentsReused}; bodies rendered {result.BodiesRendered}, reused {result.BodiesReused}"));
            // Process-wide, so the figures cover the whole run; the pause is time every thread stood still.
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  garbage collections: gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}; paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms; allocated {GC.GetTotalAllocatedBytes() / (1024 * 1024)} MiB; heap {GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes / (1024 * 1024)} MiB after the last collection"));
        }
        var total = result.Stages.Sum(s => s.Elapsed.TotalSeconds);
        if (errors > 0)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Build failed: {errors} error(s), {warnings} warning(s). Nothing was written; the previous output is untouched."));
            return 1;
        }
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Built {result.Briefs} briefs into {result.Files} files in {total:F2} s ({warnings} warning(s))."));
        return 0;
    }
}
