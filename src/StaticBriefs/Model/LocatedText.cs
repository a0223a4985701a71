namespace StaticBriefs.Model;

/// <summary>A text value from front matter as written, with the file line and column it starts at (0 when unknown).</summary>
/// <param name="Text">The value, control characters removed, otherwise untouched.</param>
/// <param name="Line">1-based file line.</param>
/// <param name="Column">1-based file column, 0 when unknown.</param>
public sealed record LocatedText(string Text, int Line, int Column);
