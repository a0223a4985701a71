using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace StaticBriefs.Rendering.Markdown.Shortcodes;

/// <summary>The image of a figure shortcode (possibly inside its link), written without a paragraph around it.</summary>
public sealed class FigureImageBlock(BlockParser? parser) : LeafBlock(parser);

/// <summary>Writes a <see cref="FigureImageBlock"/>'s inlines as they are.</summary>
internal sealed class FigureImageRenderer : HtmlObjectRenderer<FigureImageBlock>
{
    protected override void Write(HtmlRenderer renderer, FigureImageBlock obj)
    {
        renderer.EnsureLine();
        renderer.WriteLeafInline(obj);
        renderer.EnsureLine();
    }
}
