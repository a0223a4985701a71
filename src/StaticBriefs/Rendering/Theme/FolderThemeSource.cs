using System.Collections.Frozen;
using StaticBriefs.Diagnostics;
using StaticBriefs.FileSystem;
using StaticBriefs.Loading;

namespace StaticBriefs.Rendering.Theme;

/// <summary>
/// Theme files in a folder: the site's <c>theme/</c> (or <c>--theme DIR</c>) and <c>input/_theme/</c>. The folder is
/// listed once, through <see cref="FileTreeWalker"/>: only regular files, and links only when their target stays
/// inside <c>boundary</c> (the theme folder itself, or the input folder for <c>_theme/</c>); anything skipped is
/// reported when the source is made.
/// </summary>
public sealed class FolderThemeSource : IThemeSource
{
    private readonly FrozenDictionary<string, TreeFile> _files;

    /// <param name="directory">The folder; it may not exist, and then the source is empty.</param>
    /// <param name="label">How the folder is named in messages.</param>
    /// <param name="boundary">The folder a link's target must stay inside to be followed.</param>
    /// <param name="diagnostics">Where skipped files are reported.</param>
    public FolderThemeSource(string directory, string label, string boundary, DiagnosticBag diagnostics)
    {
        Directory = directory;
        Label = label;
        _files = System.IO.Directory.Exists(directory)
            ? FileTreeWalker.Walk(directory, boundary, label + "/", _ => true, diagnostics).ToFrozenDictionary(f => f.Relative, StringComparer.Ordinal)
            : FrozenDictionary<string, TreeFile>.Empty;
    }

    /// <summary>The folder.</summary>
    public string Directory { get; }

    /// <inheritdoc/>
    public string Label { get; }

    /// <inheritdoc/>
    public bool Contains(string relativePath) => _files.ContainsKey(relativePath);

    /// <inheritdoc/>
    public IEnumerable<string> List(string relativeFolder)
    {
        var prefix = relativeFolder.TrimEnd('/') + "/";
        return _files.Keys.Where(file => file.StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <inheritdoc/>
    public byte[]? ReadBytes(string relativePath, DiagnosticBag diagnostics)
    {
        if (_files.TryGetValue(relativePath, out var file)) return SourceText.ReadBytes(file.ReadPath, Label + "/" + relativePath, diagnostics);
        diagnostics.Error(Label + "/" + relativePath, 0, DiagnosticCodes.IoError, "the theme file is gone; restore it or remove what refers to it");
        return null;
    }
}
