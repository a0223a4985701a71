using Microsoft.Playwright;
using StaticBriefs.Building;
using StaticBriefs.Preview;

namespace StaticBriefs.Browser.Tests.Support;

/// <summary>
/// Builds the repository's sample site once, hosted under the sub-path <c>/briefs-site/</c> as it would be on
/// GitHub Pages, and shares one headless Chromium (the machine's, never a downloaded one) across the tests.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public const string Prefix = "/briefs-site/";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sb-browser-" + Guid.NewGuid().ToString("N")[..8]);
    private PreviewServer? _server;
    private IPlaywright? _playwright;

    public string OutputDirectory => Path.Combine(_folder, "output");

    public string SiteUrl => _server!.Address.ToString();

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var result = SiteBuild.Run(new BuildOptions
        {
            InputDirectory = RepoPaths.Input,
            ThemeDirectory = RepoPaths.Theme,
            OutputDirectory = OutputDirectory,
            BaseUrl = "http://127.0.0.1" + Prefix,
        });
        if (!result.Written)
            throw new InvalidOperationException("sample site did not build: " + string.Join("\n", result.Diagnostics));
        // The product's own server with live reload off answers as static hosting does: files byte for
        // byte, /x/ as /x/index.html, the site's 404 page for anything missing.
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

    /// <summary>A fresh page that fails the test on any console error or failed request.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var page = await Browser.NewPageAsync();
        // Generous: on a 2-core CI machine a page load can wait behind a build or another test process.
        page.SetDefaultTimeout(30_000);
        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "sample site in Chromium";
}
