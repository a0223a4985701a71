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

    [Fact]
    public void A_day_with_several_briefs_shows_its_date_once_and_keeps_it_in_the_markup()
    {
        using var site = new TestSite();
        site.Write("_site.yml", "title: Desk\nbase_url: https://example.org/\nsocial_images: false\n");
        foreach (var (name, date) in new[] { ("a", "2024-03-05T09:00:00Z"), ("b", "2024-03-05T08:00:00Z"), ("c", "2024-03-05"), ("d", "2024-03-04") })
            site.Write($"briefs/{name}.md", TestSite.Brief($"title: Brief {name}\ndate: {date}"));
        site.BuildOk();

        var rows = site.Html("archive/2024/index.html").QuerySelectorAll(".archive-list li");

        Assert.Equal(["", "same-day", "same-day", ""], rows.Select(li => li.ClassName ?? ""));
        Assert.Equal(["5 March 2024", "5 March 2024", "5 March 2024", "4 March 2024"], rows.Select(li => li.QuerySelector("time")!.TextContent));
    }

    [Fact]
    public void Counts_of_a_thousand_or_more_have_thousands_separators()
    {
        using var site = new TestSite();
        site.Write("_site.yml", "title: Desk\nbase_url: https://example.org/\nsocial_images: false\n");
        for (var i = 0; i < 1000; i++)
        {
            var date = new DateTime(2023, 1, 1).AddDays(i % 365).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            site.Write($"briefs/b{i}.md", TestSite.Brief($"title: Brief {i}\ndate: {date}\ntopics: [Alpha]"));
        }
        site.BuildOk();

        // The footer is on every page, so it shows nothing that one added brief would change (preview would have to
        // render every page again): the count is on the archive.
        Assert.DoesNotContain("1,000", site.Html("index.html").QuerySelector(".site-footer")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1,000 briefs", site.Html("archive/index.html").QuerySelector(".archive-year h2 .count")!.TextContent);
        Assert.StartsWith("1,000 briefs from 2023", site.Html("archive/2023/index.html").QuerySelector(".lede")!.TextContent, StringComparison.Ordinal);
        var topic = site.Html("topics/alpha/index.html");
        Assert.StartsWith("1,000 briefs", topic.QuerySelector(".meta")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("1,000 briefs from January 2023", topic.QuerySelector("#activity-caption")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1,000", topic.QuerySelector(".activity-table td:last-child")!.TextContent);
        Assert.Equal("1,000", site.Html("topics/index.html").QuerySelector("#term-lists .count")!.TextContent);
    }
}
