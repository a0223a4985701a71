namespace StaticBriefs.Model;

/// <summary>One author of a document: a plain name, and a link when the front matter gave one that may be published.</summary>
/// <param name="Name">The name as readers see it (markdown removed).</param>
/// <param name="Url">An http(s), mailto or relative link, or null.</param>
public sealed record AuthorName(string Name, string? Url);
