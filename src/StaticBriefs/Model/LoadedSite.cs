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
    ImmutableArray<EntityDefinition> Entities);
