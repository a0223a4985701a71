using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StaticBriefs.Browser.Tests.Support;

namespace StaticBriefs.Browser.Tests;

/// <summary>The author's loop in a real browser: edit a brief on disk, see the open tab show it by itself.</summary>
public sealed partial class LiveReloadTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sb-live-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Open_brief_shows_a_title_changed_on_disk_without_a_manual_reload()
    {
        var input = Path.Combine(_folder, "input");
        Copy(RepoPaths.Input, input);
        var stdout = new StringWriter();
        // The synchronized wrapper locks on itself; reading under the same lock never sees a half-written line.
        var shared = TextWriter.Synchronized(stdout);
        using var stop = new CancellationTokenSource();
        // Served under a sub-path, as on GitHub Pages, so the reload script and links are checked with a prefix.
        var run = Task.Run(() => StaticBriefs.Cli.CommandLineApp.RunAsync(
            ["preview", "--input", input, "--output", Path.Combine(_folder, "preview"), "--theme", RepoPaths.Theme,
             "--port", "0", "--base-url", "https://briefs.example.org/briefs-site/"],
            shared, TextWriter.Null, stop.Token));
        var address = await WaitForAddressAsync(stdout, shared, run);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = RepoPaths.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        var response = await page.GotoAsync(address + "briefs/amazon-anthropic-4-billion/");
        Assert.Equal(200, response!.Status);
        Assert.StartsWith("/briefs-site/", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Amazon invests another $4 billion in Anthropic");

        var path = Path.Combine(input, "briefs/2024/amazon-anthropic-4-billion.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace(
            "title: \"Amazon invests another $4 billion in Anthropic\"", "title: \"Amazon doubles down on Anthropic\"", StringComparison.Ordinal));

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Amazon doubles down on Anthropic");
        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private static async Task<string> WaitForAddressAsync(StringWriter stdout, TextWriter shared, Task<int> run)
    {
        for (var i = 0; i < 300 && !run.IsCompleted; i++)
        {
            string text;
            lock (shared) text = stdout.ToString();
            // Wait for the first build too, so the page exists when the browser asks for it.
            if (AddressLine().Match(text) is { Success: true } match && text.Contains("Built ", StringComparison.Ordinal))
                return match.Groups[1].Value;
            await Task.Delay(50);
        }
        throw new TimeoutException("preview did not start: " + stdout);
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [GeneratedRegex(@"Previewing at (\S+)")]
    private static partial Regex AddressLine();
}
