using System.Text.RegularExpressions;
using StaticBriefs.Browser.Tests.Support;

namespace StaticBriefs.Browser.Tests;

[Collection(SiteCollection.Name)]
public sealed partial class EntityNavigationTests(SiteFixture site)
{
    [GeneratedRegex("/briefs-site/companies/[a-z0-9-]+/$")]
    private static partial Regex CompanyPage();

    [Fact]
    public async Task Reader_follows_a_person_to_a_co_mentioned_company_whose_page_lists_a_brief_naming_that_person()
    {
        var page = await site.NewPageAsync();
        var failures = new List<string>();
        page.Response += (_, response) => { if (response.Status >= 400) failures.Add(response.Url); };

        await page.GotoAsync(site.SiteUrl + "people/andrej-karpathy/");
        Assert.Equal("Andrej Karpathy", (await page.Locator("h1").TextContentAsync())!.Trim());
        var company = page.Locator(".co-mentions li a[href*='/companies/']").First;
        var companyName = (await company.TextContentAsync())!.Trim();
        await page.ThenWaitForUrlAsync(() => company.ClickAsync(), CompanyPage());
        Assert.Equal(companyName, (await page.Locator("h1").TextContentAsync())!.Trim());
        var naming = page.Locator(".timeline .card").Filter(new() { Has = page.Locator(".tag-person a", new() { HasText = "Andrej Karpathy" }) });
        Assert.True(await naming.CountAsync() > 0, $"no brief on the {companyName} page names Andrej Karpathy");
        Assert.Empty(failures);
    }
}
