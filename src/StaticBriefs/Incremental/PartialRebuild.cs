using System.Collections.Frozen;
using StaticBriefs.Building;
using StaticBriefs.Diagnostics;
using StaticBriefs.Model;
using StaticBriefs.Output;
using StaticBriefs.Rendering;
using StaticBriefs.Rendering.Feeds;
using StaticBriefs.Rendering.Markdown;
using StaticBriefs.Rendering.Relations;
using StaticBriefs.Rendering.Views;
using StaticBriefs.Search;

namespace StaticBriefs.Incremental;

/// <summary>
/// Renders an <see cref="EditPlan"/> into a staging folder and patches the output with it: the pages the plan names
/// (each still kept when its fingerprint shows no change), the relation files, feeds, sitemap and search index, and the
/// removal of files the site no longer makes. Nothing outside the plan is looked at.
/// </summary>
internal sealed class PartialRebuild(
    BuildOptions options, string context, OutputFolder output, string outputDirectory, OutputManifest previous, StageClock clock)
{
    /// <summary>
    /// Folders a partial rebuild writes out whole, so files it no longer makes there are stale (when the index was not
    /// compared with its last write, which names its stale files itself).
    /// </summary>
    private static readonly string[] RegeneratedFolders = ["search/shards/"];

    /// <summary>
    /// Files to stage besides the plan's, made from the new site and its views: a cached build copies the theme's
    /// assets and the static files again, as a full build does, since the manifest cannot tell a hand edit of them.
    /// </summary>
    public Action<StagingOutput, SiteModel, ViewFactory, DiagnosticBag>? Restage { get; init; }

    /// <summary>
    /// With --clean-output, remove foreign entries too (a walk of the whole folder): a cached build does, as the full
    /// build it stands for would; preview leaves them to its next whole build.
    /// </summary>
    public bool CleanForeign { get; init; }

    /// <summary>True when every file of the previous manifest was checked to stand as recorded (see <see cref="PageMemoSink.PreviousChecked"/>).</summary>
    public bool PreviousChecked { get; init; }

    /// <summary>
    /// The caller writes the cache once the rebuild returns (a cached build, beside the snapshot it takes then); the
    /// rebuild only hands the cache its new manifest.
    /// </summary>
    public bool CallerSaves { get; init; }

    /// <summary>Run once everything is rendered and staged, just before the commit (a cached build starts saving the cache's entries).</summary>
    public Action? BeforeCommit { get; init; }

    /// <summary>Runs the plan; <paramref name="next"/> is the state to keep, or null when the build failed.</summary>
    public BuildResult Run(LiveState state, SiteEdit edit, PlannedEdit planned, out LiveState? next)
    {
        var (site, views, siteView, markdown, plan, modelDiagnostics) =
            (planned.Site, planned.Views, planned.SiteView, planned.Markdown, planned.Plan, planned.ModelDiagnostics);
        next = null;
        var cache = options.Cache!;
        var scope = plan.Scope;
        var diagnostics = new DiagnosticBag();
        foreach (var entry in edit.Documents.Values)
        {
            foreach (var warning in entry?.Warnings ?? []) diagnostics.Add(warning);
        }
        foreach (var diagnostic in modelDiagnostics) diagnostics.Add(diagnostic);

        using var staging = output.CreateStaging(diagnostics);
        if (staging is null) return Failed(diagnostics, site, views);
        var sink = new PageMemoSink(staging, output, previous, state.LayoutKeys, state.Hasher) { PreviousChecked = PreviousChecked };
        Restage?.Invoke(staging, site, views, diagnostics);
        // Counted before the commit, which turns the previous manifest into the new one.
        var pagesBefore = state.HtmlFiles ?? previous.Files.Keys.Count(IsHtml);
        var rendered = Remap(state.Rendered, plan.NewIds, site.Briefs.Length);
        var search = plan.ContentOnly ? state.Search : state.Search.Renumbered(plan.NewIds);
        clock.Time("render briefs", () =>
            new BriefPageRenderer(site, views, siteView, state.Templates, markdown, sink, search, diagnostics) { Social = state.Social }
                .RenderSome(scope.Briefs, rendered, options.MaxParallelism));
        var layout = SearchIndexLayout.ForSite(options.VersionSearchIndex, site.Settings.SearchDocsPerFile);
        var earlierVersions = layout.Versioned ? VersionFolders(previous) : [];
        // Nothing the index is made from changed (no brief, no entity data: the model is the last one with no source
        // swapped): its files, checked unchanged with the rest of the output, stand as they are. Making it again to find
        // that out was a cached build's largest stage when nothing changed (a versioned index is made whole in memory).
        var indexStands = plan.ContentOnly && edit.Documents.Count == 0 && !edit.EntitiesChanged;
        // The index needs the brief pages' search documents and nothing the listings, relations or feeds make, and it
        // is one thread: it runs beside them, on the core their workers leave idle (an add dated mid-site: listings
        // use about 1.6 of 2 cores for 115 ms, feeds one core for 20 ms, the index one core for 80 ms).
        var index = indexStands ? null : clock.Beside("search index", () =>
        {
            if (!plan.ContentOnly)
                search.SetEntities(TaxonomyKinds.All.SelectMany(k => site[k].ByName.Select(t => new SearchEntity(k.Singular(), t.Name, t.Path, t.Count))));
            var stats = search.Write(sink, layout, plan.ContentOnly ? scope.Briefs : null, earlierVersions is [var earlier] ? earlier : null);
            // A versioned index moved to a new folder, which _headers names.
            if (layout.Versioned) HostHeaders.Write(sink, state.Assets, stats.Root, site, diagnostics);
            return stats.Stale;
        });
        var sitemap = state.Sitemap;
        try
        {
            clock.Time("render listings", () =>
                new ListingRenderer(site, views, siteView, state.Templates, markdown, sink, diagnostics).RenderSome(scope, options.MaxParallelism));
            clock.Time("relations", () =>
                new RelationPageRenderer(site, views, siteView, state.Templates, sink, diagnostics).RenderSome(scope, options.MaxParallelism));
            clock.Time("feeds", () =>
            {
                new FeedRenderer(site, views, sink).RenderSome(rendered, scope, options.MaxParallelism);
                if (scope.Sitemap) sitemap = SitemapWriter.Write(site, views.Urls, sink, state.Sitemap);
            });
        }
        finally
        {
            // Even when a stage beside it failed, the index must stop writing before the staging folder is thrown away.
            if (index is not null) Task.WhenAny(index).Wait();
        }
        var staleIndexFiles = index?.GetAwaiter().GetResult();

        var sorted = Merged(state, edit, diagnostics);
        if (diagnostics.HasErrors) return Failed(sorted, site, views);
        var removed = plan.Removed.Concat(staleIndexFiles ?? []).Where(f => previous.Files.ContainsKey(f) && !sink.Written.ContainsKey(f)).ToList();
        // Before the commit turns the previous manifest into the new one: pages made that were not there, and pages gone.
        var pagesAfter = pagesBefore + sink.Written.Keys.Count(f => IsHtml(f) && !previous.Files.ContainsKey(f)) - removed.Count(IsHtml);
        // Foreign entries (--clean-output, preview's own folder) are cleaned by whole builds: finding them means walking
        // every folder of the output, 250 ms at 10,000 briefs, on every edit, for files nobody should put there.
        BeforeCommit?.Invoke();
        var manifest = clock.Time("commit", () => OutputPatcher.CommitPartial(sink, cache, output, outputDirectory, context,
            indexStands ? [] : layout.Versioned ? earlierVersions : staleIndexFiles is null ? RegeneratedFolders : [], removed, diagnostics, CleanForeign));
        // Nothing changed in the output folder when the commit failed; the state no longer matches it either way.
        if (manifest is null) return Failed(diagnostics.Sorted(), site, views);
        if (CallerSaves) cache.CommittedPartial(outputDirectory, manifest, save: false);
        else clock.Time("save cache", () => cache.CommittedPartial(outputDirectory, manifest));
        next = state with
        {
            Loaded = edit.Loaded,
            Site = site,
            Views = views,
            SiteView = siteView,
            Markdown = markdown,
            Search = search,
            Rendered = rendered,
            Diagnostics = sorted,
            ModelDiagnostics = modelDiagnostics.ToFrozenSet(),
            BriefIdsBySource = plan.BriefIds,
            Sitemap = sitemap,
            HtmlFiles = pagesAfter,
            Hasher = sink.Carried(),
        };
        return new BuildResult(sorted, true, site.Briefs.Length, sink.Written.Count, clock.Timings)
        {
            PagesRendered = sink.PagesRendered,
            // Pages outside the plan were not even looked at: they count as unchanged, as the message says.
            PagesReused = pagesBefore - sink.PagesRendered,
            DocumentsParsed = edit.Documents.Values.Count(d => d is not null),
            DocumentsReused = edit.Loaded.Documents.Length - edit.Documents.Values.Count(d => d is not null),
        };
    }

    private static bool IsHtml(string file) => file.EndsWith(".html", StringComparison.Ordinal);

    private BuildResult Failed(IEnumerable<Diagnostic> diagnostics, SiteModel site, ViewFactory views)
    {
        views.Dispose();
        var bag = new DiagnosticBag();
        foreach (var diagnostic in diagnostics) bag.Add(diagnostic);
        return new BuildResult(bag.Sorted(), false, site.Briefs.Length, 0, clock.Timings);
    }

    private BuildResult Failed(DiagnosticBag diagnostics, SiteModel site, ViewFactory views) => Failed(diagnostics.Sorted(), site, views);

    /// <summary>
    /// The build's diagnostics: the last build's, less those of the changed files and of the old model, plus this
    /// rebuild's (the changed files' warnings, the new model's, and what rendering found).
    /// </summary>
    private static IReadOnlyList<Diagnostic> Merged(LiveState state, SiteEdit edit, DiagnosticBag diagnostics)
    {
        var merged = new DiagnosticBag();
        foreach (var diagnostic in state.Diagnostics)
        {
            if (!edit.Documents.ContainsKey(diagnostic.File) && !state.ModelDiagnostics.Contains(diagnostic)) merged.Add(diagnostic);
        }
        foreach (var diagnostic in diagnostics.Sorted()) merged.Add(diagnostic);
        return [.. merged.Sorted().Distinct()];
    }

    /// <summary>The rendered briefs under their new ids; a slot stays empty until its brief is rendered.</summary>
    private static RenderedBrief[] Remap(RenderedBrief[] before, IReadOnlyDictionary<int, int> newIds, int count)
    {
        var after = new RenderedBrief[count];
        foreach (var (old, now) in newIds) after[now] = before[old] with { Id = now };
        return after;
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
}
