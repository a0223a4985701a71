using System.Net;
using System.Text.Json;

namespace StaticBriefs.Tests.Preview;

public sealed class PreviewServerEventsTests
{
    [Fact]
    public async Task Connected_client_receives_reload_after_NotifyReload()
    {
        using var site = new PreviewSite();
        await using var server = await site.StartAsync();
        using var http = TestHttp.Client(server.Address);
        await using var events = await EventReader.ConnectAsync(http, "/__staticbriefs/events");

        server.NotifyReload();

        var (name, _) = await events.NextEventAsync();
        Assert.Equal("reload", name);
    }

    [Fact]
    public async Task Connected_client_receives_the_error_text_and_then_the_clear()
    {
        using var site = new PreviewSite();
        await using var server = await site.StartAsync();
        using var http = TestHttp.Client(server.Address);
        await using var events = await EventReader.ConnectAsync(http, "/__staticbriefs/events");
        const string message = "briefs/2026/a.md:3: unknown key 'tittle'\ntheme/layouts/brief.sbn:12: <b>bad</b> & worse";

        server.ShowError(message);
        var shown = await events.NextEventAsync();
        server.ShowError(null);
        var cleared = await events.NextEventAsync();

        Assert.Equal("error", shown.Name);
        Assert.Equal(message, Message(shown.Data));
        Assert.Equal("error", cleared.Name);
        Assert.Null(Message(cleared.Data));
    }

    [Fact]
    public async Task Client_connecting_while_an_error_is_set_receives_it_at_once()
    {
        using var site = new PreviewSite();
        await using var server = await site.StartAsync("/briefs-site/");
        using var http = TestHttp.Client(server.Address);
        server.ShowError("input/_site.yml:1: title is required");

        await using var events = await EventReader.ConnectAsync(http, "/briefs-site/__staticbriefs/events");
        var (name, data) = await events.NextEventAsync();

        Assert.Equal("error", name);
        Assert.Equal("input/_site.yml:1: title is required", Message(data));
    }

    [Fact]
    public async Task Open_event_streams_do_not_block_other_requests_or_shutdown()
    {
        using var site = new PreviewSite();
        var server = await site.StartAsync();
        using var http = TestHttp.Client(server.Address);
        var streams = new List<EventReader>();
        for (var i = 0; i < 20; i++)
        {
            streams.Add(await EventReader.ConnectAsync(http, "/__staticbriefs/events"));
        }

        using var page = await http.GetAsync("/robots.txt");
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        await server.DisposeAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(1), $"stopping took {stopping.Elapsed}");
        foreach (var stream in streams)
        {
            await stream.DisposeAsync();
        }
    }

    private static string? Message(string json)
    {
        using var document = JsonDocument.Parse(json);
        var message = document.RootElement.GetProperty("message");
        return message.ValueKind == JsonValueKind.Null ? null : message.GetString();
    }

    /// <summary>Reads server-sent events from one open response.</summary>
    private sealed class EventReader : IAsyncDisposable
    {
        private readonly HttpResponseMessage _response;
        private readonly StreamReader _reader;

        private EventReader(HttpResponseMessage response, StreamReader reader)
        {
            _response = response;
            _reader = reader;
        }

        /// <summary>Connects and waits for the greeting, after which the server has registered us.</summary>
        public static async Task<EventReader> ConnectAsync(HttpClient http, string path)
        {
            var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            var events = new EventReader(response, reader);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            while (await reader.ReadLineAsync(timeout.Token) is { } line && line != ": connected")
            {
            }

            return events;
        }

        public async Task<(string Name, string Data)> NextEventAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            string? name = null;
            var data = new List<string>();
            while (await _reader.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.Length == 0 && name is not null)
                {
                    return (name, string.Join('\n', data));
                }

                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line["event: ".Length..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data.Add(line["data: ".Length..]);
                }
            }

            throw new EndOfStreamException("event stream ended");
        }

        public ValueTask DisposeAsync()
        {
            _reader.Dispose();
            _response.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
