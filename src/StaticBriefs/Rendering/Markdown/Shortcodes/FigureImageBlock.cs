using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Rendering.Markdown.Shortcodes;

/// <summary>
/// The image of a figure shortcode (possibly inside its link), written without a paragraph around it; reports a
/// figure that gives its image no text for readers who cannot see it.
/// </summary>
public sealed class FigureImageBlock(BlockParser? parser) : LeafBlock(parser), IBodyNode
{
    /// <summary>The shortcode as written, when it has neither alt text nor a caption to stand in for it.</summary>
    public string? WithoutText { get; init; }

    /// <inheritdoc/>
    public bool Resolve(BodyContext context)
    {
        if (WithoutText is not null)
            context.Warning(this, DiagnosticCodes.BadShortcode,
                $"'{WithoutText}' has no alt text and no caption, so readers who cannot see the image learn nothing of it; add alt=\"...\" describing it");
        return true;
    }
}

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
