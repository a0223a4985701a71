using System.Net;
using System.Net.Sockets;

namespace StaticBriefs.Benchmarks;

/// <summary>Serves a folder on 127.0.0.1 at the root, as a static host would, without compression (bytes are the files' own).</summary>
internal sealed class LocalSiteServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;

    public LocalSiteServer(string root)
    {
        _root = Path.GetFullPath(root).TrimEnd('/') + "/";
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
        }
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public string Url { get; }

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
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
        var file = Path.GetFullPath(Path.Combine(_root, path));
        if (Directory.Exists(file)) file = Path.Combine(file, "index.html");
        var found = file.StartsWith(_root, StringComparison.Ordinal) && File.Exists(file);
        response.StatusCode = found ? 200 : 404;
        if (!found) file = Path.Combine(_root, "404.html");
        response.ContentType = Path.GetExtension(file) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".json" => "application/json",
            ".wasm" => "application/wasm",
            _ => "application/octet-stream",
        };
        var bytes = File.Exists(file) ? File.ReadAllBytes(file) : [];
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}
