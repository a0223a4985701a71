using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using StaticBriefs.Browser.Tests.Support;

namespace StaticBriefs.Browser.Tests;

[Collection(SiteCollection.Name)]
public sealed class AccessibilityTests(SiteFixture site)
{
    [Theory]
    [InlineData("")]
    [InlineData("briefs/karpathy-joins-anthropic/")]
    [InlineData("briefs/deepseek-r1-distilled-locally/")] // highlighted code and alerts
    [InlineData("companies/anthropic/")]
    [InlineData("people/andrej-karpathy/")]
    [InlineData("moves/")] // build-time SVG chart beside its table
    [InlineData("companies/")]
    [InlineData("archive/")]
    [InlineData("search/?q=anthropic")]
    [InlineData("search/?q=anthropic&verb=joins")] // a relation verb filter pressed
    [InlineData("about/")]
    public async Task Page_has_no_axe_violations_in_light_and_dark_mode(string path)
    {
        var page = await site.NewPageAsync();
        foreach (var scheme in new[] { Microsoft.Playwright.ColorScheme.Light, Microsoft.Playwright.ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            await page.GotoAsync(site.SiteUrl + path);
            await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
            if (path.StartsWith("search/?q=", StringComparison.Ordinal))
            {
                // Scan the page with its results and facets drawn, not the empty page before the index loads.
                var q = System.Web.HttpUtility.ParseQueryString(path["search/".Length..]).Get("q") ?? "";
                await SearchTests.SearchSettledAsync(page, q);
                Assert.True(await page.Locator(".search-result").CountAsync() > 0, "no results to scan for " + path);
                Assert.True(await page.Locator(".search-facet-button").CountAsync() > 0, "no facets to scan for " + path);
            }
            AxeResult result = await page.RunAxe();
            var report = string.Join("\n", result.Violations.Select(v =>
                $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
            Assert.True(result.Violations.Length == 0, $"{scheme} {path}:\n{report}");
        }
    }
}
