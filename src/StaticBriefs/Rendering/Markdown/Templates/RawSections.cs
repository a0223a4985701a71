using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace StaticBriefs.Rendering.Markdown.Templates;

/// <summary>
/// Liquid's <c>{% raw %}...{% endraw %}</c>: Jekyll posts wrap template syntax in it to show it to readers, around text
/// or around whole code fences. What Jekyll shows is the text without the two tags, so that is what comes out: the
/// tags go, and template syntax between them reads as written, with no warning. Liquid runs over code too, so the
/// two tags are also taken out of code blocks and code spans (a line holding only one of them goes with it).
/// </summary>
internal static partial class RawSections
{
    public static void Apply(MarkdownDocument document)
    {
        var raw = false;
        Walk(document, ref raw);
    }

    private static void Walk(ContainerBlock container, ref bool raw)
    {
        for (var i = 0; i < container.Count; i++)
        {
            switch (container[i])
            {
                case CodeBlock code:
                    StripCode(code);
                    break;
                case LeafBlock { Inline: { } inline } leaf:
                    Inlines(inline, ref raw);
                    // A paragraph that held only {% raw %} or {% endraw %} is gone, not left empty.
                    if (leaf is ParagraphBlock && IsBlank(inline))
                    {
                        container.RemoveAt(i);
                        i--;
                    }
                    break;
                case ContainerBlock inner:
                    Walk(inner, ref raw);
                    break;
            }
        }
    }

    private static void Inlines(ContainerInline container, ref bool raw)
    {
        for (var child = container.FirstChild; child is not null;)
        {
            var next = child.NextSibling;
            switch (child)
            {
                case TemplateTagInline { Tag: { Syntax: TemplateSyntax.Tag, Name: "raw" or "endraw" } tag }:
                    raw = tag.Name == "raw";
                    child.Remove();
                    break;
                case TemplateTagInline tag when raw:
                    child.ReplaceBy(new LiteralInline(tag.Tag.Display) { Line = tag.Line, Column = tag.Column, Span = tag.Span });
                    break;
                case CodeInline code when Marker().IsMatch(code.Content):
                    code.Content = Marker().Replace(code.Content, "");
                    break;
                case ContainerInline inner:
                    Inlines(inner, ref raw);
                    break;
            }
            child = next;
        }
    }

    private static void StripCode(CodeBlock code)
    {
        var lines = code.Lines;
        var changed = false;
        for (var i = 0; i < lines.Count && !changed; i++) changed = Marker().IsMatch(lines.Lines[i].Slice.AsSpan());
        if (!changed) return;
        var kept = new StringLineGroup(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines.Lines[i];
            var text = line.Slice.ToString();
            var stripped = Marker().Replace(text, "");
            if (stripped.Length != text.Length && string.IsNullOrWhiteSpace(stripped)) continue;
            kept.Add(new StringLine(new StringSlice(stripped), line.Line, line.Column, line.Position, line.NewLine));
        }
        code.Lines = kept;
    }

    private static bool IsBlank(ContainerInline inline)
    {
        for (var child = inline.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is LineBreakInline) continue;
            if (child is LiteralInline literal && literal.Content.AsSpan().IsWhiteSpace()) continue;
            return false;
        }
        return true;
    }

    [GeneratedRegex(@"\{%-?\s*(?:raw|endraw)\s*-?%\}")]
    private static partial Regex Marker();
}
