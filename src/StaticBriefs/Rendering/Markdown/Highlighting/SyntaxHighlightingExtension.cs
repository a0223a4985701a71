using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace StaticBriefs.Rendering.Markdown.Highlighting;

/// <summary>
/// Highlights fenced code with a known language at build time. It only swaps the HTML renderer of code blocks and
/// parses nothing, so every code block reaches it whoever made it: Markdig's fences and the code blocks the
/// shortcode extension makes from <c>{% highlight %}</c> and <c>{{&lt; highlight &gt;}}</c>. Rendering comes after the
/// syntax tree is final, so the plain text for search, read from the tree, never contains the spans.
/// </summary>
public sealed class SyntaxHighlightingExtension(SyntaxHighlighter highlighter) : IMarkdownExtension
{
    /// <inheritdoc/>
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    /// <inheritdoc/>
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html) return;
        var highlighting = new HighlightingCodeBlockRenderer(highlighter);
        if (!html.ObjectRenderers.Replace<CodeBlockRenderer>(highlighting)) html.ObjectRenderers.Add(highlighting);
    }
}

/// <summary>Pipeline builder helpers for <see cref="SyntaxHighlightingExtension"/>.</summary>
public static class SyntaxHighlightingPipeline
{
    /// <summary>Highlights fenced code blocks with <paramref name="highlighter"/> (one is shared by the whole build).</summary>
    public static MarkdownPipelineBuilder UseSyntaxHighlighting(this MarkdownPipelineBuilder pipeline, SyntaxHighlighter highlighter)
    {
        pipeline.Extensions.ReplaceOrAdd<SyntaxHighlightingExtension>(new SyntaxHighlightingExtension(highlighter));
        return pipeline;
    }
}
