using Markdig;
using Markdig.Extensions.Figures;
using Markdig.Renderers;
using StaticBriefs.Rendering.Markdown.Templates;

namespace StaticBriefs.Rendering.Markdown.Shortcodes;

/// <summary>
/// Built-in equivalents of the shortcodes and Liquid tags most posts use, rendered instead of printed: Hugo's
/// <c>figure</c>, <c>youtube</c>, <c>vimeo</c>, <c>highlight</c>, <c>ref</c> and <c>relref</c>; Jekyll's
/// <c>{% highlight %}</c>, <c>{% link %}</c>, <c>{% post_url %}</c>, and <c>{{ site.baseurl }}</c> in link targets.
/// Highlight blocks are a block parser (their lines are code, never markdown). Everything else works on the parsed
/// tree when the document is processed: it needs the template tags the template syntax extension made, and it must
/// run before entity auto-linking, which would otherwise link names inside a link text not yet rebuilt; the
/// pipeline adds this extension before that one. Links are resolved later, in the renderer's walk, where the
/// body's file and the site's links are known (<see cref="TemplateLinkInline"/>).
/// </summary>
public sealed class ShortcodeExtension : IMarkdownExtension
{
    /// <inheritdoc/>
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        var parser = pipeline.BlockParsers.Find<HighlightBlockParser>();
        if (parser is null) pipeline.BlockParsers.Insert(0, parser = new HighlightBlockParser());
        pipeline.DocumentProcessed += document =>
        {
            BlockShortcodes.Replace(document, parser);
            LinkTargetRepair.Repair(document);
        };
    }

    /// <inheritdoc/>
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html) return;
        if (!html.ObjectRenderers.Contains<FigureImageRenderer>()) html.ObjectRenderers.Add(new FigureImageRenderer());
        if (!html.ObjectRenderers.Contains<HtmlFigureRenderer>()) html.ObjectRenderers.Add(new HtmlFigureRenderer());
        if (!html.ObjectRenderers.Contains<HtmlFigureCaptionRenderer>()) html.ObjectRenderers.Add(new HtmlFigureCaptionRenderer());
    }
}

/// <summary>Pipeline builder helpers for <see cref="ShortcodeExtension"/>.</summary>
public static class ShortcodePipeline
{
    /// <summary>Renders the shortcodes StaticBriefs has equivalents for (and recognises template syntax, which they need).</summary>
    public static MarkdownPipelineBuilder UseShortcodes(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.UseTemplateSyntax();
        pipeline.Extensions.AddIfNotAlready<ShortcodeExtension>();
        return pipeline;
    }
}
