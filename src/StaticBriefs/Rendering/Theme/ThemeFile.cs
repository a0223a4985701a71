using System.Text;

namespace StaticBriefs.Rendering.Theme;

/// <summary>One theme file as found: the source that has it (the first in override order) and its relative path.</summary>
/// <param name="Source">Where the file comes from.</param>
/// <param name="RelativePath">Its path inside the theme, with forward slashes.</param>
public sealed record ThemeFile(IThemeSource Source, string RelativePath)
{
    /// <summary>How the file is named in messages, e.g. <c>_theme/layouts/brief.sbn</c>; also its identity for templates.</summary>
    public string Display => Source.Label + "/" + RelativePath;

    /// <summary>The file's bytes.</summary>
    public byte[] ReadBytes() => Source.ReadBytes(RelativePath);

    /// <summary>The file as UTF-8 text (a byte order mark is dropped).</summary>
    public string ReadText()
    {
        var bytes = ReadBytes();
        var preamble = Encoding.UTF8.Preamble;
        var start = bytes.AsSpan().StartsWith(preamble) ? preamble.Length : 0;
        return Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
    }
}
