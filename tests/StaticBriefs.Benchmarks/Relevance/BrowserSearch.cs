using System.Text.Json;
using Microsoft.Playwright;

namespace StaticBriefs.Benchmarks.Relevance;

/// <summary>
/// Runs one query in a fresh Chromium context (empty cache) through the site's own search page, or through
/// Pagefind's API on the same pages, and reads back the ranked brief URLs, the count, the bytes and the time.
/// </summary>
internal sealed class BrowserSearch(IBrowser browser)
{
    internal const string PagefindPage = "pagefind-bench.html";

    // Types the whole query as one input event (results as you type), waits for the list to show it and settle.
    private const string RunOurs = """
        async q => {
          const input = document.getElementById('search-input'), status = document.getElementById('search-status');
          const list = () => document.getElementById('search-results');
          const t0 = performance.now();
          input.value = q;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          const until = test => new Promise(done => { const poll = () => test() ? done(performance.now() - t0) : setTimeout(poll, 2); poll(); });
          const drawn = () => list().dataset.query === q && (list().querySelector('.search-result') !== null || status.textContent.trim() !== '');
          const first = await until(drawn);
          await until(() => drawn() && list().getAttribute('aria-busy') !== 'true');
          const area = document.getElementById('search-output') || list();
          const urls = Array.from(area.querySelectorAll('a.search-result-link')).map(a => new URL(a.href).pathname);
          const total = list().dataset.total !== undefined ? parseInt(list().dataset.total, 10)
            : (parseInt(status.textContent.replace(/,/g, ''), 10) || 0);
          return { first, urls, total };
        }
        """;

    // Pagefind's own API as its UI uses it: search, then the data of the first 10 results.
    private const string RunPagefind = """
        async q => {
          const t0 = performance.now();
          window.pf = window.pf || await import('/pagefind/pagefind.js');
          const search = await window.pf.search(q);
          const data = await Promise.all(search.results.slice(0, 10).map(r => r.data()));
          const first = performance.now() - t0;
          return { first, urls: data.map(d => new URL(d.url, location.href).pathname), total: search.results.length };
        }
        """;

    /// <summary>Runs <paramref name="query"/> on the site served at <paramref name="siteUrl"/>.</summary>
    public async Task<QueryOutcome> RunAsync(Uri siteUrl, string query, bool pagefind)
    {
        await using var context = await browser.NewContextAsync();
        var requests = new List<(string Url, Task<RequestSizesResult> Sizes, Task<IResponse?> Response)>();
        context.RequestFinished += (_, request) => { lock (requests) requests.Add((request.Url, request.SizesAsync(), request.ResponseAsync())); };
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(new Uri(siteUrl, pagefind ? PagefindPage : "search/").ToString());
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var result = await page.EvaluateAsync<JsonElement>(pagefind ? RunPagefind : RunOurs, query);
        await page.WaitForTimeoutAsync(150); // the last responses reach the event handler
        long bytes = 0, gzipBytes = 0;
        List<(string Url, Task<RequestSizesResult> Sizes, Task<IResponse?> Response)> taken;
        lock (requests) taken = [.. requests];
        foreach (var (url, sizes, response) in taken)
        {
            var path = new Uri(url).AbsolutePath;
            var counted = path.Contains("/assets/js/search", StringComparison.Ordinal)
                || path.StartsWith("/pagefind/", StringComparison.Ordinal)
                || (path.StartsWith("/search/", StringComparison.Ordinal) && path != "/search/" && !path.EndsWith(".html", StringComparison.Ordinal));
            if (!counted) continue;
            var served = (await sizes).ResponseBodySize;
            bytes += served;
            gzipBytes += await GzipSize.OfAsync(await response, served);
        }
        var urls = result.GetProperty("urls").EnumerateArray().Select(u => u.GetString()!)
            .Where(u => u.StartsWith("/briefs/", StringComparison.Ordinal)).ToList();
        return new QueryOutcome(urls, result.GetProperty("total").GetInt32(), bytes, result.GetProperty("first").GetDouble(), gzipBytes);
    }
}
