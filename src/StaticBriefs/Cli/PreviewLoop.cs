using System.Diagnostics;
using System.Globalization;
using StaticBriefs.Building;
using StaticBriefs.Diagnostics;
using StaticBriefs.Incremental;
using StaticBriefs.Loading;
using StaticBriefs.Output;
using StaticBriefs.Preview;

namespace StaticBriefs.Cli;

/// <summary>
/// The preview loop: one build, then a rebuild per burst of changes, each pushed to open tabs as a reload (success)
/// or an error overlay (failure, while the previous build keeps being served). Builds share one in-memory cache,
/// and the watcher tells it which files changed, so an edit re-reads and re-renders only what it touches; an edit
/// of briefs' content alone starts from the last build's model in memory (<see cref="LiveSession"/>).
/// </summary>
internal sealed class PreviewLoop
{
    /// <summary>How long the input must be quiet before a rebuild: long enough to merge an editor's save steps.</summary>
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(50);

    private readonly BuildOptions _options;
    private readonly OutputFolder _output;
    private readonly PreviewServer _server;
    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly Lock _gate = new();
    private readonly bool _quiet;
    private readonly IdleCollection _idle;
    private bool _showingError;

    private PreviewLoop(BuildOptions options, OutputFolder output, PreviewServer server, IdleCollection idle, TextWriter stdout, TextWriter stderr, bool quiet)
    {
        _idle = idle;
        _quiet = quiet;
        _options = options;
        _output = output;
        _server = server;
        _stdout = stdout;
        _stderr = stderr;
    }

    public static async Task<int> RunAsync(BuildOptions options, PreviewSettings settings, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var (host, port) = (settings.Host, settings.Port);
        if (!Directory.Exists(options.InputDirectory))
        {
            stderr.WriteLine($"{options.InputDirectory}: error {DiagnosticCodes.IoError}: input folder not found; run from the site's folder or pass --input DIR");
            return 1;
        }
        var basePath = BasePath(options);
        if (basePath is null)
        {
            stderr.WriteLine($"error: --base-url '{options.BaseUrl}' is not an absolute http(s) URL");
            return 2;
        }

        // The output folder is held for the whole session: no build can interleave with the rebuilds, and the server
        // waits at its gate while a rebuild moves files, so it never serves half of one.
        var opening = new DiagnosticBag();
        using var output = OutputAccess.Open(options, stderr, opening, out var refused, withGate: true);
        foreach (var diagnostic in opening.Sorted()) stderr.WriteLine(diagnostic.ToString());
        if (output is null) return refused ? 2 : 1;

        await using var server = new PreviewServer(new PreviewOptions(Path.GetFullPath(options.OutputDirectory), host, port, basePath) { Gate = output.Gate });
        try
        {
            await server.StartAsync(ct);
        }
        catch (IOException ex)
        {
            stderr.WriteLine($"error: cannot listen on {host}:{port}: {ex.Message} (try another --port)");
            return 2;
        }

        // Links must work locally: the preview's own address replaces the site's host, while the base URL's path is
        // kept (the server serves under it), so a site hosted under a sub-path is previewed as it will be published.
        var cache = new BuildCache(BuildCache.DefaultDirectory(options.InputDirectory)) { TrustUnchangedFiles = true, SaveOnCommit = false };
        using var live = new LiveSession();
        using var idle = new IdleCollection(TimeProvider.System);
        var loop = new PreviewLoop(options with { BaseUrl = server.Address.ToString(), Cache = cache, Live = live }, output, server, idle, stdout, stderr,
            settings.Verbosity == Verbosity.Quiet);
        stdout.WriteLine($"Previewing at {server.Address} (Ctrl+C to stop)");
        await Task.Run(() => loop.Rebuild([]), ct);
        // The theme folder is watched when the site has one; the built-in theme cannot change while we run.
        string[] watched = Directory.Exists(options.ThemeDirectory) ? [options.InputDirectory, options.ThemeDirectory] : [options.InputDirectory];
        if (settings.Poll is { } interval)
            stdout.WriteLine($"Watching by listing the folders every {interval.TotalMilliseconds:F0} ms (--poll).");
        using (new ChangeWatcher(watched, QuietPeriod, loop.Rebuild, settings.Poll, TimeProvider.System))
        {
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop watching, let a running rebuild finish, then keep the cache for the next start.
            }
        }
        lock (loop._gate)
        {
            idle.Dispose();
            cache.Save();
        }
        stdout.WriteLine("Preview stopped.");
        return 0;
    }

    /// <summary>Rebuilds after <paramref name="changes"/> (full paths); called by the watcher, one call at a time.</summary>
    private void Rebuild(IReadOnlyCollection<string> changes)
    {
        lock (_gate)
        {
            _options.Cache!.MarkChanged(changes);
            var watch = Stopwatch.StartNew();
            BuildResult result;
            _idle.BuildStarting();
            try
            {
                result = SiteBuild.Run(_options, _output);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A file mid-save or locked: say so and wait for the next change rather than stop the preview.
                Fail("error: " + ex.Message);
                return;
            }
            finally
            {
                _idle.BuildFinished();
            }
            foreach (var diagnostic in result.Diagnostics) _stderr.WriteLine(diagnostic.ToString());
            if (result.HasErrors)
            {
                Fail(string.Join('\n', result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString())));
                return;
            }
            if (_showingError) _server.ShowError(null);
            _showingError = false;
            _server.NotifyReload();
            if (!_quiet) _stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Built {result.Briefs} briefs in {watch.ElapsedMilliseconds} ms ({result.PagesRendered} pages rendered, {result.PagesReused} unchanged)."));
        }
    }

    private void Fail(string message)
    {
        _showingError = true;
        _server.ShowError(message);
        _stderr.WriteLine("Build failed; still serving the last good build.");
    }

    /// <summary>The path prefix to serve under: from --base-url, else from _site.yml; null when --base-url is unusable.</summary>
    private static string? BasePath(BuildOptions options)
    {
        var ignored = new DiagnosticBag();
        Uri? url = options.BaseUrl is { } given
            ? SiteSettingsLoader.ParseBaseUrl(given, 0, ignored)
            : SiteSettingsLoader.Load(options.InputDirectory, ignored).BaseUrl;
        if (url is null) return null;
        return url.AbsolutePath.EndsWith('/') ? url.AbsolutePath : url.AbsolutePath + "/";
    }
}
