using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StaticBriefs.Browser.Tests.Support;
using StaticBriefs.Search;

namespace StaticBriefs.Browser.Tests;

/// <summary>The search page and the header box, driven the way a reader drives them, on the sample site under /briefs-site/.</summary>
[Collection(SiteCollection.Name)]
public sealed partial class SearchTests(SiteFixture site)
{
    private const string KarpathyBrief = SiteFixture.Prefix + "briefs/karpathy-joins-anthropic/";

    [Fact]
    public async Task Typing_karpathy_pre_training_puts_the_karpathy_brief_first_with_the_matched_words_marked()
    {
        var page = await OpenSearchAsync("");
        await page.Locator("#search-input").PressSequentiallyAsync("karpathy pre-training", new() { Delay = 20 });
        await SearchSettledAsync(page, "karpathy pre-training");

        Assert.Equal(KarpathyBrief, await FirstResultPathAsync(page));
        var marks = await page.Locator(".search-result").First.Locator(".search-result-title mark").AllTextContentsAsync();
        Assert.Equal(["Karpathy", "pre", "training"], marks);
        Assert.Matches(@"^\d+ briefs?\b", await StatusAsync(page));
        Assert.Matches(@"^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$",
            (await page.Locator(".search-result-date").First.TextContentAsync())!);
    }

    [Fact]
    public async Task Results_appear_while_the_last_word_is_still_a_prefix()
    {
        var page = await OpenSearchAsync("");
        await page.Locator("#search-input").PressSequentiallyAsync("anthro");
        await SearchSettledAsync(page, "anthro");

        Assert.True(await page.Locator(".search-result").CountAsync() > 0, "no results for the prefix 'anthro'");
        var firstMarks = await page.Locator(".search-result").First.Locator("mark").AllTextContentsAsync();
        Assert.Contains(firstMarks, m => m.StartsWith("Anthropic", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_company_facet_narrows_the_results_and_the_url()
    {
        var page = await OpenSearchAsync("?q=anthropic");
        var before = await TotalAsync(page);
        var openai = page.Locator("button[data-facet=company][data-value=openai]");
        var expected = int.Parse((await openai.Locator(".search-facet-count").TextContentAsync())!, System.Globalization.CultureInfo.InvariantCulture);

        await openai.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"\?q=anthropic&company=openai$"));
        await SearchSettledAsync(page, "anthropic");

        var after = await TotalAsync(page);
        Assert.True(after < before, $"{after} results with the facet, {before} without");
        Assert.Equal(expected, after);
        Assert.Equal("true", await page.Locator("button[data-facet=company][data-value=openai]").GetAttributeAsync("aria-pressed"));
    }

    [Fact]
    public async Task A_relation_verb_facet_keeps_only_briefs_reporting_that_verb_and_combines_with_the_year()
    {
        var page = await OpenSearchAsync("?q=anthropic");
        var before = await TotalAsync(page);
        Assert.Equal("Moves and deals", (await page.Locator("#search-facet-verbs").TextContentAsync())!.Trim());
        var joins = page.Locator("button[data-facet=verb][data-value=joins]");
        var expected = int.Parse((await joins.Locator(".search-facet-count").TextContentAsync())!, System.Globalization.CultureInfo.InvariantCulture);

        await joins.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"\?q=anthropic&verb=joins$"));
        await SearchSettledAsync(page, "anthropic");

        var after = await TotalAsync(page);
        Assert.InRange(after, 1, before - 1);
        Assert.Equal(expected, after);
        Assert.Equal(after, await page.Locator(".search-result").CountAsync());
        Assert.Equal("true", await page.Locator("button[data-facet=verb][data-value=joins]").GetAttributeAsync("aria-pressed"));
        // Every result reports someone joining: its brief's "Moves and deals" says so.
        var paths = await page.Locator("a.search-result-link").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var brief = await site.NewPageAsync();
        foreach (var path in paths)
        {
            await brief.GotoAsync(new Uri(new Uri(site.SiteUrl), path).ToString());
            var lines = await brief.Locator(".relations-brief li").AllTextContentsAsync();
            Assert.Contains(lines, line => line.Contains(" joins ", StringComparison.Ordinal));
        }

