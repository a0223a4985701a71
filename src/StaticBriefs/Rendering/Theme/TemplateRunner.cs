using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Rendering.Theme;

/// <summary>
/// Renders layouts. A Scriban <see cref="TemplateContext"/> is not thread-safe, so each worker thread gets its own,
/// reused across that thread's pages (it also caches parsed partials).
/// </summary>
public sealed class TemplateRunner : IDisposable
{
    private readonly LayoutSet _layouts;
    private readonly ThemeTemplateLoader _loader;
    private readonly ThreadLocal<TemplateContext> _contexts;

    /// <summary>Creates a runner over parsed layouts.</summary>
    public TemplateRunner(LayoutSet layouts)
    {
        _layouts = layouts;
        _loader = new ThemeTemplateLoader(layouts.Files);
        _contexts = new ThreadLocal<TemplateContext>(CreateContext);
    }

    /// <summary>
    /// Renders <paramref name="layout"/> with the given globals, then wraps the result in the <c>base</c> layout
    /// as <c>content</c>. Returns null after reporting a diagnostic when a template fails.
    /// </summary>
    public string? RenderPage(string layout, ScriptObject globals, string pagePath, DiagnosticBag diagnostics)
    {
        var context = _contexts.Value!;
        context.PushGlobal(globals);
        try
        {
            var content = _layouts[layout].Render(context);
            globals["content"] = content;
            return _layouts["base"].Render(context);
        }
        catch (ScriptRuntimeException ex)
        {
            var file = ex.Span.FileName is { Length: > 0 } name ? _layouts.Files.Display(name) : $"layouts/{layout}.sbn";
            diagnostics.Error(file, ex.Span.Start.Line + 1, DiagnosticCodes.TemplateError,
                $"{ex.OriginalMessage} (while rendering {pagePath})", ex.Span.Start.Column + 1);
            return null;
        }
        finally
        {
            context.PopGlobal();
        }
    }

    private TemplateContext CreateContext() => new()
    {
        TemplateLoader = _loader,
        // Archive and index pages loop over every brief: Scriban's default limit of 1000 iterations is too low.
        LoopLimit = 0,
        RecursiveLimit = 64,
        EnableRelaxedMemberAccess = true,
        MemberRenamer = StandardMemberRenamer.Default,
    };

    /// <inheritdoc/>
    public void Dispose() => _contexts.Dispose();
}
