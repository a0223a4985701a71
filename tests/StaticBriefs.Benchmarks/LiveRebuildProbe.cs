using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using StaticBriefs.Building;
using StaticBriefs.Incremental;

namespace StaticBriefs.Benchmarks;

/// <summary>
/// <c>live CORPUS [THEME]</c>: preview's rebuild from memory, in process and without the watcher, so its stages can
/// be read: one full build with a <see cref="LiveSession"/>, then ten edits of each kind issue 14 names (body, title,
/// summary, tags, date, slug, add, delete, entity data), each timed per stage; prints a table of medians. With
/// <c>--clean-output</c> it builds as <c>preview</c> does into its default folder, which it cleans of foreign files.
/// </summary>
internal static partial class LiveRebuildProbe
{
    private const int Edits = 10;

    public static int Run(string[] args)
    {
        var clean = args.Contains("--clean-output");
        // --no-idle-gc: without preview's collection between edits (IdleCollection), to measure what it saves.
        var idleGc = !args.Contains("--no-idle-gc");
        args = [.. args.Where(a => a is not ("--clean-output" or "--no-idle-gc"))];
        if (args.Length < 1) { Console.Error.WriteLine("usage: live CORPUS_INPUT_DIR [THEME_DIR] [--clean-output] [--no-idle-gc] [--only KIND,KIND] [--pause MS]"); return 2; }
        var root = Path.Combine(Path.GetTempPath(), "sb-live-" + Guid.NewGuid().ToString("N")[..8]);
        var input = Path.Combine(root, "input");
        IncrementalBenchmark.Copy(args[0], input);
        try
        {
            // As the staticbriefs command does first thing (Program.Main): huge pages where ordinary faults are dear, or as
            // STATICBRIEFS_HUGE_PAGES says.
            StaticBriefs.Cli.HugePageHeap.Advise();
            var cache = new BuildCache(null) { TrustUnchangedFiles = true, SaveOnCommit = false };
            using var live = new LiveSession();
            // As preview's loop does around each rebuild (PreviewLoop).
            using var idle = idleGc ? new StaticBriefs.Cli.IdleCollection(TimeProvider.System) : null;
            var options = new BuildOptions
            {
                InputDirectory = input, OutputDirectory = Path.Combine(root, "output"),
                ThemeDirectory = Path.GetFullPath(args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : "theme"), Cache = cache, Live = live,
                // As preview builds (PreviewCommand): a versioned index would write every index file anew on each edit.
                VersionSearchIndex = false,
                CleanOutput = clean,
            };
            // Held for the whole session, as preview holds its folder (PreviewLoop): each rebuild then pays no open.
            var opening = new StaticBriefs.Diagnostics.DiagnosticBag();
            using var output = OutputAccess.Open(options, null, opening, out _, withGate: true)
                ?? throw new InvalidOperationException(string.Join('\n', opening.Sorted()));
            var first = Stopwatch.StartNew();
            var result = SiteBuild.Run(options, output);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first build: {first.Elapsed.TotalSeconds:F2} s, errors: {result.HasErrors}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"after it: {GC.GetTotalMemory(forceFullCollection: true) / (1024 * 1024)} MiB of heap"));

