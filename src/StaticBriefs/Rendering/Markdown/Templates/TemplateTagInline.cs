using Markdig.Syntax.Inlines;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Rendering.Markdown.Templates;

/// <summary>
/// Template syntax found in a body's text. It is shown as written (nothing is lost) and reported once the file is
/// known; being a node of its own keeps emphasis, smart quotes and entity auto-links out of it. Tags that have a
/// built-in equivalent are replaced by the shortcode extension before the walk ever sees them here.
/// </summary>
public sealed class TemplateTagInline(TemplateTag tag) : LeafInline, IBodyNode
{
    /// <summary>The tag as read.</summary>
    public TemplateTag Tag { get; } = tag;

    /// <summary>
    /// Set when the tag has a built-in equivalent but cannot become it (a figure without src): what it is missing.
    /// </summary>
    public string? Problem { get; set; }

    /// <summary>Reports the tag (summed up when a file has many) and keeps it out of the plain text and word count.</summary>
    public bool Resolve(BodyContext context)
    {
        if (Problem is not null)
            context.Warning(this, DiagnosticCodes.BadShortcode, $"'{Tag.Shown}' {Problem}; it is shown as written");
        else if (TemplateAdvice.For(Tag) is { } message)
            context.Notice(this, DiagnosticCodes.TemplateSyntax, message, "template tag");
        return false;
    }
}
