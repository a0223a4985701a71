using System.Globalization;
using System.Text.RegularExpressions;
using StaticBriefs.Benchmarks.Corpus;

namespace StaticBriefs.Benchmarks;

/// <summary>
/// <c>whole N [--runs R] [--seed S] [--relations] [--dll PATH]</c>: the real CLI building a generated corpus in a child process,
/// R clean builds after one warm-up: wall time, peak RSS and the per-stage lines of <c>--timings</c>.
/// <c>whole startup [--runs R]</c>: process start to exit for the sample site <c>input/</c> (goal under 1.5 s).
/// </summary>
internal static partial class WholeBuildBenchmark
{
    // Issue 5: an author's 12-brief site must be built within 1.5 s of starting the process.
    private static readonly TimeSpan StartupGoal = TimeSpan.FromSeconds(1.5);

    public static int Run(string[] args)
    {
        if (args.Length < 1) { Console.Error.WriteLine("usage: whole N|startup [--runs R] [--seed S] [--dll PATH]"); return 2; }
        var root = BenchArgs.RepoRoot();
        var dll = BenchArgs.Text(args, "--dll") ?? Path.Combine(root, "src", "StaticBriefs", "bin", "Release", "net10.0", "StaticBriefs.dll");
        if (!File.Exists(dll))
        {
            Console.Error.WriteLine($"{dll} not found: dotnet build -c Release src/StaticBriefs (or pass --dll PATH)");
            return 2;
        }
        // The same cache folder as compare-hugo.py (SB_BENCH_DIR, default <temp>/sb-bench).
        var bench = Environment.GetEnvironmentVariable("SB_BENCH_DIR") is { Length: > 0 } dir ? dir : Path.Combine(Path.GetTempPath(), "sb-bench");
        // Output folders carry the process id: others may be building into the shared folder at the same time.
        var pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var theme = Path.Combine(root, "theme");
        if (args[0] == "startup")
            return Measure("startup: sample site input/", dll, Path.Combine(root, "input"), theme, Path.Combine(bench, "out-startup-" + pid), BenchArgs.Int(args, "--runs", 10));

        var count = int.Parse(args[0], CultureInfo.InvariantCulture);
        var seed = BenchArgs.Int(args, "--seed", CorpusGenerator.DefaultSeed);
        var relations = args.Contains("--relations");
        var corpus = CachedCorpus(bench, count, seed, relations);
        return Measure($"corpus: {count} briefs (seed {seed}{(relations ? ", relations" : "")}) at {corpus}", dll, corpus, theme,
            Path.Combine(bench, $"out-whole-{count}-{seed}-{pid}"), BenchArgs.Int(args, "--runs", 5));
    }

    /// <summary>
    /// Generated once per N and seed. It is written beside its final name and renamed, so a run stopped halfway
    /// never leaves a partial corpus to be reused. (Not the folder compare-hugo.py uses: that one is the Python
    /// generator's, with different content.)
    /// </summary>
    private static string CachedCorpus(string bench, int count, int seed, bool relations)
    {
        var corpus = Path.Combine(bench, $"corpus-cs-{count}-{seed}{(relations ? "-relations" : "")}");
        if (Directory.Exists(corpus)) return corpus;
        var partial = corpus + ".partial-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        Console.WriteLine($"generating {count} briefs into {corpus}");
        CorpusGenerator.Write(partial, count, seed, relations);
        Directory.Move(partial, corpus);
        return corpus;
    }

    private static int Measure(string title, string dll, string input, string theme, string output, int runs)
    {
        var walls = new List<double>();
        var rss = new List<double>();
        var stages = new Dictionary<string, (List<double> Wall, List<double> Cpu)>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var i = 0; i <= runs; i++) // run 0 is a warm-up: disk cache and JIT'd framework images
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
            var run = ChildRun.Dotnet([dll, "build", "--input", input, "--output", output, "--theme", theme, "--no-cache", "--timings"]);
            if (run.ExitCode != 0)
            {
                Console.Error.WriteLine($"build failed (exit {run.ExitCode}):\n{run.Stdout}\n{run.Stderr}");
                return 1;
            }
            if (i == 0) continue;
            walls.Add(run.Wall.TotalSeconds);
            rss.Add(run.PeakRssMiB);
            foreach (Match stage in StageLine().Matches(run.Stdout))
            {
                var name = stage.Groups["name"].Value;
                if (!stages.TryGetValue(name, out var lists)) { stages[name] = lists = ([], []); order.Add(name); }
                lists.Wall.Add(double.Parse(stage.Groups["wall"].Value, CultureInfo.InvariantCulture));
                lists.Cpu.Add(double.Parse(stage.Groups["cpu"].Value, CultureInfo.InvariantCulture));
            }
        }
        var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Count();
        var html = Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories).Count();
        Directory.Delete(output, recursive: true);
        Console.WriteLine(title);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{runs} runs after 1 warm-up, {Environment.ProcessorCount} cores, {Path.GetFileName(dll)} build --no-cache (minified, search index)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wall     median {ChildRun.Median(walls):F2} s (min {walls.Min():F2}, max {walls.Max():F2})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak RSS median {ChildRun.Median(rss):F0} MiB (max {rss.Max():F0})"));
        Console.WriteLine($"output   {files} files ({html} HTML)");
        if (title.StartsWith("startup", StringComparison.Ordinal))
            Console.WriteLine($"goal     process start to exit under {StartupGoal.TotalSeconds:F1} s: {(ChildRun.Median(walls) < StartupGoal.TotalSeconds ? "met" : "NOT met")}");
        Console.WriteLine("per stage (median of runs):");
        foreach (var name in order)
        {
            var (wall, cpu) = stages[name];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-16} {ChildRun.Median(wall),8:F0} ms wall {ChildRun.Median(cpu),8:F0} ms cpu"));
        }
        return 0;
    }

    // The line BuildCommand.Report prints per stage with --timings: "  render briefs      1234 ms wall     2345 ms cpu      512 MiB allocated".
    [GeneratedRegex(@"^\s+(?<name>\S.*?)\s+(?<wall>\d+) ms wall\s+(?<cpu>\d+) ms cpu(?:\s+\d+ MiB allocated)?\s*$", RegexOptions.Multiline)]
    private static partial Regex StageLine();
}
