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
