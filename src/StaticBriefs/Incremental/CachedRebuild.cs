using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using StaticBriefs.Building;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Output;
using StaticBriefs.Rendering;
using StaticBriefs.Rendering.Feeds;
using StaticBriefs.Rendering.Hosting;
using StaticBriefs.Rendering.Html;
using StaticBriefs.Rendering.Markdown;
using StaticBriefs.Rendering.Markdown.EntityLinks;
using StaticBriefs.Rendering.Theme;
using StaticBriefs.Rendering.Views;
using StaticBriefs.Search;

namespace StaticBriefs.Incremental;

/// <summary>
/// A cached <c>build</c> that plans like preview. The last build left a <see cref="BuildSnapshot"/>; this build puts
/// that build's <see cref="LiveState"/> back together from it and the cache (its documents assembled into its model,
/// its search index from the kept tokens, its feed bodies from the kept bodies), loads the input, and hands the
/// difference to preview's planner and partial rebuild, so only the pages the edit changes are rendered and nothing
/// else is fingerprinted. Whenever the snapshot cannot stand for the output folder as it is (none, damaged, another
/// theme, settings, options or static files, a page edited by hand, a plan that needs everything) it returns no result
/// and the build takes the ordinary cached path, with the site it already loaded.
/// </summary>
internal static class CachedRebuild
{
    /// <summary>The build's result, or null with the site loaded so far (null when nothing was loaded) for the ordinary path.</summary>
    public static BuildResult? TryRun(
        BuildOptions options, IncrementalSession incremental, OutputFolder output, ThemeFiles theme, StageClock clock,
        DiagnosticBag diagnostics, out LoadedSite? loaded)
    {
        loaded = null;
        if (options.Live is not null || incremental.Cache is not { } cache) return null;
        // The partial rebuild and the body renderer it may make work on this very cache.
        options = options with { Cache = cache };
        // Read before the load, so a file edited while the build runs shows as changed to the next one.
        incremental.Inputs = new InputKeys(SnapshotChecks.ThemeKey(theme), SnapshotChecks.HostFilesKey(options.InputDirectory));
        var outputDirectory = incremental.OutputDirectory;
        clock.Time("cache", () => cache.EnsureLoaded(outputDirectory));
        if (cache.Snapshot(outputDirectory) is not { } snapshot) return null;
        var manifest = cache.Manifest(outputDirectory);
        if (manifest is null || manifest.Context != incremental.Context || snapshot.Context != incremental.Context
            || snapshot.OptionsKey != SnapshotChecks.OptionsKey(options) || snapshot.ThemeKey != incremental.Inputs.Theme
            || snapshot.HostFilesKey != incremental.Inputs.HostFiles || !Directory.Exists(outputDirectory)
            || snapshot.ManifestKey != BuildSnapshot.KeyOf(manifest))
            return null;
        var layoutKeys = LayoutKeys.Compute(theme);
        if (!layoutKeys.OrderBy(k => k.Key, StringComparer.Ordinal).SequenceEqual(snapshot.LayoutKeys)) return null;
        // The previous documents, before the load replaces the edited ones in the cache.
        var before = new List<SourceDocument>(snapshot.Documents.Length);
        foreach (var (path, hash) in snapshot.Documents)
        {
            if (!cache.Documents.TryGetValue(path, out var entry) || entry.Hash != hash) return null;
            before.Add(entry.Document);
        }
        var outputMatches = Task.Run(() => SnapshotChecks.OutputMatches(manifest, output, snapshot));

        var current = clock.Time("load", () => incremental.Load(diagnostics));
        loaded = current;
        var counts = incremental.Loads;
        if (diagnostics.HasErrors || current.Failed.Length > 0 || SnapshotChecks.SettingsKey(counts.SettingsText) != snapshot.SettingsKey
            || !current.StaticFiles.SequenceEqual(snapshot.StaticFiles, StringComparer.Ordinal))
            return Abandon(outputMatches);
        var entitiesChanged = !counts.EntityTexts.SequenceEqual(snapshot.EntityTexts);
        var settings = current.Settings;
        if (options.BaseUrl is { } baseUrl && SiteSettingsLoader.ParseBaseUrl(baseUrl, 0, new DiagnosticBag(), "--base-url") is { } url)
            settings = settings with { BaseUrl = url };
        var previous = current with
        {
            Settings = settings,
            Documents = [.. before],
            Entities = entitiesChanged ? EntityDataLoader.FromTexts(snapshot.EntityTexts, new DiagnosticBag()) : current.Entities,
        };
        var changed = SnapshotChecks.ChangedFiles(options.InputDirectory, previous, current, counts, snapshot);

        if (Quietly(() => clock.Time("restore", () => Restore(options, incremental, theme, previous, snapshot, layoutKeys))) is not { } restored)
            return Abandon(outputMatches);
        var state = restored.State;
        try
        {
            if (!outputMatches.GetAwaiter().GetResult()) return null;
            if (Quietly(() => clock.Time("changes", () => SiteEdits.Find(state, options.InputDirectory, changed))) is not { } edit
                || Quietly(() => LiveSession.PlanEdit(state, edit, options, output, clock)) is not { } planned)
                return null;
            if (!restored.SearchRestored.GetAwaiter().GetResult())
            {
                planned.Views.Dispose();
                return null;
            }
            LiveSession.Record(cache, edit);
            Forget(cache, state, edit);
            Task? entriesSaving = null;
            var assetCache = new MinifiedAssetCache(Path.Combine(options.CacheDirectory ?? BuildCache.DefaultDirectory(options.InputDirectory), "assets"));
            var rebuild = new PartialRebuild(options, incremental.Context, output, outputDirectory, manifest, clock)
            {
                CleanForeign = true,
                // SnapshotChecks.OutputMatches looked at every file above.
                PreviousChecked = true,
                CallerSaves = true,
                // The entries do not depend on the output folder: written while the commit moves files (it is one
                // thread of renames, the other core idle), not after it.
                BeforeCommit = () => entriesSaving = Task.Run(cache.SaveEntries),
                Restage = (staging, site, views, found) =>
                {
                    // As the full build's asset and static file stages do (the theme is the snapshot's, so the assets are too).
                    var assets = AssetPublisher.Publish(theme, new Minifier(options.Minify), staging, found, assetCache);
                    // Published under other names (an entry of the minified-asset cache changed), every page would change.
                    if (!SnapshotChecks.SameAssets(assets, snapshot.Assets)) throw new AssetsMovedException();
                    OutputCollisions.ReportAssets(site, assets.Files, found);
                    StaticFiles.Publish(site, views.Urls, staging, options.MaxParallelism);
                },
            };
            var bodiesBefore = (planned.Markdown.Memo as MarkdownMemo)?.Rendered ?? 0;
            BuildResult result;
            LiveState? next;
            try
            {
                result = rebuild.Run(state, edit, planned, out next);
            }
            catch (AssetsMovedException)
            {
                // Nothing was committed: the staged files went with the staging folder.
                planned.Views.Dispose();
                return null;
            }
            finally
            {
                // A commit that failed or threw does not leave the cache half written behind the build.
                if (entriesSaving is not null) Task.WhenAny(entriesSaving).Wait();
            }
            var bodies = ((planned.Markdown.Memo as MarkdownMemo)?.Rendered ?? 0) - bodiesBefore;
            // Preview's rebuild counts what it touched against the pages there were; the CLI's summary speaks of the
            // site as it is now, as a full build's does.
            var pages = next?.HtmlFiles ?? result.PagesRendered + result.PagesReused;
            result = result with
            {
                BodiesRendered = bodies,
                BodiesReused = planned.Site.Briefs.Length - bodies,
                Pages = pages,
                PagesReused = pages - result.PagesRendered,
                Files = result.Written ? cache.Manifest(outputDirectory)?.Files.Count ?? result.Files : result.Files,
                Entities = [.. TaxonomyKinds.All.Select(kind => KeyValuePair.Create(kind.Key(), planned.Site[kind].ByName.Length))],
            };
            if (next is null)
            {
                planned.Views.Dispose();
                return result;
            }
            // The cache's files and the snapshot are separate files made from what the rebuild left: written side by
            // side (the snapshot names the manifest by its key, so either one written without the other reads as stale).
            clock.Time("save cache", () =>
            {
                var saving = Task.Run(cache.SaveManifests);
                try
                {
                    if (Capture(incremental, options, next.Loaded, next.Site, next.Search, next.Rendered, state.Assets, layoutKeys, result.Diagnostics) is { } saved)
                        cache.RememberSnapshot(outputDirectory, saved);
                }
                finally
                {
                    next.Views.Dispose();
                    Task.WhenAny(saving).Wait();
                }
                saving.GetAwaiter().GetResult();
                // Started before the commit; a rebuild that never reached it saves the entries here.
                (entriesSaving ?? Task.Run(cache.SaveEntries)).GetAwaiter().GetResult();
            });
            return result with { Planned = true };
        }
        finally
        {
            restored.Dispose();
        }
    }

