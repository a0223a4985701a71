using System.Globalization;
using System.Text;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Cli;

/// <summary>
/// A diagnostic as a GitHub Actions workflow command (<c>::error file=...,line=...,col=...,title=SB012::message</c>),
/// which GitHub shows on the pull request's changed lines and in the run's summary.
/// </summary>
internal static class ActionsAnnotation
{
    /// <summary>The workflow command; <paramref name="file"/> is the path from the repository root, or null for none.</summary>
    public static string Format(Diagnostic diagnostic, string? file)
    {
        var builder = new StringBuilder(diagnostic.Severity == Severity.Error ? "::error " : "::warning ");
        var properties = new List<string>();
        if (file is not null) properties.Add("file=" + EscapeProperty(file));
        if (file is not null && diagnostic.Line > 0) properties.Add("line=" + diagnostic.Line.ToString(CultureInfo.InvariantCulture));
        if (file is not null && diagnostic.Line > 0 && diagnostic.Column > 0) properties.Add("col=" + diagnostic.Column.ToString(CultureInfo.InvariantCulture));
        properties.Add("title=" + EscapeProperty(diagnostic.Code));
        builder.AppendJoin(',', properties).Append("::").Append(EscapeData(diagnostic.Message));
        return builder.ToString();
    }

    /// <summary>
    /// Where a diagnostic's file is, relative to <paramref name="workspace"/> with forward slashes: diagnostics name
    /// files relative to the input folder, the theme folder (<c>theme/...</c>) or the built-in theme (no file).
    /// </summary>
    public static string? FileFor(Diagnostic diagnostic, string inputDirectory, string themeDirectory, string workspace)
    {
        var name = diagnostic.File;
        if (name.Length == 0 || name.StartsWith("built-in theme/", StringComparison.Ordinal)) return null;
        string path;
        if (Path.IsPathRooted(name)) path = name;
        else if (name.StartsWith("theme/", StringComparison.Ordinal)) path = Path.Combine(themeDirectory, name["theme/".Length..]);
        else
        {
            var underInput = Path.Combine(inputDirectory, name);
            path = File.Exists(underInput) || !File.Exists(name) ? underInput : name;
        }
        var relative = Path.GetRelativePath(Path.GetFullPath(workspace), Path.GetFullPath(path));
        return (relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(path) : relative).Replace('\\', '/');
    }

    // Workflow commands end at a line break and split properties at ',' and ':': those are percent-encoded.
    private static string EscapeData(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string text) =>
        EscapeData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
