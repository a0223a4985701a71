using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StaticBriefs.Building;
using StaticBriefs.Cli;

namespace StaticBriefs.Benchmarks;

/// <summary>
/// <c>incremental CORPUS [THEME]</c>: on a private copy of a generated corpus, times <c>build</c> clean and then
/// cached, then runs <c>preview</c> and times edit-one-brief until the reload event reaches a connected tab
/// (median of 10), and finally loads a brief page with <c>wrk -t2 -c64 -d10s</c>.
/// </summary>
internal static partial class IncrementalBenchmark
{
    private const int Edits = 10;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 1) { Console.Error.WriteLine("usage: incremental CORPUS_INPUT_DIR [THEME_DIR]"); return 2; }
        var theme = Path.GetFullPath(args.Length > 1 ? args[1] : "theme");
        var work = Path.Combine(Path.GetTempPath(), "sb-incremental-" + Guid.NewGuid().ToString("N")[..8]);
        var input = Path.Combine(work, "input");
        Console.WriteLine($"copying {args[0]} to {input}");
        Copy(args[0], input);
        try
        {
            var options = new BuildOptions { InputDirectory = input, OutputDirectory = Path.Combine(work, "output"), ThemeDirectory = theme, UseCache = true };
            foreach (var label in new[] { "build (cold cache)", "build (cached, unchanged)" })
            {
                var watch = Stopwatch.StartNew();
                var result = SiteBuild.Run(options);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{label}: {watch.Elapsed.TotalSeconds:F2} s, {result.PagesRendered} pages rendered, {result.PagesReused} reused, {result.DocumentsParsed} documents parsed, errors: {result.HasErrors}"));
                foreach (var stage in result.Stages) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {stage.Name,-16} {stage.Elapsed.TotalMilliseconds,8:F0} ms"));
            }
            await PreviewAsync(input, theme, Path.Combine(work, "preview"));
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task PreviewAsync(string input, string theme, string output)
    {
        var stdout = new StringWriter();
        var shared = TextWriter.Synchronized(stdout);
        using var stop = new CancellationTokenSource();
        var watch = Stopwatch.StartNew();
        var run = Task.Run(() => CommandLineApp.RunAsync(
            ["preview", "--input", input, "--output", output, "--theme", theme, "--port", "0"], shared, TextWriter.Null, stop.Token));
        Match address;
        while (!(address = AddressLine().Match(Text(stdout, shared))).Success || !Text(stdout, shared).Contains("Built ", StringComparison.Ordinal))
        {
            if (run.IsCompleted) throw new InvalidOperationException("preview ended: " + Text(stdout, shared));
            await Task.Delay(100);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"preview first build: {watch.Elapsed.TotalSeconds:F2} s"));
        var site = new Uri(address.Groups[1].Value);

        using var http = new HttpClient { BaseAddress = site, Timeout = TimeSpan.FromSeconds(60) };
        using var response = await http.GetAsync("__staticbriefs/events", HttpCompletionOption.ResponseHeadersRead);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync());
        while (await events.ReadLineAsync() is { } line && line != ": connected") { }

        var brief = Directory.EnumerateFiles(Path.Combine(input, "briefs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        async Task MeasureAsync(string what, Func<string, int, string> edit)
        {
            var times = new List<double>();
            for (var i = 0; i < Edits; i++)
            {
                var text = await File.ReadAllTextAsync(brief);
                watch.Restart();
                await File.WriteAllTextAsync(brief, edit(text, i));
                while (await events.ReadLineAsync() is { } line && line != "event: reload") { }
                times.Add(watch.Elapsed.TotalMilliseconds);
                await Task.Delay(300);
            }
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"preview {what} -> reload event (includes the 50 ms quiet period), {Edits} edits: median {(times[4] + times[5]) / 2:F0} ms, min {times[0]:F0}, max {times[^1]:F0}"));
            foreach (var line in Text(stdout, shared).Split('\n').Where(l => l.StartsWith("Built", StringComparison.Ordinal)).TakeLast(2))
                Console.WriteLine("    " + line);
        }

        // A body edit is what an author does while writing; a title edit also changes the brief's card on listings,
        // neighbours and related briefs; a tag edit moves the brief between entity pages (the full incremental path).
        await MeasureAsync("body edit", (text, i) => text + $"\nEdit number {i}.\n");
        await MeasureAsync("title edit", (text, i) => TitleLine().Replace(text, $"title: \"Retitled brief {i}\"", 1));
        await MeasureAsync("tag edit", (text, i) => TopicsLine().Replace(text, $"topics: [Benchmark topic {i % 2}]", 1));

        var slug = Path.GetFileNameWithoutExtension(brief);
        var page = (await File.ReadAllTextAsync(brief)).Split('\n').FirstOrDefault(l => l.StartsWith("slug:", StringComparison.Ordinal)) is { } s ? s[5..].Trim().Trim('"') : slug;
        var url = new Uri(site, "briefs/" + page + "/");
        Console.WriteLine($"wrk against {url} (status {(int)(await http.GetAsync(url)).StatusCode})");
        using var wrk = Process.Start(new ProcessStartInfo("wrk", ["-t2", "-c64", "-d10s", url.ToString()]) { RedirectStandardOutput = true })!;
        Console.WriteLine(await wrk.StandardOutput.ReadToEndAsync());
        await wrk.WaitForExitAsync();
        await stop.CancelAsync();
        await run;
    }

    private static string Text(StringWriter writer, TextWriter shared)
    {
        lock (shared) return writer.ToString();
    }

    internal static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex(@"Previewing at (\S+)")]
    private static partial Regex AddressLine();

    [GeneratedRegex(@"^title:.*$", RegexOptions.Multiline)]
    private static partial Regex TitleLine();

    [GeneratedRegex(@"^topics:.*$", RegexOptions.Multiline)]
    private static partial Regex TopicsLine();
}
