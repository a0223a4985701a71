using System.Text;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace StaticBriefs.Rendering.Markdown.Highlighting;

/// <summary>
/// Writes a fenced block in a known language as <c>&lt;pre&gt;&lt;code class="language-x"&gt;</c> with token spans; any
/// other code block (no language, an unknown one, <c>text</c>) goes to Markdig's renderer and stays escaped plain text.
/// </summary>
internal sealed class HighlightingCodeBlockRenderer(SyntaxHighlighter highlighter) : CodeBlockRenderer
{
    protected override void Write(HtmlRenderer renderer, CodeBlock obj)
    {
        if (obj is FencedCodeBlock { Info: { Length: > 0 } info } && renderer.EnableHtmlForBlock)
        {
            var language = LanguageOf(info);
            if (SyntaxHighlighter.Knows(language))
            {
                var html = new StringBuilder();
                if (highlighter.TryHighlight(language, LinesOf(obj), html))
                {
                    renderer.EnsureLine();
                    renderer.Write("<pre><code").WriteAttributes(obj).Write('>');
                    renderer.Write(html.ToString());
                    renderer.WriteLine("</code></pre>");
                    return;
                }
            }
        }
        base.Write(renderer, obj);
    }

    /// <summary>The language of an info string: <c>rust,ignore</c> (rustdoc) and <c>go{linenos=table}</c> mean rust and go.</summary>
    internal static ReadOnlySpan<char> LanguageOf(string info)
    {
        var span = info.AsSpan();
        var end = span.IndexOfAny(",{");
        return end >= 0 ? span[..end] : span;
    }

    private static string[] LinesOf(LeafBlock block)
    {
        var lines = block.Lines;
        var result = new string[lines.Count];
        for (var i = 0; i < lines.Count; i++) result[i] = lines.Lines[i].Slice.ToString();
        return result;
    }
}
