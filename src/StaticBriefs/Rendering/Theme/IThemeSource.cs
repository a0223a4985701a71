using StaticBriefs.Diagnostics;

namespace StaticBriefs.Rendering.Theme;

/// <summary>
/// Where theme files come from: a folder on disk or the theme built into StaticBriefs. Paths are relative to the
/// theme's root with forward slashes (<c>layouts/base.sbn</c>, <c>assets/css/site.css</c>).
/// </summary>
public interface IThemeSource
{
    /// <summary>How the source is named in messages: <c>theme</c>, <c>_theme</c> or <c>built-in theme</c>.</summary>
    string Label { get; }

    /// <summary>True when the source has a file at <paramref name="relativePath"/>.</summary>
    bool Contains(string relativePath);

    /// <summary>Every file under <paramref name="relativeFolder"/> (any depth), as relative paths.</summary>
    IEnumerable<string> List(string relativeFolder);

    /// <summary>The file's bytes, or null after reporting why they cannot be read.</summary>
    byte[]? ReadBytes(string relativePath, DiagnosticBag diagnostics);
}
