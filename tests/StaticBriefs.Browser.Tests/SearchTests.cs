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
        Assert.Matches(@"^\d+ briefs? for “karpathy pre-training”", await StatusAsync(page));
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
        await page.WaitForFunctionAsync("() => window.StaticBriefsSearch !== undefined");
        await page.Keyboard.PressAsync("/");
        Assert.Equal("site-search-input", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal("", await page.Locator("#site-search-input").InputValueAsync());

        await page.Keyboard.TypeAsync("karpathy anthropic");
        await page.ThenWaitForUrlAsync(() => page.Keyboard.PressAsync("Enter"), site.SiteUrl + "search/?q=karpathy+anthropic");
        await SearchSettledAsync(page, "karpathy anthropic");
        Assert.Equal(KarpathyBrief, await FirstResultPathAsync(page));
    }

    [Fact]
    public async Task Arrow_keys_move_through_the_result_links_and_enter_opens_one()
    {
        var page = await OpenSearchAsync("");
        await page.Locator("#search-input").FillAsync("openai"); // one input event: the typing itself is tested above
        await SearchSettledAsync(page, "openai");
        var paths = await page.Locator("a.search-result-link").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
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
    public async Task A_misspelt_query_shows_no_results_and_a_did_you_mean_link_that_searches_for_it()
    {
        var page = await OpenSearchAsync("?q=antropic");
        Assert.Equal(0, await page.Locator(".search-result").CountAsync());
        Assert.StartsWith("No briefs match “antropic”.", await StatusAsync(page), StringComparison.Ordinal);
        var suggestion = page.Locator("#search-status a.search-suggestion");
        Assert.Equal("anthropic", await suggestion.TextContentAsync());

        await suggestion.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"\?q=anthropic$"));
        await SearchSettledAsync(page, "anthropic");
        Assert.True(await TotalAsync(page) > 0);
        Assert.Equal("anthropic", await page.Locator("#search-input").InputValueAsync());
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
}
