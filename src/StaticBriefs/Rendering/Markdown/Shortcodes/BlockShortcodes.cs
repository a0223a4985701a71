using Markdig;
using Markdig.Extensions.Figures;
using Markdig.Parsers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using StaticBriefs.Rendering.Markdown.Templates;

namespace StaticBriefs.Rendering.Markdown.Shortcodes;

/// <summary>
/// Hugo's <c>figure</c>, <c>youtube</c> and <c>vimeo</c> shortcodes, each alone in a paragraph (the shortcode may
/// span lines), become what Hugo makes of them: a <c>&lt;figure&gt;</c> with its image and caption, or a link to the
/// video (no player: the site makes no requests to other hosts). Their URLs become ordinary links and images, so the
/// link checker checks and rewrites them like any other; their values are escaped like all text.
/// </summary>
internal static class BlockShortcodes
{
    /// <summary>Parses figure captions, which Hugo renders as markdown; the same inline syntax as bodies, no raw HTML.</summary>
    private static readonly MarkdownPipeline CaptionPipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras().UseAutoLinks().UseSmartyPants().UseTemplateSyntax().DisableHtml().Build();

    /// <summary>Replaces the shortcode paragraphs under <paramref name="container"/>; new blocks name <paramref name="parser"/> as their maker.</summary>
    public static void Replace(ContainerBlock container, BlockParser parser)
    {
        for (var i = 0; i < container.Count; i++)
        {
            switch (container[i])
            {
                case ParagraphBlock paragraph when Alone(paragraph) is { } tag:
                    if (Build(paragraph, tag, parser) is { } block)
                    {
                        container.RemoveAt(i);
                        container.Insert(i, block);
                    }
                    break;
                case ContainerBlock inner:
                    Replace(inner, parser);
                    break;
            }
        }
    }

    /// <summary>The figure, youtube or vimeo shortcode that is the paragraph's only content, if it is.</summary>
    private static TemplateTagInline? Alone(ParagraphBlock paragraph)
    {
        TemplateTagInline? found = null;
        for (var child = paragraph.Inline?.FirstChild; child is not null; child = child.NextSibling)
        {
            switch (child)
            {
                case TemplateTagInline tag when found is null:
                    found = tag;
                    break;
                case LineBreakInline:
                    break;
                case LiteralInline literal when literal.Content.AsSpan().IsWhiteSpace():
                    break;
                default:
                    return null;
            }
        }
        return found is { Tag: { Syntax: TemplateSyntax.Shortcode or TemplateSyntax.MarkdownShortcode, IsClosing: false, Name: "figure" or "youtube" or "vimeo" } }
            ? found : null;
    }

    private static Block? Build(ParagraphBlock paragraph, TemplateTagInline tag, BlockParser parser)
    {
        var arguments = tag.Tag.Parsed();
        if (tag.Tag.Name == "figure") return Figure(paragraph, tag, arguments, parser);
        var id = arguments.Get("id", 0) ?? "";
        if (id.Length is 0 or > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            tag.Problem = $"needs a video id of letters, digits, '-' and '_', as in {{{{< {tag.Tag.Name} dQw4w9WgXcQ >}}}}";
            return null;
        }
        var youtube = tag.Tag.Name == "youtube";
        var url = youtube ? "https://www.youtube.com/watch?v=" + id : "https://vimeo.com/" + id;
        var site = youtube ? "YouTube" : "Vimeo";
        var title = arguments.Get("title");
        var link = new LinkInline(url, "") { Line = tag.Line, Column = tag.Column };
        link.AppendChild(new LiteralInline(string.IsNullOrWhiteSpace(title) ? $"{site} video {id}" : title.Trim()));
        var inline = new ContainerInline();
        inline.AppendChild(link);
        if (!string.IsNullOrWhiteSpace(title)) inline.AppendChild(new LiteralInline($" (video on {site})"));
        paragraph.Inline = inline;
        paragraph.GetAttributes().AddClass("video-link");
        return null; // the paragraph itself now holds the link
    }

    private static Block? Figure(ParagraphBlock paragraph, TemplateTagInline tag, TemplateArguments arguments, BlockParser parser)
    {
        var src = arguments.Get("src");
        if (string.IsNullOrWhiteSpace(src))
        {
            tag.Problem = "needs the image's address, as in {{< figure src=\"chart.png\" alt=\"...\" >}}";
            return null;
        }
        var caption = arguments.Get("caption");
        var title = arguments.Get("title");
        var attribution = arguments.Get("attr");
        var figure = new Figure(parser) { Line = paragraph.Line, Column = paragraph.Column, Span = paragraph.Span };
        if (arguments.Get("class") is { } classes)
        {
            foreach (var name in classes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) figure.GetAttributes().AddClass(name);
            }
        }

