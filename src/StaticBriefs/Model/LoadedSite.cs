using System.Collections.Immutable;

namespace StaticBriefs.Model;

/// <summary>Everything read from the input folder, before any site-wide decisions are made.</summary>
/// <param name="Settings">Site settings.</param>
/// <param name="Documents">Every markdown document that loaded without errors, ordered by path.</param>
/// <param name="StaticFiles">Other files to copy as they are (relative paths, ordinal order).</param>
/// <param name="Entities">Entity definitions from <c>_data/</c>.</param>
public sealed record LoadedSite(
    SiteSettings Settings,
    ImmutableArray<SourceDocument> Documents,
    ImmutableArray<string> StaticFiles,
    ImmutableArray<EntityDefinition> Entities)
{
    /// <summary>Where to read each static file (its canonical path, links resolved and checked), by relative path.</summary>
    public ImmutableDictionary<string, string> StaticSources { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// Documents whose front matter parsed but had errors (already reported). They are never published; their URLs,
    /// slugs and links are still checked, so one run reports every problem rather than one wave after another.
    /// </summary>
    public ImmutableArray<SourceDocument> Failed { get; init; } = [];

    /// <summary>A loaded site whose static files are the scanned <paramref name="statics"/>.</summary>
    public static LoadedSite Create(
        SiteSettings settings, ImmutableArray<SourceDocument> documents, IEnumerable<FileSystem.TreeFile> statics,
        ImmutableArray<EntityDefinition> entities)
    {
        var files = statics.ToList();
        return new LoadedSite(settings, documents, [.. files.Select(f => f.Relative)], entities)
        {
            StaticSources = files.ToImmutableDictionary(f => f.Relative, f => f.ReadPath, StringComparer.Ordinal),
        };
    }
}
