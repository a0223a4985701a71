using System.Diagnostics;
using System.Globalization;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;

namespace StaticBriefs.Benchmarks;

/// <summary>
/// <c>assemble CORPUS [RUNS]</c>: loads a site once, then times the model stage (<c>SiteAssembler.Assemble</c>)
/// again and again, as preview assembles the model after every edit that is not content only; prints the median.
/// With <c>--memo</c>, each assembly starts from the last one's <see cref="AssemblyMemo"/> after one document changed
/// (a new object, as an edited file is), as preview's assemblies do.
/// </summary>
internal static class AssembleProbe
{
    public static int Run(string[] args)
    {
        var diagnostics = new DiagnosticBag();
        var loaded = SiteLoader.Load(args[0], diagnostics);
        var runs = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var options = new AssemblyOptions(false, false, DateTimeOffset.UtcNow);
        AssemblyMemo? memo = args.Contains("--memo") ? AssemblyMemo.Empty : null;
        if (memo is not null) SiteAssembler.Assemble(loaded, options, new DiagnosticBag(), memo, out memo);
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            if (memo is not null)
            {
                var documents = loaded.Documents.ToBuilder();
                var edited = i % documents.Count;
                documents[edited] = documents[edited] with { };
                loaded = loaded with { Documents = documents.MoveToImmutable() };
            }
            var watch = Stopwatch.StartNew();
            var site = SiteAssembler.Assemble(loaded, options, new DiagnosticBag(), memo, out var next);
            memo = next;
            times.Add(watch.Elapsed.TotalMilliseconds);
            GC.KeepAlive(site);
        }
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"assemble {loaded.Documents.Length} documents: median {times[times.Count / 2]:F1} ms (min {times[0]:F1}, max {times[^1]:F1}) over {runs}"));
        return 0;
    }
}
