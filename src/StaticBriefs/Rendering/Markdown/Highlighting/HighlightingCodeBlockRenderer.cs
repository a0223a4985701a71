using System.Diagnostics;
using System.Text;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace StaticBriefs.Rendering.Markdown.Highlighting;

/// <summary>
/// Writes a fenced block in a known language as <c>&lt;pre&gt;&lt;code class="language-x"&gt;</c> with token spans; any
/// other code block (no language, an unknown one, <c>text</c>) goes to Markdig's renderer and stays escaped plain text.
/// </summary>
/// <remarks>
/// One body may spend <see cref="BodyBudget"/> on highlighting; blocks after that are written plain. Each HTML renderer
/// renders one document at a time, so the time spent is kept here, per document.
/// </remarks>
internal sealed class HighlightingCodeBlockRenderer(SyntaxHighlighter highlighter) : CodeBlockRenderer
{
    /// <summary>
    /// Highlighting time one body may use. Ordinary bodies use milliseconds; a body of pathological lines (about
    /// 0.3 s each) is cut here, so no file can hold the build for long. A time, so only such a body can come out
    /// differently from run to run.
    /// </summary>
    public static readonly TimeSpan BodyBudget = TimeSpan.FromSeconds(10);

    private MarkdownDocument? _document;
    private TimeSpan _spent;

    protected override void Write(HtmlRenderer renderer, CodeBlock obj)
    {
        if (obj is FencedCodeBlock { Info: { Length: > 0 } info } && renderer.EnableHtmlForBlock)
        {
            var language = LanguageOf(info);
            var document = DocumentOf(obj);
            if (!ReferenceEquals(document, _document))
            {
                _document = document;
                _spent = TimeSpan.Zero;
            }
            if (SyntaxHighlighter.Knows(language) && _spent < BodyBudget)
            {
                var html = new StringBuilder();
                var started = Stopwatch.GetTimestamp();
                var highlighted = highlighter.TryHighlight(language, LinesOf(obj), html, BodyBudget - _spent);
                _spent += Stopwatch.GetElapsedTime(started);
                if (highlighted)
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

    /// <summary>
    /// The language of an info string: <c>rust,ignore</c> (rustdoc) and <c>go{linenos=table}</c> mean rust and go, and
    /// Eleventy's <c>diff-js</c> (a diff of JavaScript) is a diff.
    /// </summary>
    internal static ReadOnlySpan<char> LanguageOf(string info)
    {
        var span = info.AsSpan();
        var end = span.IndexOfAny(",{");
        if (end >= 0) span = span[..end];
        return span.StartsWith("diff-", StringComparison.OrdinalIgnoreCase) ? "diff" : span;
    }

    private static MarkdownDocument? DocumentOf(Block block)
    {
        Block? node = block;
        while (node is not null and not MarkdownDocument) node = node.Parent;
        return node as MarkdownDocument;
    }

    private static string[] LinesOf(LeafBlock block)
    {
        var lines = block.Lines;
        var result = new string[lines.Count];
        for (var i = 0; i < lines.Count; i++) result[i] = lines.Lines[i].Slice.ToString();
        return result;
    }
}
