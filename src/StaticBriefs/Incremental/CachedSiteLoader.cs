using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;

namespace StaticBriefs.Incremental;

/// <summary>
/// The load stage with a cache: a markdown file whose bytes hash as before is not parsed again (its warnings are
/// reported again), and in preview a file the watcher did not name is not even read. Settings and entity data are
/// small and always read.
/// </summary>
internal static class CachedSiteLoader
{
    public static LoadedSite Load(string inputDirectory, BuildCache cache, DiagnosticBag diagnostics, LoadCounts counts, string? settingsFile = null)
    {
        cache.EnsureLoaded();
        var settings = SiteSettingsLoader.Load(inputDirectory, diagnostics, settingsFile, text => counts.SettingsText = text);
        var entities = EntityDataLoader.Load(inputDirectory, diagnostics, counts.EntityTexts);
        var files = InputScanner.Scan(inputDirectory, diagnostics);
        var markdown = files.Markdown;
        var root = Path.GetFullPath(inputDirectory);
        // Documents are read by the _site.yml settings too: read with other settings, a cached document is stale.
        var reading = ContentHash.Of(settings.FrontMatter.Fingerprint());

        var documents = new SourceDocument?[markdown.Length];
        var failed = new SourceDocument?[markdown.Length];
        // The files' folders held open: a look at each file walks only its name.
        using var folders = new FileSystem.FolderHandles();
        Parallel.For(0, markdown.Length, i =>
        {
            var relative = markdown[i].Relative;
            // Only preview trusts files its watcher did not name; a build does not make 10,000 full paths to ask.
            if (cache.Documents.TryGetValue(relative, out var trusted) && trusted.Reading == reading
                && ((cache.TrustUnchangedFiles && cache.Trusts(Path.Combine(root, relative))) || InputStamps.Unchanged(trusted.Stamp, markdown[i].ReadPath, folders)))
            {
                documents[i] = Reuse(trusted, diagnostics, counts);
                return;
            }
            // Looked at before the read: a change after it shows as another stamp next time.
            var stamp = InputStamps.Take(markdown[i].ReadPath, cache.StampSettle);
            Interlocked.Increment(ref counts.Read);
            if (SourceText.ReadBytes(markdown[i].ReadPath, relative, diagnostics) is not { } bytes)
            {
                cache.Documents.TryRemove(relative, out _);
                return;
            }
            var hash = ContentHash.Of(bytes);
            if (cache.Documents.TryGetValue(relative, out var entry) && entry.Hash == hash && entry.Reading == reading)
            {
                // Touched but the same bytes (a checkout, a save without changes): the next build need not read it.
                if (entry.Stamp != stamp) cache.Documents[relative] = entry with { Stamp = stamp };
                documents[i] = Reuse(entry, diagnostics, counts);
                return;
            }
            Interlocked.Increment(ref counts.Parsed);
            var (document, found, hasErrors) = Parse(bytes, relative, settings.FrontMatter);
            foreach (var diagnostic in found) diagnostics.Add(diagnostic);
            // A file with errors is never cached (it is read again until fixed); what it gives is kept for URL and link checks.
            if (hasErrors)
            {
                cache.Documents.TryRemove(relative, out _);
                failed[i] = document;
                return;
            }
            cache.Documents[relative] = new DocumentEntry(hash, document!, [.. found.Where(d => d.Severity == Severity.Warning)])
            {
                Reading = reading,
                Stamp = stamp,
            };
            documents[i] = document;
        });

        // Forget deleted and renamed files, so a trusted entry can never stand in for a file that is gone.
        var present = markdown.Select(file => file.Relative).ToHashSet(StringComparer.Ordinal);
        foreach (var path in cache.Documents.Keys)
        {
            if (!present.Contains(path)) cache.Documents.TryRemove(path, out _);
        }
        cache.ChangesConsumed();
        return LoadedSite.Create(settings, [.. documents.OfType<SourceDocument>()], files.Static, entities) with
        {
            Failed = [.. failed.OfType<SourceDocument>()],
        };
    }

    /// <summary>
    /// Parses one markdown file's bytes. With <c>Failed</c> the document has errors that stop it loading, and is what
    /// could be read anyway (null when nothing could).
    /// </summary>
    internal static (SourceDocument? Document, IReadOnlyList<Diagnostic> Diagnostics, bool Failed) Parse(
        byte[] bytes, string relativePath, FrontMatterSettings settings)
    {
        var own = new DiagnosticBag();
        var text = SourceText.Decode(bytes, relativePath, own);
        var (document, failed) = text is null ? (null, true) : DocumentLoader.LoadChecked(text, relativePath, own, settings);
        return (document, own.Sorted(), failed);
    }

    private static SourceDocument Reuse(DocumentEntry entry, DiagnosticBag diagnostics, LoadCounts counts)
    {
        Interlocked.Increment(ref counts.Reused);
        foreach (var warning in entry.Warnings) diagnostics.Add(warning);
        return entry.Document;
    }
}

/// <summary>How many documents a load parsed and how many it took from the cache, and the small files it read whole.</summary>
internal sealed class LoadCounts
{
    public int Parsed;
    public int Reused;

    /// <summary>Markdown files read (the rest were taken on the cache's word: unchanged stamps, or preview's watcher).</summary>
    public int Read;

    /// <summary>The settings file's text as read, or null without one.</summary>
    public string? SettingsText { get; set; }

    /// <summary>The entity data files' texts as read.</summary>
    public List<(string Path, string Text)> EntityTexts { get; } = [];
}
