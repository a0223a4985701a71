namespace StaticBriefs.Rendering.Markdown;

/// <summary>What the markdown renderer needs to know about the site to check and rewrite a body's links.</summary>
/// <param name="BasePath">Base path of the site ('/' or '/briefs-site/').</param>
/// <param name="KnownPaths">Every site-relative path a link may point at.</param>
/// <param name="PathsBySource">Site path of each markdown file, by its path relative to the input folder.</param>
/// <param name="StaticFiles">Files copied as they are (relative to the input folder).</param>
public sealed record LinkContext(
    string BasePath,
    IReadOnlySet<string> KnownPaths,
    IReadOnlyDictionary<string, string> PathsBySource,
    IReadOnlySet<string> StaticFiles)
{
    /// <summary>Markdown files by name (<see cref="SourceNames"/>), for links that name a post rather than its path.</summary>
    public IReadOnlyDictionary<string, string> SourcesByName { get; init; } = SourceNames.Index(PathsBySource.Keys);
}
