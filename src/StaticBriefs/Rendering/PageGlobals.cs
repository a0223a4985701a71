using Scriban.Runtime;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Rendering;

/// <summary>Builds the global variables of one page render: <c>site</c>, <c>page</c> and the page kind's own object.</summary>
internal static class PageGlobals
{
    public static ScriptObject Create(SiteView site, PageView page, string? name = null, object? value = null)
    {
        var globals = new ScriptObject
        {
            ["site"] = site,
            ["page"] = page,
        };
        if (name is not null) globals[name] = value;
        return globals;
    }
}
