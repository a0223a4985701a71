using System.Globalization;
using System.Text.RegularExpressions;

namespace StaticBriefs.Loading;

/// <summary>
/// Reads dates the way the generators authors migrate from write them: ISO dates and date-times (<c>T</c> or spaces
/// between date and time, one-digit months, days and hours, fractions), offsets as <c>Z</c>, <c>UTC</c>, <c>+02:00</c>,
/// <c>+0200</c>, <c>+02</c> or <c>-4</c> (Ruby's YAML, which Jekyll uses, reads all of them), <c>2024/05/14</c>,
/// RFC 1123 (<c>Tue, 14 May 2024 09:30:00 +0000</c>), <c>14 May 2024</c> and <c>May 14, 2024</c>. Without an offset
/// the time is UTC. Anything else is refused with what to write instead.
/// </summary>
public static partial class DateParser
{
    /// <summary>Parses a date or date-time; false when the text is not one.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null || Read(text, out _) is not { } date) return false;
        value = date;
        return true;
    }

    /// <summary>
    /// The date, or null. <paramref name="note"/> is set when the text was read although it is odd (a year written
    /// twice, as one jekyllrb.com post has it), saying what it was read as.
    /// </summary>
    public static DateTimeOffset? Read(string text, out string? note)
    {
        note = null;
        text = text.Trim();
        if (Iso().Match(text) is { Success: true } iso)
            return Build(iso.Groups["y"], iso.Groups["mo"], iso.Groups["d"], iso.Groups["h"], iso.Groups["mi"], iso.Groups["s"], iso.Groups["f"], iso.Groups["z"]);
        if (StrayYear().Match(text) is { Success: true } stray && stray.Groups["y2"].Value == stray.Groups["y"].Value
            && Build(stray.Groups["y"], stray.Groups["mo"], stray.Groups["d"], stray.Groups["h"], stray.Groups["mi"], stray.Groups["s"], stray.Groups["f"], stray.Groups["z"]) is { } repeated)
        {
            note = $"the year is written twice; it was read as {Iso(repeated)} (as Jekyll reads it): write that";
            return repeated;
        }
        if (DayMonthYear().Match(text) is { Success: true } dmy)
            return Build(dmy.Groups["y"], Month(dmy.Groups["mon"].Value), dmy.Groups["d"], dmy.Groups["h"], dmy.Groups["mi"], dmy.Groups["s"], dmy.Groups["f"], dmy.Groups["z"]);
        if (MonthDayYear().Match(text) is { Success: true } mdy)
            return Build(mdy.Groups["y"], Month(mdy.Groups["mon"].Value), mdy.Groups["d"], mdy.Groups["h"], mdy.Groups["mi"], mdy.Groups["s"], mdy.Groups["f"], mdy.Groups["z"]);
        return null;
    }

    /// <summary>What to write instead of <paramref name="text"/>, for a message that already quotes it.</summary>
    public static string Advice(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0) return "give a date such as 2024-05-14";
        if (EleventyWords().IsMatch(trimmed))
            return $"'{trimmed}' is Eleventy's date from the file's own times, which change with every checkout; write the date, e.g. 2024-05-14";
        if (NamedZone().Match(trimmed) is { Success: true } zone)
            return $"time zone names such as '{zone.Groups[1].Value}' are ambiguous; write the offset instead, e.g. 2024-05-14T09:30:00-08:00";
        if (Iso().IsMatch(trimmed) || StrayYear().IsMatch(trimmed) || DayMonthYear().IsMatch(trimmed) || MonthDayYear().IsMatch(trimmed))
            return "that day or time does not exist (check the month, the day and the hour); write it as 2024-05-14 or 2024-05-14T09:30:00+02:00";
        if (TimeOnly().IsMatch(trimmed)) return "a time needs its date; write it as 2024-05-14T09:30:00+02:00";
        return "write it as 2024-05-14 or 2024-05-14T09:30:00+02:00 (ISO 8601)";
    }

    /// <summary>ISO 8601 text of a date, as authors should write it.</summary>
    public static string Iso(DateTimeOffset value) =>
        value.ToString(value.Second == 0 && value.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mmzzz" : "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Build(Group year, Group month, Group day, Group hour, Group minute, Group second, Group fraction, Group zone) =>
        Build(year, month.Value, day, hour, minute, second, fraction, zone);

    private static DateTimeOffset? Build(Group year, string month, Group day, Group hour, Group minute, Group second, Group fraction, Group zone)
    {
        var y = Number(year.Value);
        var mo = Number(month);
        var d = Number(day.Value);
        if (y < 1 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return null;
        var h = hour.Success ? Number(hour.Value) : 0;
        var mi = minute.Success ? Number(minute.Value) : 0;
        var s = second.Success ? Number(second.Value) : 0;
        if (h > 23 || mi > 59 || s > 59) return null;
        var ticks = fraction.Success ? Number(fraction.Value.PadRight(7, '0')[..7]) : 0;
        if (Offset(zone) is not { } offset) return null;
        return new DateTimeOffset(y, mo, d, h, mi, s, offset).AddTicks(ticks);
    }

    /// <summary>Z, UTC, GMT, none: zero; +02:00, +0200, +02, -4: that offset (at most 14 hours).</summary>
    private static TimeSpan? Offset(Group zone)
    {
        if (!zone.Success || zone.Value is "Z" or "z" || zone.Value.Equals("UTC", StringComparison.OrdinalIgnoreCase)
            || zone.Value.Equals("GMT", StringComparison.OrdinalIgnoreCase))
            return TimeSpan.Zero;
        var sign = zone.Value[0] == '-' ? -1 : 1;
        var digits = zone.Value[1..].Replace(":", "", StringComparison.Ordinal);
        var (hours, minutes) = digits.Length <= 2 ? (Number(digits), 0) : (Number(digits[..^2]), Number(digits[^2..]));
        if (hours > 14 || minutes > 59 || (hours == 14 && minutes > 0)) return null;
        return sign * new TimeSpan(hours, minutes, 0);
    }

    private static int Number(string digits) => int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;

    private static string Month(string name) =>
        (Array.FindIndex(Months, m => name.StartsWith(m, StringComparison.OrdinalIgnoreCase)) + 1).ToString(CultureInfo.InvariantCulture);

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private const string Time = @"(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,](?<f>\d{1,9}))?)?";
    private const string Zone = @"(?<z>[Zz]|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)";
    private const string MonthName = @"(?<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?";

    [GeneratedRegex(@"^(?<y>\d{4})[-/](?<mo>\d{1,2})[-/](?<d>\d{1,2})(?:(?:[Tt]|\s+)" + Time + @")?(?:\s*" + Zone + ")?$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})\s+" + Time + @"\s+(?<y2>\d{4})(?:\s*" + Zone + ")?$", RegexOptions.CultureInvariant)]
    private static partial Regex StrayYear();

    [GeneratedRegex(@"^(?:[a-z]{3}[a-z]*,?\s+)?(?<d>\d{1,2})\s+" + MonthName + @"\s+(?<y>\d{4})(?:\s+" + Time + @")?(?:\s*" + Zone + ")?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^" + MonthName + @"\s+(?<d>\d{1,2}),?\s+(?<y>\d{4})(?:\s+" + Time + @")?(?:\s*" + Zone + ")?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"^(?:git\s+)?(?:last\s+modified|created)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex EleventyWords();

    [GeneratedRegex(@"\d\s+([A-Z]{3,4}|[A-Z][a-z]+/[A-Za-z_]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex NamedZone();

    [GeneratedRegex(@"^\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeOnly();
}