            var briefs = Directory.EnumerateFiles(Path.Combine(input, "briefs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            // A brief from the middle of the site, so a date edit moves it across listings in both directions, and one
            // no other brief links to, so a new slug breaks no link.
            // The slugs other briefs link to, file by file: the briefs' texts joined in one string (144 MB at 10,000 briefs,
            // and the pooled buffers that built it) stayed alive through the edits and doubled the heap this probe reports.
            var linked = new HashSet<string>(StringComparer.Ordinal);
            var newestYear = 0;
            foreach (var file in briefs)
            {
                var text = File.ReadAllText(file);
                foreach (Match link in BriefLink().Matches(text)) linked.Add(link.Groups[1].Value);
                if (YearLine().Match(text) is { Success: true } year) newestYear = Math.Max(newestYear, int.Parse(year.Groups[1].Value, CultureInfo.InvariantCulture));
            }
            var brief = briefs.Skip(briefs.Count / 2).First(b => !linked.Contains(Path.GetFileNameWithoutExtension(b)));
            var topic = FirstName(Path.Combine(input, "_data", "topics.yml"));
            var rows = new List<string>();
            var partialBefore = 0;
            // --only body,date: just those kinds (to profile one).
            var only = Array.IndexOf(args, "--only") is var at and >= 0 && at + 1 < args.Length ? args[at + 1].Split(',') : null;
            // --pause 1000: an author's saves are seconds apart, and preview finishes its background work (removing
            // the replaced files of the last commit) between them; without it each edit also waits for the last one's.
            var pause = BenchArgs.Int(args, "--pause", 0);
            void Run(string what, Func<int, string[]> edit)
            {
                if (only is not null && !only.Any(o => what.StartsWith(o, StringComparison.Ordinal))) return;
                rows.Add(Measure(what, options, output, cache, idle, edit, pause) + $" | {live.PartialBuilds - partialBefore} of {Edits} partial");
                partialBefore = live.PartialBuilds;
            }
            Run("body", i => Edit(brief, text => text + $"\nEdit number {i}.\n"));
            Run("title", i => Edit(brief, text => TitleLine().Replace(text, $"title: \"Retitled brief {i}\"", 1)));
            Run("summary", i => Edit(brief, text => SummaryLine().Replace(text, $"summary: \"A new summary, take {i}.\"", 1)));
            Run("tag: existing entity", i => Edit(brief, text => TopicsLine().Replace(text, i % 2 == 0 ? $"topics: [{topic}]" : "topics: []", 1)));
            Run("tag: new entity", i => Edit(brief, text => TopicsLine().Replace(text, $"topics: [Probe topic {i}]", 1)));
            Run("date", i => Edit(brief, text => DateLine().Replace(text, $"date: 20{19 + (i % 6)}-0{1 + (i % 9)}-15T09:00:00Z", 1)));
            Run("slug", i => Edit(brief, text => SlugLine().IsMatch(text)
                ? SlugLine().Replace(text, $"slug: probe-slug-{i}", 1)
                : TitleLine().Replace(text, m => m.Value + $"\nslug: probe-slug-{i}", 1)));
            Run("add", i =>
            {
                var added = Path.Combine(input, "briefs", "2024", $"probe-added-{i}.md");
                File.WriteAllText(added, $"---\ntitle: \"Probe brief {i}\"\ndate: 2024-06-{10 + i}T10:00:00Z\ncompanies: [Anan]\ntopics: [{topic}]\n---\n\nA new brief, number {i}.\n");
                return [added];
            });
            // Briefs no other brief links to: deleting a linked one is a broken link, an error the full build reports.
            var unlinked = briefs.Skip(briefs.Count / 3).Where(b => b != brief
                && !linked.Contains(Path.GetFileNameWithoutExtension(b))).Take(Edits).ToList();
            Run("delete", i =>
            {
                var deleted = unlinked[i];
                File.Delete(deleted);
                return [deleted];
            });
            // The first brief of the year after the newest (the day's brief on 2 January), added and deleted in turn: each
            // edit moves the newest year, which the site object carries, and the archive's list of years.
            if (newestYear < DateTime.UtcNow.Year)
            {
                var firstOfYear = Path.Combine(input, "briefs", "new-year-probe.md");
                Run("new year: add, delete", i =>
                {
                    if (i % 2 == 1) File.Delete(firstOfYear);
                    else File.WriteAllText(firstOfYear, $"---\ntitle: \"The first brief of {newestYear + 1}, take {i}\"\ndate: {newestYear + 1}-01-02T08:00:00Z\ncompanies: [Anan]\ntopics: [{topic}]\n---\n\nA new year opens.\n");
                    return [firstOfYear];
                });
            }
            var companies = Path.Combine(input, "_data", "companies.yml");
            Run("_data entity edit", i => Edit(companies, text => DescriptionLine().Replace(text, $"  description: \"Described anew, take {i}.\"", 1)));
            // What preview holds after the session's edits (a full collection first): a leak across edits shows here.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"after {rows.Count * Edits} edits: {GC.GetTotalMemory(forceFullCollection: true) / (1024 * 1024)} MiB of heap, {Environment.WorkingSet / (1024 * 1024)} MiB working set"));
            Console.WriteLine();
            Console.WriteLine("| edit | median | min-max | pages rendered (median) | processor (median) | allocated (median) | path |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            foreach (var row in rows) Console.WriteLine(row);
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string[] Edit(string file, Func<string, string> change)
    {
        File.WriteAllText(file, change(File.ReadAllText(file)));
        return [file];
    }

    private static string FirstName(string dataFile) =>
        File.ReadLines(dataFile).First(l => l.StartsWith("- name: ", StringComparison.Ordinal))["- name: ".Length..].Trim();

    /// <summary>Runs <see cref="Edits"/> edits of one kind, each followed by a rebuild; prints the stages, returns a table row.</summary>
    private static string Measure(string what, BuildOptions options, StaticBriefs.Output.OutputFolder output, BuildCache cache, StaticBriefs.Cli.IdleCollection? idle, Func<int, string[]> edit, int pause)
    {
        var totals = new List<double>();
        var pages = new List<double>();
        // Each stage's timings (wall, and processor time and allocation, steadier than wall time on a shared machine).
        var stages = new Dictionary<string, List<StaticBriefs.Diagnostics.StageTiming>>();
        var pauses = new List<double>();
        var collections = new List<double>();
        var allocated = new List<double>();
        var processor = new List<double>();
        var idlePauses = new List<double>();
        for (var i = 0; i < Edits; i++)
        {
            var idleBefore = GC.GetTotalPauseDuration();
            if (pause > 0) Thread.Sleep(pause);
            // What the collector paused between edits (preview's idle collection, when the pause outlasts its delay).
            idlePauses.Add((GC.GetTotalPauseDuration() - idleBefore).TotalMilliseconds);
            idle?.BuildStarting();
            cache.MarkChanged(edit(i));
            var pausedBefore = GC.GetTotalPauseDuration();
            var collectedBefore = GC.CollectionCount(0);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var processorBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var result = SiteBuild.Run(options, output);
            totals.Add(watch.Elapsed.TotalMilliseconds);
            idle?.BuildFinished();
            // Collections are part of an edit's cost: a large heap makes each one slow, which the stages do not show.
            pauses.Add((GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds);
            collections.Add(GC.CollectionCount(0) - collectedBefore);
            allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (1024.0 * 1024));
            // Processor time of the whole edit, both cores: steadier than wall time when the machine's speed drifts.
            processor.Add((Process.GetCurrentProcess().TotalProcessorTime - processorBefore).TotalMilliseconds);
            if (result.HasErrors) throw new InvalidOperationException($"{what}: " + string.Join('\n', result.Diagnostics.Take(5)));
            pages.Add(result.PagesRendered);
            foreach (var stage in result.Stages.Concat(result.Work.Select(w => w with { Name = "  (work) " + w.Name })))
            {
                if (!stages.TryGetValue(stage.Name, out var list)) stages[stage.Name] = list = [];
                list.Add(stage);
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: median {Median(totals):F1} ms (min {totals.Min():F1}, max {totals.Max():F1})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {"(gc pauses)",-16} {Median(pauses),7:F1} ms in {Median(collections):F0} collections, {Median(allocated):F0} MiB allocated, {Median(processor):F0} ms of processor time; paused between edits {Median(idlePauses):F1} ms (max {idlePauses.Max():F1})"));
        foreach (var (name, list) in stages)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {name,-16} {Median([.. list.Select(t => t.Elapsed.TotalMilliseconds)]),7:F1} ms, cpu {Median([.. list.Select(t => t.Cpu.TotalMilliseconds)]),6:F1} ms, {Median([.. list.Select(t => t.Allocated / (1024.0 * 1024))]),5:F1} MiB"));
        return string.Create(CultureInfo.InvariantCulture, $"| {what} | {Median(totals):F0} ms | {totals.Min():F0}-{totals.Max():F0} ms | {Median(pages):F0} | {Median(processor):F0} ms | {Median(allocated):F0} MiB");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    [GeneratedRegex(@"/briefs/([^/\s]+)/")]
    private static partial Regex BriefLink();

    [GeneratedRegex(@"^title:.*$", RegexOptions.Multiline)]
    private static partial Regex TitleLine();

    [GeneratedRegex(@"^topics:.*$", RegexOptions.Multiline)]
    private static partial Regex TopicsLine();

    [GeneratedRegex(@"^summary:.*$", RegexOptions.Multiline)]
    private static partial Regex SummaryLine();

    [GeneratedRegex(@"^slug:.*$", RegexOptions.Multiline)]
    private static partial Regex SlugLine();

    [GeneratedRegex(@"^date:\s*(\d{4})", RegexOptions.Multiline)]
    private static partial Regex YearLine();

    [GeneratedRegex(@"^date:.*$", RegexOptions.Multiline)]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^  description:.*$", RegexOptions.Multiline)]
    private static partial Regex DescriptionLine();
}
