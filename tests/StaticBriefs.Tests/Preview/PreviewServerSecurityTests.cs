using System.Net;

namespace StaticBriefs.Tests.Preview;

public sealed class PreviewServerSecurityTests
{
    [Theory]
    [InlineData("/../secret.txt")]
    [InlineData("/briefs/../../secret.txt")]
    [InlineData("/%2e%2e/secret.txt")]
    [InlineData("/%2E%2E/secret.txt")]
    [InlineData("/..%2fsecret.txt")]
    [InlineData("/..%2Fsecret.txt")]
    [InlineData("/..\\secret.txt")]
    [InlineData("/%5c..%5csecret.txt")]
    [InlineData("/..%5csecret.txt")]
    [InlineData("//etc/passwd")]
    [InlineData("/%2fetc%2fpasswd")]
    [InlineData("/C:/Windows/win.ini")]
    [InlineData("/secret.txt%00.html")]
    [InlineData("/.../secret.txt")]
    [InlineData("/../outside/secret.txt")]
    [InlineData("http://127.0.0.1/../secret.txt")]
    public async Task Traversal_attempts_never_reach_files_outside_output(string target)
    {
        using var site = new PreviewSite();
        await using var server = await site.StartAsync();

        var (status, response) = await TestHttp.RawAsync(server.Address, target);

        Assert.DoesNotContain(PreviewSite.Secret, response, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", response, StringComparison.Ordinal);
        Assert.True(status is 400 or 404, $"{target} answered {status}");
    }

    [Fact]
    public async Task Symlinked_file_pointing_outside_is_not_served()
    {
        using var site = new PreviewSite();
        File.CreateSymbolicLink(Path.Combine(site.Output, "leak.txt"), Path.Combine("..", "secret.txt"));
        await using var server = await site.StartAsync();
        using var http = TestHttp.Client(server.Address);

        using var response = await http.GetAsync("/leak.txt");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(PreviewSite.Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Symlinked_directory_pointing_outside_is_not_served()
    {
        using var site = new PreviewSite();
        Directory.CreateSymbolicLink(Path.Combine(site.Output, "leakdir"), Path.Combine(site.Root, "outside"));
        await using var server = await site.StartAsync();
        using var http = TestHttp.Client(server.Address);

        using var response = await http.GetAsync("/leakdir/secret.txt");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(PreviewSite.Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relative_link_that_only_escapes_through_a_linked_directory_is_not_served()
    {
        // "deep/up" leads back to the output root; "up/../secret.txt" is inside by string
        // arithmetic but outside by the kernel's rules, which are the ones that count.
        using var site = new PreviewSite();
        Directory.CreateDirectory(Path.Combine(site.Output, "deep"));
        Directory.CreateSymbolicLink(Path.Combine(site.Output, "deep", "up"), site.Output);
        File.CreateSymbolicLink(Path.Combine(site.Output, "sneaky.txt"), Path.Combine("..", "secret.txt"));
        await using var server = await site.StartAsync();
        using var http = TestHttp.Client(server.Address);

        using var response = await http.GetAsync("/deep/up/sneaky.txt");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(PreviewSite.Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Symlink_that_stays_inside_output_is_served()
    {
        using var site = new PreviewSite();
        File.CreateSymbolicLink(Path.Combine(site.Output, "alias.txt"), "robots.txt");
        await using var server = await site.StartAsync();
        using var http = TestHttp.Client(server.Address);

        Assert.Equal("User-agent: *", await http.GetStringAsync("/alias.txt"));
    }

    [Fact]
    public async Task Output_folder_reached_through_a_symlink_is_served()
    {
        using var site = new PreviewSite();
        var link = Path.Combine(site.Root, "current");
        Directory.CreateSymbolicLink(link, site.Output);
        await using var server = new StaticBriefs.Preview.PreviewServer(new(link, Port: 0));
        await server.StartAsync();
        using var http = TestHttp.Client(server.Address);

        Assert.Equal("User-agent: *", await http.GetStringAsync("/robots.txt"));
    }
}
