using StaticBriefs.Rendering.Markdown;
using StaticBriefs.Rendering.Theme;

namespace StaticBriefs.Rendering.Views;

/// <summary>The <c>doc</c> object on a documentation page (about, methodology ...).</summary>
/// <param name="Title">Title (raw).</param>
/// <param name="Content">Rendered body (trusted HTML).</param>
/// <param name="Toc">Table of contents.</param>
/// <param name="Extra">Unknown front matter keys (raw values).</param>
public sealed record DocView(string Title, TrustedHtml Content, IReadOnlyList<TocEntry> Toc, IReadOnlyDictionary<string, object?> Extra);
