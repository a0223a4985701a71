using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using StaticBriefs.Preview;

namespace StaticBriefs.Benchmarks;

/// <summary>
/// What a reader's browser fetches for a search: a fresh Chromium context per run (empty cache) opens the
/// search page, runs a first query, then a later one, and sums the response body sizes of every request
/// (uncompressed: the server does not compress; Pagefind's files are as Pagefind stores them), workers'
/// requests included, and the time from the input event to the first result drawn.
/// </summary>
internal static class SearchBytesCommand
{
    /// <summary>(first query, later query): one common word, a company and a common word, a rare person's name.</summary>
    private static readonly (string Name, string First, string Later)[] Scenarios =
    [
        ("one word", "funding", "tokenizer"),
        ("two words", "anhol funding", "pretraining cluster"),
        ("name", "finholkel rarosoph", "anhol inc"),
    ];

    private const string PagefindPage = "pagefind-bench.html";

    // Waits in the page for the first result of q to be drawn, then for its facets; times from the input event.
    private const string RunOurs = """
        async q => {
          const input = document.getElementById('search-input'), list = () => document.getElementById('search-results');
          const t0 = performance.now();
          input.value = q;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          const until = test => new Promise(done => { const poll = () => test() ? done(performance.now() - t0) : setTimeout(poll, 1); poll(); });
          const shown = () => list().dataset.query === q && list().querySelector('.search-result') !== null;
          const results = await until(shown);
          const settled = await until(() => shown() && list().getAttribute('aria-busy') === 'false');
          return { results, settled, count: parseInt(list().dataset.total || document.getElementById('search-status').textContent.replace(/,/g, ''), 10) || 0 };
        }
        """;

