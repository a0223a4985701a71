using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StaticBriefs.Benchmarks.Corpus;
using StaticBriefs.Building;
using StaticBriefs.Preview;

namespace StaticBriefs.Browser.Tests.Support;

/// <summary>
/// Builds the benchmarks' seeded 10,000-brief corpus once (companies, people and topics named in hundreds of briefs,
/// seven years of archive), hosted under <c>/briefs-site/</c> with the product's own server, and opens one headless
/// Chromium for it. Social card images are turned off: they are PNGs, not HTML, and drawing 10,000 of them would
/// make this fixture several times slower and half a gigabyte larger; with cards on, a brief page only gains its
/// <c>og:image</c> meta tags.
/// </summary>
public sealed partial class LargeSiteFixture : IAsyncLifetime
{
    public const int Briefs = 10_000;
    public const string Prefix = "/briefs-site/";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sb-browser-10k-" + Guid.NewGuid().ToString("N")[..8]);
    private PreviewServer? _server;
    private IPlaywright? _playwright;

    public string OutputDirectory => Path.Combine(_folder, "output");

    public string SiteUrl => _server!.Address.ToString();

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Every HTML page of the output: its path relative to the output (with <c>/</c>), kind and size in bytes.</summary>
    public IReadOnlyList<(string Path, string Kind, long Bytes)> Pages { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var input = Path.Combine(_folder, "input");
        var written = CorpusGenerator.Write(input, Briefs, CorpusGenerator.DefaultSeed);
        if (written.Count != Briefs) throw new InvalidOperationException($"corpus has {written.Count} briefs, not {Briefs}");
        File.AppendAllText(Path.Combine(input, "_site.yml"), "social_images: false\n");
        var result = SiteBuild.Run(new BuildOptions
        {
            InputDirectory = input,
            ThemeDirectory = RepoPaths.Theme,
            OutputDirectory = OutputDirectory,
            BaseUrl = "http://127.0.0.1" + Prefix,
        });
        if (!result.Written)
            throw new InvalidOperationException("10,000-brief site did not build: " + string.Join("\n", result.Diagnostics));
        Pages = [.. Directory.EnumerateFiles(OutputDirectory, "*.html", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(OutputDirectory, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(path => (path, KindOf(path), new FileInfo(Path.Combine(OutputDirectory, path)).Length))];

        _server = new PreviewServer(new PreviewOptions(OutputDirectory, Port: 0, BasePath: Prefix, LiveReload: false));
        await _server.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = RepoPaths.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>
    /// The kind of page a file is, from its path: the home page and its pages, a brief, an entity (company, person,
    /// topic) and its older pages, the three entity indexes, the archive, a year, a month, moves, search, 404;
    /// "other" for anything else (a new kind of page, which the tests then ask to be named here).
    /// </summary>
    public static string KindOf(string path) => path switch
    {
        "index.html" => "home",
        "404.html" => "404",
        "search/index.html" => "search",
        "moves/index.html" => "moves",
        "archive/index.html" => "archive",
        "companies/index.html" => "companies",
        "people/index.html" => "people",
        "topics/index.html" => "topics",
        _ when HomePage().IsMatch(path) => "home-page",
        _ when BriefPage().IsMatch(path) => "brief",
        _ when YearPage().IsMatch(path) => "archive-year",
        _ when MonthPage().IsMatch(path) => "archive-month",
        _ when EntityPage().Match(path) is { Success: true } entity =>
            (entity.Groups[1].Value switch { "companies" => "company", "people" => "person", _ => "topic" })
            + (entity.Groups[2].Success ? "-page" : ""),
        _ => "other",
    };

    /// <summary>The kinds a 10,000-brief site has, each with at least one page.</summary>
    public static readonly string[] Kinds =
    [
        "home", "home-page", "brief", "company", "company-page", "person", "person-page", "topic", "topic-page",
        "companies", "people", "topics", "archive", "archive-year", "archive-month", "moves", "search", "404",
    ];

    [GeneratedRegex(@"^page/[0-9]+/index\.html$")]
    private static partial Regex HomePage();

    [GeneratedRegex(@"^briefs/[a-z0-9-]+/index\.html$")]
    private static partial Regex BriefPage();

    [GeneratedRegex(@"^archive/[0-9]{4}/index\.html$")]
    private static partial Regex YearPage();

    [GeneratedRegex(@"^archive/[0-9]{4}/[0-9]{2}/index\.html$")]
    private static partial Regex MonthPage();

    [GeneratedRegex(@"^(companies|people|topics)/[a-z0-9-]+/(page/[0-9]+/)?index\.html$")]
    private static partial Regex EntityPage();

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
