namespace StaticBriefs.Search;

/// <summary>A company, person or topic page that search lists above the briefs when the query names it.</summary>
/// <param name="Kind">The facet kind: <c>company</c>, <c>person</c> or <c>topic</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Path">Site-relative path of its page without the base path, e.g. <c>/companies/openai/</c>.</param>
/// <param name="Briefs">Number of briefs naming it.</param>
public sealed record SearchEntity(string Kind, string Name, string Path, int Briefs);
