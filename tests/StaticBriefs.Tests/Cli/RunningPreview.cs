using System.Text;
using System.Text.RegularExpressions;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Cli;

/// <summary>
/// <c>staticbriefs preview</c> running in-process on a free port over a copy of the sample site; disposing it
/// cancels the command as Ctrl+C would and checks that it ended cleanly.
/// </summary>
internal sealed partial class RunningPreview : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<int> _run;

    private RunningPreview(TestSite site, string[] extra)
    {
        Site = site;
        _run = Task.Run(() => StaticBriefs.Cli.CommandLineApp.RunAsync(
            ["preview", "--input", site.InputDirectory, "--output", site.OutputDirectory, "--theme", RepoPaths.Theme, "--port", "0", .. extra],
            Stdout, Stderr, _stop.Token));
    }

    public TestSite Site { get; }
    public ConcurrentWriter Stdout { get; } = new();
    public ConcurrentWriter Stderr { get; } = new();
    public Uri Address { get; private set; } = null!;

    /// <summary>Starts the preview and waits until the first build is served.</summary>
    public static async Task<RunningPreview> StartAsync(params string[] extra)
    {
        var preview = new RunningPreview(TestSite.CopyOf(RepoPaths.SampleInput), extra);
        await preview.WaitForAsync(() => AddressLine().Match(preview.Stdout.ToString()) is { Success: true } m ? m : null, "the address");
        preview.Address = new Uri(AddressLine().Match(preview.Stdout.ToString()).Groups[1].Value);
        await preview.WaitForAsync(() => preview.Stdout.ToString().Contains("Built ", StringComparison.Ordinal) ? "" : null, "the first build");
        return preview;
    }

    /// <summary>Polls until <paramref name="probe"/> returns non-null (10 s at most, generous for a loaded machine).</summary>
    public async Task<T> WaitForAsync<T>(Func<T?> probe, string what) where T : class
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_run.IsCompleted, $"preview ended early:\n{Stdout}\n{Stderr}");
            if (probe() is { } found) return found;
            await Task.Delay(50);
        }
        throw new TimeoutException($"waited 10 s for {what}:\n{Stdout}\n{Stderr}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        var code = await _run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, code);
        Assert.Contains("Preview stopped.", Stdout.ToString());
        _stop.Dispose();
        Site.Dispose();
    }

    [GeneratedRegex(@"Previewing at (\S+)")]
    private static partial Regex AddressLine();
}

/// <summary>A text writer that the command's threads and the test can share.</summary>
internal sealed class ConcurrentWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate) _text.Append(value);
    }

    public override void Write(string? value)
    {
        lock (_gate) _text.Append(value);
    }

    public override void WriteLine(string? value)
    {
        lock (_gate) _text.Append(value).Append('\n');
    }

    public override string ToString()
    {
        lock (_gate) return _text.ToString();
    }
}
