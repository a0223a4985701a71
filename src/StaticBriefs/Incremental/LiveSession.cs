using System.Collections.Immutable;
using System.Text;
using StaticBriefs.Building;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Output;
using StaticBriefs.Rendering;
using StaticBriefs.Rendering.Feeds;
using StaticBriefs.Search;

namespace StaticBriefs.Incremental;

/// <summary>
/// Preview's memory between builds. After a full build it holds the build's <see cref="LiveState"/>; when the
/// next change only edits the content of published briefs (title, summary, body, sources: not their dates, slugs,
/// tags or draft flag, which move them between pages), <see cref="TryRebuild"/> patches the model and renders just
/// the pages that show those briefs, instead of looking at every page of the site. Anything else returns null and
/// the caller runs the full (cached) build, which captures a fresh state. Either way the output folder ends up
/// byte for byte what a clean build makes.
/// </summary>
public sealed class LiveSession : IDisposable
{
    /// <summary>Folders a partial rebuild writes out whole, so files it no longer makes there are stale.</summary>
    private static readonly string[] RegeneratedFolders = ["search/shards/"];


    private LiveState? _state;

    /// <summary>Builds since the session started that took the fast path.</summary>
    public int PartialBuilds { get; private set; }

    internal void Capture(LiveState state)
    {
        _state?.Dispose();
        _state = state;
    }

    /// <summary>
    /// Drops the state before a full build, handing over what that build can still use: a search builder that
    /// remembers every document's tokens. Without a state (the first build), one that starts remembering.
    /// </summary>
    internal Search.SearchIndexBuilder ReleaseForFullBuild()
    {
        var search = _state?.Search;
        Forget();
        return search is null ? Search.SearchIndexBuilder.Remembering() : Search.SearchIndexBuilder.ContinueFrom(search);
    }

    /// <summary>Drops the state, so the next build is a full one.</summary>
    internal void Forget()
    {
        _state?.Dispose();
        _state = null;
    }

    /// <inheritdoc/>
    public void Dispose() => Forget();

