using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using StaticBriefs.Building;
using StaticBriefs.Preview;
using StaticBriefs.Tests.Shared;

namespace StaticBriefs.Benchmarks.Relevance;

/// <summary>
/// The relevance harness: builds each blog named in the queries file (adapted by <see cref="RealBlogAdapter"/>),
/// indexes the same pages with Pagefind 1.6.0, runs every query in Chromium through our search page and through
/// Pagefind's API, and prints MRR@10, first-hit rate, result counts, bytes and time to first results per kind.
/// </summary>
internal static class RelevanceCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = BenchArgs.RepoRoot();
        var content = BenchArgs.Text(args, "--content") ?? Path.Combine(root, "tests", "RealContent");
        var queriesFile = BenchArgs.Text(args, "--queries") ?? Path.Combine(root, "tests", "RealContent", "queries.tsv");
        var work = Path.GetFullPath(BenchArgs.Text(args, "--work") ?? "/dev/shm/sb-relevance");
        var theme = BenchArgs.Text(args, "--theme") ?? Path.Combine(root, "theme");
        var withPagefind = !args.Contains("--no-pagefind");
        var kind = BenchArgs.Text(args, "--kind");
        var blog = BenchArgs.Text(args, "--blog");
        var buildOnly = args.Contains("--build-only");

        var queries = RelevanceQuery.Read(queriesFile)
            .Where(q => (kind is null || q.Kind == kind) && (blog is null || q.Blog == blog)).ToList();
        var sites = new Dictionary<string, (string Site, IReadOnlyDictionary<string, string> Urls)>(StringComparer.Ordinal);
        foreach (var name in queries.Select(q => q.Blog).Distinct())
        {
            var built = Build(Path.Combine(content, name), Path.Combine(work, name), theme);
            if (built is null) return 1;
            sites[name] = built.Value;
            if (withPagefind && !await IndexWithPagefindAsync(built.Value.Site)) return 1;
        }
        if (buildOnly) return 0;

        var servers = new Dictionary<string, PreviewServer>(StringComparer.Ordinal);
        try
        {
            foreach (var (name, site) in sites)
            {
                var server = new PreviewServer(new PreviewOptions(site.Site, Port: 0, LiveReload: false));
                await server.StartAsync();
                servers[name] = server;
            }
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Environment.GetEnvironmentVariable("STATICBRIEFS_CHROMIUM") is { Length: > 0 } chromium ? chromium : "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--disable-quic"],
            });
            var search = new BrowserSearch(browser);
            var rows = new List<RelevanceRow>();
            foreach (var query in queries)
            {
                if (!sites[query.Blog].Urls.TryGetValue(query.Expected, out var expected))
                {
                    Console.Error.WriteLine($"relevance: {query.Blog}/{query.Expected} was not built (query '{query.Query}')");
                    return 1;
                }
                var address = servers[query.Blog].Address;
                var ours = await search.RunAsync(address, query.Query, pagefind: false);
                var theirs = withPagefind ? await search.RunAsync(address, query.Query, pagefind: true) : null;
                rows.Add(new RelevanceRow(query, expected, ours, theirs));
                Console.Error.WriteLine($"  {query.Kind,-10} {ours.RankOf(expected),2} {(theirs is null ? "" : theirs.RankOf(expected).ToString(CultureInfo.InvariantCulture)),2}  {query.Query}");
            }
            var report = Path.Combine(work, "results.tsv");
            RelevanceReport.WriteRows(report, rows);
            foreach (var name in rows.Select(r => r.Query.Blog).Distinct())
            {
                Console.WriteLine($"### {name}");
                Console.WriteLine();
                RelevanceReport.PrintTable(Console.Out, [.. rows.Where(r => r.Query.Blog == name)], withPagefind);
                Console.WriteLine();
            }
            Console.WriteLine("### all blogs");
            Console.WriteLine();
            RelevanceReport.PrintTable(Console.Out, rows, withPagefind);
            Console.WriteLine($"per query: {report}");
            return 0;
        }
        finally
        {
            foreach (var server in servers.Values) await server.DisposeAsync();
        }
    }

    private static (string Site, IReadOnlyDictionary<string, string> Urls)? Build(string blogDirectory, string work, string theme)
    {
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        var adapted = RealBlogAdapter.Adapt(blogDirectory, Path.Combine(work, "input"));
        var site = Path.Combine(work, "site");
        var result = SiteBuild.Run(new BuildOptions
        {
            InputDirectory = adapted.InputDirectory,
            OutputDirectory = site,
            ThemeDirectory = theme,
            BaseUrl = "http://127.0.0.1/",
            IncludeFuture = true,
        });
        if (!result.Written)
        {
            Console.Error.WriteLine($"relevance: {blogDirectory} did not build:");
            foreach (var diagnostic in result.Diagnostics.Take(20)) Console.Error.WriteLine("  " + diagnostic);
            return null;
        }
        Console.Error.WriteLine($"built {Path.GetFileName(blogDirectory)}: {result.Briefs} briefs into {site}");
        return (site, adapted.UrlBySource);
    }

    /// <summary>Pagefind on the brief pages only, each page's article as the document: its best case on this site.</summary>
    private static async Task<bool> IndexWithPagefindAsync(string site)
    {
        await File.WriteAllTextAsync(Path.Combine(site, BrowserSearch.PagefindPage),
            "<!DOCTYPE html><html lang=\"en\"><meta charset=\"utf-8\"><title>pagefind bench</title></html>\n");
        var start = new ProcessStartInfo("npx", ["-y", "pagefind@1.6.0", "--site", site, "--glob", "briefs/**/*.html", "--root-selector", "article", "--quiet"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode == 0) return true;
        Console.Error.WriteLine($"relevance: pagefind failed ({process.ExitCode}): {await stdout}{await stderr}");
        return false;
    }
}

