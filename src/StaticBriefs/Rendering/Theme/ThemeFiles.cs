using System.Collections.Frozen;
using StaticBriefs.Diagnostics;
using StaticBriefs.FileSystem;

namespace StaticBriefs.Rendering.Theme;

/// <summary>
/// Finds theme files: a file under the site's <c>input/_theme/</c> overrides the file with the same relative path
/// in <c>theme/</c>, so a site can change one layout or stylesheet without forking the theme. Both folders are listed
/// once, through <see cref="FileTreeWalker"/>: only regular files, and links only when they stay inside the theme
/// folder (for <c>theme/</c>) or the input folder (for <c>_theme/</c>).
/// </summary>
public sealed class ThemeFiles
{
    private readonly FrozenDictionary<string, TreeFile> _theme;
    private readonly FrozenDictionary<string, TreeFile> _overrides;
    private readonly FrozenDictionary<string, string> _displays;

    /// <summary>Lists <paramref name="themeDirectory"/> and <paramref name="overrideDirectory"/>, reporting every file skipped.</summary>
    /// <param name="themeDirectory">The theme folder.</param>
    /// <param name="overrideDirectory">The site's <c>_theme</c> folder (may not exist).</param>
    /// <param name="diagnostics">Where skipped files are reported.</param>
    /// <param name="overrideBoundary">The folder links under the overrides must stay in: the input folder (default: the parent of <paramref name="overrideDirectory"/>).</param>
    public ThemeFiles(string themeDirectory, string overrideDirectory, DiagnosticBag diagnostics, string? overrideBoundary = null)
    {
        ThemeDirectory = themeDirectory;
        OverrideDirectory = overrideDirectory;
        _theme = List(themeDirectory, themeDirectory, "theme/", diagnostics);
        _overrides = List(overrideDirectory, overrideBoundary ?? Path.GetDirectoryName(Path.GetFullPath(overrideDirectory)) ?? overrideDirectory, "_theme/", diagnostics);
        var displays = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (relative, file) in _theme) displays[file.ReadPath] = "theme/" + relative;
        foreach (var (relative, file) in _overrides) displays[file.ReadPath] = "_theme/" + relative;
        _displays = displays.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The theme folder.</summary>
    public string ThemeDirectory { get; }

    /// <summary>The site's override folder (may not exist).</summary>
    public string OverrideDirectory { get; }

    /// <summary>Full path of a theme file to read (override first), or null when neither has it.</summary>
    public string? Resolve(string relativePath)
    {
        var key = relativePath.Replace('\\', '/');
        if (_overrides.TryGetValue(key, out var local)) return local.ReadPath;
        return _theme.TryGetValue(key, out var theme) ? theme.ReadPath : null;
    }

    /// <summary>Every file under a folder of the theme, overrides merged in, as relative paths in ordinal order.</summary>
    public IReadOnlyList<string> List(string relativeFolder)
    {
        var prefix = relativeFolder.TrimEnd('/') + "/";
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var key in _theme.Keys.Concat(_overrides.Keys))
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal)) files.Add(key);
        }
        return [.. files];
    }

    /// <summary>A theme file's text (strict UTF-8, like every text the site is made from); null after reporting why not.</summary>
    public string? ReadText(string fullPath, DiagnosticBag diagnostics) => Loading.SourceText.Read(fullPath, Display(fullPath), diagnostics);

    /// <summary>As <see cref="ReadText"/>, for callers that can only fail (template includes): the reason is the exception's message.</summary>
    public string ReadTextOrThrow(string fullPath)
    {
        var diagnostics = new DiagnosticBag();
        return ReadText(fullPath, diagnostics)
            ?? throw new IOException(string.Join("; ", diagnostics.Sorted().Select(d => $"{d.File}: {d.Message}")));
    }

    /// <summary>Path to show in messages: relative to the site or theme it came from.</summary>
    public string Display(string fullPath) => _displays.TryGetValue(fullPath, out var display) ? display : fullPath;

    private static FrozenDictionary<string, TreeFile> List(string directory, string boundary, string display, DiagnosticBag diagnostics) =>
        FileTreeWalker.Walk(directory, boundary, display, _ => true, diagnostics)
            .ToFrozenDictionary(f => f.Relative, StringComparer.Ordinal);
}
