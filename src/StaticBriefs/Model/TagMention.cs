namespace StaticBriefs.Model;

/// <summary>A company, person or topic named in a document's front matter, with the line it was named on.</summary>
public sealed record TagMention(string Name, int Line);
