namespace StaticBriefs.Rendering.Theme;

/// <summary>
/// Finds theme files: a file under the site's <c>input/_theme/</c> overrides the file with the same relative path
/// in <c>theme/</c>, so a site can change one layout or stylesheet without forking the theme.
/// </summary>
public sealed class ThemeFiles(string themeDirectory, string overrideDirectory)
{
    /// <summary>The theme folder.</summary>
    public string ThemeDirectory { get; } = themeDirectory;

    /// <summary>The site's override folder (may not exist).</summary>
    public string OverrideDirectory { get; } = overrideDirectory;

    /// <summary>Full path of a theme file (override first), or null when neither has it.</summary>
    public string? Resolve(string relativePath)
    {
        var local = Path.Combine(OverrideDirectory, relativePath);
        if (File.Exists(local)) return local;
        var theme = Path.Combine(ThemeDirectory, relativePath);
        return File.Exists(theme) ? theme : null;
    }

    /// <summary>Every file under a folder of the theme, overrides merged in, as relative paths in ordinal order.</summary>
    public IReadOnlyList<string> List(string relativeFolder)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var root in new[] { ThemeDirectory, OverrideDirectory })
        {
            var folder = Path.Combine(root, relativeFolder);
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
                files.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
        }
        return [.. files];
    }

    /// <summary>Path to show in messages: relative to the site or theme it came from.</summary>
    public string Display(string fullPath)
    {
        foreach (var (root, label) in new[] { (OverrideDirectory, "_theme"), (ThemeDirectory, "theme") })
        {
            var relative = Path.GetRelativePath(root, fullPath);
            if (!relative.StartsWith("..", StringComparison.Ordinal)) return label + "/" + relative.Replace('\\', '/');
        }
        return fullPath;
    }
}