    /// <summary>
    /// Runs a step before anything is staged; a file that cannot be read there (a theme file or brief vanishing
    /// mid-build) only sends the build down the ordinary path, which reports it.
    /// </summary>
    private static T? Quietly<T>(Func<T?> step) where T : class
    {
        try
        {
            return step();
        }
        catch (Exception ex) when (IoFailure.IsIo(ex))
        {
            return null;
        }
    }

    /// <summary>Stops a planned build whose assets did not publish as the snapshot's: the ordinary path takes over.</summary>
    private sealed class AssetsMovedException : Exception;

    /// <summary>
    /// Drops the cache entries the edit left unused, as a full build's commit drops those it did not use, so the pack
    /// is compacted as usual: the bodies of the changed files as they were (a body's key covers its file) and the search
    /// tokens of the changed briefs as they were (the partial rebuild adds the new ones, or makes them again when the
    /// text the index sees did not change).
    /// </summary>
    private static void Forget(BuildCache cache, LiveState state, SiteEdit edit)
    {
        if (state.Markdown.Memo is not MarkdownMemo memo) return;
        // An edit changes a few files of thousands: each document is asked whether it is one, rather than all of them
        // put in a table to look the few up (which was most of this step).
        foreach (var old in state.Loaded.Documents)
        {
            if (!edit.Documents.TryGetValue(old.RelativePath, out var entry)) continue;
            var path = old.RelativePath;
            var key = memo.KeyOf(old.BodySource, path, old.BodyFirstLine);
            if (entry is null || memo.KeyOf(entry.Document.BodySource, path, entry.Document.BodyFirstLine) != key) cache.ForgetMarkdown(key);
        }
        var keys = state.Search.TextKeys();
        var changed = new HashSet<UInt128>();
        foreach (var (id, key) in keys)
        {
            if (edit.Documents.ContainsKey(state.Site.Briefs[id].Source.RelativePath)) changed.Add(key);
        }
        if (changed.Count == 0) return;
        // Two briefs of the same text share their tokens: those stay while an unchanged brief uses them.
        foreach (var (id, key) in keys)
        {
            if (changed.Contains(key) && !edit.Documents.ContainsKey(state.Site.Briefs[id].Source.RelativePath)) changed.Remove(key);
        }
        foreach (var key in changed) cache.Tokens.TryRemove(key, out _);
    }

