using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using StaticBriefs.Diagnostics;
using StaticBriefs.Output;
using StaticBriefs.Search;

namespace StaticBriefs.Benchmarks;

/// <summary>
/// The index stage alone on N generated briefs shaped like /work/shared/bench/gen_corpus.py's (same word list,
/// 300 companies, 800 people, 60 topics, 3-5 sections of prose): tokenizing (<see cref="SearchIndexBuilder.Add"/>,
/// which the build does inside page rendering) and writing, timed apart. Used for the 100,000-brief case, whose
/// full site build would take most of an hour here.
/// </summary>
internal static class SearchIndexCommand
{
    private static readonly string[] Words = ("model training compute cluster inference research safety alignment capital funding round "
        + "talent hiring researcher engineer team scaling data quality benchmark release product market "
        + "customer enterprise revenue partnership chip supply datacenter energy regulation policy "
        + "evaluation reasoning multimodal agent latency cost efficiency open weights license strategy "
        + "competition roadmap announcement acquisition valuation investor board leadership pretraining "
        + "tokenizer context window retrieval fine-tuning reinforcement feedback distillation").Split(' ');

    private static readonly string[] Syllables = "ka lo mi ra te so nu vi xe an bel cor dan eth fin gar hol ix jun kel mar nor oph per qui ros tal".Split(' ');

    public static int Run(string[] args)
    {
        if (args.Length < 2) { Console.Error.WriteLine("search-index: N OUT_DIR"); return 2; }
        var count = int.Parse(args[0], CultureInfo.InvariantCulture);
        var output = args[1];
        var seed = args.Contains("--seed") ? int.Parse(args[Array.IndexOf(args, "--seed") + 1], CultureInfo.InvariantCulture) : 42;
        var builder = new SearchIndexBuilder();
        var clock = new Stopwatch();
        // Generated and added in batches, so 100,000 bodies never sit in memory at once; only Add is timed.
        foreach (var batch in Generate(count, seed).Chunk(5_000))
        {
            clock.Start();
            Parallel.ForEach(batch, builder.Add);
            clock.Stop();
        }
        var add = clock.Elapsed;
        // The build's own sink: a staging folder swapped in at the end.
        var diagnostics = new DiagnosticBag();
        var request = new OutputRequest(output, new GuardedFolders("input", "theme", null, null, Directory.GetCurrentDirectory(), null)) { Force = true };
        using var folder = OutputFolder.Open(request, diagnostics, out _) ?? throw new InvalidOperationException(string.Join('\n', diagnostics.Sorted()));
        using var sink = folder.CreateStaging(diagnostics) ?? throw new InvalidOperationException(string.Join('\n', diagnostics.Sorted()));
        clock.Restart();
        var stats = builder.Write(sink);
        var write = clock.Elapsed;
        if (!folder.Commit(sink, null, diagnostics)) throw new InvalidOperationException(string.Join('\n', diagnostics.Sorted()));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{stats.Documents} briefs, {stats.Terms} terms, {stats.Shards} shards, {sink.FileCount} files, {stats.Bytes / 1024.0 / 1024:F1} MB; tokenize (parallel) {add.TotalMilliseconds:F0} ms, write {write.TotalMilliseconds:F0} ms"));
        return 0;
    }

    private static IEnumerable<SearchDocument> Generate(int count, int seed)
    {
        var random = new Random(seed);
        string Name(int parts) => string.Join(' ', Enumerable.Range(0, parts).Select(_ =>
        {
            var word = string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => Syllables[random.Next(Syllables.Length)]));
            return char.ToUpperInvariant(word[0]) + word[1..];
        }));
        string Sentence(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => Words[random.Next(Words.Length)])) + ".";
        string[] suffixes = [" AI", " Labs", " Systems", "", " Inc"];
        var companies = Enumerable.Range(0, 300).Select(_ => Name(1) + suffixes[random.Next(suffixes.Length)]).Distinct().Order(StringComparer.Ordinal).ToArray();
        var people = Enumerable.Range(0, 800).Select(_ => Name(2)).Distinct().Order(StringComparer.Ordinal).ToArray();
        var topics = Enumerable.Range(0, 60).Select(_ => Words[random.Next(Words.Length)] + " " + Words[random.Next(Words.Length)]).Distinct().Order(StringComparer.Ordinal).ToArray();
        T[] Sample<T>(T[] from, int n) => [.. from.OrderBy(_ => random.Next()).Take(n)];
        var body = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var year = 2020 + i * 7 / Math.Max(count, 1);
            var date = new DateTimeOffset(year, random.Next(1, 13), random.Next(1, 29), 0, 0, 0, TimeSpan.Zero);
            var cs = Sample(companies, random.Next(1, 5));
            var ps = Sample(people, random.Next(0, 4));
            var ts = Sample(topics, random.Next(1, 4));
            var title = $"{cs[0]} raises {(ps.Length > 0 ? ps[0] : cs[0])} {Words[random.Next(Words.Length)]} {i}";
            body.Clear();
            for (var s = random.Next(3, 6); s > 0; s--)
            {
                body.Append(Sentence(4)).Append(' ');
                for (var p = random.Next(2, 4); p > 0; p--)
                {
                    for (var k = random.Next(4, 7); k > 0; k--) body.Append(Sentence(random.Next(8, 21))).Append(' ');
                }
            }
            // Ids are newest first, as the site numbers its briefs.
            yield return new SearchDocument(count - 1 - i, $"/briefs/b{i}/", title, Sentence(18), date,
                [.. cs], [.. ps], [.. ts], body.ToString());
        }
    }
}
