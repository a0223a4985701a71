using StaticBriefs.Output;
using StaticBriefs.Preview;
using StaticBriefs.Tests.Preview;

namespace StaticBriefs.Tests.Output;

/// <summary>Preview serves a rebuild only once its commit is complete: requests wait at the gate while files move.</summary>
public sealed class CommitGateTests
{
    [Fact]
    public async Task A_request_arriving_during_a_commit_waits_for_it_and_gets_the_new_file()
    {
        using var site = new PreviewSite();
        using var gate = new CommitGate();
        await using var server = new PreviewServer(new PreviewOptions(site.Output, Port: 0, LiveReload: false) { Gate = gate });
        await server.StartAsync();
        using var http = TestHttp.Client(server.Address);

        Task<string> request;
        using (gate.EnterWrite())
        {
            request = http.GetStringAsync("/robots.txt");
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (gate.WaitingReaders == 0 && !request.IsCompleted && DateTime.UtcNow < deadline) await Task.Delay(10);
            Assert.False(request.IsCompleted, "the request was served in the middle of a commit");
            Assert.Equal(1, gate.WaitingReaders);
            // The commit moves the new file in while the request waits.
            site.Write("robots.txt", "User-agent: *\nDisallow: /drafts/");
        }

        Assert.Equal("User-agent: *\nDisallow: /drafts/", await request);
    }

    [Fact]
    public async Task Requests_go_through_when_no_commit_is_under_way()
    {
        using var gate = new CommitGate();

        using (await gate.EnterReadAsync(CancellationToken.None))
        using (await gate.EnterReadAsync(CancellationToken.None))
        {
            Assert.Equal(0, gate.WaitingReaders);
        }
        using (gate.EnterWrite())
        {
            Assert.Equal(0, gate.WaitingReaders);
        }
    }
}
