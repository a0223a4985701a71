using System.Text;
using Markdig.Syntax.Inlines;

namespace StaticBriefs.Loading.Conventions;

/// <summary>
/// The plain words of markdown inlines (literals, code, entities, autolinks, emphasis and link text), for the
/// authors and summaries other generators' front matter and bodies give.
/// </summary>
internal static class InlineWords
{
    /// <summary>Inlines nested deeper than this (thousands of emphasis delimiters) add no words: recursion stays bounded.</summary>
    private const int MaxDepth = 100;

    /// <summary>
    /// Appends the words of <paramref name="container"/>. With <paramref name="keepHtml"/> raw HTML is kept as written
    /// (a name is text: the theme escapes it) and images give their alt text; without it both add nothing.
    /// </summary>
    public static void Append(ContainerInline container, StringBuilder text, bool keepHtml, int depth = 0)
    {
        if (depth > MaxDepth) return;
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case HtmlInline html:
                    if (keepHtml) text.Append(html.Tag);
                    break;
                case LinkInline { IsImage: true } when !keepHtml:
                    break;
                case ContainerInline inner:
                    Append(inner, text, keepHtml, depth + 1);
                    break;
            }
        }
    }
}
