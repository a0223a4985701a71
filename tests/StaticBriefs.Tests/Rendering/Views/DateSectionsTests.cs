using StaticBriefs.Model;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Tests.Rendering.Views;

public sealed class DateSectionsTests
{
    private static List<(Brief, BriefCard)> Items(params string[] dates) =>
        [.. dates.Select((d, i) => (
            new Brief { Id = i, Source = null!, Slug = "b" + i, Path = "/briefs/b" + i + "/", Date = DateTimeOffset.Parse(d + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture) },
            new BriefCard { Title = d, Url = "/b" + i + "/", DateIso = d, DateText = d }))];

    private static List<(string Label, int Count)> Sections(params string[] dates) =>
        [.. DateSections.Of(Items(dates)).Select(s => (s.Label, s.Briefs.Count))];

    [Fact]
    public void Busy_months_are_sections_of_their_own()
    {
        Assert.Equal([("May 2024", 2), ("April 2024", 3)], Sections("2024-05-20", "2024-05-02", "2024-04-30", "2024-04-10", "2024-04-01"));
    }

    [Fact]
    public void A_run_of_single_brief_months_is_one_section_named_by_its_range()
    {
        Assert.Equal([("May 2024", 2), ("January – March 2024", 3)], Sections("2024-05-20", "2024-05-02", "2024-03-01", "2024-02-01", "2024-01-01"));
        Assert.Equal([("November 2023 – January 2024", 3)], Sections("2024-01-05", "2023-12-05", "2023-11-05"));
    }

    [Fact]
    public void A_lone_brief_between_busy_months_joins_the_older_section()
    {
        Assert.Equal([("June 2024", 2), ("April – May 2024", 3)], Sections("2024-06-20", "2024-06-02", "2024-05-15", "2024-04-20", "2024-04-02"));
        // Last on the page, it joins the newer one instead.
        Assert.Equal([("April – June 2024", 3)], Sections("2024-06-20", "2024-06-02", "2024-04-02"));
    }

    [Fact]
    public void A_single_brief_gets_no_heading()
    {
        Assert.Equal([("", 1)], Sections("2024-06-20"));
        Assert.Empty(Sections());
    }
}
