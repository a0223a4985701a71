using System.Globalization;

namespace StaticBriefs.Diagnostics;

/// <summary>A problem found in the site's input, with the place it was found.</summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="File">Path relative to the site's input folder (or the theme), with forward slashes.</param>
/// <param name="Line">1-based line, or 0 when the problem concerns the whole file.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
/// <param name="Code">Stable code such as <c>SB012</c>, so users can search for it.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record Diagnostic(Severity Severity, string File, int Line, int Column, string Code, string Message)
{
    /// <summary>Formats as <c>file:line:col: error SB012: message</c>, the shape compilers and editors understand.</summary>
    public override string ToString()
    {
        var location = Line > 0
            ? Column > 0 ? string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}") : string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}")
            : File;
        var kind = Severity == Severity.Error ? "error" : "warning";
        return Printable($"{location}: {kind} {Code}: {Message}");
    }

    /// <summary>
    /// Control characters from a hostile file name or value (an escape sequence that clears the terminal, a newline
    /// that forges a second diagnostic) are shown as \uXXXX, so one diagnostic is always one honest line.
    /// </summary>
    private static string Printable(string text)
    {
        if (!text.Any(char.IsControl)) return text;
        var builder = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (char.IsControl(c)) builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else builder.Append(c);
        }
        return builder.ToString();
    }
}
