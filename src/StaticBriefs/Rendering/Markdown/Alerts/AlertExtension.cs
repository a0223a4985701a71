using Markdig;
using Markdig.Extensions.Alerts;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace StaticBriefs.Rendering.Markdown.Alerts;

/// <summary>
/// GitHub alert blocks (<c>&gt; [!NOTE]</c>, <c>[!TIP]</c>, <c>[!IMPORTANT]</c>, <c>[!WARNING]</c>, <c>[!CAUTION]</c>) as
/// accessible callouts. Markdig 1.6 parses them (<see cref="Markdig.Extensions.Alerts.AlertExtension"/>); this
/// extension keeps its parser and only replaces the renderer (<see cref="AlertRenderer"/>), so alerts nest, link and
/// auto-link exactly as the quotes they are. The parser runs as an inline parser on a quote's first line, so it needs
/// no place among the block parsers; Markdig's extension is added first, so its renderer exists and is replaced.
/// </summary>
public sealed class AlertExtension : IMarkdownExtension
{
    /// <inheritdoc/>
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    /// <inheritdoc/>
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html) return;
        var alerts = new AlertRenderer();
        if (!html.ObjectRenderers.Replace<AlertBlockRenderer>(alerts)) html.ObjectRenderers.InsertBefore<QuoteBlockRenderer>(alerts);
    }
}

/// <summary>Pipeline builder helpers for <see cref="AlertExtension"/>.</summary>
public static class AlertPipeline
{
    /// <summary>Renders GitHub alert blocks as accessible callouts.</summary>
    public static MarkdownPipelineBuilder UseAccessibleAlerts(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<Markdig.Extensions.Alerts.AlertExtension>();
        pipeline.Extensions.AddIfNotAlready<AlertExtension>();
        return pipeline;
    }
}
