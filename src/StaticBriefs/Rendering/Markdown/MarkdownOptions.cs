namespace StaticBriefs.Rendering.Markdown;

/// <summary>Choices that shape the markdown pipeline; the pipeline is built once from them.</summary>
/// <param name="AllowHtml">Pass raw HTML through (otherwise it is escaped, and attribute syntax is off).</param>
public sealed record MarkdownOptions(bool AllowHtml);
