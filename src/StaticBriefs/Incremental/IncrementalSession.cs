using System.Globalization;
using StaticBriefs.Building;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Output;
using StaticBriefs.Rendering.Html;
using StaticBriefs.Rendering.Markdown;
using StaticBriefs.Rendering.Markdown.EntityLinks;
using StaticBriefs.Rendering.Theme;

namespace StaticBriefs.Incremental;

/// <summary>
/// The incremental side of one build, so <see cref="SiteBuild"/> only asks it at each stage: load documents, render
/// bodies, write pages, commit. Without a cache it behaves exactly like a plain build and only counts.
/// </summary>
internal sealed class IncrementalSession
{
    private readonly BuildCache? _cache;
    private readonly BuildOptions _options;
    private readonly OutputFolder _output;
    private readonly string _outputDirectory;
    private readonly string _context;
    private readonly LoadCounts _loads = new();
    private MarkdownMemo? _markdown;
    private PageMemoSink? _sink;
    private IReadOnlyDictionary<string, string>? _layoutKeys;

    public IncrementalSession(BuildOptions options, OutputFolder output)
    {
        _options = options;
        _output = output;
        _cache = options.Cache ?? (options.UseCache ? new BuildCache(options.CacheDirectory ?? BuildCache.DefaultDirectory(options.InputDirectory)) : null);
        _outputDirectory = Path.GetFullPath(options.OutputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        _context = ContentHash.Of(GeneratorKey.Value, options.Minify ? "minify" : "plain");
    }

    /// <summary>What every output file of this build depends on besides its own inputs (generator, minify).</summary>
    public string Context => _context;

    /// <summary>The build's cache, or null without one.</summary>
    public BuildCache? Cache => _cache;

    /// <summary>The output folder as the cache names it.</summary>
    public string OutputDirectory => _outputDirectory;

    /// <summary>What the load read (counts, settings and entity texts).</summary>
    public LoadCounts Loads => _loads;

    /// <summary>The theme and host files as read before the load, when a snapshot may be kept (<see cref="CachedRebuild"/>).</summary>
    public InputKeys? Inputs { get; set; }

    /// <summary>
    /// Keeps the snapshot of a committed build without preview, so the next cached build can plan from it
    /// (<see cref="CachedRebuild"/>).
    /// </summary>
    public void RememberBuild(
        BuildOptions options, LoadedSite loaded, SiteModel site, Search.SearchIndexBuilder search, IReadOnlyList<Rendering.RenderedBrief> rendered,
        Rendering.Theme.PublishedAssets assets, IReadOnlyList<Diagnostic> diagnostics)
    {
        if (_cache is null || _layoutKeys is null || options.Live is not null) return;
        if (CachedRebuild.Capture(this, options, loaded, site, search, rendered, assets, _layoutKeys, diagnostics) is { } snapshot)
            _cache.RememberSnapshot(_outputDirectory, snapshot);
    }

    /// <summary>The layout fingerprints pages are made with (null without a cache).</summary>
    public IReadOnlyDictionary<string, string>? LayoutKeys => _layoutKeys;

    public LoadedSite Load(DiagnosticBag diagnostics)
    {
        if (_cache is not null) return CachedSiteLoader.Load(_options.InputDirectory, _cache, diagnostics, _loads, _options.SettingsFile);
        // Without a cache or preview each body is rendered once, so it is read again then rather than kept from here.
        var loaded = SiteLoader.Load(_options.InputDirectory, diagnostics, _options.SettingsFile, keepBodies: _options.Live is not null);
        _loads.Parsed = loaded.Documents.Length;
        return loaded;
    }

    /// <summary>
    /// The body renderer for <paramref name="site"/>: its links, its entity names when it links them, and this
    /// session's memo of rendered bodies. A full build, preview's rebuild and a cached build's restore all make it here.
    /// </summary>
    public MarkdownRenderer BodyRenderer(
        SiteModel site, string basePath, IEnumerable<string> assetFiles, Minifier minifier, WorkMeter? meter = null, LinkContext? previousLinks = null)
    {
        var matcher = site.Settings.AutoLinkEntities ? EntityMatcher.ForSite(site) : null;
        return new MarkdownRenderer(
            MarkdownPipelineFactory.Create(new MarkdownOptions(site.Settings.AllowHtml), matcher),
            LinkContext.ForSite(site, basePath, assetFiles, previousLinks),
            Markdown(site, matcher, basePath),
            minifier,
            meter);
    }

    /// <summary>The markdown memo for this site, or null without a cache.</summary>
    public IMarkdownMemo? Markdown(SiteModel site, EntityMatcher? matcher, string basePath)
    {
        if (_cache is null) return null;
        // Link settings that decide an answer without a look-up (paths another site serves, how broken links are
        // reported) are part of the key; everything else a body asks about the site is recorded and replayed. The
        // build's context brings the generator and minifying (bodies are minified or not as the build is).
        var contextKey = ContentHash.Of(_context, basePath,
            site.Settings.AllowHtml.ToString(CultureInfo.InvariantCulture), (matcher is not null).ToString(CultureInfo.InvariantCulture),
            string.Join('\n', site.Settings.ExternalPaths), site.Settings.BrokenLinks.ToString());
        // Spellings are kept apart from the key: a new entity changes them, yet only bodies containing its name
        // can link differently (MarkdownMemo checks that), so the others are still valid.
        var spellings = matcher?.Spellings ?? [];
        var parts = new List<string?>(2 * spellings.Count);
        foreach (var (spelling, path) in spellings)
        {
            parts.Add(spelling);
            parts.Add(path);
        }
        var spellingsKey = ContentHash.Of([.. parts]);
        _cache.RememberSpellings(spellingsKey, spellings);
        _cache.MarkdownUsed.Clear();
        return _markdown = new MarkdownMemo(_cache, contextKey, spellingsKey, spellings);
    }

    /// <summary>The search tokens kept in the cache, or null without one.</summary>
    public Search.ITokenMemo? Tokens() => _cache is null ? null : new TokenMemo(_cache);

    /// <summary>The sink pages and generated files go through.</summary>
    public PageMemoSink Sink(StagingOutput staging, ThemeFiles theme)
    {
        var previous = _cache?.Manifest(_outputDirectory) is { } manifest && manifest.Context == _context ? manifest : null;
        _layoutKeys = _cache is null ? null : Incremental.LayoutKeys.Compute(theme);
        // Nothing can be kept from the output: the whole site is staged and swapped in.
        if (previous is null) _output.StartScan();
        return _sink = new PageMemoSink(staging, _output, previous, _layoutKeys);
    }

    /// <summary>Commits the build into the output folder; false (with an SB023 error) when the file system refused.</summary>
    public bool Commit(StagingOutput staging, DiagnosticBag diagnostics)
    {
        if (_cache is null || _sink is null) return _output.Commit(staging, null, diagnostics);
        var manifest = OutputPatcher.Commit(_sink, _cache, _output, _outputDirectory, _context, diagnostics);
        if (manifest is null) return false;
        _cache.Committed(_outputDirectory, manifest);
        return true;
    }

    /// <summary>Adds this build's counts to its result.</summary>
    public BuildResult Annotate(BuildResult result) => result with
    {
        PagesRendered = _sink?.PagesRendered ?? 0,
        PagesReused = _sink?.PagesReused ?? 0,
        DocumentsParsed = _loads.Parsed,
        DocumentsReused = _loads.Reused,
        BodiesRendered = _markdown?.Rendered ?? 0,
        BodiesReused = _markdown?.Reused ?? 0,
    };
}
