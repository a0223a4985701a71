using System.Globalization;

namespace StaticBriefs.Rendering.Views;

/// <summary>Date formats used in pages and feeds, always in the invariant culture.</summary>
public static class Dates
{
    /// <summary>"2024-05-14" for a date, full ISO 8601 when a time was given.</summary>
    public static string Iso(DateTimeOffset date) =>
        date.TimeOfDay == TimeSpan.Zero && date.Offset == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>"14 May 2024".</summary>
    public static string Text(DateTimeOffset date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>RFC 3339 in UTC, as Atom and sitemaps want.</summary>
    public static string Rfc3339(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>"May 2024".</summary>
    public static string Month(DateTimeOffset date) => date.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"2024-05", for month anchors.</summary>
    public static string MonthId(DateTimeOffset date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
