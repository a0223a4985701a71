using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace StaticBriefs.Rendering.Markdown.Templates;

/// <summary>
/// Reads a template tag where text has a <c>{</c>. Markdig's code span parser runs at the backtick before it, so a
/// tag inside inline code is code, never a tag; code blocks are never inline-parsed at all.
/// </summary>
internal sealed class TemplateTagParser : InlineParser
{
    public TemplateTagParser() => OpeningCharacters = ['{'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var tag = TemplateTag.Read(slice.AsSpan());
        if (tag is null) return false;
        var start = processor.GetSourcePosition(slice.Start, out var line, out var column);
        processor.Inline = new TemplateTagInline(tag)
        {
            Span = new SourceSpan(start, start + tag.Text.Length - 1),
            Line = line,
            Column = column,
        };
        slice.Start += tag.Text.Length;
        return true;
    }
}
