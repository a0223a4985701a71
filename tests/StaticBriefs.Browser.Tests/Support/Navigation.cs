using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace StaticBriefs.Browser.Tests.Support;

/// <summary>
/// Runs an action that leaves the page and waits for the new one to load. The wait starts before the action:
/// a WaitForURL started after a click or key press can miss a navigation that has already committed, and then
/// waits for a load event that never comes again (seen as a 30 s timeout about every other run).
/// </summary>
internal static class Navigation
{
    public static async Task ThenWaitForUrlAsync(this IPage page, Func<Task> action, string url)
    {
        var loaded = page.WaitForURLAsync(url);
        await action();
        await loaded;
    }

    public static async Task ThenWaitForUrlAsync(this IPage page, Func<Task> action, Regex url)
    {
        var loaded = page.WaitForURLAsync(url);
        await action();
        await loaded;
    }
}
