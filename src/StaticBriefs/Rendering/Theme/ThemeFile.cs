using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;

namespace StaticBriefs.Rendering.Theme;

/// <summary>One theme file as found: the source that has it (the first in override order) and its relative path.</summary>
/// <param name="Source">Where the file comes from.</param>
/// <param name="RelativePath">Its path inside the theme, with forward slashes.</param>
public sealed record ThemeFile(IThemeSource Source, string RelativePath)
{
    /// <summary>How the file is named in messages, e.g. <c>_theme/layouts/brief.sbn</c>; also its identity for templates.</summary>
    public string Display => Source.Label + "/" + RelativePath;

    /// <summary>The file's bytes, or null after reporting why they cannot be read.</summary>
    public byte[]? ReadBytes(DiagnosticBag diagnostics) => Source.ReadBytes(RelativePath, diagnostics);

    /// <summary>The file as text, decoded strictly like every text the site is made from; null after reporting why not.</summary>
    public string? ReadText(DiagnosticBag diagnostics) =>
        ReadBytes(diagnostics) is { } bytes ? SourceText.Decode(bytes, Display, diagnostics) : null;

    /// <summary>As <see cref="ReadText"/>, for callers that can only fail (template includes): the reason is the exception's message.</summary>
    public string ReadTextOrThrow()
    {
        var diagnostics = new DiagnosticBag();
        return ReadText(diagnostics)
            ?? throw new IOException(string.Join("; ", diagnostics.Sorted().Select(d => d.Message)));
    }
}
