using System.Globalization;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering;

/// <summary>Listing pages that must stay small on a large site: entity indexes and the archive.</summary>
public sealed class ListingPagesTests : IDisposable
{
    private readonly TestSite _site = new();

    public ListingPagesTests()
    {
        _site.Write("_site.yml", "title: Desk\nbase_url: https://example.org/\nsocial_images: false\n");
        // 2023: 300 briefs (split into month pages); 2024: 3 briefs (listed on the year page).
        for (var i = 0; i < 300; i++)
        {
            var date = new DateTime(2023, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            _site.Write($"briefs/2023/b{i}.md", TestSite.Brief($"title: Brief {i}\ndate: {date}\npeople: [Person {i % 40}, Émile {i % 3}]"));
        }
        for (var i = 0; i < 3; i++) _site.Write($"briefs/2024/c{i}.md", TestSite.Brief($"title: Late {i}\ndate: 2024-0{i + 1}-02\npeople: [Person 1]"));
        _site.BuildOk();
    }

    public void Dispose() => _site.Dispose();

    [Fact]
    public void An_entity_index_lists_each_name_once_under_its_letter_with_the_most_named_first()
    {
        var page = _site.Html("people/index.html");
        var listed = page.QuerySelectorAll("#term-lists li a").Select(a => a.TextContent.Trim()).ToList();

        Assert.Equal(43, listed.Count);
        Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(["E", "P"], page.QuerySelectorAll("#term-lists h2").Select(h => h.TextContent.Trim()));
        Assert.Equal(12, page.QuerySelectorAll(".top-list li").Length);
        Assert.Empty(page.QuerySelectorAll("ol"));
    }

    [Fact]
    public void A_large_year_lists_its_months_and_each_month_has_its_own_page()
    {
        var year = _site.Html("archive/2023/index.html");
        var months = year.QuerySelectorAll(".month-grid a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal(10, months.Count);
        Assert.Equal("/archive/2023/10/", months[0]);
        Assert.Empty(year.QuerySelectorAll(".archive-list li"));
        var october = _site.Html("archive/2023/10/index.html");
        Assert.Equal("October 2023", october.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(27, october.QuerySelectorAll(".archive-list li").Length); // 1-27 October: day 300 is 27 October
        Assert.Equal("/archive/2023/09/", october.QuerySelector(".month-pager a[rel=next]")!.GetAttribute("href"));
        Assert.Contains("https://example.org/archive/2023/10/", _site.ReadOutput("sitemap.xml"), StringComparison.Ordinal);
        Assert.Contains("/archive/2023/10/", _site.Html("archive/index.html").QuerySelectorAll(".archive-months a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void A_small_year_keeps_its_briefs_on_the_year_page()
    {
        var year = _site.Html("archive/2024/index.html");

        Assert.Equal(3, year.QuerySelectorAll(".archive-list li").Length);
        Assert.False(_site.OutputExists("archive/2024/01/index.html"));
    }
}
