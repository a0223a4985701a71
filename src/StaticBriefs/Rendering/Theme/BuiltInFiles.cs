using Scriban.Functions;

namespace StaticBriefs.Rendering.Theme;

/// <summary>
/// What the C# stand-ins for built-in templates (<see cref="BuiltInCard"/>, <see cref="BuiltInBase"/>) share: whether
/// a site still has a built-in file, and the escaping its templates get.
/// </summary>
internal static class BuiltInFiles
{
    /// <summary>True when <paramref name="path"/> resolves to the built-in theme's file, or to a file with its very text.</summary>
    public static bool Unchanged(ThemeFiles files, string path)
    {
        var file = files.Resolve(path);
        if (file is null) return false;
        if (ReferenceEquals(file.Source, EmbeddedThemeSource.Instance)) return true;
        try
        {
            return string.Equals(file.ReadTextOrThrow(), new ThemeFile(EmbeddedThemeSource.Instance, path).ReadTextOrThrow(), StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The function both <c>html.escape</c> and the context's default escaping call (<see cref="EscapingTemplateContext"/>).</summary>
    public static string Escape(string? value) => HtmlFunctions.Escape(value) ?? "";
}
