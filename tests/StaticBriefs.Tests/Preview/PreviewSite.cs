using System.Text;
using StaticBriefs.Preview;

namespace StaticBriefs.Tests.Preview;

/// <summary>A throwaway built site in a temp folder, with a secret file beside (not inside) its output.</summary>
public sealed class PreviewSite : IDisposable
{
    public const string Secret = "TOPSECRET-5e1f";
    public const string HomeHtml = "<!doctype html><html><head><title>Home</title></head><body><h1>Home</h1></body></html>";
    public const string NotFoundHtml = "<!doctype html><html><body><p>Custom missing page</p></body></html>";

    public PreviewSite()
    {
        Root = Path.Combine(Path.GetTempPath(), "sb-preview-" + Guid.NewGuid().ToString("N"));
        Output = Path.Combine(Root, "output");
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Root, "secret.txt"), Secret);
        Directory.CreateDirectory(Path.Combine(Root, "outside"));
        File.WriteAllText(Path.Combine(Root, "outside", "secret.txt"), Secret);

        Write("index.html", HomeHtml);
        Write("404.html", NotFoundHtml);
        Write("briefs/x/index.html", "<html><body><p>Brief X</p></BODY></html>");
        Write("style.css", "body{color:#111}");
        Write("robots.txt", "User-agent: *");
        Write("big.html", "<html><body>" + new string('a', 200_000) + "</body></html>");
    }

    public string Root { get; }

    public string Output { get; }

    public void Write(string relative, string content) => Write(relative, Encoding.UTF8.GetBytes(content));

    public void Write(string relative, byte[] content)
    {
        var path = Path.Combine(Output, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    public async Task<PreviewServer> StartAsync(string basePath = "/", bool liveReload = true)
    {
        var server = new PreviewServer(new PreviewOptions(Output, Port: 0, BasePath: basePath, LiveReload: liveReload));
        await server.StartAsync();
        return server;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is not a test failure.
        }
    }
}
