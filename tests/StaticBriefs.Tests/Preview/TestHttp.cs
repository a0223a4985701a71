using System.Net.Sockets;
using System.Text;

namespace StaticBriefs.Tests.Preview;

/// <summary>HTTP helpers for preview server tests.</summary>
internal static class TestHttp
{
    public static HttpClient Client(Uri address) => new(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
        BaseAddress = new Uri(address.GetLeftPart(UriPartial.Authority)),
        // Generous: a time limit here only catches a hung server; on a 2-core CI machine the
        // test process shares the CPU with parallel site builds in other test classes.
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>
    /// Sends the request target byte for byte. HttpClient (System.Uri) would remove "..", turn
    /// "\" into "/" and unescape before sending, so traversal tests need a raw socket.
    /// </summary>
    public static async Task<(int Status, string Response)> RawAsync(Uri address, string target, string method = "GET")
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port, timeout.Token);
        var stream = tcp.GetStream();
        var request = $"{method} {target} HTTP/1.1\r\nHost: {address.Authority}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request), timeout.Token);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, timeout.Token);
        var text = Encoding.UTF8.GetString(buffer.ToArray());
        var parts = text.Split(' ', 3);
        return (parts.Length > 1 && int.TryParse(parts[1], out var status) ? status : 0, text);
    }
}
