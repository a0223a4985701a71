using System.Globalization;
using StaticBriefs.Incremental;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Incremental;

/// <summary>
/// When a year comes or goes, every year's archive page lists another set of years: a planned build renders each without
/// fingerprinting it, and leaves the month pages of the years whose briefs did not change as they are (each shows its own
/// year's briefs only).
/// </summary>
public sealed class ArchiveYearPagesTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private const string NewYear = "briefs/2027/new-year.md";

    /// <summary>Enough briefs in 2022 that its archive is split into month pages.</summary>
    private static void WriteSplitYear(Action<string, string> write)
    {
        for (var n = 0; n < 260; n++)
        {
            write(string.Create(CultureInfo.InvariantCulture, $"briefs/2022/b{n}.md"), TestSite.Brief(string.Create(CultureInfo.InvariantCulture,
                $"title: \"Brief {n} of 2022\"\ndate: 2022-{1 + n % 12:00}-{1 + n % 27:00}\ncompanies: [Anthropic]")));
        }
    }

    private static string NewYearsBrief => TestSite.Brief("title: \"The first brief of 2027\"\ndate: 2027-01-02\ncompanies: [Anthropic]", "A new year opens.");

    [Fact]
    public void A_new_year_changes_every_year_page_and_the_months_of_its_own_year_only()
    {
        using var site = new TestSite();
        site.Write("_site.yml", "title: T\nbase_url: https://example.org/\n");
        WriteSplitYear((path, text) => site.Write(path, text));
        site.Write("briefs/2024/one.md", TestSite.Brief("title: One\ndate: 2024-03-04"));
        var before = site.Model();
        // The test site's clock is in 2025.
        site.Write("briefs/2025/new-year.md", TestSite.Brief("title: \"The first brief of 2025\"\ndate: 2025-01-02"));
        var after = site.Model();

        var diff = new ModelDiff(before, after);

        // The new brief is the newest (id 0): only its year's pages are rendered whole.
        Assert.Equal([2025], diff.ChangedYears(new HashSet<int> { 0 }));
        Assert.Equal([2022, 2024, 2025], diff.YearPagesShifted().Order());
        Assert.Empty(new ModelDiff(after, after).YearPagesShifted());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_cached_build_writes_the_year_pages_without_fingerprints_and_keeps_the_other_years_months(bool inMemory)
    {
        using var site = new IncrementalSite(inMemory, now: Now);
        WriteSplitYear(site.Write);
        site.BuildOk();
        const string YearPage = "archive/2022/index.html";
        const string MonthPage = "archive/2022/03/index.html";
        var monthKey = KeyOf(site, MonthPage);

        site.Write(NewYear, NewYearsBrief);
        site.Changed(NewYear);
        var added = site.BuildOk();

        Assert.True(added.Planned);
        Assert.Equal(PageMemoSink.BytesOfPage(File.ReadAllText(site.Site.OutputPath(YearPage))), KeyOf(site, YearPage));
        Assert.Equal(monthKey, KeyOf(site, MonthPage));
        site.AssertSameAsClean();

        // The year goes again.
        File.Delete(Path.Combine(site.Site.InputDirectory, NewYear));
        site.Changed(NewYear);
        var deleted = site.BuildOk();

        Assert.True(deleted.Planned);
        Assert.Equal(monthKey, KeyOf(site, MonthPage));
        site.AssertSameAsClean();
    }

    private static string KeyOf(IncrementalSite site, string file)
    {
        if (site.Memory is { } memory) return memory.Manifest(site.Site.OutputDirectory)!.Files[file].Key;
        var cache = new BuildCache(site.CacheDirectory);
        cache.EnsureLoaded();
        try
        {
            return cache.Manifest(site.Site.OutputDirectory)!.Files[file].Key;
        }
        finally
        {
            cache.Pack?.Dispose();
        }
    }
}
