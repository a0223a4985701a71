using System.Collections.Immutable;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Model;

/// <summary>Where a site's static files are published, once page bundles have taken theirs.</summary>
/// <param name="Files">Published paths, in ordinal order.</param>
/// <param name="Sources">Where to read each, by published path.</param>
/// <param name="Resources">Bundle files that moved: input path to published path.</param>
public sealed record PublishedFiles(
    ImmutableArray<string> Files, ImmutableDictionary<string, string> Sources, ImmutableDictionary<string, string> Resources);

/// <summary>
/// Hugo's leaf bundles: a folder with an <c>index.md</c> is one page, and every other file under that folder (images,
/// data, down to any depth) is the page's own, published beside the page wherever its URL puts it, so the relative
/// <c>src</c> and <c>href</c> written next to the markdown keep working. When the page's URL changes (a pattern, a
/// <c>permalink:</c>), its files follow it. The files of a bundle that is not published (a draft) are not published
/// either. Files of nested bundles belong to the nearest one.
/// </summary>
public static class PageBundles
{
    /// <summary>Places the loaded static files; <paramref name="bundles"/> maps each bundle folder to its page's path (null: not published).</summary>
    public static PublishedFiles Place(LoadedSite loaded, IReadOnlyDictionary<string, string?> bundles, DiagnosticBag diagnostics)
    {
        if (bundles.Count == 0)
            return new PublishedFiles(loaded.StaticFiles, loaded.StaticSources, ImmutableDictionary<string, string>.Empty);
        var files = new List<string>(loaded.StaticFiles.Length);
        var sources = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var resources = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in loaded.StaticFiles)
        {
            string? published = file;
            for (var slash = file.LastIndexOf('/'); slash > 0; slash = file.LastIndexOf('/', slash - 1))
            {
                if (!bundles.TryGetValue(file[..slash], out var page)) continue;
                published = page is null ? null : SitePaths.FolderOf(page) + file[(slash + 1)..];
                break;
            }
            if (published is null) continue;
            if (published != file) resources[file] = published;
            // Two files cannot be published at one path: the first (in input order) keeps it, the other is reported.
            if (owners.TryAdd(published, file))
            {
                sources[published] = loaded.StaticSources[file];
                files.Add(published);
                continue;
            }
            diagnostics.Error(file, 0, DiagnosticCodes.OutputCollision,
                $"would be published at '{published}', where '{owners[published]}' is published too (a page bundle's files go beside its page); rename one of them");
        }
        files.Sort(StringComparer.Ordinal);
        return new PublishedFiles([.. files], sources.ToImmutable(), resources.ToImmutable());
    }
}
