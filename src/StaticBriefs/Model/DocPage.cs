
namespace StaticBriefs.Model;

/// <summary>A documentation page (<c>layout: page</c>), published at the path of its file.</summary>
/// <param name="Source">The loaded document.</param>
/// <param name="Path">Site-relative path, e.g. <c>/about/</c>.</param>
public sealed record DocPage(SourceDocument Source, string Path);
