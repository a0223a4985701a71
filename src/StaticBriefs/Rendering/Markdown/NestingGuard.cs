using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Rendering.Markdown;

/// <summary>
/// Keeps markdown nested beyond reason (thousands of '&gt;', list levels or emphasis delimiters) from reaching the
/// recursive parts of rendering. Markdig refuses containers deeper than 128 with an exception and renders inlines
/// recursively; the tree is measured here without recursion, and either case becomes SB039 at the line where the
/// nesting is, found by parsing ever shorter prefixes of the body (only on this error path).
/// </summary>
internal static class NestingGuard
{
    /// <summary>Deepest nesting of blocks and inlines a body may have (Markdig's own limits sit above it).</summary>
    public const int MaxDepth = 100;

    /// <summary>Parses <paramref name="markdown"/>; null after reporting SB039 when it is nested too deeply.</summary>
    public static MarkdownDocument? Parse(string markdown, MarkdownPipeline pipeline, string relativePath, int bodyFirstLine, DiagnosticBag diagnostics)
    {
        var (document, deepLine) = TryParse(markdown, pipeline);
        if (document is not null && deepLine < 0) return document;
        var line = deepLine >= 0 ? deepLine : FirstFailingLine(markdown, pipeline);
        diagnostics.Error(relativePath, bodyFirstLine + line, DiagnosticCodes.MarkdownTooDeep,
            $"markdown is nested more than {MaxDepth} levels deep here (quotes, lists or emphasis inside each other); flatten it");
        return null;
    }

    /// <summary>The document and -1, or the 0-based line of a node nested too deeply (document null when Markdig refused it: line -1).</summary>
    private static (MarkdownDocument? Document, int DeepLine) TryParse(string markdown, MarkdownPipeline pipeline)
    {
        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(markdown, pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig: "Markdown elements in the input are too deeply nested - depth limit exceeded."
            return (null, -1);
        }
        return (document, DeepestLine(document));
    }

    /// <summary>The line of the first node deeper than <see cref="MaxDepth"/>, or -1.</summary>
    internal static int DeepestLine(MarkdownDocument document)
    {
        var pending = new Stack<(MarkdownObject Node, int Depth)>();
        pending.Push((document, 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            if (depth > MaxDepth) return node.Line;
            switch (node)
            {
                case ContainerBlock container:
                    foreach (var child in container) pending.Push((child, depth + 1));
                    break;
                case LeafBlock { Inline: { } inline }:
                    pending.Push((inline, depth + 1));
                    break;
                case ContainerInline inlines:
                    for (var child = inlines.FirstChild; child is not null; child = child.NextSibling) pending.Push((child, depth + 1));
                    break;
            }
        }
        return -1;
    }

    /// <summary>The 0-based line whose addition makes the body fail: the smallest failing prefix, by bisection.</summary>
    private static int FirstFailingLine(string markdown, MarkdownPipeline pipeline)
    {
        var lineStarts = new List<int> { 0 };
        for (var i = markdown.IndexOf('\n'); i >= 0; i = markdown.IndexOf('\n', i + 1)) lineStarts.Add(i + 1);
        int low = 0, high = lineStarts.Count - 1; // the prefix of lines [0, high] fails
        while (low < high)
        {
            var middle = (low + high) / 2;
            var end = middle + 1 < lineStarts.Count ? lineStarts[middle + 1] : markdown.Length;
            var (document, deep) = TryParse(markdown[..end], pipeline);
            if (document is null || deep >= 0) high = middle;
            else low = middle + 1;
        }
        return low;
    }
}
