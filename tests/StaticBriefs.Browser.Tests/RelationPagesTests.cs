using StaticBriefs.Browser.Tests.Support;

namespace StaticBriefs.Browser.Tests;

/// <summary>Relations as a reader sees them on the sample site (axe scans of these pages are in <see cref="AccessibilityTests"/>).</summary>
[Collection(SiteCollection.Name)]
public sealed class RelationPagesTests(SiteFixture site)
{
    [Fact]
    public async Task Karpathys_page_shows_his_career_line_ending_at_Anthropic()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.SiteUrl + "people/andrej-karpathy/");
        var steps = page.Locator(".career-line > li");
        Assert.True(await steps.First.IsVisibleAsync());
        var companies = (await page.Locator(".career-line .career-company").AllTextContentsAsync()).Select(t => t.Trim()).ToList();
        Assert.Equal(["OpenAI", "Tesla", "OpenAI", "Eureka Labs", "Anthropic"], companies);
        var last = (await steps.Last.TextContentAsync())!;
        Assert.Contains("pre-training", last, StringComparison.Ordinal);
        Assert.Contains("May 2026", last, StringComparison.Ordinal);
        // Each step links to the brief that reported it, under the site's sub-path.
        var href = await steps.Last.Locator(".career-dates a").GetAttributeAsync("href");
        Assert.Equal("/briefs-site/briefs/karpathy-joins-anthropic/", href);
    }

    [Fact]
    public async Task Anthropics_page_shows_that_Karpathy_joined_in_May_2026()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.SiteUrl + "companies/anthropic/");
        var arrival = page.Locator("#arrivals-title + ul li").Filter(new() { HasText = "Andrej Karpathy" });
        Assert.Equal(1, await arrival.CountAsync());
        Assert.True(await arrival.IsVisibleAsync());
        Assert.Contains("joined (pre-training) in May 2026", (await arrival.TextContentAsync())!, StringComparison.Ordinal);
        var net2026 = page.Locator("table.net-flow tbody tr").Filter(new() { HasText = "2026" });
        Assert.Equal("+1", (await net2026.Locator("td").Last.TextContentAsync())!.Trim());
    }

    [Fact]
    public async Task The_moves_page_renders_its_chart_and_the_table_beside_it()
    {
        var page = await site.NewPageAsync();
        var failures = new List<string>();
        page.Response += (_, response) => { if (response.Status >= 400) failures.Add(response.Url); };
        await page.GotoAsync(site.SiteUrl + "moves/");
        var chart = page.Locator("svg.moves-chart[role='img']");
        Assert.True(await chart.IsVisibleAsync());
        var box = await chart.BoundingBoxAsync();
        Assert.True(box is { Width: > 100, Height: > 50 }, $"chart box {box?.Width}x{box?.Height}");
        Assert.True(await chart.Locator("path").CountAsync() > 0);
        Assert.Equal("People moving between companies", (await chart.Locator("title").TextContentAsync())!.Trim());
        var rows = page.Locator("table.moves-table tbody tr");
        Assert.True(await rows.CountAsync() >= 5);
        Assert.True(await rows.Filter(new() { HasText = "Inflection AI" }).Filter(new() { HasText = "Mustafa Suleyman" }).IsVisibleAsync());
        Assert.Contains("Andrej Karpathy joins Anthropic", (await page.Locator(".moves-latest li").First.TextContentAsync())!, StringComparison.Ordinal);
        Assert.Empty(failures);
    }
}
