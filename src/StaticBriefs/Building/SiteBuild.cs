using System.Collections.Frozen;
using StaticBriefs.Diagnostics;
using StaticBriefs.Incremental;
using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Output;
using StaticBriefs.Rendering;
using StaticBriefs.Rendering.Feeds;
using StaticBriefs.Rendering.Hosting;
using StaticBriefs.Rendering.Html;
using StaticBriefs.Rendering.Markdown;
using StaticBriefs.Rendering.Markdown.EntityLinks;
using StaticBriefs.Rendering.Relations;
using StaticBriefs.Rendering.Theme;
using StaticBriefs.Rendering.Views;
using StaticBriefs.Search;

namespace StaticBriefs.Building;

/// <summary>
/// One build, top to bottom: load -> assemble -> render -> index -> write. Every stage reports into one
/// diagnostic bag; any error means the staging folder is thrown away and <c>output/</c> stays as it was.
/// </summary>
public static class SiteBuild
{
    /// <summary>
    /// Runs a whole build. The output folder is checked, locked and recovered first (see <see cref="OutputFolder"/>);
    /// <paramref name="notices"/> hears about waiting for another build writing it.
    /// </summary>
    public static BuildResult Run(BuildOptions options, TextWriter? notices = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var diagnostics = new DiagnosticBag();
        if (!Directory.Exists(options.InputDirectory))
        {
            diagnostics.Error(options.InputDirectory, 0, DiagnosticCodes.IoError,
                "input folder not found; run from the site's folder or pass --input DIR");
            return new BuildResult(diagnostics.Sorted(), false, 0, 0, []);
        }
        using var output = OutputAccess.Open(options, notices, diagnostics, out var refused);
        if (output is null) return new BuildResult(diagnostics.Sorted(), false, 0, 0, []) { Refused = refused };
        return Run(options, output, diagnostics);
    }

    /// <summary>Runs a build into an output folder the caller holds open (preview keeps one across its rebuilds).</summary>
    internal static BuildResult Run(BuildOptions options, OutputFolder output) => Run(options, output, new DiagnosticBag());

    private static BuildResult Run(BuildOptions options, OutputFolder output, DiagnosticBag diagnostics)
    {
        var clock = new StageClock(options.Progress);
        var theme = ThemeFiles.ForSite(options.ThemeDirectory, Path.Combine(options.InputDirectory, "_theme"), diagnostics, options.InputDirectory);
        var incremental = new IncrementalSession(options, output);
        if (options.Live?.TryRebuild(options, incremental.Context, output) is { } partial) return partial;
        // A cached build plans from the last build's snapshot when it can; else it goes on with what it loaded.
        if (CachedRebuild.TryRun(options, incremental, output, theme, clock, diagnostics, out var loadedAlready) is { } planned) return planned;
        var search = options.Live?.ReleaseForFullBuild() ?? new SearchIndexBuilder { Memo = incremental.Tokens() };

        var loaded = loadedAlready ?? clock.Time("load", () => incremental.Load(diagnostics));
        if (options.BaseUrl is { } baseUrl && SiteSettingsLoader.ParseBaseUrl(baseUrl, 0, diagnostics, "--base-url") is { } url)
            loaded = loaded with { Settings = loaded.Settings with { BaseUrl = url } };
        else if (loaded.Settings.BaseUrl == SiteSettings.DefaultBaseUrl)
            diagnostics.Warning(options.SettingsFile ?? SiteSettingsLoader.FileName, 0, DiagnosticCodes.NoBaseUrl,
                "no base_url: the sitemap, feeds and social cards point to http://localhost/; set 'base_url: https://your.site/' in _site.yml or pass --base-url");
        // The model's own diagnostics are kept apart too: preview keeps them while it keeps the model.
        var modelDiagnostics = new DiagnosticBag();
        // Preview remembers what the model stage decided per document, for the assembly after its next edit.
        AssemblyMemo? assemblyMemo = null;
        var site = clock.Time("model", () => SiteAssembler.Assemble(loaded,
            new AssemblyOptions(options.IncludeDrafts, options.IncludeFuture, options.Now, options.Strict), modelDiagnostics,
            options.Live is null ? null : AssemblyMemo.Empty, out assemblyMemo));
        var modelFound = modelDiagnostics.Sorted();
        foreach (var diagnostic in modelFound) diagnostics.Add(diagnostic);
        var layouts = clock.Time("theme", () => LayoutSet.Load(theme, diagnostics));
        // Earlier errors do not stop here: rendering checks every body's links, and one run should report every
        // problem. Pages still go only to the staging folder, which is thrown away below when anything failed.
        if (layouts is null)
            return incremental.Annotate(new BuildResult(diagnostics.Sorted(), false, site.Briefs.Length, 0, clock.Timings));

        var meter = new WorkMeter();
        using var staging = output.CreateStaging(diagnostics, meter);
        if (staging is null)
            return incremental.Annotate(new BuildResult(diagnostics.Sorted(), false, site.Briefs.Length, 0, clock.Timings));
        options.Progress?.Publishing(site.Briefs.Length);
        options.Progress?.CountFiles(() => staging.FileCount);
        // Disposed here unless preview keeps them for its next rebuild (see LiveSession).
        var templates = new TemplateRunner(layouts, meter);
        var views = new ViewFactory(site);
        LiveState? live = null;
        try
        {
            var prepared = new Prepared(options, theme, incremental, loaded, site, modelFound, templates, views, search, meter, assemblyMemo);
            var result = RenderAndCommit(prepared, staging, clock, diagnostics, out live);
            if (live is not null) options.Live!.Capture(live);
            return result;
        }
        finally
        {
            if (live is null)
            {
                views.Dispose();
                templates.Dispose();
            }
        }
    }

