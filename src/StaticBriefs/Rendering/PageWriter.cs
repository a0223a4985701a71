using Scriban.Runtime;
using StaticBriefs.Diagnostics;
using StaticBriefs.Output;
using StaticBriefs.Rendering.Theme;

namespace StaticBriefs.Rendering;

/// <summary>
/// Renders one page into a sink, unless the sink remembers an identical page from the previous build: the one place
/// where incremental builds meet the renderers, so the renderers themselves stay unaware of caching.
/// </summary>
internal static class PageWriter
{
    /// <summary>
    /// Writes the page <paramref name="file"/> of <paramref name="layout"/>. With <paramref name="changed"/>, the page is
    /// known to differ from the last build's: it is not fingerprinted (nor looked for among the kept pages), and its
    /// record carries no fingerprint (the memo keys it by its bytes), so a later build renders it again rather than keep it.
    /// </summary>
    public static void Write(
        TemplateRunner templates, IOutputSink sink, string file, string layout, ScriptObject globals, string sitePath,
        DiagnosticBag diagnostics, bool changed = false)
    {
        var memo = sink as IPageMemo;
        var fingerprint = changed ? null : memo?.Fingerprint(layout, file, globals);
        if (fingerprint is not null && memo!.TryReuse(file, fingerprint)) return;
        if (templates.RenderPage(layout, globals, sitePath, diagnostics) is not { } html) return;
        try
        {
            if (memo is not null) memo.WritePage(file, html, fingerprint);
            else html.WriteTo(sink, file);
        }
        finally
        {
            html.Release();
        }
    }
}
