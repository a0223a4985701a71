using Markdig.Parsers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using StaticBriefs.Diagnostics;
using StaticBriefs.Rendering.Markdown.Templates;

namespace StaticBriefs.Rendering.Markdown.Shortcodes;

/// <summary>
/// Code between <c>{% highlight ruby %}</c> and <c>{% endhighlight %}</c> (Jekyll) or <c>{{&lt; highlight go &gt;}}</c> and
/// <c>{{&lt; /highlight &gt;}}</c> (Hugo), each on a line of its own, becomes a fenced code block in that language, so it
/// is highlighted, kept verbatim and searched like one. Options after the language (<c>linenos</c>, <c>hl_lines</c>)
/// are presentation and are ignored.
/// </summary>
internal sealed class HighlightBlockParser : BlockParser
{
    public HighlightBlockParser() => OpeningCharacters = ['{'];

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent) return BlockState.None;
        var line = processor.Line.AsSpan();
        var tag = TemplateTag.Read(line);
        if (tag is not { Name: "highlight", IsClosing: false } || tag.Syntax is not (TemplateSyntax.Tag or TemplateSyntax.Shortcode or TemplateSyntax.MarkdownShortcode)
            || !line[tag.Text.Length..].IsWhiteSpace())
            return BlockState.None;
        var arguments = tag.Parsed();
        var language = arguments.Get("lang", 0) ?? "";
        var block = new HighlightCodeBlock(this, tag)
        {
            Info = language,
            Arguments = tag.Arguments,
            Column = processor.Column,
            Line = processor.LineIndex,
            Span = new SourceSpan(processor.Start, processor.Line.End),
        };
        if (language.Length > 0) block.GetAttributes().AddClass("language-" + language);
        processor.NewBlocks.Push(block);
        return BlockState.ContinueDiscard;
    }

    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        var highlight = (HighlightCodeBlock)block;
        if (!processor.IsCodeIndent && TemplateTag.Read(processor.Line.AsSpan().Trim()) is { } tag && Closes(highlight.Opening, tag))
        {
            highlight.IsClosed = true;
            block.UpdateSpanEnd(processor.Line.End);
            return BlockState.BreakDiscard;
        }
        // Keep the line's indentation: it is code.
        processor.GoToColumn(processor.ColumnBeforeIndent);
        return BlockState.Continue;
    }

    private static bool Closes(TemplateTag opening, TemplateTag tag) =>
        opening.Syntax == TemplateSyntax.Tag
            ? tag.Syntax == TemplateSyntax.Tag && tag.Name == "endhighlight"
            : tag.Syntax == opening.Syntax && tag.IsClosing && tag.Name == "highlight";
}

/// <summary>A code block opened by a highlight tag; reports a missing closing tag once the file is known.</summary>
public sealed class HighlightCodeBlock(BlockParser parser, TemplateTag opening) : FencedCodeBlock(parser), IBodyNode
{
    /// <summary>The tag that opened the block.</summary>
    public TemplateTag Opening { get; } = opening;

    /// <summary>True once the closing tag was found.</summary>
    public bool IsClosed { get; set; }

    /// <inheritdoc/>
    public bool Resolve(BodyContext context)
    {
        if (!IsClosed)
        {
            var closing = Opening.Syntax == TemplateSyntax.Tag ? "{% endhighlight %}" : Opening.Syntax == TemplateSyntax.Shortcode ? "{{< /highlight >}}" : "{{% /highlight %}}";
            context.Warning(this, DiagnosticCodes.BadShortcode,
                $"'{Opening.Shown}' is not closed, so everything after it is shown as code; add '{closing}' on a line of its own after the code");
        }
        return true;
    }
}
