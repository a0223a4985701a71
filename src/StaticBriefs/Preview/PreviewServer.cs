using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace StaticBriefs.Preview;

/// <summary>Serves the built site over HTTP for local preview and pushes live reloads and build errors to open tabs.</summary>
public sealed class PreviewServer : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    private readonly PreviewOptions _options;
    private readonly ReloadHub _hub = new(Heartbeat);
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private Uri? _address;
    private int _disposed;

    /// <summary>Creates a server; nothing is bound until <see cref="StartAsync"/>.</summary>
    public PreviewServer(PreviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.OutputDirectory);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort);
        _options = options;
    }

    /// <summary>The site's root URL including the base path, e.g. <c>http://127.0.0.1:5080/briefs-site/</c>.</summary>
    public Uri Address => _address ?? throw new InvalidOperationException("The preview server has not been started.");

    /// <summary>Binds the listening socket and starts serving; with port 0 a free port is chosen.</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_app is not null)
        {
            throw new InvalidOperationException("The preview server is already started.");
        }

        var handler = new PreviewRequestHandler(_options, _hub, _stopping.Token);

        // The empty builder reads no appsettings or ASPNETCORE_* variables and adds no console
        // logging: the preview server listens exactly where it is told and stays quiet.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxConcurrentConnections = 1024;
            kestrel.Limits.MaxRequestBodySize = 64 * 1024;
            Listen(kestrel, _options.Host, _options.Port);
        });

        var app = builder.Build();
        app.Use(handler.HandleAsync);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = handler.Files,
            ContentTypeProvider = PreviewContentTypes.Create(),
            // A site may hold any kind of file: an unknown extension is served as bytes, as static hosts do.
            ServeUnknownFileTypes = true,
            DefaultContentType = "application/octet-stream",
            OnPrepareResponse = file =>
            {
                // A preview changes under the reader's eyes: always ask again (cheap, thanks to the entity tags).
                file.Context.Response.Headers.CacheControl = "no-cache";
                file.Context.Response.Headers.XContentTypeOptions = "nosniff";
            },
        });
        app.Run(context => handler.NotFoundAsync(context));
        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            // Port taken or host unknown: release what was built so the caller can retry.
            await app.DisposeAsync();
            throw;
        }

        _app = app;

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no listening address.");
        var port = new Uri(bound).Port;
        _address = new UriBuilder(Uri.UriSchemeHttp, _options.Host, port, handler.BasePath).Uri;
    }

    /// <summary>Tells every open tab to reload.</summary>
    public void NotifyReload() => _hub.NotifyReload();

    /// <summary>Shows <paramref name="message"/> as an overlay in every open tab (and in pages loaded later); null clears it.</summary>
    public void ShowError(string? message) => _hub.ShowError(message);

    /// <summary>Ends open event streams and stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Event streams never end on their own; end them first so stopping does not wait on them.
        _hub.Dispose();
        await _stopping.CancelAsync();
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(StopTimeout);
            await _app.StopAsync(timeout.Token);
            await _app.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private static void Listen(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel, string host, int port)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var ip))
        {
            kestrel.Listen(ip, port);
        }
        else if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            // Kestrel cannot pick a dynamic port for "localhost" (it binds two families); use loopback then.
            if (port == 0)
            {
                kestrel.Listen(IPAddress.Loopback, port);
            }
            else
            {
                kestrel.ListenLocalhost(port);
            }
        }
        else
        {
            var addresses = Dns.GetHostAddresses(host);
            if (addresses.Length == 0)
            {
                throw new ArgumentException($"Host '{host}' does not resolve to any address.", nameof(host));
            }

            kestrel.Listen(addresses[0], port);
        }
    }
}
