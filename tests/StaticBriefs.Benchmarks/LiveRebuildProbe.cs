using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using StaticBriefs.Building;
using StaticBriefs.Incremental;

namespace StaticBriefs.Benchmarks;

/// <summary>
/// <c>live CORPUS [THEME]</c>: preview's rebuild from memory, in process and without the watcher, so its stages can
/// be read: one full build with a <see cref="LiveSession"/>, then body, title and tag edits of one brief, each timed per
/// stage (median of the stage totals over the edits).
/// </summary>
internal static partial class LiveRebuildProbe
{
    private const int Edits = 10;

    public static int Run(string[] args)
    {
        if (args.Length < 1) { Console.Error.WriteLine("usage: live CORPUS_INPUT_DIR [THEME_DIR]"); return 2; }
        var root = Path.Combine(Path.GetTempPath(), "sb-live-" + Guid.NewGuid().ToString("N")[..8]);
        var input = Path.Combine(root, "input");
        IncrementalBenchmark.Copy(args[0], input);
        try
        {
            var cache = new BuildCache(null) { TrustUnchangedFiles = true, SaveOnCommit = false };
            using var live = new LiveSession();
            var options = new BuildOptions
            {
                InputDirectory = input, OutputDirectory = Path.Combine(root, "output"),
                ThemeDirectory = Path.GetFullPath(args.Length > 1 ? args[1] : "theme"), Cache = cache, Live = live,
            };
            // Held for the whole session, as preview holds its folder (PreviewLoop): each rebuild then pays no open.
            var opening = new StaticBriefs.Diagnostics.DiagnosticBag();
            using var output = OutputAccess.Open(options, null, opening, out _, withGate: true)
                ?? throw new InvalidOperationException(string.Join('\n', opening.Sorted()));
            var first = Stopwatch.StartNew();
            var result = SiteBuild.Run(options, output);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first build: {first.Elapsed.TotalSeconds:F2} s, errors: {result.HasErrors}"));

            var brief = Directory.EnumerateFiles(Path.Combine(input, "briefs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
            Measure("body edit", options, output, cache, brief, (text, i) => text + $"\nEdit number {i}.\n");
            Measure("title edit", options, output, cache, brief, (text, i) => TitleLine().Replace(text, $"title: \"Retitled brief {i}\"", 1));
            // A tag edit moves the brief between entity pages: the full (cached) path, for comparison.
            Measure("tag edit", options, output, cache, brief, (text, i) => TopicsLine().Replace(text, $"topics: [Probe topic {i % 2}]", 1));
            Console.WriteLine($"partial builds: {live.PartialBuilds} of {3 * Edits} (the tag edits take the full path)");
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Measure(string what, BuildOptions options, StaticBriefs.Output.OutputFolder output, BuildCache cache, string brief, Func<string, int, string> edit)
    {
        var totals = new List<double>();
        var stages = new Dictionary<string, List<double>>();
        for (var i = 0; i < Edits; i++)
        {
            File.WriteAllText(brief, edit(File.ReadAllText(brief), i));
            cache.MarkChanged([brief]);
            var watch = Stopwatch.StartNew();
            var result = SiteBuild.Run(options, output);
            totals.Add(watch.Elapsed.TotalMilliseconds);
            foreach (var stage in result.Stages.Concat(result.Work.Select(w => w with { Name = "  (work) " + w.Name })))
            {
                if (!stages.TryGetValue(stage.Name, out var list)) stages[stage.Name] = list = [];
                list.Add(stage.Elapsed.TotalMilliseconds);
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: median {Median(totals):F1} ms (min {totals.Min():F1}, max {totals.Max():F1})"));
        foreach (var (name, list) in stages)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {name,-16} {Median(list),7:F1} ms"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    [GeneratedRegex(@"^title:.*$", RegexOptions.Multiline)]
    private static partial Regex TitleLine();

    [GeneratedRegex(@"^topics:.*$", RegexOptions.Multiline)]
    private static partial Regex TopicsLine();
}
