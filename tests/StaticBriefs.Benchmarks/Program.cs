using StaticBriefs.Benchmarks;

// Measuring tools, not tests: each prints figures for the README. See the usage text for the commands.
return args.FirstOrDefault() switch
{
    "search-bytes" => await SearchBytesCommand.RunAsync(args[1..]),
    "search-index" => SearchIndexCommand.Run(args[1..]),
    "incremental" => await IncrementalBenchmark.RunAsync(args[1..]),
    "stages" => Stages(args[1..]),
    _ => Usage(),
};

static int Stages(string[] rest)
{
    StageProbe.Run(rest[0], rest.Length > 1 ? rest[1] : "theme",
        rest.Length > 2 ? int.Parse(rest[2], System.Globalization.CultureInfo.InvariantCulture) : 2000);
    return 0;
}

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
          incremental CORPUS [THEME]
              clean build, cached build, and preview edit-to-reload times on a corpus
          stages INPUT [THEME] [COUNT]
              per-step cost of rendering one brief page (markdown, related, template, minify, search), one thread
        """);
    return 2;
}
