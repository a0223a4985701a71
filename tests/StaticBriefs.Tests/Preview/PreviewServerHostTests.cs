using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace StaticBriefs.Tests.Preview;

public sealed class PreviewServerHostTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/style.css")]
    [InlineData("/__staticbriefs/events")]
    [InlineData("/__staticbriefs/reload.js")]
    public async Task A_foreign_host_name_is_refused_with_403_on_every_path(string path)
    {
        using var site = new PreviewSite();
        await using var server = await site.StartAsync();

        var (status, response) = await SendAsync(server.Address, path, "attacker.example:" + server.Address.Port.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(403, status);
        Assert.DoesNotContain("<h1>Home</h1>", response, StringComparison.Ordinal);
        Assert.DoesNotContain("text/event-stream", response, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:{0}", 200)]
    [InlineData("localhost:{0}", 200)]
    [InlineData("LOCALHOST:{0}", 200)]
    [InlineData("[::1]:{0}", 200)]
    [InlineData("127.0.0.1:1", 403)]
    [InlineData("localhost", 403)]
    [InlineData("127.0.0.1.nip.io:{0}", 403)]
    [InlineData("", 403)]
    public async Task Only_the_loopback_names_with_the_listening_port_are_accepted(string host, int expected)
    {
        using var site = new PreviewSite();
        await using var server = await site.StartAsync();

        var (status, _) = await SendAsync(server.Address, "/style.css", string.Format(CultureInfo.InvariantCulture, host, server.Address.Port));

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task Range_requests_get_the_asked_bytes()
    {
        using var site = new PreviewSite();
        var bytes = Enumerable.Range(0, 10_000).Select(i => (byte)(i % 251)).ToArray();
        site.Write("media/clip.mp4", bytes);
        await using var server = await site.StartAsync();
        using var http = TestHttp.Client(server.Address);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/media/clip.mp4");
        request.Headers.Range = new RangeHeaderValue(1000, 1999);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(bytes[1000..2000], await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("bytes 1000-1999/10000", response.Content.Headers.ContentRange!.ToString());
        Assert.Equal("bytes", string.Join(",", response.Headers.AcceptRanges));
    }

    [Theory]
    [InlineData("data/table.csv", "text/csv")]
    [InlineData("media/clip.mp4", "video/mp4")]
    [InlineData("media/song.mp3", "audio/mpeg")]
    [InlineData("fonts/a.woff2", "font/woff2")]
    [InlineData("site.webmanifest", "application/manifest+json")]
    [InlineData("files/blob.unknownext", "application/octet-stream")]
    public async Task Content_types_come_from_the_extension(string file, string type)
    {
        using var site = new PreviewSite();
        site.Write(file, "x");
        await using var server = await site.StartAsync();
        using var http = TestHttp.Client(server.Address);

        using var response = await http.GetAsync("/" + file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_page_rewritten_within_the_same_second_at_the_same_length_gets_a_new_tag()
    {
        using var site = new PreviewSite();
        site.Write("page.html", "<html><body>teh</body></html>");
        var path = Path.Combine(site.Output, "page.html");
        var second = new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, second.AddMilliseconds(100));
        await using var server = await site.StartAsync();
        using var http = TestHttp.Client(server.Address);
        using var first = await http.GetAsync("/page.html");
        var tag = first.Headers.ETag!;

        site.Write("page.html", "<html><body>the</body></html>");
        File.SetLastWriteTimeUtc(path, second.AddMilliseconds(700));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/page.html");
        request.Headers.IfNoneMatch.Add(tag);
        using var again = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("<body>the<script", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var unchanged = new HttpRequestMessage(HttpMethod.Get, "/page.html");
        unchanged.Headers.IfNoneMatch.Add(again.Headers.ETag!);
        using var notModified = await http.SendAsync(unchanged);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    /// <summary>A GET with exactly the given Host header (none when empty), over a raw socket.</summary>
    private static async Task<(int Status, string Response)> SendAsync(Uri address, string path, string host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port, timeout.Token);
        var stream = tcp.GetStream();
        var hostLine = host.Length == 0 ? "Host:\r\n" : $"Host: {host}\r\n";
        await stream.WriteAsync(Encoding.Latin1.GetBytes($"GET {path} HTTP/1.1\r\n{hostLine}Connection: close\r\n\r\n"), timeout.Token);
        var buffer = new byte[8192];
        var read = 0;
        // Enough to see the status line and headers: an event stream never ends by itself.
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token);
            if (n == 0) break;
            read += n;
            if (Encoding.Latin1.GetString(buffer, 0, read).Contains("\r\n\r\n", StringComparison.Ordinal)) break;
        }
        var text = Encoding.UTF8.GetString(buffer, 0, read);
        var parts = text.Split(' ', 3);
        return (parts.Length > 1 && int.TryParse(parts[1], out var status) ? status : 0, text);
    }
}
