using System.CommandLine;
using StaticBriefs.Loading;

namespace StaticBriefs.Cli;

/// <summary>Options and checks shared by <c>new</c> and <c>import</c>.</summary>
internal static class AuthoringOptions
{
    /// <summary>A fresh <c>--input</c> option (each command owns its own instance).</summary>
    public static Option<string> Input() =>
        new("--input", "-i") { Description = "Site folder the brief is written into (under briefs/<yyyy>/)", DefaultValueFactory = _ => "input" };

    /// <summary>A fresh <c>--date</c> option.</summary>
    public static Option<string?> Date(string what) =>
        new("--date") { Description = $"Date to use instead of {what}, as an ISO date or date-time (e.g. 2026-05-19)" };

    /// <summary>Reads <c>--date</c> or the clock; null (after printing why) when the value is not a date.</summary>
    public static DateTimeOffset? ReadDate(string? text, TextWriter stderr)
    {
        if (text is null) return DateTimeOffset.Now;
        if (DateParser.TryParse(text, out var date)) return date;
        stderr.WriteLine($"error: --date '{text}' is not a date; use an ISO date such as 2026-05-19 or 2026-05-19T09:30:00+02:00");
        return null;
    }

    /// <summary>Writes a brief file; prints its path (exit 0) or why nothing was written (exit 1).</summary>
    public static int Create(string path, string text, TextWriter stdout, TextWriter stderr)
    {
        var error = Authoring.BriefFileWriter.TryCreate(path, text);
        if (error is not null)
        {
            stderr.WriteLine("error: " + error);
            return 1;
        }
        stdout.WriteLine(path);
        return 0;
    }
}
