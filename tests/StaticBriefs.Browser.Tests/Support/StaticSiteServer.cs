using System.Net;
using System.Net.Sockets;

namespace StaticBriefs.Browser.Tests.Support;

/// <summary>
/// Serves a built site from 127.0.0.1 under a path prefix, as static hosting would: <c>/x/</c> serves
/// <c>/x/index.html</c>, anything missing gets the site's 404 page.
/// </summary>
internal sealed class StaticSiteServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly string _prefix;

    public StaticSiteServer(string root, string prefix)
    {
        _root = Path.GetFullPath(root);
        _prefix = prefix;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public int Port { get; }

    /// <summary>The site's root URL, prefix included.</summary>
    public string SiteUrl => $"http://127.0.0.1:{Port}{_prefix}";

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (HttpListenerException) { return; }
            catch (ObjectDisposedException) { return; }
            _ = Task.Run(() => Serve(context));
        }
    }

    private void Serve(HttpListenerContext context)
    {
        using var response = context.Response;
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
        string? file = null;
        if (path.StartsWith(_prefix, StringComparison.Ordinal) && !path.Contains("..", StringComparison.Ordinal))
        {
            var relative = path[_prefix.Length..];
            var candidate = Path.GetFullPath(Path.Combine(_root, relative));
            if (Directory.Exists(candidate)) candidate = Path.Combine(candidate, "index.html");
            if (candidate.StartsWith(_root, StringComparison.Ordinal) && File.Exists(candidate)) file = candidate;
        }
        response.StatusCode = file is null ? 404 : 200;
        file ??= Path.Combine(_root, "404.html");
        response.ContentType = Path.GetExtension(file) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".json" => "application/json",
            ".xml" => "application/xml",
            _ => "application/octet-stream",
        };
        var bytes = File.ReadAllBytes(file);
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}
