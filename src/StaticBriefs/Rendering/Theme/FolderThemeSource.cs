namespace StaticBriefs.Rendering.Theme;

/// <summary>Theme files in a folder: the site's <c>theme/</c> (or <c>--theme DIR</c>) and <c>input/_theme/</c>.</summary>
/// <param name="directory">The folder; it may not exist, and then the source is empty.</param>
/// <param name="label">How the folder is named in messages.</param>
public sealed class FolderThemeSource(string directory, string label) : IThemeSource
{
    /// <summary>The folder.</summary>
    public string Directory { get; } = directory;

    /// <inheritdoc/>
    public string Label { get; } = label;

    /// <inheritdoc/>
    public bool Contains(string relativePath) => File.Exists(Path.Combine(Directory, relativePath));

    /// <inheritdoc/>
    public IEnumerable<string> List(string relativeFolder)
    {
        var folder = Path.Combine(Directory, relativeFolder);
        if (!System.IO.Directory.Exists(folder)) return [];
        return System.IO.Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(Directory, file).Replace('\\', '/'));
    }

    /// <inheritdoc/>
    public byte[] ReadBytes(string relativePath) => File.ReadAllBytes(Path.Combine(Directory, relativePath));
}
