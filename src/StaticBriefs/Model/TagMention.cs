namespace StaticBriefs.Model;

/// <summary>A company, person or topic named in a document's front matter, with the line and column it was named at.</summary>
public sealed record TagMention(string Name, int Line, int Column = 0);
