using System.Globalization;

namespace StaticBriefs.Model;

/// <summary>Where the archive's pages live: <c>/archive/</c> lists the years, <c>/archive/2024/</c> one year's briefs.</summary>
public static class ArchivePaths
{
    /// <summary>The archive index.</summary>
    public const string Index = "/archive/";

    /// <summary>The page of one year.</summary>
    public static string Year(int year) => Index + year.ToString(CultureInfo.InvariantCulture) + "/";

    /// <summary>
    /// A year with more briefs than this gets a page per month (<c>/archive/2024/05/</c>) and its year page lists the
    /// months: a year of 1,400 briefs on one page was 300 KB of HTML and 89,000 px tall on a phone.
    /// </summary>
    public const int MaxBriefsOnYearPage = 250;

    /// <summary>The page of one month of a year split into months.</summary>
    public static string Month(int year, int month) =>
        Year(year) + month.ToString("00", CultureInfo.InvariantCulture) + "/";

    /// <summary>True when the year's briefs are listed on month pages.</summary>
    public static bool IsSplit(int count) => count > MaxBriefsOnYearPage;

    /// <summary>Paths of the month pages of every split year (none for a small site).</summary>
    public static IEnumerable<string> MonthPages(IReadOnlyList<Brief> briefs) =>
        Years(briefs).Where(y => IsSplit(y.Ids.Count))
            .SelectMany(y => y.Ids.Select(id => briefs[id].Date.Month).Distinct().Select(m => Month(y.Year, m)));

    /// <summary>Each year that has briefs, newest first, with its briefs' ids (newest first).</summary>
    public static IReadOnlyList<(int Year, IReadOnlyList<int> Ids)> Years(SiteModel site) => Years(site.Briefs);

    /// <summary>See <see cref="Years(SiteModel)"/>.</summary>
    public static IReadOnlyList<(int Year, IReadOnlyList<int> Ids)> Years(IReadOnlyList<Brief> briefs)
    {
        ArgumentNullException.ThrowIfNull(briefs);
        // Grouped rather than cut into runs: briefs sort by instant, and a date written with an offset can put its local
        // year's first brief after the previous year's last one. Years in the order first met, ids in the briefs' order
        // (as GroupBy gives them, in a plain loop: a plan asks for them several times over 10,000 briefs).
        var years = new List<(int Year, IReadOnlyList<int> Ids)>();
        List<int>? current = null;
        var currentYear = 0;
        foreach (var brief in briefs)
        {
            var year = brief.Date.Year;
            if (current is null || year != currentYear)
            {
                var at = years.FindIndex(y => y.Year == year);
                if (at < 0)
                {
                    at = years.Count;
                    years.Add((year, new List<int>()));
                }
                (currentYear, current) = (year, (List<int>)years[at].Ids);
            }
            current.Add(brief.Id);
        }
        return years;
    }
}
