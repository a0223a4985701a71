using System.Globalization;
using StaticBriefs.Model;

namespace StaticBriefs.Tests.Model;

/// <summary>The archive's years: each year's briefs, as the briefs come, grouped even where their years interleave.</summary>
public sealed class ArchivePathsTests
{
    private static Brief BriefOn(int id, string date) => new()
    {
        Id = id, Source = null!, Slug = "b" + id, Path = "/briefs/b" + id + "/",
        Date = DateTimeOffset.Parse(date, CultureInfo.InvariantCulture),
    };

    [Fact]
    public void Years_come_in_the_order_first_met_with_their_briefs_in_order_even_where_an_offset_interleaves_them()
    {
        // Newest first by instant: 2025-01-01 00:30 at +02:00 is 2024-12-31 22:30 UTC, after a 2024 brief written in UTC.
        Brief[] briefs =
        [
            BriefOn(0, "2025-03-01T00:00:00Z"),
            BriefOn(1, "2024-12-31T23:00:00Z"),
            BriefOn(2, "2025-01-01T00:30:00+02:00"),
            BriefOn(3, "2024-06-01T00:00:00Z"),
            BriefOn(4, "2023-01-01T00:00:00Z"),
            BriefOn(5, "2024-01-01T00:00:00+05:00"),
        ];

        var years = ArchivePaths.Years(briefs);

        Assert.Equal([2025, 2024, 2023], years.Select(y => y.Year));
        Assert.Equal([0, 2], years[0].Ids);
        Assert.Equal([1, 3, 5], years[1].Ids);
        Assert.Equal([4], years[2].Ids);
    }

    [Fact]
    public void Thousands_of_briefs_group_as_grouping_by_year_does()
    {
        var random = new Random(7);
        var briefs = Enumerable.Range(0, 3_000)
            .Select(i => BriefOn(i, new DateTimeOffset(2015 + random.Next(10), 1 + random.Next(12), 1 + random.Next(28), 0, 0, 0, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture)))
            .ToArray();

        var expected = briefs.GroupBy(b => b.Date.Year).Select(g => (g.Key, g.Select(b => b.Id).ToArray())).ToList();
        var years = ArchivePaths.Years(briefs);

        Assert.Equal(expected.Select(e => e.Key), years.Select(y => y.Year));
        for (var i = 0; i < expected.Count; i++) Assert.Equal(expected[i].Item2, years[i].Ids);
    }
}