    /// <summary>The partial rebuild, or null when the changes need a full build.</summary>
    internal BuildResult? TryRebuild(BuildOptions options, string context, OutputFolder output)
    {
        var cache = options.Cache;
        if (_state is not { } state || cache is null || !cache.TryPeekChanges(out var changedPaths) || changedPaths.Length == 0)
            return null;
        var edits = ContentEdits.Find(state, options.InputDirectory, changedPaths);
        if (edits is null) return null;

        var clock = new StageClock();
        var outputDirectory = Path.GetFullPath(options.OutputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var previous = cache.Manifest(outputDirectory);
        if (previous is null || previous.Context != context || !Directory.Exists(outputDirectory)) return null;

        // From here the changes are this build's: record the new documents as a full load would have.
        foreach (var edit in edits) cache.Documents[edit.Document.RelativePath] = edit.CacheEntry;
        cache.ChangesConsumed();
        try
        {
            return Rebuild(options, context, state, edits, previous, output, outputDirectory, clock);
        }
        catch
        {
            // A file vanished mid-save or the disk failed: the state may not match the output any more, so the
            // next build starts again from the files (the cache already holds the edited documents).
            Forget();
            throw;
        }
    }

    private BuildResult Rebuild(
        BuildOptions options, string context, LiveState state, IReadOnlyList<ContentEdit> edits, OutputManifest previous,
        OutputFolder output, string outputDirectory, StageClock clock)
    {
        var cache = options.Cache!;
        var diagnostics = new DiagnosticBag();
        foreach (var edit in edits)
        {
            foreach (var warning in edit.CacheEntry.Warnings) diagnostics.Add(warning);
        }
        var changedIds = edits.Select(e => e.BriefId).ToHashSet();
        var site = clock.Time("model", () => Patch(state.Site, edits));
        var edited = edits.ToDictionary(e => e.Document.RelativePath, e => e.Document, StringComparer.Ordinal);
        var loaded = state.Loaded with
        {
            Documents = [.. state.Loaded.Documents.Select(d => edited.GetValueOrDefault(d.RelativePath, d))],
        };
        var views = state.Views.WithChangedContent(site, changedIds);
        var scope = ScopeOf(state, views, site, edits);

        using var staging = output.CreateStaging(diagnostics);
        if (staging is null)
        {
            views.Dispose();
            Forget();
            return new BuildResult(diagnostics.Sorted(), false, site.Briefs.Length, 0, clock.Timings);
        }
        var sink = new PageMemoSink(staging, output, previous, state.LayoutKeys);
        var rendered = (RenderedBrief[])state.Rendered.Clone();
        clock.Time("render briefs", () =>
            new BriefPageRenderer(site, views, state.SiteView, state.Templates, state.Markdown, sink, state.Search, diagnostics) { Social = state.Social }
                .RenderSome(scope.Briefs, rendered, options.MaxParallelism));
        clock.Time("render listings", () =>
            new ListingRenderer(site, views, state.SiteView, state.Templates, state.Markdown, sink, diagnostics)
                .RenderSome(scope, options.MaxParallelism));
        // Relation files name briefs by title, so a content edit can change any of them; they are rewritten whole.
        clock.Time("relations", () =>
            new Rendering.Relations.RelationPageRenderer(site, views, state.SiteView, state.Templates, sink, diagnostics)
                .RenderAll(options.MaxParallelism));
        clock.Time("feeds", () =>
        {
            new FeedRenderer(site, views, sink).RenderSome(rendered, scope, options.MaxParallelism);
            if (scope.Sitemap) SitemapWriter.Write(site, views.Urls, sink);
        });
        var layout = new SearchIndexLayout(options.VersionSearchIndex, site.Settings.SearchDocsPerFile);
        clock.Time("search index", () =>
        {
            var stats = state.Search.Write(sink, layout, changedIds);
            // A versioned index moved to a new folder, which _headers names.
            if (layout.Versioned) HostHeaders.Write(sink, state.Assets, stats.Root, site, diagnostics);
        });

        var all = state.Diagnostics
            .Where(d => !edited.ContainsKey(d.File) || state.ModelDiagnostics.Contains(d))
            .Concat(diagnostics.Sorted())
            .Distinct();
        var merged = new DiagnosticBag();
        foreach (var diagnostic in all) merged.Add(diagnostic);
        var sorted = merged.Sorted();
        if (diagnostics.HasErrors)
        {
            // The state no longer matches the input; the next build starts again from the files.
            views.Dispose();
            Forget();
            return new BuildResult(sorted, false, site.Briefs.Length, 0, clock.Timings);
        }

        var manifest = clock.Time("commit", () => OutputPatcher.CommitPartial(sink, cache, output, outputDirectory, context,
            layout.Versioned ? VersionFolders(previous) : RegeneratedFolders, diagnostics));
        if (manifest is null)
        {
            // Nothing changed in the output folder; the state no longer matches it, so the next build starts afresh.
            views.Dispose();
            Forget();
            return new BuildResult(diagnostics.Sorted(), false, site.Briefs.Length, 0, clock.Timings);
        }
        cache.CommittedPartial(outputDirectory, manifest);
        var next = state with { Loaded = loaded, Site = site, Views = views, Rendered = rendered, Diagnostics = sorted };
        state.Views.Dispose();
        _state = next;
        PartialBuilds++;
        return new BuildResult(sorted, true, site.Briefs.Length, sink.Written.Count, clock.Timings)
        {
            PagesRendered = sink.PagesRendered,
            // Pages outside the scope were not even looked at: they count as unchanged, as the message says.
            PagesReused = previous.Files.Keys.Count(f => f.EndsWith(".html", StringComparison.Ordinal)) - sink.PagesRendered,
            DocumentsParsed = edits.Count,
            DocumentsReused = loaded.Documents.Length - edits.Count,
        };
    }

    /// <summary>
    /// With a versioned index every file is written under the new version's folder, so the folders of earlier
    /// versions (<c>search/&lt;hash&gt;/</c>) are stale as a whole; <c>search/index.html</c> and meta.json are not in them.
    /// </summary>
    private static string[] VersionFolders(OutputManifest previous) =>
        [.. previous.Files.Keys
            .Where(f => f.StartsWith("search/", StringComparison.Ordinal) && f.IndexOf('/', "search/".Length) > 0)
            .Select(f => f[..(f.IndexOf('/', "search/".Length) + 1)])
            .Distinct(StringComparer.Ordinal)];

    /// <summary>The old model with the edited briefs' sources swapped in; ids, slugs, dates and terms are as they were.</summary>
    private static SiteModel Patch(SiteModel site, IReadOnlyList<ContentEdit> edits)
    {
        var briefs = site.Briefs.ToBuilder();
        foreach (var edit in edits) briefs[edit.BriefId] = briefs[edit.BriefId] with { Source = edit.Document };
        return site with { Briefs = briefs.MoveToImmutable() };
    }

    /// <summary>Every page and feed that shows something of an edited brief.</summary>
    private static RenderScope ScopeOf(LiveState state, Rendering.Views.ViewFactory views, SiteModel site, IReadOnlyList<ContentEdit> edits)
    {
        var briefs = new HashSet<int>();
        var homePages = new HashSet<int>();
        var termPages = new Dictionary<(TaxonomyKind, TermKey), IReadOnlySet<int>>();
        var termFeeds = new HashSet<(TaxonomyKind, TermKey)>();
        var archiveYears = new HashSet<int>();
        var siteFeed = false;
        var sitemap = false;
        var pageSize = site.Settings.PageSize;
        foreach (var edit in edits)
        {
            var id = edit.BriefId;
            var before = state.Site.Briefs[id].Source;
            var after = edit.Document;
            briefs.Add(id);
            // The site feeds and the entity feeds carry their newest briefs' full content: any edit shows in them.
            siteFeed |= id < FeedRenderer.Size;
            var cardChanged = before.Title != after.Title || before.Summary != after.Summary || before.Author != after.Author;
            sitemap |= before.Updated != after.Updated;
            foreach (var kind in TaxonomyKinds.All)
            {
                foreach (var key in site.Briefs[id].TermsOf(kind))
                {
                    var at = site.TermOf(kind, key).BriefIds.IndexOf(id);
                    if (at < FeedRenderer.Size) termFeeds.Add((kind, key));
                    if (!cardChanged) continue;
                    var numbers = termPages.TryGetValue((kind, key), out var known) ? (HashSet<int>)known : [];
                    numbers.Add((at / pageSize) + 1);
                    termPages[(kind, key)] = numbers;
                }
            }
            if (!cardChanged) continue;
            // Cards show the brief on listings, beside it (previous and next) and under other briefs as related.
            if (id > 0) briefs.Add(id - 1);
            if (id + 1 < site.Briefs.Length) briefs.Add(id + 1);
            briefs.UnionWith(views.RelatedTo(id));
            homePages.Add((id / pageSize) + 1);
            archiveYears.Add(site.Briefs[id].Date.Year);
        }
        return new RenderScope
        {
            Briefs = briefs, HomePages = homePages, TermPages = termPages, TermFeeds = termFeeds, ArchiveYears = archiveYears,
            SiteFeed = siteFeed, Sitemap = sitemap,
        };
    }
}
