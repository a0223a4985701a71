using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;

namespace StaticBriefs.Incremental;

/// <summary>One published brief whose content changed while its place in the site did not.</summary>
/// <param name="BriefId">Its id, unchanged.</param>
/// <param name="Document">The document as loaded now.</param>
/// <param name="CacheEntry">What a full load would have stored for it.</param>
internal sealed record ContentEdit(int BriefId, SourceDocument Document, DocumentEntry CacheEntry);

/// <summary>Decides whether a set of changed files is content edits only, and loads them.</summary>
internal static class ContentEdits
{
    /// <summary>
    /// The edits, or null when any changed path is something else: a new, deleted or renamed file, a page, data,
    /// settings, theme or static file, a file with errors, or a brief whose date, slug, draft flag or tags changed
    /// (each of those moves briefs between pages, which the full build handles).
    /// </summary>
    public static IReadOnlyList<ContentEdit>? Find(LiveState state, string inputDirectory, IReadOnlyList<string> changedPaths)
    {
        var root = Path.GetFullPath(inputDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var edits = new List<ContentEdit>();
        foreach (var full in changedPaths.Distinct(StringComparer.Ordinal))
        {
            if (!full.StartsWith(root, StringComparison.Ordinal) || !File.Exists(full)) return null;
            var relative = full[root.Length..].Replace('\\', '/');
            if (!state.BriefIdsBySource.TryGetValue(relative, out var id)) return null;
            // Only a regular file inside the input folder is read (a brief replaced by a pipe must not block preview);
            // anything else takes the full build, which reports it.
            var boundary = FileSystem.FileStatus.RealPath(inputDirectory, out _) ?? root.TrimEnd(Path.DirectorySeparatorChar);
            var found = FileSystem.SafePath.ResolveAnywhere(full, boundary, relative, new DiagnosticBag());
            if (found.Kind != FileSystem.FileKind.Regular) return null;
            if (SourceText.ReadBytes(found.ReadPath!, relative, new DiagnosticBag()) is not { } bytes) return null;
            var settings = state.Loaded.Settings.FrontMatter;
            var (document, diagnostics, failed) = CachedSiteLoader.Parse(bytes, relative, settings);
            if (document is null || failed || diagnostics.Any(d => d.Severity == Severity.Error)) return null;
            if (!SamePlace(state.Site.Briefs[id].Source, document)) return null;
            var entry = new DocumentEntry(ContentHash.Of(bytes), document, [.. diagnostics.Where(d => d.Severity == Severity.Warning)])
            {
                Reading = ContentHash.Of(settings.Fingerprint()),
            };
            edits.Add(new ContentEdit(id, document, entry));
        }
        return edits;
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
        // Site-wide notes (unknown layouts, unused lists) and the image are the model's: a change takes the full path.
        && after.Layout == before.Layout
        && after.UnusedLists.SequenceEqual(before.UnusedLists)
        && after.Image == before.Image
        // Mentions with their lines: the model's warnings about a tag point at the line it is on.
        && after.Companies.SequenceEqual(before.Companies)
        && after.People.SequenceEqual(before.People)
        && after.Topics.SequenceEqual(before.Topics)
        // Relations add career lines, flows and terms to other pages: an edit to them rebuilds the site.
        && after.Relations.SequenceEqual(before.Relations);

    private static bool SameUrls(UrlFrontMatter a, UrlFrontMatter b) =>
        a.Permalink == b.Permalink && a.Url == b.Url && a.Path == b.Path && a.Slug == b.Slug
        && a.Aliases.SequenceEqual(b.Aliases) && a.RedirectFrom.SequenceEqual(b.RedirectFrom);

    /// <summary>The same instant written with the same offset: pages show the date as written.</summary>
    private static bool SameDate(DateTimeOffset? a, DateTimeOffset? b) =>
        a is { } x ? b is { } y && x.EqualsExact(y) : b is null;
}