        // Hugo uses the caption as alt text when there is no alt: an image is never left without one.
        var alt = arguments.Get("alt") ?? Plain(caption ?? title ?? "");
        var image = new LinkInline(src.Trim(), "") { IsImage = true, Line = tag.Line, Column = tag.Column };
        if (alt.Length > 0) image.AppendChild(new LiteralInline(alt));
        foreach (var size in new[] { "width", "height" })
        {
            if (arguments.Get(size) is { Length: > 0 and <= 6 } value && value.All(char.IsAsciiDigit)) image.GetAttributes().AddProperty(size, value);
        }
        if (arguments.Get("loading") is { } loading && loading is "lazy" or "eager") image.GetAttributes().AddProperty("loading", loading);
        Inline picture = image;
        if (arguments.Get("link") is { Length: > 0 } target)
        {
            var wrapper = new LinkInline(target.Trim(), "") { Line = tag.Line, Column = tag.Column };
            wrapper.AppendChild(image);
            picture = wrapper;
        }
        var imageBlock = new FigureImageBlock(parser)
        {
            Line = tag.Line, Column = tag.Column, Inline = new ContainerInline(), WithoutText = alt.Length == 0 ? tag.Tag.Shown : null,
        };
        imageBlock.Inline.AppendChild(picture);
        figure.Add(imageBlock);

        if (!string.IsNullOrWhiteSpace(title) || !string.IsNullOrWhiteSpace(caption) || !string.IsNullOrWhiteSpace(attribution))
        {
            var text = new ContainerInline();
            if (!string.IsNullOrWhiteSpace(title))
            {
                var strong = new EmphasisInline { DelimiterChar = '*', DelimiterCount = 2 };
                strong.AppendChild(new LiteralInline(title.Trim()));
                text.AppendChild(strong);
            }
            if (!string.IsNullOrWhiteSpace(caption)) AppendMarkdown(text, caption, tag);
            if (!string.IsNullOrWhiteSpace(attribution))
            {
                Separate(text);
                if (arguments.Get("attrlink") is { Length: > 0 } credit)
                {
                    var link = new LinkInline(credit.Trim(), "") { Line = tag.Line, Column = tag.Column };
                    link.AppendChild(new LiteralInline(attribution.Trim()));
                    text.AppendChild(link);
                }
                else
                {
                    text.AppendChild(new LiteralInline(attribution.Trim()));
                }
            }
            figure.Add(new FigureCaption(parser) { Line = paragraph.Line, Column = paragraph.Column, Inline = text });
        }
        return figure;
    }

    /// <summary>Appends a caption's markdown, parsed on its own and placed at the shortcode's position for messages.</summary>
    private static void AppendMarkdown(ContainerInline text, string markdown, TemplateTagInline at)
    {
        var parsed = Markdig.Markdown.Parse(markdown.ReplaceLineEndings(" "), CaptionPipeline);
        if (parsed.Count == 0 || parsed[0] is not ParagraphBlock { Inline: { } inline }) return;
        Separate(text);
        for (var child = inline.FirstChild; child is not null;)
        {
            var next = child.NextSibling;
            child.Remove();
            Place(child, at);
            text.AppendChild(child);
            child = next;
        }
    }

    private static void Place(Inline inline, TemplateTagInline at)
    {
        inline.Line = at.Line;
        inline.Column = at.Column;
        if (inline is ContainerInline container)
        {
            for (var child = container.FirstChild; child is not null; child = child.NextSibling) Place(child, at);
        }
    }

    private static void Separate(ContainerInline text)
    {
        if (text.FirstChild is not null) text.AppendChild(new LiteralInline(" "));
    }

    /// <summary>A caption's text without markdown punctuation, for alt text.</summary>
    private static string Plain(string markdown)
    {
        var parsed = Markdig.Markdown.Parse(markdown.ReplaceLineEndings(" "), CaptionPipeline);
        var text = new System.Text.StringBuilder();
        foreach (var literal in parsed.Descendants<LiteralInline>()) text.Append(literal.Content.AsSpan());
        return text.ToString().Trim();
    }
}
