namespace StaticBriefs.Rendering.Markdown;

/// <summary>One heading of a body's table of contents.</summary>
/// <param name="Level">Heading level (2 or 3).</param>
/// <param name="Id">The heading's id, for <c>#id</c> links.</param>
/// <param name="Text">The heading's text.</param>
public sealed record TocEntry(int Level, string Id, string Text);
