using StaticBriefs.Benchmarks;

// Measuring tools, not tests: each prints figures for the README. See the usage text for the commands.
return args.FirstOrDefault() switch
{
    "search-bytes" => await SearchBytesCommand.RunAsync(args[1..]),
    "search-index" => SearchIndexCommand.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          search-bytes SITE_DIR [--runs N] [--pagefind] [--queries "first|later;..."]
              serves a built site on 127.0.0.1 and, in Chromium, runs first and later queries on /search/
              (or with Pagefind's API when --pagefind): bytes fetched and time to first results, median of N runs
          search-index N OUT_DIR [--seed S]
              indexes N generated briefs (gen_corpus.py's shape) with SearchIndexBuilder alone and writes
              OUT_DIR/search/: time to tokenize and to write, bytes and files
        """);
    return 2;
}
