using System.Diagnostics;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Output;
using StaticBriefs.Rendering;
using StaticBriefs.Rendering.Html;
using StaticBriefs.Rendering.Markdown;
using StaticBriefs.Rendering.Markdown.EntityLinks;
using StaticBriefs.Rendering.Theme;
using StaticBriefs.Rendering.Views;
using StaticBriefs.Search;

namespace StaticBriefs.Benchmarks;

/// <summary>Times each per-brief step on one thread over a corpus, to show which step dominates.</summary>
internal static class StageProbe
{
    public static void Run(string input, string theme, int count)
    {
        var diagnostics = new DiagnosticBag();
        var loaded = SiteLoader.Load(input, diagnostics);
        var site = SiteAssembler.Assemble(loaded, new AssemblyOptions(false, true, DateTimeOffset.UtcNow), diagnostics);
        var files = ThemeFiles.ForSite(theme, Path.Combine(input, "_theme"), diagnostics);
        var layouts = LayoutSet.Load(files, diagnostics)!;
        using var templates = new TemplateRunner(layouts);
        using var views = new ViewFactory(site);
        var siteView = SiteViews.Create(site, views.Urls, new PublishedAssets([], []));
        var matcher = EntityMatcher.ForSite(site);
        var markdown = new MarkdownRenderer(MarkdownPipelineFactory.Create(new MarkdownOptions(false), matcher),
            new LinkContext("/", site.KnownPaths, site.PathsBySource, new HashSet<string>()));
        var minifier = new Minifier(true);
        var plainPipeline = MarkdownPipelineFactory.Create(new MarkdownOptions(false));
        var noEntities = new MarkdownRenderer(plainPipeline, new LinkContext("/", site.KnownPaths, site.PathsBySource, new HashSet<string>()));
        var search = new SearchIndexBuilder();
        var briefs = site.Briefs.Take(count).ToList();
        var times = new Dictionary<string, TimeSpan>();
        var allocated = new Dictionary<string, long>();
        void Time(string name, Action action)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            action();
            times[name] = times.GetValueOrDefault(name) + watch.Elapsed;
            allocated[name] = allocated.GetValueOrDefault(name) + GC.GetAllocatedBytesForCurrentThread() - before;
        }

        for (var round = 0; round < 2; round++)
        {
            times.Clear();
            allocated.Clear();
            foreach (var brief in briefs)
            {
                RenderedMarkdown? body = null;
                Time("markdown", () => body = markdown.Render(brief.Source.Body, brief.Source.RelativePath, 1, diagnostics));
                Time("md no-entities", () => noEntities.Render(brief.Source.Body, brief.Source.RelativePath, 1, diagnostics));
                Markdig.Syntax.MarkdownDocument? doc = null;
                Time("md parse", () => doc = Markdig.Markdown.Parse(brief.Source.Body, plainPipeline));
                Time("md doc.ToHtml", () => Markdig.Markdown.ToHtml(doc!, plainPipeline));
                Time("markdig only", () => Markdig.Markdown.ToHtml(brief.Source.Body, plainPipeline));
                IReadOnlyList<BriefCard>? related = null;
                Time("related", () => related = views.Related(brief));
                string? html = null;
                Time("template", () =>
                {
                    var view = new BriefView
                    {
                        Card = views.Card(brief.Id), Content = new TrustedHtml(body!.Html), Toc = body.Toc, Sources = brief.Source.Sources,
                        Related = related!, Extra = brief.Source.Extra,
                    };
                    var page = new PageView { Kind = "brief", Title = brief.Source.Title, Url = "/", Permalink = "/" };
                    html = templates.RenderPage("brief", PageGlobals.Create(siteView, page, "brief", view), brief.Path, diagnostics)?.ToString();
                });
                Time("template no-related", () =>
                {
                    var view = new BriefView
                    {
                        Card = views.Card(brief.Id), Content = new TrustedHtml(body!.Html), Toc = body.Toc, Sources = brief.Source.Sources,
                        Related = [], Extra = brief.Source.Extra,
                    };
                    var page = new PageView { Kind = "brief", Title = brief.Source.Title, Url = "/", Permalink = "/" };
                    templates.RenderPage("brief", PageGlobals.Create(siteView, page, "brief", view), brief.Path, diagnostics);
                });
                Time("minify page (NUglify)", () => NUglify.Uglify.Html(html!, new NUglify.Html.HtmlSettings { RemoveOptionalTags = false, RemoveAttributeQuotes = false, DecodeEntityCharacters = false }));
                Time("minify body (build)", () => minifier.MinifyFragment(body!.Html));
                Time("search add", () => search.Add(new SearchDocument(brief.Id, brief.Path, brief.Source.Title, "", brief.Date, [], [], [], body!.PlainText)));
            }
        }
        foreach (var (name, elapsed) in times)
            Console.WriteLine($"{name,-22} {elapsed.TotalMilliseconds / briefs.Count * 1000,8:F0} us/brief {allocated[name] / briefs.Count / 1024,8} KiB/brief");
    }
}
