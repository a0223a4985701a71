using System.Globalization;

namespace StaticBriefs.Model;

/// <summary>Where the archive's pages live: <c>/archive/</c> lists the years, <c>/archive/2024/</c> one year's briefs.</summary>
public static class ArchivePaths
{
    /// <summary>The archive index.</summary>
    public const string Index = "/archive/";

    /// <summary>The page of one year.</summary>
    public static string Year(int year) => Index + year.ToString(CultureInfo.InvariantCulture) + "/";

    /// <summary>Each year that has briefs, newest first, with its briefs' ids (newest first).</summary>
    public static IReadOnlyList<(int Year, IReadOnlyList<int> Ids)> Years(SiteModel site) =>
        // Grouped rather than cut into runs: briefs sort by instant, and a date written with an offset can put
        // its local year's first brief after the previous year's last one.
        [.. site.Briefs.GroupBy(b => b.Date.Year).Select(g => (g.Key, (IReadOnlyList<int>)[.. g.Select(b => b.Id)]))];
}