    /// <summary>Gives up before the state was made: the output check is no longer needed.</summary>
    private static BuildResult? Abandon(Task<bool> outputMatches)
    {
        outputMatches.Wait();
        return null;
    }

    /// <summary>
    /// The snapshot of a build just committed, or null when one cannot be made (a brief whose search tokens were not
    /// kept, a document the cache no longer holds as loaded).
    /// </summary>
    public static BuildSnapshot? Capture(
        IncrementalSession incremental, BuildOptions options, LoadedSite loaded, SiteModel site, SearchIndexBuilder search,
        IReadOnlyList<RenderedBrief> rendered, PublishedAssets assets, IReadOnlyDictionary<string, string> layoutKeys,
        IReadOnlyList<Diagnostic> diagnostics)
    {
        if (incremental.Cache is not { } cache || incremental.Inputs is not { } inputs
            || cache.Manifest(incremental.OutputDirectory) is not { } manifest)
            return null;
        var documents = ImmutableArray.CreateBuilder<(string, string)>(loaded.Documents.Length);
        foreach (var document in loaded.Documents)
        {
            if (!cache.Documents.TryGetValue(document.RelativePath, out var entry) || !ReferenceEquals(entry.Document, document)) return null;
            documents.Add((document.RelativePath, entry.Hash));
        }
        var keys = new UInt128[site.Briefs.Length];
        var seen = 0;
        foreach (var (id, key) in search.TextKeys())
        {
            if (id < 0 || id >= keys.Length || key == UInt128.Zero) return null;
            keys[id] = key;
            seen++;
        }
        if (seen != keys.Length) return null;
        var counts = incremental.Loads;
        return new BuildSnapshot
        {
            Context = incremental.Context,
            OptionsKey = SnapshotChecks.OptionsKey(options),
            ThemeKey = inputs.Theme,
            SettingsKey = SnapshotChecks.SettingsKey(counts.SettingsText),
            StaticFiles = loaded.StaticFiles,
            HostFilesKey = inputs.HostFiles,
            ManifestKey = BuildSnapshot.KeyOf(manifest),
            Documents = documents.MoveToImmutable(),
            EntityTexts = [.. counts.EntityTexts],
            Briefs = [.. site.Briefs.Select(b => new SnapshotBrief(b.Source.RelativePath, keys[b.Id], rendered[b.Id]?.WordCount ?? 0))],
            Assets = assets,
            LayoutKeys = layoutKeys.ToImmutableSortedDictionary(StringComparer.Ordinal),
            Diagnostics = [.. diagnostics],
        };
    }

