using StaticBriefs.Diagnostics;
using StaticBriefs.Incremental;
using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Output;
using StaticBriefs.Rendering;
using StaticBriefs.Rendering.Feeds;
using StaticBriefs.Rendering.Markdown;
using StaticBriefs.Rendering.Markdown.EntityLinks;
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
    /// <summary>Runs a whole build.</summary>
    public static BuildResult Run(BuildOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var clock = new StageClock();
        if (!Directory.Exists(options.InputDirectory))
        {
            diagnostics.Error(options.InputDirectory, 0, DiagnosticCodes.IoError,
                "input folder not found; run from the site's folder or pass --input DIR");
            return new BuildResult(diagnostics.Sorted(), false, 0, 0, []);
        }
        var theme = new ThemeFiles(options.ThemeDirectory, Path.Combine(options.InputDirectory, "_theme"));
        var incremental = new IncrementalSession(options);

        var loaded = clock.Time("load", () => incremental.Load(diagnostics));
        if (options.BaseUrl is { } baseUrl && SiteSettingsLoader.ParseBaseUrl(baseUrl, 0, diagnostics) is { } url)
            loaded = loaded with { Settings = loaded.Settings with { BaseUrl = url } };
        var site = clock.Time("model", () => SiteAssembler.Assemble(loaded,
            new AssemblyOptions(options.IncludeDrafts, options.IncludeFuture, options.Now, options.Strict), diagnostics));
        var layouts = clock.Time("theme", () => LayoutSet.Load(theme, diagnostics));
        // Earlier errors do not stop here: rendering checks every body's links, and one run should report every
        // problem. Pages still go only to the staging folder, which is thrown away below when anything failed.
        if (layouts is null)
            return incremental.Annotate(new BuildResult(diagnostics.Sorted(), false, site.Briefs.Length, 0, clock.Timings));

        StagingOutput.CleanLeftovers(options.OutputDirectory, diagnostics);
        var meter = new WorkMeter();
        using var output = new StagingOutput(options.OutputDirectory, meter);
        using var templates = new TemplateRunner(layouts, meter);
        // Pages, feeds and the search index go through the incremental sink; assets and static files are copied as is.
        var sink = incremental.Sink(output, theme);
        using var views = new ViewFactory(site);
        var minifier = new Minifier(options.Minify);
        var assets = clock.Time("assets", () => AssetPublisher.Publish(theme, minifier, output));
        var siteView = SiteViews.Create(site, views.Urls, assets);
        var matcher = site.Settings.AutoLinkEntities ? EntityMatcher.ForSite(site) : null;
        var markdown = new MarkdownRenderer(
            MarkdownPipelineFactory.Create(new MarkdownOptions(site.Settings.AllowHtml), matcher),
            new LinkContext(views.Urls.BasePath, site.KnownPaths, site.PathsBySource, site.StaticFiles.ToHashSet(StringComparer.Ordinal)),
            incremental.Markdown(site, matcher, views.Urls.BasePath),
            minifier,
            meter);
        var search = new SearchIndexBuilder();

        var rendered = clock.Time("render briefs", () =>
            new BriefPageRenderer(site, views, siteView, templates, markdown, sink, search, diagnostics).RenderAll(options.MaxParallelism));
        clock.Time("render listings", () =>
            new ListingRenderer(site, views, siteView, templates, markdown, sink, diagnostics).RenderAll(options.MaxParallelism));
        clock.Time("feeds", () =>
        {
            new FeedRenderer(site, views, sink).RenderAll(rendered, options.MaxParallelism);
            sink.WriteText("sitemap.xml", SitemapWriter.Sitemap(site, views.Urls));
            sink.WriteText("robots.txt", SitemapWriter.Robots(views.Urls));
        });
        clock.Time("search index", () => search.Write(sink));
        clock.Time("static files", () =>
        {
            foreach (var file in site.StaticFiles) output.CopyFile(Path.Combine(options.InputDirectory, file), file);
        });

        if (diagnostics.HasErrors)
            return incremental.Annotate(new BuildResult(diagnostics.Sorted(), false, site.Briefs.Length, 0, clock.Timings));
        clock.Time("commit", () => incremental.Commit(output));
        return incremental.Annotate(new BuildResult(diagnostics.Sorted(), true, site.Briefs.Length, output.FileCount + sink.Kept.Count, clock.Timings)
        {
            Work = meter.Totals(),
        });
    }
}
