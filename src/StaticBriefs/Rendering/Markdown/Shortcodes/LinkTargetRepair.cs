using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using StaticBriefs.Rendering.Markdown.Templates;

namespace StaticBriefs.Rendering.Markdown.Shortcodes;

/// <summary>
/// Finds links whose target is template syntax and makes them links again. CommonMark allows no spaces in a link
/// target, so Markdig leaves <c>[text]({% post_url x %})</c> as text around a template tag: "[", the link text,
/// "](", the tag, ")". The text on both sides is read back from the tree (brackets counted, so <c>[a [b] c]</c>
/// works), and the pieces become one <see cref="TemplateLinkInline"/> holding the link text. Only the shapes of a
/// plain link target are taken: tags that name URLs, then path text up to the closing parenthesis.
/// </summary>
internal static class LinkTargetRepair
{
    public static void Repair(Block block)
    {
        switch (block)
        {
            case CodeBlock:
                return;
            case LeafBlock leaf:
                if (leaf.Inline is { } inline) RepairInlines(inline);
                return;
            case ContainerBlock container:
                foreach (var child in container) Repair(child);
                return;
        }
    }

    private static void RepairInlines(ContainerInline container)
    {
        for (var child = container.FirstChild; child is not null;)
        {
            var next = child.NextSibling;
            if (child is TemplateTagInline { Tag.NamesUrl: true } tag && TryRepair(tag) is { } link) next = link.NextSibling;
            else if (child is ContainerInline inner and not LinkInline) RepairInlines(inner);
            child = next;
        }
    }

    private static TemplateLinkInline? TryRepair(TemplateTagInline first)
    {
        // Before the tag: "](" ending a literal, and the '[' that opens the link text further back.
        if (first.PreviousSibling is not LiteralInline before || !before.Content.AsSpan().EndsWith("]("))
            return null;
        if (FindOpener(before, before.Content.Length - 2) is not var (opener, openIndex)) return null;

        // After it: more URL tags, then path text up to ')'.
        var parts = new List<LinkTargetPart>();
        Inline? cursor = first;
        while (cursor is TemplateTagInline { Tag.NamesUrl: true } tag)
        {
            parts.Add(new LinkTargetPart(tag.Tag, tag.Tag.Text));
            cursor = cursor.NextSibling;
        }
        if (cursor is not LiteralInline after) return null;
        var rest = after.Content.ToString();
        var close = rest.IndexOf(')', StringComparison.Ordinal);
        if (close < 0) return null;
        var path = rest[..close].TrimEnd();
        if (path.AsSpan().ContainsAny(" \t\n")) return null;
        if (path.Length > 0) parts.Add(new LinkTargetPart(null, path));

        // "![" makes an image; the '!' may sit in the literal before the one holding '['.
        var openText = opener.Content.ToString();
        var bang = opener.PreviousSibling as LiteralInline;
        var isImage = openIndex > 0 ? openText[openIndex - 1] == '!' : bang is not null && bang.Content.AsSpan().EndsWith("!");
        // Markdig gives the '[' left over from a failed link no position; the target's first tag has one, and it is
        // what messages are about.
        var link = new TemplateLinkInline(parts, isImage) { Line = first.Line, Column = first.Column, Span = first.Span };

        // The link text: the rest of the opener's literal, the nodes up to "](", and the text before "](".
        if (opener == before)
        {
            Append(link, openText[(openIndex + 1)..^2], opener);
        }
        else
        {
            Append(link, openText[(openIndex + 1)..], opener);
            for (var node = opener.NextSibling; node is not null && node != before;)
            {
                var next = node.NextSibling;
                node.Remove();
                link.AppendChild(node);
                node = next;
            }
            Append(link, before.Content.ToString()[..^2], before);
            before.Remove();
        }
        // The target: the tags, and the path text up to ')'.
        for (var node = opener.NextSibling; node is not null && node != after;)
        {
            var next = node.NextSibling;
            node.Remove();
            node = next;
        }
        opener.InsertAfter(link);
        SetContent(opener, openText[..(isImage && openIndex > 0 ? openIndex - 1 : openIndex)]);
        if (isImage && openIndex == 0) SetContent(bang!, bang!.Content.ToString()[..^1]);
        SetContent(after, rest[(close + 1)..]);
        return link;
    }

    private static void Append(TemplateLinkInline link, string text, LiteralInline from)
    {
        if (text.Length > 0) link.AppendChild(new LiteralInline(text) { Line = from.Line, Column = from.Column });
    }

    /// <summary>Replaces a literal's text; an emptied literal leaves the tree.</summary>
    private static void SetContent(LiteralInline literal, string text)
    {
        if (text.Length == 0) literal.Remove();
        else literal.Content = new Markdig.Helpers.StringSlice(text);
    }

    /// <summary>Walks back from <paramref name="end"/> in <paramref name="literal"/> to the '[' that opens the link text.</summary>
    private static (LiteralInline Literal, int Index)? FindOpener(LiteralInline literal, int end)
    {
        var depth = 0;
        for (Inline? node = literal; node is not null; node = node.PreviousSibling)
        {
            if (node is not LiteralInline text) continue;
            var content = text.Content.AsSpan();
            for (var i = (node == literal ? end : content.Length) - 1; i >= 0; i--)
            {
                if (content[i] == ']') depth++;
                else if (content[i] == '[' && depth-- == 0) return (text, i);
            }
        }
        return null;
    }
}
