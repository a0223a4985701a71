using System.Collections.Frozen;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Rendering.Theme;

/// <summary>
/// Finds theme files across layered sources, file by file: the site's <c>input/_theme/</c> first, then its theme
/// folder (<c>theme/</c> or <c>--theme DIR</c>), then the theme built into StaticBriefs. A site can change one layout
/// or stylesheet without copying the rest, and a site with no theme folder at all builds with the built-in one.
/// </summary>
public sealed class ThemeFiles
{
    private readonly IThemeSource[] _sources;
    private readonly FrozenDictionary<string, IThemeSource> _byLabel;

    /// <summary>Layers the given sources; the first that has a file wins.</summary>
    public ThemeFiles(params IThemeSource[] sources)
    {
        _sources = sources;
        _byLabel = sources.GroupBy(s => s.Label, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>
    /// A site's theme: <paramref name="overrideDirectory"/> over <paramref name="themeDirectory"/> (either may be
    /// missing) over the built-in theme.
    /// </summary>
    /// <param name="themeDirectory">The theme folder (may not exist).</param>
    /// <param name="overrideDirectory">The site's <c>_theme</c> folder (may not exist).</param>
    /// <param name="diagnostics">Where files the folders' walks skip are reported.</param>
    /// <param name="overrideBoundary">The folder links under the overrides must stay in: the input folder (default: the parent of <paramref name="overrideDirectory"/>).</param>
    public static ThemeFiles ForSite(string themeDirectory, string overrideDirectory, DiagnosticBag diagnostics, string? overrideBoundary = null) =>
        new(new FolderThemeSource(overrideDirectory, "_theme", overrideBoundary ?? Path.GetDirectoryName(Path.GetFullPath(overrideDirectory)) ?? overrideDirectory, diagnostics),
            new FolderThemeSource(themeDirectory, "theme", themeDirectory, diagnostics),
            EmbeddedThemeSource.Instance);

    /// <summary>The sources, highest priority first.</summary>
    public IReadOnlyList<IThemeSource> Sources => _sources;

    /// <summary>The file at a relative path from the first source that has it, or null when none does.</summary>
    public ThemeFile? Resolve(string relativePath)
    {
        var path = relativePath.Replace('\\', '/');
        foreach (var source in _sources)
        {
            if (source.Contains(path)) return new ThemeFile(source, path);
        }
        return null;
    }

    /// <summary>The file named by its <see cref="ThemeFile.Display"/> text (how templates name it), or null.</summary>
    public ThemeFile? FromDisplay(string display)
    {
        var slash = display.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !_byLabel.TryGetValue(display[..slash], out var source)) return null;
        var relative = display[(slash + 1)..];
        return source.Contains(relative) ? new ThemeFile(source, relative) : null;
    }

    /// <summary>Every file under a folder of the theme, all layers merged, as relative paths in ordinal order.</summary>
    public IReadOnlyList<string> List(string relativeFolder)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var source in _sources) files.UnionWith(source.List(relativeFolder));
        return [.. files];
    }
}
