using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;
using StaticBriefs.Building;

namespace StaticBriefs.Benchmarks;

/// <summary>
/// Which types a clean build allocates, by the runtime's allocation samples (one event about every 100 KB allocated,
/// naming the type of the object that crossed the mark): fresh memory is what a build on this kind of machine pays
/// most for after its own work (the kernel zeroing pages it has never touched), so this says where to allocate less.
/// Runs builds in this process (JIT): the first warms up, the last is sampled.
/// </summary>
internal static class AllocationProbe
{
    public static int Run(string[] args)
    {
        var input = Path.GetFullPath(args[0]);
        var theme = BenchArgs.Text(args, "--theme") ?? Path.Combine(BenchArgs.RepoRoot(), "theme");
        var top = BenchArgs.Int(args, "--top", 40);
        var work = Directory.CreateTempSubdirectory("sb-alloc-");
        try
        {
            // --cold: one build, as the CLI runs it (under its collector hold), the just-in-time compiler's work included.
            // --cached: the sampled build reads the cache the warm one wrote into the same output, nothing edited between.
            var cold = args.Contains("--cold");
            var cache = args.Contains("--cached") ? Path.Combine(work.FullName, "cache") : null;
            var warmOutput = Path.Combine(work.FullName, cache is null ? "warm" : "sampled");
            if (!cold) BuildOnce(input, theme, warmOutput, hold: false, cache);
            using var listener = new AllocationListener();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            BuildOnce(input, theme, Path.Combine(work.FullName, "sampled"), hold: cold, cache);
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            var samples = listener.Snapshot();
            var sampled = samples.Sum(s => s.Value.Bytes);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"allocated {allocated / 1048576.0:F0} MiB in the sampled build; samples cover {sampled / 1048576.0:F0} MiB"));
            foreach (var collection in listener.Collections) Console.WriteLine($"collection: {collection}");
            Console.WriteLine($"{"MiB",8} {"share",6} {"samples",8}  type");
            foreach (var (type, tally) in samples.OrderByDescending(s => s.Value.Bytes).Take(top))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{tally.Bytes / 1048576.0,8:F1} {100.0 * tally.Bytes / sampled,5:F1}% {tally.Count,8}  {type}"));
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void BuildOnce(string input, string theme, string output, bool hold, string? cache = null)
    {
        var options = new BuildOptions { InputDirectory = input, OutputDirectory = output, ThemeDirectory = theme, UseCache = cache is not null, CacheDirectory = cache };
        using var collectorHold = hold ? StaticBriefs.Cli.CollectorHold.For(options) : null;
        var result = SiteBuild.Run(options, TextWriter.Null);
        if (result.HasErrors || result.Refused) throw new InvalidOperationException($"The build of {input} failed.");
    }

    // GCStart's reason codes (the runtime's gc_reason), by number.
    private static readonly string[] Reasons =
    [
        "small object heap allocation", "induced", "low memory", "empty", "large object heap allocation", "out of space (small object heap)",
        "out of space (large object heap)", "induced, not forced blocking", "stress", "low memory (host)", "induced compacting",
        "low memory (host, blocking)", "bgc tuning (small object heap)", "bgc tuning (large object heap)", "bgc stepping",
        "induced aggressive", "pinned object heap allocation",
    ];

    private sealed record Tally(long Bytes, int Count);

    /// <summary>Tallies GCAllocationTick events (id 10) by type name.</summary>
    private sealed class AllocationListener : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;
        private readonly ConcurrentDictionary<string, Tally> _tallies = new(StringComparer.Ordinal);

        public Dictionary<string, Tally> Snapshot() => new(_tallies);

        /// <summary>Each collection's generation and the runtime's reason for it (GCStart events), in order.</summary>
        public ConcurrentQueue<string> Collections { get; } = new();

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventId == 1 && e.PayloadNames is not null)
            {
                Collections.Enqueue($"gen{e.Payload![e.PayloadNames.IndexOf("Depth")]} {Reasons.ElementAtOrDefault(Convert.ToInt32(e.Payload[e.PayloadNames.IndexOf("Reason")], CultureInfo.InvariantCulture)) ?? "?"} after {GC.GetTotalAllocatedBytes() / 1048576} MiB");
                return;
            }
            if (e.EventId != 10 || e.PayloadNames is null) return;
            var type = e.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? e.Payload![t] as string ?? "?" : "?";
            // Objects on the large object heap are tallied apart, with their size: each spends that heap's budget, whose
            // end is a full collection.
            if (e.PayloadNames.IndexOf("AllocationKind") is var k and >= 0 && Convert.ToInt32(e.Payload![k], CultureInfo.InvariantCulture) == 1
                && e.PayloadNames.IndexOf("ObjectSize") is var o and >= 0)
                type = $"{type} (large object, {Convert.ToInt64(e.Payload[o], CultureInfo.InvariantCulture) / 1024} KiB)";
            var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload![a], CultureInfo.InvariantCulture) : 100_000;
            _tallies.AddOrUpdate(type, _ => new Tally(amount, 1), (_, old) => new Tally(old.Bytes + amount, old.Count + 1));
        }
    }
}