        // "All joins in 2024": the year facet narrows the verb's results further.
        var year = page.Locator("button[data-facet=year][data-value='2024']");
        var inYear = int.Parse((await year.Locator(".search-facet-count").TextContentAsync())!, System.Globalization.CultureInfo.InvariantCulture);
        await year.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"\?q=anthropic&verb=joins&year=2024$"));
        await SearchSettledAsync(page, "anthropic");
        Assert.Equal(inYear, await TotalAsync(page));
        Assert.InRange(inYear, 1, after - 1);
        Assert.All(await page.Locator(".search-result-date").AllTextContentsAsync(), date => Assert.EndsWith(" 2024", date, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_shared_url_with_query_and_facet_opens_filtered_results()
    {
        var page = await OpenSearchAsync("?q=anthropic&company=openai");

        Assert.Equal("anthropic", await page.Locator("#search-input").InputValueAsync());
        Assert.Equal("true", await page.Locator("button[data-facet=company][data-value=openai]").GetAttributeAsync("aria-pressed"));
        var total = await TotalAsync(page);
        Assert.InRange(total, 1, 50);
        Assert.Equal(total, await page.Locator(".search-result").CountAsync());
        // Every result names OpenAI: open each one's brief and look at its company tags.
        var paths = await page.Locator("a.search-result-link").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var brief = await site.NewPageAsync();
        foreach (var path in paths)
        {
            await brief.GotoAsync(new Uri(new Uri(site.SiteUrl), path).ToString());
            Assert.Contains("OpenAI", (await brief.Locator(".brief-aside .tag-company a").AllTextContentsAsync()).Select(t => t.Trim()));
        }
    }

    [Fact]
    public async Task Back_restores_the_previous_query_and_its_results()
    {
        var page = await OpenSearchAsync("");
        var input = page.Locator("#search-input");
        await input.PressSequentiallyAsync("anthropic");
        await input.PressAsync("Enter");
        await SearchSettledAsync(page, "anthropic");
        var anthropicFirst = await FirstResultPathAsync(page);

        await input.FillAsync("");
        await input.PressSequentiallyAsync("nvidia");
        await SearchSettledAsync(page, "nvidia");
        Assert.NotEqual(anthropicFirst, await FirstResultPathAsync(page));

        await page.GoBackAsync();
        await SearchSettledAsync(page, "anthropic");
        Assert.Equal("anthropic", await input.InputValueAsync());
        Assert.Equal(anthropicFirst, await FirstResultPathAsync(page));
    }

    [Fact]
    public async Task Slash_on_a_brief_page_focuses_the_header_search_box()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.SiteUrl + "briefs/karpathy-joins-anthropic/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Keyboard.PressAsync("/");
        Assert.Equal("site-search-input", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal("", await page.Locator("#site-search-input").InputValueAsync());

        await page.Keyboard.TypeAsync("karpathy anthropic");
        await page.ThenWaitForUrlAsync(() => page.Keyboard.PressAsync("Enter"), site.SiteUrl + "search/?q=karpathy+anthropic");
        await SearchSettledAsync(page, "karpathy anthropic");
        Assert.Equal(KarpathyBrief, await FirstResultPathAsync(page));
    }

    [Fact]
    public async Task A_brief_page_loads_no_search_code_until_the_header_box_is_used_and_then_answers_under_it()
    {
        var page = await site.NewPageAsync();
        var requested = new List<string>();
        page.Request += (_, request) => { lock (requested) requested.Add(new Uri(request.Url).AbsolutePath); };
        await page.GotoAsync(site.SiteUrl + "briefs/karpathy-joins-anthropic/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        static bool IsSearch(string path) => path.Contains("/assets/js/search", StringComparison.Ordinal)
            || path.Contains("/assets/css/search", StringComparison.Ordinal) || path.EndsWith(".json", StringComparison.Ordinal);
        lock (requested) Assert.DoesNotContain(requested, IsSearch);
        Assert.True(await page.EvaluateAsync<bool>("() => window.StaticBriefsSearch === undefined"));

        await page.Locator("#site-search-input").FocusAsync();
        await page.WaitForFunctionAsync("() => window.StaticBriefsSearch !== undefined");
        lock (requested) Assert.Contains(requested, p => p.Contains("/assets/js/search", StringComparison.Ordinal));
        await page.Keyboard.TypeAsync("karpathy");
        var quick = page.Locator("#quick-results:not([hidden])");
        // Results come as the letters do: wait for the answer to the whole word ("ka" answered first once, on CI).
        await Assertions.Expect(quick.Locator("a.quick-all")).ToHaveAttributeAsync("href", SiteFixture.Prefix + "search/?q=karpathy");
        await quick.Locator("a.quick-link").First.WaitForAsync();
        Assert.Contains("Karpathy", await quick.Locator("a.quick-link").First.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(SiteFixture.Prefix + "people/andrej-karpathy/", await quick.Locator("a.search-entity-link").First.GetAttributeAsync("href"));

        await page.Keyboard.PressAsync("Escape");
        Assert.True(await page.Locator("#quick-results").IsHiddenAsync());
    }

    [Fact]
    public async Task Arrow_keys_move_through_the_result_links_and_enter_opens_one()
    {
        var page = await OpenSearchAsync("");
        await page.Locator("#search-input").FillAsync("openai"); // one input event: the typing itself is tested above
        await SearchSettledAsync(page, "openai");
        // The OpenAI company page comes first, then the briefs.
        var paths = await page.Locator("a.search-entity-link, a.search-result-link").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.True(paths.Length >= 3, $"expected several results, got {paths.Length}");

        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal(paths[0], await FocusedHrefAsync(page));
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal(paths[2], await FocusedHrefAsync(page));
        await page.Keyboard.PressAsync("ArrowUp");
        Assert.Equal(paths[1], await FocusedHrefAsync(page));

        await page.ThenWaitForUrlAsync(() => page.Keyboard.PressAsync("Enter"), new Uri(new Uri(site.SiteUrl), paths[1]).ToString());
        Assert.Equal("brief", await page.EvaluateAsync<string>("document.body.className.replace('kind-', '')"));
    }

    [Fact]
    public async Task A_misspelt_query_shows_the_results_of_the_correction_and_says_so()
    {
        var page = await OpenSearchAsync("?q=antropic");

        Assert.True(await page.Locator(".search-result").CountAsync() > 0);
        Assert.Equal("Showing results for anthropic.", (await page.Locator(".search-notice").First.TextContentAsync())!.Trim());
        var marks = await page.Locator(".search-result").First.Locator("mark").AllTextContentsAsync();
        Assert.Contains(marks, m => m.StartsWith("Anthropic", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_no_brief_has_every_word_the_page_says_it_shows_briefs_with_some()
    {
        var page = await OpenSearchAsync("?q=anthropic+zebra");

        Assert.True(await page.Locator(".search-result").CountAsync() > 0);
        Assert.Equal("No brief has all of these words; these have some of them.", (await page.Locator(".search-notice").First.TextContentAsync())!.Trim());
        Assert.Matches(@"^\d+ briefs? with some of the words\.$", await StatusAsync(page));
    }

    [Fact]
    public async Task Matching_companies_people_and_topics_are_listed_above_the_briefs()
    {
        var page = await OpenSearchAsync("?q=anthropic");

        var entity = page.Locator(".search-entities a.search-entity-link").First;
        Assert.Equal("Anthropic", (await entity.TextContentAsync())!.Trim());
        Assert.Equal(SiteFixture.Prefix + "companies/anthropic/", await entity.GetAttributeAsync("href"));
        var entityBox = (await entity.BoundingBoxAsync())!;
        var firstBrief = (await page.Locator(".search-result").First.BoundingBoxAsync())!;
        Assert.True(entityBox.Y < firstBrief.Y, "the entity page is listed above the briefs");
        Assert.Matches(@"Company · \d+ briefs?", (await page.Locator(".search-entity-meta").First.TextContentAsync())!);
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task Nothing_moves_while_results_and_facets_arrive(int width, int height)
    {
        var page = await site.Browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        page.SetDefaultTimeout(30_000);
        // Every shift counts, even right after a key press (which the CLS metric itself would forgive).
        await page.AddInitScriptAsync(@"window.__shift = 0; window.__shifts = [];
            new PerformanceObserver(list => { for (const e of list.getEntries()) {
              window.__shift += e.value;
              window.__shifts.push(e.value.toFixed(4) + ' ' + (e.sources || []).map(s => s.node ? (s.node.nodeName + '#' + (s.node.id || '') + '.' + (s.node.className || '')) + ' ' + JSON.stringify(s.previousRect) + '->' + JSON.stringify(s.currentRect) : '?').join(' | '));
            } }).observe({ type: 'layout-shift', buffered: true });");
        await page.GotoAsync(site.SiteUrl + "search/?q=anthropic");
        await SearchSettledAsync(page, "anthropic");
        await page.WaitForTimeoutAsync(300);
        var opened = await page.EvaluateAsync<double>("window.__shift");

        await page.Locator("#search-input").FillAsync("");
        await page.Locator("#search-input").PressSequentiallyAsync("openai models", new() { Delay = 60 });
        await page.WaitForFunctionAsync("() => document.getElementById('search-results').dataset.query === 'openai models' && document.getElementById('search-results').getAttribute('aria-busy') === 'false'");
        await page.WaitForTimeoutAsync(300);
        var typed = await page.EvaluateAsync<double>("window.__shift");

        var shifts = string.Join("\n", await page.EvaluateAsync<string[]>("window.__shifts"));
        Assert.True(opened < 0.02, $"layout shift {opened:F4} opening results at {width}px:\n{shifts}");
        Assert.True(typed < 0.02, $"layout shift {typed:F4} after typing at {width}px:\n{shifts}");
        await page.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_results_come_first_and_the_facets_open_on_request()
    {
        var page = await site.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(site.SiteUrl + "search/?q=anthropic");
        await SearchSettledAsync(page, "anthropic");

        var toggle = page.Locator("#search-filters-toggle");
        Assert.True(await toggle.IsVisibleAsync());
        Assert.False(await page.Locator("#search-facets").IsVisibleAsync());
        var first = (await page.Locator(".search-result").First.BoundingBoxAsync())!;
        Assert.True(first.Y < 844 * 0.6, $"first result at {first.Y}px");

        await toggle.ClickAsync();
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-expanded"));
        Assert.True(await page.Locator("#search-facets .search-facet-button").First.IsVisibleAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task Typing_fast_runs_no_search_per_key_and_a_changed_query_aborts_the_one_in_flight()
    {
        var page = await site.NewPageAsync();
        // Notes each query the page runs (every run writes its query into the address) and each fetch whose
        // signal fires while it is still in flight.
        await page.AddInitScriptAsync(@"window.__queries = []; window.__aborted = [];
            for (const name of ['pushState', 'replaceState']) {
              const first = history[name].bind(history);
              history[name] = (state, title, url) => { window.__queries.push(new URL(url, location.href).searchParams.get('q') || ''); return first(state, title, url); };
            }
            const fetchFirst = window.fetch;
            window.fetch = (url, options) => {
              let done = false;
              const answer = fetchFirst(url, options).finally(() => { done = true; });
              if (options && options.signal) options.signal.addEventListener('abort', () => { if (!done) window.__aborted.push(String(url)); });
              return answer;
            };");
        // The page's own clock, moved by hand: the gaps between keys are exactly what the test says, however busy
        // the machine is (real key timing let a slow machine pause between keys and run a search for a prefix).
        await page.Clock.InstallAsync();
        await page.GotoAsync(site.SiteUrl + "search/");
        await SearchSettledAsync(page, "");
        await page.Clock.PauseAtAsync(DateTime.Now.AddMinutes(1));
        var input = page.Locator("#search-input");
        await input.FocusAsync();
        await page.EvaluateAsync("window.__queries.length = 0");

        // Quick keys, 25 ms apart: the query runs once, when typing stops.
        foreach (var key in "karpathy")
        {
            await page.Keyboard.PressAsync(key.ToString());
            await page.Clock.RunForAsync(25);
        }
        Assert.Empty(await page.EvaluateAsync<string[]>("window.__queries"));
        await page.Clock.RunForAsync(400);
        await SearchSettledAsync(page, "karpathy");
        Assert.Equal(["karpathy"], await page.EvaluateAsync<string[]>("window.__queries"));

        // A query whose files are slow to come is dropped, fetches and all, when the reader types on.
        var slow = SlowFiles();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(slow, async route =>
        {
            held.TrySetResult();
            await Task.Delay(1500);
            try { await route.ContinueAsync(); } catch (PlaywrightException) { /* the page dropped it meanwhile */ }
        });
        await input.FillAsync("");
        await input.PressSequentiallyAsync("sutsk");
        await page.Clock.RunForAsync(400);
        await held.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the query for "sutsk" waits for its display files
        await input.PressSequentiallyAsync("ever");
        await page.Clock.RunForAsync(400);
        await SearchSettledAsync(page, "sutskever");
        await page.UnrouteAsync(slow);

        var aborted = await page.EvaluateAsync<string[]>("window.__aborted");
        Assert.Contains(aborted, u => u.Contains("/docs/", StringComparison.Ordinal));
        Assert.Equal(["karpathy", "sutsk", "sutskever"], await page.EvaluateAsync<string[]>("window.__queries"));
        Assert.True(await page.Locator(".search-result").CountAsync() > 0);
        Assert.Contains("Sutskever", await page.Locator(".search-result").First.TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_javascript_normalises_every_shared_vector_as_the_csharp_normaliser_does()
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "StaticBriefs.Tests", "Search", "normalization-vectors.json");
        using var vectors = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var tokenInputs = vectors.RootElement.GetProperty("tokens").EnumerateArray().Select(v => v.GetProperty("input").GetString()!).ToArray();
        var normalizeInputs = vectors.RootElement.GetProperty("normalize").EnumerateArray().Select(v => v.GetProperty("input").GetString()!).ToArray();
        var keyInputs = vectors.RootElement.GetProperty("facetKey").EnumerateArray().Select(v => v.GetProperty("input").GetString()!).ToArray();
        Assert.NotEmpty(tokenInputs);

        var page = await OpenSearchAsync("");
        var js = await page.EvaluateAsync<JsonElement>(
            @"v => ({ tokens: v.tokens.map(t => window.StaticBriefsSearch.tokens(t)),
                      normalize: v.normalize.map(t => window.StaticBriefsSearch.normalize(t)),
                      facetKey: v.facetKey.map(t => window.StaticBriefsSearch.facetKey(t)) })",
            new { tokens = tokenInputs, normalize = normalizeInputs, facetKey = keyInputs });

        var jsTokens = js.GetProperty("tokens").EnumerateArray().Select(a => string.Join(" ", a.EnumerateArray().Select(t => t.GetString()))).ToArray();
        Assert.Equal(tokenInputs.Select(i => string.Join(" ", SearchNormalizer.Tokens(i))), jsTokens);
        Assert.Equal(normalizeInputs.Select(SearchNormalizer.Normalize), js.GetProperty("normalize").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(keyInputs.Select(SearchNormalizer.FacetKey), js.GetProperty("facetKey").EnumerateArray().Select(e => e.GetString()));
    }

    private async Task<IPage> OpenSearchAsync(string query)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.SiteUrl + "search/" + query);
        var q = System.Web.HttpUtility.ParseQueryString(query).Get("q") ?? "";
        await SearchSettledAsync(page, q);
        return page;
    }

    /// <summary>Waits until the URL carries <paramref name="q"/> and the results and facets for it are rendered.</summary>
    internal static Task SearchSettledAsync(IPage page, string q) => page.WaitForFunctionAsync(
        @"q => { const list = document.getElementById('search-results');
                 return list && list.getAttribute('aria-busy') === 'false'
                     && (new URLSearchParams(location.search).get('q') || '') === q; }", q);

    private static async Task<string> StatusAsync(IPage page) => (await page.Locator("#search-status").TextContentAsync())!.Trim();

    private static async Task<int> TotalAsync(IPage page)
    {
        var match = LeadingNumber().Match(await StatusAsync(page));
        Assert.True(match.Success, "status does not start with a count: " + await StatusAsync(page));
        return int.Parse(match.Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string?> FirstResultPathAsync(IPage page) =>
        await page.Locator("a.search-result-link").First.GetAttributeAsync("href");

    private static Task<string> FocusedHrefAsync(IPage page) =>
        page.EvaluateAsync<string>("document.activeElement.getAttribute('href') || document.activeElement.id");

    [GeneratedRegex(@"^\d+")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"/docs/\d+\.json$")]
    private static partial Regex SlowFiles();
}
