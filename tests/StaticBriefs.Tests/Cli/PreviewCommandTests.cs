using System.Net;
using System.Text.Json;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Cli;

[Collection(CliCollection.Name)]
public sealed class PreviewCommandTests
{
    private const string Brief = "briefs/2024/amazon-anthropic-4-billion.md";
    private const string Page = "/briefs/amazon-anthropic-4-billion/";

    [Fact]
    public async Task Editing_a_brief_serves_the_new_title_and_pushes_a_reload()
    {
        await using var preview = await RunningPreview.StartAsync();
        using var http = new HttpClient { BaseAddress = preview.Address, Timeout = TimeSpan.FromSeconds(30) };
        var before = await http.GetStringAsync(Page.TrimStart('/'));
        Assert.Contains("Amazon invests another $4 billion in Anthropic", before);
        // Canonical links point at the preview itself, so following them stays local.
        Assert.Contains($"href=\"{preview.Address}briefs/amazon-anthropic-4-billion/\"", before);
        await using var events = await EventStream.ConnectAsync(http);

        Edit(preview, "Amazon invests another $4 billion in Anthropic", "Amazon doubles down on Anthropic");

        Assert.Equal("reload", (await events.NextAsync()).Name);
        var after = await http.GetStringAsync(Page.TrimStart('/'));
        Assert.Contains("Amazon doubles down on Anthropic", after);
    }

    [Fact]
    public async Task A_broken_brief_shows_its_error_keeps_serving_and_the_fix_clears_it()
    {
        await using var preview = await RunningPreview.StartAsync();
        using var http = new HttpClient { BaseAddress = preview.Address, Timeout = TimeSpan.FromSeconds(30) };
        await using var events = await EventStream.ConnectAsync(http);

        Edit(preview, "date: 2024-11-22", "date: 2024-13-45");
        var error = await events.NextAsync();

        Assert.Equal("error", error.Name);
        var message = Message(error.Data);
        Assert.NotNull(message);
        Assert.Contains(Brief + ":3", message);
        Assert.Contains("is not a date", message);
        using (var response = await http.GetAsync(Page.TrimStart('/')))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Amazon invests another $4 billion in Anthropic", await response.Content.ReadAsStringAsync());
        }

        Edit(preview, "date: 2024-13-45", "date: 2024-11-22");
        var cleared = await events.NextAsync();
        var reload = await events.NextAsync();

        Assert.Equal("error", cleared.Name);
        Assert.Null(Message(cleared.Data));
        Assert.Equal("reload", reload.Name);
    }

    [Fact]
    public async Task A_taken_port_is_a_usage_error_without_a_stack_trace()
    {
        await using var preview = await RunningPreview.StartAsync();

        var run = CliRun.Invoke("preview", "--input", preview.Site.InputDirectory, "--theme", RepoPaths.Theme,
            "--port", preview.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot listen on 127.0.0.1", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    private static void Edit(RunningPreview preview, string from, string to)
    {
        var path = Path.Combine(preview.Site.InputDirectory, Brief);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private static string? Message(string json)
    {
        using var document = JsonDocument.Parse(json);
        var message = document.RootElement.GetProperty("message");
        return message.ValueKind == JsonValueKind.Null ? null : message.GetString();
    }

    /// <summary>Reads the preview's server-sent events.</summary>
    private sealed class EventStream(HttpResponseMessage response, StreamReader reader) : IAsyncDisposable
    {
        public static async Task<EventStream> ConnectAsync(HttpClient http)
        {
            var response = await http.GetAsync("__staticbriefs/events", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (await reader.ReadLineAsync(timeout.Token) is { } line && line != ": connected")
            {
            }
            return new EventStream(response, reader);
        }

        /// <summary>The next event; the watcher's quiet period and a rebuild must fit in 10 s on a loaded machine.</summary>
        public async Task<(string Name, string Data)> NextAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            string? name = null;
            var data = new List<string>();
            while (await reader.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.Length == 0 && name is not null) return (name, string.Join('\n', data));
                if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line["event: ".Length..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal)) data.Add(line["data: ".Length..]);
            }
            throw new EndOfStreamException("event stream ended");
        }

        public ValueTask DisposeAsync()
        {
            reader.Dispose();
            response.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