    /// <summary>What the render stages start from.</summary>
    private sealed record Prepared(
        BuildOptions Options, ThemeFiles Theme, IncrementalSession Incremental, LoadedSite Loaded, SiteModel Site,
        IReadOnlyList<Diagnostic> ModelDiagnostics, TemplateRunner Templates, ViewFactory Views, SearchIndexBuilder Search,
        WorkMeter Meter, AssemblyMemo? Assembly);

    /// <summary>Render, index and write; <paramref name="live"/> is what preview keeps when it asked to.</summary>
    private static BuildResult RenderAndCommit(
        Prepared p, StagingOutput output, StageClock clock, DiagnosticBag diagnostics, out LiveState? live)
    {
        live = null;
        var (options, site, views, templates, incremental) = (p.Options, p.Site, p.Views, p.Templates, p.Incremental);
        // Pages, feeds and the search index go through the incremental sink; assets and static files are copied as is.
        var sink = incremental.Sink(output, p.Theme);
        var minifier = new Minifier(options.Minify);
        var assetCache = options.UseCache ? new MinifiedAssetCache(Path.Combine(options.CacheDirectory ?? BuildCache.DefaultDirectory(options.InputDirectory), "assets")) : null;
        var assets = clock.Time("assets", () => AssetPublisher.Publish(p.Theme, minifier, output, diagnostics, assetCache));
        OutputCollisions.ReportAssets(site, assets.Files, diagnostics);
        var siteView = SiteViews.Create(site, views.Urls, assets);
        var markdown = incremental.BodyRenderer(site, views.Urls.BasePath, assets.Files, minifier, p.Meter);
        var search = p.Search;
        var social = SocialImagesFor(site, p.Theme, diagnostics);

        var rendered = clock.Time("render briefs", () =>
            new BriefPageRenderer(site, views, siteView, templates, markdown, sink, search, diagnostics) { Social = social }.RenderAll(options.MaxParallelism));
        // Files whose front matter failed are not published, but their links are checked in the same run.
        FailedDocuments.CheckLinks(p.Loaded.Failed, markdown, diagnostics, options.MaxParallelism);
        clock.Time("render listings", () =>
            new ListingRenderer(site, views, siteView, templates, markdown, sink, diagnostics).RenderAll(options.MaxParallelism));
        clock.Time("relations", () =>
            new RelationPageRenderer(site, views, siteView, templates, sink, diagnostics).RenderAll(options.MaxParallelism));
        IReadOnlyList<SitemapSource>? sitemap = null;
        // The index and the feeds need nothing from each other. The index is one thread creating thousands of small
        // files, so it runs beside the feed workers rather than after them.
        clock.Time("feeds + search index", () =>
        {
            var layout = SearchIndexLayout.ForSite(options.VersionSearchIndex, site.Settings.SearchDocsPerFile);
            search.SetEntities(TaxonomyKinds.All.SelectMany(k => site[k].ByName.Select(t => new SearchEntity(k.Singular(), t.Name, t.Path, t.Count))));
            var index = Task.Run(() => search.Write(sink, layout));
            try
            {
                new FeedRenderer(site, views, sink).RenderAll(rendered, options.MaxParallelism);
                sitemap = SitemapWriter.Write(site, views.Urls, sink);
                RedirectPages.Write(site, views.Urls, assets.Styles, sink);
                sink.WriteText("robots.txt", SitemapWriter.Robots(views.Urls));
            }
            finally
            {
                // Even when the feeds fail, the index must stop writing before the staging folder is thrown away.
                Task.WhenAny(index).Wait();
            }
            var stats = index.GetAwaiter().GetResult();
            HostHeaders.Write(sink, assets, stats.Root, site, diagnostics);
        });
        clock.Time("static files", () =>
        {
            // After an error the build writes nothing, and a static file that collides with a generated page (a file
            // named 'companies') could not even be copied: what is wrong is already reported.
            if (diagnostics.HasErrors) return;
            StaticFiles.Publish(site, views.Urls, output, options.MaxParallelism);
        });

        if (diagnostics.HasErrors)
            return incremental.Annotate(new BuildResult(diagnostics.Sorted(), false, site.Briefs.Length, 0, clock.Timings));
        var committed = clock.Time("commit", () => incremental.Commit(output, diagnostics));
        var sorted = diagnostics.Sorted();
        if (!committed) return incremental.Annotate(new BuildResult(sorted, false, site.Briefs.Length, 0, clock.Timings));
        incremental.RememberBuild(options, p.Loaded, site, search, rendered, assets, sorted);
        if (options.Live is not null && incremental.LayoutKeys is { } layoutKeys)
        {
            live = new LiveState
            {
                Loaded = p.Loaded, Site = site, Views = views, SiteView = siteView, Templates = templates, Markdown = markdown,
                Search = search, Rendered = rendered, Social = social, LayoutKeys = layoutKeys, Diagnostics = sorted, Assets = assets,
                ModelDiagnostics = p.ModelDiagnostics.ToFrozenSet(), Assembly = p.Assembly, Sitemap = sitemap,
                BriefIdsBySource = LiveState.BriefIdsOf(site),
                Hasher = (sink as PageMemoSink)?.Carried(),
            };
        }
        var built = incremental.Annotate(new BuildResult(sorted, true, site.Briefs.Length, output.FileCount + sink.Kept.Count, clock.Timings)
        {
            Work = p.Meter.Totals(),
            Entities = [.. TaxonomyKinds.All.Select(kind => KeyValuePair.Create(kind.Key(), site[kind].ByName.Length))],
        });
        return built with { Pages = built.PagesRendered + built.PagesReused };
    }

    /// <summary>The social card drawer, unless the site turned cards off (<c>social_images: false</c>).</summary>
    internal static Rendering.Social.SocialImages? SocialImagesFor(SiteModel site, ThemeFiles theme, DiagnosticBag diagnostics) =>
        site.Settings.SocialImages && site.Briefs.Length > 0 && Rendering.Social.SocialCardRenderer.Create(theme, diagnostics) is { } renderer
            ? new Rendering.Social.SocialImages(renderer, site.Settings.Title)
            : null;
}
