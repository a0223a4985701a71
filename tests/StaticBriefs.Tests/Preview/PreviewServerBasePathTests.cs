using System.Net;

namespace StaticBriefs.Tests.Preview;

public sealed class PreviewServerBasePathTests
{
    [Fact]
    public async Task Address_includes_the_base_path_and_the_bound_port()
    {
        using var site = new PreviewSite();
        await using var server = await site.StartAsync("briefs-site");

        Assert.Equal("127.0.0.1", server.Address.Host);
        Assert.NotEqual(0, server.Address.Port);
        Assert.Equal("/briefs-site/", server.Address.AbsolutePath);
    }

    [Fact]
    public async Task Site_is_served_under_the_base_path()
    {
        using var site = new PreviewSite();
        await using var server = await site.StartAsync("/briefs-site/");
        using var http = TestHttp.Client(server.Address);

        Assert.Contains("<h1>Home</h1>", await http.GetStringAsync("/briefs-site/"), StringComparison.Ordinal);
        Assert.Contains("Brief X", await http.GetStringAsync("/briefs-site/briefs/x/"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", "/briefs-site/")]
    [InlineData("/briefs-site", "/briefs-site/")]
    [InlineData("/briefs-site/briefs/x", "/briefs-site/briefs/x/")]
    public async Task Root_and_slashless_paths_redirect_into_the_base_path(string path, string location)
    {
        using var site = new PreviewSite();
        await using var server = await site.StartAsync("/briefs-site/");
        using var http = TestHttp.Client(server.Address);

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/briefs/x/")]
    [InlineData("/index.html")]
    [InlineData("/briefs-sitex/index.html")]
    public async Task Paths_outside_the_base_path_are_404(string path)
    {
        using var site = new PreviewSite();
        await using var server = await site.StartAsync("/briefs-site/");
        using var http = TestHttp.Client(server.Address);

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/__staticbriefs/reload.js")]
    [InlineData("/briefs-site/__staticbriefs/reload.js")]
    public async Task Endpoints_answer_at_the_root_and_under_the_base_path(string path)
    {
        using var site = new PreviewSite();
        await using var server = await site.StartAsync("/briefs-site/");
        using var http = TestHttp.Client(server.Address);

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Injected_script_points_under_the_base_path()
    {
        using var site = new PreviewSite();
        await using var server = await site.StartAsync("/briefs-site/");
        using var http = TestHttp.Client(server.Address);

        var html = await http.GetStringAsync("/briefs-site/");

        Assert.Contains("<script src=\"/briefs-site/__staticbriefs/reload.js\"></script></body>", html, StringComparison.Ordinal);
    }
}
