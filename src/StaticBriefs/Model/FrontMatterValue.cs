namespace StaticBriefs.Model;

/// <summary>A front matter value as the author wrote it, with the line and column it was written at.</summary>
/// <param name="Value">The text, control characters removed.</param>
/// <param name="Line">File line of the value.</param>
/// <param name="Column">File column of the value (0 when unknown).</param>
public sealed record FrontMatterValue(string Value, int Line, int Column = 0);