    /// <summary>The previous build's state, made from the snapshot and the cache; null when the cache lacks part of it.</summary>
    private static RestoredState? Restore(
        BuildOptions options, IncrementalSession incremental, ThemeFiles theme, LoadedSite loaded, BuildSnapshot snapshot,
        IReadOnlyDictionary<string, string> layoutKeys)
    {
        var modelDiagnostics = new DiagnosticBag();
        var site = SiteAssembler.Assemble(loaded,
            new AssemblyOptions(options.IncludeDrafts, options.IncludeFuture, options.Now, options.Strict), modelDiagnostics,
            AssemblyMemo.Empty, out var assembly);
        // The same briefs in the same order: nothing but the edit (not the clock, say) moved them.
        if (modelDiagnostics.HasErrors || site.Briefs.Length != snapshot.Briefs.Length
            || !site.Briefs.Select(b => b.Source.RelativePath).SequenceEqual(snapshot.Briefs.Select(b => b.Source), StringComparer.Ordinal))
            return null;
        if (LayoutSet.Load(theme, new DiagnosticBag()) is not { } layouts) return null;
        var views = new ViewFactory(site);
        var templates = new TemplateRunner(layouts);
        var state = Assemble(options, incremental, theme, loaded, snapshot, layoutKeys, site, views, templates, modelDiagnostics, assembly, out var search);
        return new RestoredState(state, search);
    }

    /// <summary>
    /// The previous build's state, its search index still being restored: <see cref="SearchRestored"/> says whether
    /// every brief's tokens were kept. The state is not disposed (nor its search index read) before the restore ends.
    /// </summary>
    private sealed record RestoredState(LiveState State, Task<bool> SearchRestored)
    {
        /// <summary>Waits for the search index (an exception there is the build's), then disposes the state.</summary>
        public void Dispose()
        {
            Task.WhenAny(SearchRestored).Wait();
            State.Dispose();
        }
    }