    // Pagefind's own API as its UI uses it: search, then the data of the first 10 results.
    private const string RunPagefind = """
        async q => {
          const t0 = performance.now();
          window.pf = window.pf || await import('/pagefind/pagefind.js');
          const search = await window.pf.search(q);
          await Promise.all(search.results.slice(0, 10).map(r => r.data()));
          const t = performance.now() - t0;
          return { results: t, settled: t, count: search.results.length };
        }
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 1 || !Directory.Exists(args[0])) { Console.Error.WriteLine("search-bytes: SITE_DIR missing"); return 2; }
        var site = args[0];
        var runs = args.Contains("--runs") ? int.Parse(args[Array.IndexOf(args, "--runs") + 1], CultureInfo.InvariantCulture) : 3;
        var pagefind = args.Contains("--pagefind");
        // --queries "first|later;first|later" replaces the built-in scenarios (e.g. for an index of other words).
        var scenarios = args.Contains("--queries")
            ? [.. args[Array.IndexOf(args, "--queries") + 1].Split(';').Select(pair => pair.Split('|')).Select(p => (string.Join(" / ", p), p[0], p[1]))]
            : Scenarios;
        if (pagefind)
        {
            File.WriteAllText(Path.Combine(site, PagefindPage), "<!DOCTYPE html><html lang=\"en\"><meta charset=\"utf-8\"><title>pagefind bench</title></html>\n");
        }

        // The product's server with live reload off: the files' own bytes, no compression, as a static host.
        await using var server = new PreviewServer(new PreviewOptions(site, Port: 0, LiveReload: false));
        await server.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("STATICBRIEFS_CHROMIUM") is { Length: > 0 } chromium ? chromium : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });

        Console.WriteLine($"{(pagefind ? "Pagefind" : "StaticBriefs")} search on {site}, median of {runs} runs (fresh browser context each)");
        Console.WriteLine("| scenario | query | JS (KB) | index (KB) | total (KB) | total gzip-estimated (KB) | to first results (ms) | to facets (ms) | results |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, first, later) in scenarios)
        {
            var samples = new List<(Sample First, Sample Later)>();
            for (var run = 0; run < runs; run++)
            {
                await using var context = await browser.NewContextAsync();
                var requests = new Requests();
                context.RequestFinished += (_, request) => requests.Add(request);
                var page = await context.NewPageAsync();
                await page.GotoAsync(server.Address + (pagefind ? PagefindPage : "search/"));
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                // Our scripts load with the page; Pagefind's load inside the first query and are counted there.
                var pageEntries = await requests.TakeAsync();
                var pageJs = Sum(pageEntries, js: true);
                var pageJsGzip = Sum(pageEntries, js: true, gzip: true);
                var a = await MeasureAsync(page, requests, pagefind, first, pageJs, pageJsGzip);
                var b = await MeasureAsync(page, requests, pagefind, later, 0, 0);
                samples.Add((a, b));
            }
            Print(name, "first: " + first, samples.Select(s => s.First).ToList());
            Print(name, "later: " + later, samples.Select(s => s.Later).ToList());
        }
        return 0;
    }

    private sealed record Sample(long Js, long Index, double Results, double Settled, int Count, long Gzip);

    private static async Task<Sample> MeasureAsync(IPage page, Requests requests, bool pagefind, string query, long pageJs, long pageJsGzip)
    {
        var timing = await page.EvaluateAsync<JsonElement>(pagefind ? RunPagefind : RunOurs, query);
        await page.WaitForTimeoutAsync(200); // the last responses reach the event handler
        var entries = await requests.TakeAsync();
        return new Sample(pageJs + Sum(entries, js: true), Sum(entries, js: false),
            timing.GetProperty("results").GetDouble(), timing.GetProperty("settled").GetDouble(), timing.GetProperty("count").GetInt32(),
            pageJsGzip + Sum(entries, js: true, gzip: true) + Sum(entries, js: false, gzip: true));
    }

    /// <summary>
    /// Bytes of the search scripts (ours, or Pagefind's JS and wasm) or of everything else fetched; with
    /// <paramref name="gzip"/>, as a compressing host would send them (see <see cref="GzipSize"/>).
    /// </summary>
    private static long Sum(List<(string Url, long Bytes, long Gzip)> entries, bool js, bool gzip = false)
    {
        long total = 0;
        foreach (var (url, served, compressed) in entries)
        {
            var path = new Uri(url).AbsolutePath;
            var isScript = path.Contains("/assets/js/search", StringComparison.Ordinal)
                || (path.StartsWith("/pagefind/", StringComparison.Ordinal) && (path.EndsWith(".js", StringComparison.Ordinal) || path.Contains("wasm", StringComparison.Ordinal)));
            var counted = isScript || path.StartsWith("/search/", StringComparison.Ordinal) || path.StartsWith("/pagefind/", StringComparison.Ordinal);
            if (counted && isScript == js) total += gzip ? compressed : served;
        }
        return total;
    }

    /// <summary>Finished requests since the last <see cref="TakeAsync"/>, with their response body sizes.</summary>
    private sealed class Requests
    {
        private readonly Lock _gate = new();
        private List<(string Url, Task<RequestSizesResult> Sizes, Task<IResponse?> Response)> _pending = [];

        public void Add(IRequest request)
        {
            lock (_gate) _pending.Add((request.Url, request.SizesAsync(), request.ResponseAsync()));
        }

        public async Task<List<(string Url, long Bytes, long Gzip)>> TakeAsync()
        {
            List<(string Url, Task<RequestSizesResult> Sizes, Task<IResponse?> Response)> taken;
            lock (_gate) (taken, _pending) = (_pending, []);
            var result = new List<(string, long, long)>();
            foreach (var (url, sizes, response) in taken)
            {
                var served = (await sizes).ResponseBodySize;
                result.Add((url, served, await GzipSize.OfAsync(await response, served)));
            }
            return result;
        }
    }

    private static void Print(string scenario, string query, List<Sample> samples)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
        var js = Median(samples.Select(s => (double)s.Js)) / 1024;
        var index = Median(samples.Select(s => (double)s.Index)) / 1024;
        var total = Median(samples.Select(s => (double)(s.Js + s.Index))) / 1024;
        var gzip = Median(samples.Select(s => (double)s.Gzip)) / 1024;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {scenario} | {query} | {js:F1} | {index:F1} | {total:F1} | {gzip:F1} | {Median(samples.Select(s => s.Results)):F0} | {Median(samples.Select(s => s.Settled)):F0} | {samples[0].Count} |"));
    }
}
