using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace StaticBriefs.Rendering.Markdown.Templates;

/// <summary>
/// Template syntax other generators leave in markdown (Liquid and Nunjucks <c>{% %}</c> and <c>{{ }}</c>, Hugo
/// shortcodes <c>{{&lt; &gt;}}</c> and <c>{{% %}}</c>, comments <c>{# #}</c>) becomes a node of its own: shown as written,
/// reported at its line and column with what to do, and out of reach of emphasis, smart quotes and entity links.
/// The parser goes first among the inline parsers, ahead of Markdig's own <c>{</c> parser (generic attributes), and
/// needs no ordering against the others: no other one starts at <c>{</c>. Liquid's raw sections are settled when the
/// document is processed (<see cref="RawSections"/>), before the shortcode extension and entity links look at tags.
/// </summary>
public sealed class TemplateSyntaxExtension : IMarkdownExtension
{
    /// <inheritdoc/>
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<TemplateTagParser>()) pipeline.InlineParsers.Insert(0, new TemplateTagParser());
        pipeline.DocumentProcessed += RawSections.Apply;
    }

    /// <inheritdoc/>
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<TemplateTagRenderer>())
            html.ObjectRenderers.Add(new TemplateTagRenderer());
    }
}

/// <summary>Writes a template tag as the text it was (Hugo's escaped form as it reads).</summary>
internal sealed class TemplateTagRenderer : HtmlObjectRenderer<TemplateTagInline>
{
    protected override void Write(HtmlRenderer renderer, TemplateTagInline obj) => renderer.WriteEscape(obj.Tag.Display);
}

/// <summary>Pipeline builder helpers for <see cref="TemplateSyntaxExtension"/>.</summary>
public static class TemplateSyntaxPipeline
{
    /// <summary>Recognises template syntax left in bodies.</summary>
    public static MarkdownPipelineBuilder UseTemplateSyntax(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<TemplateSyntaxExtension>();
        return pipeline;
    }
}
