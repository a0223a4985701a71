using System.Net;
using System.Text;

namespace StaticBriefs.Tests.Preview;

public sealed class PreviewServerTests
{
    [Theory]
    [InlineData("a.html", "text/html; charset=utf-8")]
    [InlineData("a.css", "text/css; charset=utf-8")]
    [InlineData("a.js", "text/javascript; charset=utf-8")]
    [InlineData("a.json", "application/json; charset=utf-8")]
    [InlineData("a.xml", "application/xml; charset=utf-8")]
    [InlineData("a.txt", "text/plain; charset=utf-8")]
    [InlineData("a.svg", "image/svg+xml; charset=utf-8")]
    [InlineData("a.png", "image/png")]
    [InlineData("a.jpg", "image/jpeg")]
    [InlineData("a.webp", "image/webp")]
    [InlineData("a.gif", "image/gif")]
    [InlineData("a.ico", "image/x-icon")]
    [InlineData("a.pdf", "application/pdf")]
    [InlineData("a.woff2", "font/woff2")]
    [InlineData("a.unknownext", "application/octet-stream")]
    public async Task Serves_each_file_type_with_its_content_type(string name, string expected)
    {
        using var site = new PreviewSite();
        site.Write("assets/" + name, [1, 2, 3]);
        await using var server = await site.StartAsync();
        using var http = TestHttp.Client(server.Address);

        using var response = await http.GetAsync("/assets/" + name);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.ToString());
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Directory_with_slash_serves_its_index_html()
    {
        using var site = new PreviewSite();
        await using var server = await site.StartAsync();
        using var http = TestHttp.Client(server.Address);

        var home = await http.GetStringAsync("/");
        var brief = await http.GetStringAsync("/briefs/x/");

        Assert.Contains("<h1>Home</h1>", home, StringComparison.Ordinal);
        Assert.Contains("Brief X", brief, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directory_without_slash_redirects_to_slash_keeping_the_query()
    {
        using var site = new PreviewSite();
        await using var server = await site.StartAsync();
        using var http = TestHttp.Client(server.Address);

        using var response = await http.GetAsync("/briefs/x?q=1");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/briefs/x/?q=1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Missing_path_gets_the_sites_404_page_with_status_404()
    {
        using var site = new PreviewSite();
        await using var server = await site.StartAsync();
        using var http = TestHttp.Client(server.Address);

        using var response = await http.GetAsync("/no/such/page/");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Custom missing page", body, StringComparison.Ordinal);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task Missing_path_without_a_404_page_gets_plain_404()
    {
        using var site = new PreviewSite();
        File.Delete(Path.Combine(site.Output, "404.html"));
        await using var server = await site.StartAsync();
        using var http = TestHttp.Client(server.Address);

        using var response = await http.GetAsync("/nothing.css");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith("404", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task If_None_Match_with_the_current_etag_answers_304_without_body()
    {
        using var site = new PreviewSite();
        await using var server = await site.StartAsync();
        using var http = TestHttp.Client(server.Address);
        using var first = await http.GetAsync("/style.css");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/style.css");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Changed_file_no_longer_matches_the_old_etag()
    {
        using var site = new PreviewSite();
        await using var server = await site.StartAsync();
        using var http = TestHttp.Client(server.Address);
        using var first = await http.GetAsync("/style.css");
        site.Write("style.css", "body{color:#222;margin:0}");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/style.css");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("body{color:#222;margin:0}", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task If_Modified_Since_answers_304_when_unchanged_and_200_when_older()
    {
        using var site = new PreviewSite();
        await using var server = await site.StartAsync();
        using var http = TestHttp.Client(server.Address);
        using var first = await http.GetAsync("/robots.txt");
        var lastModified = first.Content.Headers.LastModified;
        Assert.NotNull(lastModified);

        using var same = new HttpRequestMessage(HttpMethod.Get, "/robots.txt");
        same.Headers.IfModifiedSince = lastModified;
        using var notModified = await http.SendAsync(same);
        using var older = new HttpRequestMessage(HttpMethod.Get, "/robots.txt");
        older.Headers.IfModifiedSince = lastModified.Value.AddHours(-1);
        using var modified = await http.SendAsync(older);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
    }

    [Fact]
    public async Task Head_sends_headers_but_no_body()
    {
        using var site = new PreviewSite();
        await using var server = await site.StartAsync();

        var (status, response) = await TestHttp.RawAsync(server.Address, "/style.css", "HEAD");

        Assert.Equal(200, status);
        Assert.Contains("Content-Length: 16", response, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("\r\n\r\n", response, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Other_methods_get_405_with_allow_header(string method)
    {
        using var site = new PreviewSite();
        await using var server = await site.StartAsync();
        using var http = TestHttp.Client(server.Address);

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/index.html"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Html_responses_carry_the_reload_script_before_body_close_but_the_file_does_not()
    {
        using var site = new PreviewSite();
        await using var server = await site.StartAsync();
        using var http = TestHttp.Client(server.Address);

        using var response = await http.GetAsync("/briefs/x/");
        var body = await response.Content.ReadAsStringAsync();

        Assert.EndsWith("<p>Brief X</p><script src=\"/__staticbriefs/reload.js\"></script></BODY></html>", body, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetByteCount(body), response.Content.Headers.ContentLength);
        Assert.DoesNotContain("__staticbriefs", File.ReadAllText(Path.Combine(site.Output, "briefs/x/index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_live_reload_off_html_is_served_byte_for_byte_as_static_hosting_would()
    {
        using var site = new PreviewSite();
        await using var server = await site.StartAsync(liveReload: false);
        using var http = TestHttp.Client(server.Address);

        var small = await http.GetByteArrayAsync("/briefs/x/");
        var big = await http.GetByteArrayAsync("/big.html");

        Assert.Equal(File.ReadAllBytes(Path.Combine(site.Output, "briefs/x/index.html")), small);
        Assert.Equal(File.ReadAllBytes(Path.Combine(site.Output, "big.html")), big);
    }

    [Fact]
    public async Task Large_html_is_streamed_whole_with_the_script_injected()
    {
        using var site = new PreviewSite();
        await using var server = await site.StartAsync();
        using var http = TestHttp.Client(server.Address);

        var body = await http.GetStringAsync("/big.html");

        Assert.Equal(200_000 + "<html><body></body></html>".Length + "<script src=\"/__staticbriefs/reload.js\"></script>".Length, body.Length);
        Assert.EndsWith("a<script src=\"/__staticbriefs/reload.js\"></script></body></html>", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/style.css", "body{color:#111}")]
    [InlineData("/robots.txt", "User-agent: *")]
    public async Task Non_html_responses_are_the_file_bytes_exactly(string path, string content)
    {
        using var site = new PreviewSite();
        await using var server = await site.StartAsync();
        using var http = TestHttp.Client(server.Address);

        Assert.Equal(content, await http.GetStringAsync(path));
    }

    [Fact]
    public async Task Reload_script_is_served_from_the_endpoint()
    {
        using var site = new PreviewSite();
        await using var server = await site.StartAsync();
        using var http = TestHttp.Client(server.Address);

        using var response = await http.GetAsync("/__staticbriefs/reload.js");
        var script = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/javascript; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("new EventSource(", script, StringComparison.Ordinal);
        Assert.Contains("textContent", script, StringComparison.Ordinal);
        Assert.Contains("'role', 'alert'", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Percent_encoded_names_are_decoded_to_the_file_on_disk()
    {
        using var site = new PreviewSite();
        site.Write("2026/brief one/ünïcode.txt", "decoded");
        await using var server = await site.StartAsync();
        using var http = TestHttp.Client(server.Address);

        Assert.Equal("decoded", await http.GetStringAsync("/2026/brief%20one/%C3%BCn%C3%AFcode.txt"));
    }

    [Fact]
    public async Task Starting_on_a_port_in_use_fails_and_the_first_server_keeps_serving()
    {
        using var site = new PreviewSite();
        await using var first = await site.StartAsync();
        await using var second = new StaticBriefs.Preview.PreviewServer(new(site.Output, Port: first.Address.Port));

        await Assert.ThrowsAnyAsync<IOException>(() => second.StartAsync());

        using var http = TestHttp.Client(first.Address);
        Assert.Equal("User-agent: *", await http.GetStringAsync("/robots.txt"));
    }

    [Fact]
    public async Task Output_folder_replaced_by_rename_is_served_fresh()
    {
        using var site = new PreviewSite();
        await using var server = await site.StartAsync();
        using var http = TestHttp.Client(server.Address);
        Assert.Equal("User-agent: *", await http.GetStringAsync("/robots.txt"));

        var staging = site.Output + ".staging";
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, "robots.txt"), "rebuilt");
        Directory.Move(site.Output, site.Output + ".old");
        Directory.Move(staging, site.Output);

        Assert.Equal("rebuilt", await http.GetStringAsync("/robots.txt"));
    }
}
