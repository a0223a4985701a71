using System.Collections.Immutable;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Loading.Conventions;
using StaticBriefs.Model;

namespace StaticBriefs.Incremental;

/// <summary>
/// What a set of changed files does to the loaded site, when every change is one preview can apply from memory:
/// briefs edited, added, renamed or deleted, and the entity data files (<c>_data/companies.yml</c>, ...).
/// </summary>
/// <param name="Loaded">The loaded site after the edits, as a full load would read it.</param>
/// <param name="Documents">Each changed brief by source path: what a full load would cache, or null when it is gone.</param>
/// <param name="EntitiesChanged">True when an entity data file changed (read again whole: they are small).</param>
internal sealed record SiteEdit(LoadedSite Loaded, IReadOnlyDictionary<string, DocumentEntry?> Documents, bool EntitiesChanged)
{
    /// <summary>The source paths of the changed briefs.</summary>
    public IEnumerable<string> ChangedPaths => Documents.Keys;

    /// <summary>
    /// The ids of the changed briefs when every change is to the content of a published brief that keeps its place
    /// (date, slug, URLs, draft flag, tags, relations, image, layout): the old model with their sources swapped in is
    /// then the model a full assembly would give, at a fraction of its cost. Null otherwise.
    /// </summary>
    public IReadOnlyList<int>? ContentOnly(LiveState state)
    {
        if (EntitiesChanged) return null;
        var ids = new List<int>();
        foreach (var (path, entry) in Documents)
        {
            if (entry is null || !state.BriefIdsBySource.TryGetValue(path, out var id) || !SamePlace(state.Site.Briefs[id].Source, entry.Document))
                return null;
            ids.Add(id);
        }
        return ids;
    }

    /// <summary>True when the brief keeps its id, URL and terms: everything the site's structure is built from.</summary>
    private static bool SamePlace(SourceDocument before, SourceDocument after) =>
        after.Kind == before.Kind
        && SameDate(after.Date, before.Date)
        && after.Draft == before.Draft
        && after.Slug == before.Slug
        && after.SlugLine == before.SlugLine
        // The URL and the old URLs: the page moves, or redirect pages and rules change.
        && SameUrls(after.Urls, before.Urls)
        // Site-wide notes (unknown layouts, unused lists) and the image are the model's.
        && after.Layout == before.Layout
        && after.UnusedLists.SequenceEqual(before.UnusedLists)
        && after.Image == before.Image
        // Mentions with their lines: the model's warnings about a tag point at the line it is on.
        && after.Companies.SequenceEqual(before.Companies)
        && after.People.SequenceEqual(before.People)
        && after.Topics.SequenceEqual(before.Topics)
        && after.Relations.SequenceEqual(before.Relations);

    private static bool SameUrls(UrlFrontMatter a, UrlFrontMatter b) =>
        a.Permalink == b.Permalink && a.Url == b.Url && a.Path == b.Path && a.Slug == b.Slug
        && a.Aliases.SequenceEqual(b.Aliases) && a.RedirectFrom.SequenceEqual(b.RedirectFrom);

    /// <summary>The same instant written with the same offset: pages show the date as written.</summary>
    private static bool SameDate(DateTimeOffset? a, DateTimeOffset? b) =>
        a is { } x ? b is { } y && x.EqualsExact(y) : b is null;
}

/// <summary>Reads the changed files of a preview session into a <see cref="SiteEdit"/>.</summary>
internal static class SiteEdits
{
    private static readonly string[] EntityFiles = [.. TaxonomyKinds.All.Select(k => $"_data/{k.Key()}.yml")];

    /// <summary>
    /// The edit, or null when a change needs the full build: settings, theme, static or documentation files, a
    /// folder, a file with errors (the full build reports them), or a markdown file that is not a plain brief.
    /// </summary>
    public static SiteEdit? Find(LiveState state, string inputDirectory, IReadOnlyList<string> changedPaths)
    {
        var root = Path.GetFullPath(inputDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var known = state.Loaded.Documents.ToDictionary(d => d.RelativePath, StringComparer.Ordinal);
        var settings = state.Loaded.Settings.FrontMatter;
        var reading = ContentHash.Of(settings.Fingerprint());
        var documents = new Dictionary<string, DocumentEntry?>(StringComparer.Ordinal);
        var entitiesChanged = false;
        foreach (var full in changedPaths.Distinct(StringComparer.Ordinal))
        {
            if (!full.StartsWith(root, StringComparison.Ordinal) || Directory.Exists(full)) return null;
            var relative = full[root.Length..].Replace('\\', '/');
            if (EntityFiles.Contains(relative, StringComparer.Ordinal))
            {
                entitiesChanged = true;
                continue;
            }
            if (!SourcePathConventions.IsMarkdown(relative) || !InputScanner.IsPublished(relative) || SourcePathConventions.IsSectionFile(relative))
                return null;
            if (known.TryGetValue(relative, out var before) && before.Kind != DocumentKind.Brief) return null;
            if (!File.Exists(full) && !IsLink(full))
            {
                // A file that was never loaded and is gone again (an editor's temporary file) changes nothing.
                if (before is not null) documents[relative] = null;
                continue;
            }
            if (Read(inputDirectory, root, full, relative, settings, reading) is not { } entry) return null;
            documents[relative] = entry;
        }
        var entities = state.Loaded.Entities;
        if (entitiesChanged)
        {
            var found = new DiagnosticBag();
            entities = EntityDataLoader.Load(inputDirectory, found);
            if (found.HasErrors) return null;
        }
        foreach (var (path, entry) in documents)
        {
            if (entry is null) known.Remove(path);
            else known[path] = entry.Document;
        }
        // In the order a full load gives them: the input walk sorts paths ordinally.
        ImmutableArray<SourceDocument> loaded = [.. known.Values.OrderBy(d => d.RelativePath, StringComparer.Ordinal)];
        return new SiteEdit(state.Loaded with { Documents = loaded, Entities = entities }, documents, entitiesChanged);
    }

    private static bool IsLink(string path) =>
        new FileInfo(path) is { Exists: false } info && info.LinkTarget is not null;

    /// <summary>A brief read and parsed as a full load would, or null when it is not a clean, regular brief file.</summary>
    private static DocumentEntry? Read(
        string inputDirectory, string root, string full, string relative, FrontMatterSettings settings, string reading)
    {
        // Only a regular file inside the input folder is read (a brief replaced by a pipe must not block preview);
        // anything else takes the full build, which reports it.
        var boundary = FileSystem.FileStatus.RealPath(inputDirectory, out _) ?? root.TrimEnd(Path.DirectorySeparatorChar);
        var found = FileSystem.SafePath.ResolveAnywhere(full, boundary, relative, new DiagnosticBag());
        if (found.Kind != FileSystem.FileKind.Regular) return null;
        if (SourceText.ReadBytes(found.ReadPath!, relative, new DiagnosticBag()) is not { } bytes) return null;
        var (document, diagnostics, failed) = CachedSiteLoader.Parse(bytes, relative, settings);
        if (document is null || failed || diagnostics.Any(d => d.Severity == Severity.Error) || document.Kind != DocumentKind.Brief) return null;
        return new DocumentEntry(ContentHash.Of(bytes), document, [.. diagnostics.Where(d => d.Severity == Severity.Warning)]) { Reading = reading };
    }
}