    /// <summary>Puts every brief's search document back from the kept tokens; false when some brief's tokens are not kept.</summary>
    private static bool RestoreSearch(
        BuildOptions options, SiteModel site, ViewFactory views, BuildSnapshot snapshot, SearchIndexBuilder search, ITokenMemo? memo)
    {
        var restored = 0;
        Parallel.For(0, site.Briefs.Length, new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelism }, id =>
        {
            var brief = site.Briefs[id];
            var document = BriefPageRenderer.SearchDocumentOf(site, brief, views.TermLinks(brief, TaxonomyKind.Companies),
                views.TermLinks(brief, TaxonomyKind.People), views.TermLinks(brief, TaxonomyKind.Topics), "");
            if (search.TryRestore(document, snapshot.Briefs[id].TextKey)) Interlocked.Increment(ref restored);
        });
        if (restored != site.Briefs.Length) return false;
        // Noted from one thread once all are restored: noting each from every core had them wait on the record's locks.
        memo?.MarkUsed(snapshot.Briefs.Select(b => b.TextKey));
        search.SetEntities(TaxonomyKinds.All.SelectMany(k => site[k].ByName.Select(t => new SearchEntity(k.Singular(), t.Name, t.Path, t.Count))));
        // Here, beside the planning, rather than at the write, which every edit that reaches the index waits for.
        search.SortTables();
        return true;
    }

    private static LiveState Assemble(
        BuildOptions options, IncrementalSession incremental, ThemeFiles theme, LoadedSite loaded, BuildSnapshot snapshot,
        IReadOnlyDictionary<string, string> layoutKeys, SiteModel site, ViewFactory views, TemplateRunner templates,
        DiagnosticBag modelDiagnostics, AssemblyMemo? assembly, out Task<bool> searchRestored)
    {
        var assets = snapshot.Assets;
        var markdown = incremental.BodyRenderer(site, views.Urls.BasePath, assets.Files, new Minifier(options.Minify));
        var memo = incremental.Tokens();
        var search = new SearchIndexBuilder { Memo = memo };
        // Nothing needs the search index until the rebuild, after the edit is found and planned: it is restored from the
        // kept tokens meanwhile, beside them (a tenth of a second of processor time at 10,000 briefs).
        searchRestored = Task.Run(() => RestoreSearch(options, site, views, snapshot, search, memo));
        var rendered = new RenderedBrief[site.Briefs.Length];
        for (var id = 0; id < rendered.Length; id++) rendered[id] = new RenderedBrief(id, null, snapshot.Briefs[id].WordCount);
        // Feeds carry the bodies of the briefs they show: those come from the kept bodies (rendered only if one is missing),
        // when a feed the edit rewrites first reads one: the entities' feeds show most briefs, an edit rewrites a few feeds.
        var siteRoot = views.Urls.Permalink("/");
        foreach (var id in FeedRenderer.BriefsInFeeds(site))
        {
            var source = site.Briefs[id].Source;
            rendered[id] = RenderedBrief.Later(id,
                () => FeedHtml.Absolute(markdown.Render(source.BodySource, source.RelativePath, source.BodyFirstLine, new DiagnosticBag()).Html, siteRoot),
                snapshot.Briefs[id].WordCount, linksAbsolute: true);
        }
        return new LiveState
        {
            Loaded = loaded, Site = site, Views = views, SiteView = SiteViews.Create(site, views.Urls, assets), Templates = templates,
            Markdown = markdown, Search = search, Rendered = rendered, Assets = assets, LayoutKeys = layoutKeys,
            Diagnostics = snapshot.Diagnostics, ModelDiagnostics = modelDiagnostics.Sorted().ToFrozenSet(), Assembly = assembly,
            BriefIdsBySource = LiveState.BriefIdsOf(site),
            Social = SiteBuild.SocialImagesFor(site, theme, new DiagnosticBag()),
        };
    }

}

/// <summary>What a build read of the theme and the host files before loading, for its snapshot.</summary>
internal sealed record InputKeys(string Theme, string HostFiles);