/// <summary>One query's outcome for both engines.</summary>
internal sealed record RelevanceRow(RelevanceQuery Query, string ExpectedUrl, QueryOutcome Ours, QueryOutcome? Pagefind);

/// <summary>Per-kind figures and the per-query file.</summary>
internal static class RelevanceReport
{
    private static readonly string[] Kinds = ["known-item", "typo", "prefix", "topical", "version"];

    public static void PrintTable(TextWriter output, List<RelevanceRow> rows, bool withPagefind)
    {
        output.WriteLine("| kind | queries | MRR@10 ours | MRR@10 Pagefind | first hit ours | first hit Pagefind | median results ours | Pagefind | median KB ours | Pagefind | median KB gzip ours | Pagefind | median ms to first results ours | Pagefind |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var kind in Kinds.Append("all"))
        {
            var set = rows.Where(r => kind == "all" || r.Query.Kind == kind).ToList();
            if (set.Count == 0) continue;
            string Figures(Func<RelevanceRow, QueryOutcome?> pick, Func<List<QueryOutcome>, string> figure)
            {
                var outcomes = set.Select(pick).OfType<QueryOutcome>().ToList();
                return outcomes.Count == 0 ? "-" : figure(outcomes);
            }
            string Mrr(Func<RelevanceRow, QueryOutcome?> pick) => set.All(r => pick(r) is null) ? "-"
                : (set.Sum(r => pick(r)!.RankOf(r.ExpectedUrl) is var rank && rank > 0 ? 1.0 / rank : 0) / set.Count).ToString("F3", CultureInfo.InvariantCulture);
            string First(Func<RelevanceRow, QueryOutcome?> pick) => set.All(r => pick(r) is null) ? "-"
                : (100.0 * set.Count(r => pick(r)!.RankOf(r.ExpectedUrl) == 1) / set.Count).ToString("F0", CultureInfo.InvariantCulture) + "%";
            string Count(List<QueryOutcome> o) => Median(o.Select(x => (double)x.Total)).ToString("F0", CultureInfo.InvariantCulture);
            string Kb(List<QueryOutcome> o) => (Median(o.Select(x => (double)x.Bytes)) / 1024).ToString("F1", CultureInfo.InvariantCulture);
            string Gz(List<QueryOutcome> o) => (Median(o.Select(x => (double)x.GzipBytes)) / 1024).ToString("F1", CultureInfo.InvariantCulture);
            string Ms(List<QueryOutcome> o) => Median(o.Select(x => x.Milliseconds)).ToString("F0", CultureInfo.InvariantCulture);
            output.WriteLine($"| {kind} | {set.Count} | {Mrr(r => r.Ours)} | {Mrr(r => r.Pagefind)} | {First(r => r.Ours)} | {First(r => r.Pagefind)} | " +
                $"{Figures(r => r.Ours, Count)} | {Figures(r => r.Pagefind, Count)} | {Figures(r => r.Ours, Kb)} | {Figures(r => r.Pagefind, Kb)} | " +
                $"{Figures(r => r.Ours, Gz)} | {Figures(r => r.Pagefind, Gz)} | " +
                $"{Figures(r => r.Ours, Ms)} | {Figures(r => r.Pagefind, Ms)} |");
        }
        if (!withPagefind) output.WriteLine("(Pagefind not run: --no-pagefind)");
    }

    public static void WriteRows(string path, List<RelevanceRow> rows)
    {
        var text = new StringBuilder("blog\tkind\tquery\texpected\trank_ours\trank_pagefind\ttotal_ours\ttotal_pagefind\tbytes_ours\tbytes_pagefind\tgzip_ours\tgzip_pagefind\tms_ours\tms_pagefind\ttop3_ours\ttop3_pagefind\n");
        foreach (var row in rows)
        {
            var p = row.Pagefind;
            text.Append(CultureInfo.InvariantCulture, $"{row.Query.Blog}\t{row.Query.Kind}\t{row.Query.Query}\t{row.ExpectedUrl}\t{row.Ours.RankOf(row.ExpectedUrl)}\t{p?.RankOf(row.ExpectedUrl)}\t")
                .Append(CultureInfo.InvariantCulture, $"{row.Ours.Total}\t{p?.Total}\t{row.Ours.Bytes}\t{p?.Bytes}\t{row.Ours.GzipBytes}\t{p?.GzipBytes}\t{row.Ours.Milliseconds:F0}\t{p?.Milliseconds:F0}\t")
                .Append(string.Join(' ', row.Ours.Urls.Take(3))).Append('\t').Append(p is null ? "" : string.Join(' ', p.Urls.Take(3))).Append('\n');
        }
        File.WriteAllText(path, text.ToString());
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return 0;
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
