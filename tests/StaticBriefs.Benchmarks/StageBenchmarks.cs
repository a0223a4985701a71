using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using StaticBriefs.Benchmarks.Corpus;
using StaticBriefs.Building;
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

/// <summary>
/// BenchmarkDotNet over the build's stages on a generated corpus (1,000 briefs unless <c>--briefs N</c>).
/// Every stage but load and the whole build runs on one thread, so its figure is the work per core that the
/// build's parallel loops share out; the whole build shows what the parallelism actually achieves.
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks : IDisposable
{
    // BenchmarkDotNet runs each benchmark in a child process it starts itself; the corpus size reaches it through
    // the environment, which child processes inherit.
    private const string BriefsVariable = "SB_BENCH_BRIEFS";

    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private string _work = "", _input = "", _theme = "";
    private LoadedSite _loaded = null!;
    private SiteModel _site = null!;
    private TemplateRunner _templates = null!;
    private ViewFactory _views = null!;
    private SiteView _siteView = null!;
    private MarkdownRenderer _markdown = null!;
    private RenderedMarkdown[] _bodies = [];
    private SearchDocument[] _searchDocuments = [];
    private readonly Minifier _minifier = new(true);

    /// <summary>Entry point for <c>stages-bdn [--briefs N] [BenchmarkDotNet args]</c>.</summary>
    public static int Run(string[] args)
    {
        var briefs = BenchArgs.Int(args, "--briefs", 1000);
        Environment.SetEnvironmentVariable(BriefsVariable, briefs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var at = Array.IndexOf(args, "--briefs");
        var rest = at >= 0 ? [.. args[..at], .. args[(at + 2)..]] : args;
        var summaries = BenchmarkSwitcher.FromTypes([typeof(StageBenchmarks), typeof(Highlighting.HighlighterBenchmarks)]).Run(rest);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    /// <summary>Generates the corpus and computes each stage's input once, from the stage before it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable(BriefsVariable), out var n) ? n : 1000;
        _work = Path.Combine(Path.GetTempPath(), "sb-stages-" + Guid.NewGuid().ToString("N")[..8]);
        _input = Path.Combine(_work, "input");
        _theme = Path.Combine(BenchArgs.RepoRoot(), "theme");
        CorpusGenerator.Write(_input, count);

        var diagnostics = new DiagnosticBag();
        _loaded = SiteLoader.Load(_input, diagnostics);
        _site = Assemble();
        var layouts = LayoutSet.Load(ThemeFiles.ForSite(_theme, Path.Combine(_input, "_theme"), diagnostics), diagnostics)
            ?? throw new InvalidOperationException("theme did not load: " + string.Join('\n', diagnostics.Sorted()));
        _templates = new TemplateRunner(layouts);
        _views = new ViewFactory(_site);
        _siteView = SiteViews.Create(_site, _views.Urls, new PublishedAssets([], []));
        _markdown = new MarkdownRenderer(
            MarkdownPipelineFactory.Create(new MarkdownOptions(_site.Settings.AllowHtml), EntityMatcher.ForSite(_site)),
            new LinkContext(_views.Urls.BasePath, _site.KnownPaths, _site.PathsBySource, new HashSet<string>(StringComparer.Ordinal)));
        _bodies = RenderBodies(diagnostics);
        _searchDocuments = [.. _site.Briefs.Select(b => new SearchDocument(
            b.Id, b.Path, b.Source.Title, b.Source.Summary ?? "", b.Date,
            [.. b.Source.Companies.Select(t => t.Name)], [.. b.Source.People.Select(t => t.Name)], [.. b.Source.Topics.Select(t => t.Name)],
            _bodies[b.Id].PlainText))];
        if (diagnostics.HasErrors)
            throw new InvalidOperationException("generated corpus has errors:\n" + string.Join('\n', diagnostics.Sorted().Take(20)));
    }

    /// <summary>Removes the corpus and every build output.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        Dispose();
        Directory.Delete(_work, recursive: true);
    }

    /// <summary>Releases the template contexts and view caches made in <see cref="Setup"/>.</summary>
    public void Dispose()
    {
        _templates?.Dispose();
        _views?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Reads every file and parses its front matter (parallel, as in the build).</summary>
    [Benchmark]
    public int Load() => SiteLoader.Load(_input, new DiagnosticBag()).Documents.Length;

    /// <summary>Renders every brief body with the build's pipeline (entity links, link checks, plain text).</summary>
    [Benchmark]
    public int Markdown() => RenderBodies(new DiagnosticBag()).Length;

    /// <summary>Builds the site model: briefs, taxonomies, related lists.</summary>
    [Benchmark]
    public int Model() => Assemble().Briefs.Length;

    /// <summary>Brief pages from already rendered bodies: views and the brief layout, not minified.</summary>
    [Benchmark]
    public long Render()
    {
        var diagnostics = new DiagnosticBag();
        long length = 0;
        for (var i = 0; i < _bodies.Length; i++) length += RenderPage(i, diagnostics).Length;
        return length;
    }

    /// <summary>NUglify over every rendered markdown body, as the build minifies them (HTML fragments).</summary>
    [Benchmark]
    public long Minify()
    {
        long length = 0;
        foreach (var body in _bodies) length += _minifier.MinifyFragment(body.Html).Length;
        return length;
    }

    /// <summary>Tokenizes every brief into the search index and writes its shards to memory.</summary>
    [Benchmark]
    public long SearchIndex()
    {
        var search = new SearchIndexBuilder();
        foreach (var document in _searchDocuments) search.Add(document);
        var sink = new MemorySink();
        search.Write(sink);
        return sink.Bytes;
    }

    /// <summary>The whole build as the CLI runs it (minified, no cache), into a temporary folder.</summary>
    [Benchmark]
    public long WholeBuild()
    {
        var result = SiteBuild.Run(new BuildOptions
        {
            InputDirectory = _input, OutputDirectory = Path.Combine(_work, "output"), ThemeDirectory = _theme, Now = Now,
        });
        return result.HasErrors ? throw new InvalidOperationException("build failed") : result.Files;
    }

    private SiteModel Assemble() =>
        SiteAssembler.Assemble(_loaded, new AssemblyOptions(false, false, Now), new DiagnosticBag());

    private RenderedMarkdown[] RenderBodies(DiagnosticBag diagnostics)
    {
        var bodies = new RenderedMarkdown[_site.Briefs.Length];
        foreach (var brief in _site.Briefs)
            bodies[brief.Id] = _markdown.Render(brief.Source.Body, brief.Source.RelativePath, brief.Source.BodyFirstLine, diagnostics);
        return bodies;
    }

    /// <summary>The view a brief page is rendered from, built as <see cref="BriefPageRenderer"/> builds it.</summary>
    private string RenderPage(int id, DiagnosticBag diagnostics)
    {
        var brief = _site.Briefs[id];
        var source = brief.Source;
        var body = _bodies[id];
        var card = _views.Card(id) with { ReadingMinutes = body.ReadingMinutes };
        var permalink = _views.Urls.Permalink(brief.Path);
        var view = new BriefView
        {
            Card = card, Content = new TrustedHtml(body.Html), Toc = body.Toc, Sources = SourceLinkFilter.SafeSources(source, diagnostics),
            Previous = id + 1 < _site.Briefs.Length ? _views.Card(id + 1) : null, Next = id > 0 ? _views.Card(id - 1) : null,
            Related = _views.Related(brief), Extra = source.Extra,
        };
        var page = new PageView
        {
            Kind = "brief", Title = source.Title, Description = source.Summary ?? "", Url = card.Url, Permalink = permalink,
            OgType = "article", JsonLd = new TrustedHtml(JsonLd.Article(card, permalink, _site.Settings.Title, null)),
            Feeds = SiteFeeds.Links(_views.Urls, _site.Settings.Title),
        };
        return _templates.RenderPage("brief", PageGlobals.Create(_siteView, page, "brief", view), brief.Path, diagnostics)?.ToString() ?? "";
    }
}
