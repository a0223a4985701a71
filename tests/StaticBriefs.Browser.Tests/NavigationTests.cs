using Microsoft.Playwright;
using StaticBriefs.Browser.Tests.Support;

namespace StaticBriefs.Browser.Tests;

[Collection(SiteCollection.Name)]
public sealed class NavigationTests(SiteFixture site)
{
    [Fact]
    public async Task Reader_follows_a_brief_then_a_company_and_lands_on_the_company_page_listing_that_brief()
    {
        var page = await site.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);

        var home = await page.GotoAsync(site.SiteUrl);
        Assert.Equal(200, home!.Status);
        var firstBrief = page.Locator(".cards .card-title a").First;
        var briefTitle = (await firstBrief.TextContentAsync())!.Trim();
        await page.ThenWaitForUrlAsync(() => firstBrief.ClickAsync(), new System.Text.RegularExpressions.Regex("/briefs-site/briefs/[a-z0-9-]+/$"));
        Assert.Equal(briefTitle, (await page.Locator("h1").TextContentAsync())!.Trim());
        var briefUrl = new Uri(page.Url).AbsolutePath;

        var company = page.Locator(".brief-aside .tag-company a").First;
        var companyName = (await company.TextContentAsync())!.Trim();
        await page.ThenWaitForUrlAsync(() => company.ClickAsync(), new System.Text.RegularExpressions.Regex("/briefs-site/companies/[a-z0-9-]+/$"));
        Assert.Equal(companyName, (await page.Locator("h1").TextContentAsync())!.Trim());
        var listed = await page.Locator(".timeline .card-title a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Contains(briefUrl, listed);

        // No request left the site: no CDN fonts, scripts or trackers.
        Assert.All(requests, url => Assert.StartsWith($"http://127.0.0.1:{new Uri(site.SiteUrl).Port}/briefs-site/", url));
    }

    [Fact]
    public async Task Styles_and_scripts_load_under_the_sub_path()
    {
        var page = await site.NewPageAsync();
        var failures = new List<string>();
        page.Response += (_, response) => { if (response.Status >= 400) failures.Add(response.Url); };
        await page.GotoAsync(site.SiteUrl + "archive/");
        var background = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.site-header')).borderBottomStyle");
        Assert.Equal("solid", background);
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Pagination_and_missing_pages_work_under_the_sub_path()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.SiteUrl);
        await page.ThenWaitForUrlAsync(() => page.Locator(".pager a[rel=next]").ClickAsync(), site.SiteUrl + "page/2/");
        Assert.Contains("page 2", await page.Locator("h1").TextContentAsync(), StringComparison.Ordinal);

        var missing = await page.GotoAsync(site.SiteUrl + "no/such/page/");
        Assert.Equal(404, missing!.Status);
        await page.ThenWaitForUrlAsync(() => page.Locator("main a", new() { HasText = "Archive" }).ClickAsync(), site.SiteUrl + "archive/");
    }

    [Fact]
    public async Task Entity_index_filter_narrows_the_names_as_the_reader_types()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.SiteUrl + "companies/");
        var all = await page.Locator(".term-list li:visible").CountAsync();
        await page.Locator("#term-filter-input").FillAsync("anthro");
        var visible = await page.Locator("section:first-of-type .term-list li:visible a").AllTextContentsAsync();
        Assert.True(all > 4);
        Assert.Equal(["Anthropic"], visible.Select(v => v.Trim()));
    }
}
