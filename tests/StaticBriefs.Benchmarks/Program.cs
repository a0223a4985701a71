using System.Globalization;
using StaticBriefs.Benchmarks;
using StaticBriefs.Benchmarks.Corpus;

// Measuring tools, not tests: each prints figures for the README. See the usage text for the commands.
switch (args.FirstOrDefault())
{
    case "incremental":
        return await IncrementalBenchmark.RunAsync(args[1..]);
    case "live" when args.Length >= 2:
        return LiveRebuildProbe.Run(args[1..]);
    case "stages":
        StageProbe.Run(args[1], args.Length > 2 ? args[2] : "theme", args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2000);
        return 0;
    case "corpus" when args.Length >= 3:
        var count = int.Parse(args[1], CultureInfo.InvariantCulture);
        var seed = BenchArgs.Int(args, "--seed", CorpusGenerator.DefaultSeed);
        var written = CorpusGenerator.Write(Path.GetFullPath(args[2]), count, seed, args.Contains("--relations"));
        Console.WriteLine($"wrote {written.Count} briefs (seed {seed}) to {Path.GetFullPath(args[2])}");
        return 0;
    case "assemble" when args.Length >= 2:
        return AssembleProbe.Run(args[1..]);
    case "stages-bdn":
        return StageBenchmarks.Run(args[1..]);
    case "whole":
        return WholeBuildBenchmark.Run(args[1..]);
    case "search-bytes":
        return await SearchBytesCommand.RunAsync(args[1..]);
    case "search-index":
        return SearchIndexCommand.Run(args[1..]);
    case "search-edits" when args.Length >= 2:
        return SearchEditsCommand.Run(args[1..]);
    case "relevance":
        return await StaticBriefs.Benchmarks.Relevance.RelevanceCommand.RunAsync(args[1..]);
    case "highlight-corpus" when args.Length >= 2:
        return StaticBriefs.Benchmarks.Highlighting.HighlightCorpusCommand.Run(args[1..]);
    case "social-compare" when args.Length >= 3:
        return SocialCardProbe.Compare(args[1], args[2], BenchArgs.Int(args, "--start", 0), BenchArgs.Int(args, "--count", int.MaxValue));
    case "card-code" when args.Length >= 2:
        return CardCodeCommand.Run(args[1..]);
    case "social-plan" when args.Length >= 2:
        return SocialCardProbe.Planned(args[1..]);
    case "social" when args.Length >= 2:
        return SocialCardProbe.Run(args[1..]);
    case "allocations" when args.Length >= 2:
        return AllocationProbe.Run(args[1..]);
    case "highlight-compare":
        return StaticBriefs.Benchmarks.Highlighting.HighlighterComparison.Run(args[1..]);
    default:
        Console.Error.WriteLine("""
            usage:
              corpus N OUTDIR [--seed S] [--relations]     write a seeded corpus of N briefs (with relations: in front matter)
              whole N [--runs R] [--seed S] [--relations]  time the CLI building a generated corpus (child processes)
              whole startup [--runs R]                     time process start to exit for the sample site input/
              stages-bdn [--briefs N] [BenchmarkDotNet args]   BenchmarkDotNet over in-process stages (default 1,000 briefs)
              stages INPUT [THEME] [COUNT]                 one-thread probe of per-brief steps
              incremental CORPUS [THEME]                   cached builds and preview edits
              live CORPUS [THEME] [--clean-output] [--only K,K] [--pause MS]
                  preview's rebuild from memory, per edit kind and stage (time, processor, MiB allocated), in process
              search-bytes SITE_DIR [--runs N] [--pagefind] [--queries "first|later;..."]
                  bytes fetched and time to first results for first and later queries, in Chromium
              search-index N OUT_DIR [--seed S]            the search index stage alone on N generated briefs
              search-edits CORPUS [EDITS]                  preview's partial search index writes alone, per edit kind
              relevance [--content DIR] [--queries FILE] [--work DIR] [--kind K] [--blog B] [--no-pagefind] [--build-only]
                  builds the real blogs, runs tests/RealContent/queries.tsv in Chromium, ours and Pagefind's
              social INPUT [COUNT]                         one-thread time to draw and encode COUNT social cards
              social-plan INPUT [COUNT]                    cards written from their layout against searched for matches
              card-code FOLDER [--count N] [--train FILE]  time the trained card coder against zlib on a build's cards; --train writes new tables
              social-compare OUT_A OUT_B [--start I --count N]  decoded pixels of every social card of two builds are equal
              highlight-compare [--rounds R]               TextMateSharp against ColorCode: coverage, bytes, time per block
              allocations INPUT [--theme T] [--top N] [--cold] [--cached]  which types a clean (or cached) build allocates, and why it collected
              highlight-corpus DIR [--runs N]              fenced code in real posts under DIR: languages, time per block
            """);
        return 2;
}
