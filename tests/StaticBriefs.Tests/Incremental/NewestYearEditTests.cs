using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Incremental;

/// <summary>
/// Edits that move the newest brief's year, which the <c>site</c> object every page gets carries as <c>site.year</c>:
/// the day's brief that opens a new year, and the newest year's only brief moved back. The built-in theme never prints
/// the year, so these stay partial (cached, in memory and in preview); a theme that prints it gets every page again.
/// Built with a clock in 2027, so the sample site's 2026 brief is published and 2027 is open.
/// </summary>
public sealed class NewestYearEditTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private const string NewestYearsOnly = "briefs/2026/karpathy-joins-anthropic.md";
    private const string FooterWithYear = "© {{ site.year }} {{ site.title | html.escape }}";

    private static readonly Dictionary<string, Func<IncrementalSite, string[]>> Cases = new()
    {
        ["first brief of a new year"] = s =>
        {
            s.Write("briefs/2027/new-year.md", TestSite.Brief(
                "title: \"The first brief of 2027\"\ndate: 2027-01-02\ncompanies: [Anthropic]\ntopics: [Funding]", "A new year opens."));
            return ["briefs/2027/new-year.md"];
        },
        ["newest year's only brief moved back"] = s =>
        {
            s.Write(NewestYearsOnly, s.Read(NewestYearsOnly).Replace("date: 2026-05-19", "date: 2025-05-19", StringComparison.Ordinal));
            return [NewestYearsOnly];
        },
    };

    public static TheoryData<string, string> Runs()
    {
        var data = new TheoryData<string, string>();
        foreach (var edit in Cases.Keys)
        {
            foreach (var mode in (string[])["cached", "in memory", "preview", "preview, unversioned index"]) data.Add(edit, mode);
        }
        return data;
    }

    private static IncrementalSite Site(string mode) => mode switch
    {
        "cached" => new IncrementalSite(inMemory: false, now: Now),
        "in memory" => new IncrementalSite(inMemory: true, now: Now),
        "preview" => new IncrementalSite(inMemory: true, live: true, now: Now),
        _ => new IncrementalSite(inMemory: true, live: true, unversionedIndex: true, now: Now),
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void A_move_of_the_newest_year_stays_partial_and_equals_a_clean_build(string edit, string mode)
    {
        using var site = Site(mode);
        var first = site.BuildOk();

        site.Changed(Cases[edit](site));
        var result = site.BuildOk();

        if (site.Live is { } live) Assert.Equal(1, live.PartialBuilds);
        else Assert.True(result.Planned, $"{edit}: expected a planned build");
        Assert.InRange(result.PagesRendered, 1, first.PagesRendered / 2);
        site.AssertSameAsClean();
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void A_theme_that_prints_the_year_gets_it_on_every_page(string edit, string mode)
    {
        using var site = Site(mode);
        var baseLayout = File.ReadAllText(Path.Combine(RepoPaths.Theme, "layouts/base.sbn"));
        Assert.Contains("Built with StaticBriefs", baseLayout, StringComparison.Ordinal);
        site.Write("_theme/layouts/base.sbn", baseLayout.Replace("Built with StaticBriefs", FooterWithYear, StringComparison.Ordinal));
        var first = site.BuildOk();

        site.Changed(Cases[edit](site));
        var result = site.BuildOk();

        // Every page shows the year: none is reused.
        Assert.Equal(0, result.PagesReused);
        Assert.True(result.PagesRendered > first.PagesRendered / 2, $"{edit}: {result.PagesRendered} pages rendered");
        if (site.Live is { } live) Assert.Equal(0, live.PartialBuilds);
        else Assert.False(result.Planned);
        site.AssertSameAsClean();
    }
}
