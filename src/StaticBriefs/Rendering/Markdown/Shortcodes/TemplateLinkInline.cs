using System.Text;
using Markdig.Syntax.Inlines;
using StaticBriefs.Rendering.Markdown.Templates;

namespace StaticBriefs.Rendering.Markdown.Shortcodes;

/// <summary>One piece of a link target written with template syntax: a tag, or plain text after it.</summary>
/// <param name="Tag">The tag, or null for text.</param>
/// <param name="Text">The text (the tag's text for a tag).</param>
public readonly record struct LinkTargetPart(TemplateTag? Tag, string Text);

/// <summary>
/// A link whose target was template syntax (<c>[post]({% post_url 2024-05-01-launch %})</c>,
/// <c>![chart]({{ site.baseurl }}/img/chart.png)</c>, <c>[intro]({{&lt; ref "intro.md" &gt;}})</c>). Once the file and the
/// site's links are known, the target becomes a site path (<see cref="TemplateLinks"/>) and the link is then checked
/// and rewritten like any other; messages quote the target as written.
/// </summary>
public sealed class TemplateLinkInline : LinkInline, IBodyNode, IWrittenLink
{
    /// <summary>A link (or image) from its target's parts.</summary>
    public TemplateLinkInline(IReadOnlyList<LinkTargetPart> parts, bool isImage)
    {
        Parts = parts;
        IsImage = isImage;
        var written = new StringBuilder();
        foreach (var part in parts) written.Append(part.Text);
        // A tag may span lines; messages show it on one.
        WrittenTarget = string.Join(' ', written.ToString().Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Url = WrittenTarget;
    }

    /// <summary>The target's parts, in order.</summary>
    public IReadOnlyList<LinkTargetPart> Parts { get; }

    /// <inheritdoc/>
    public string WrittenTarget { get; }

    /// <summary>Turns the target into a site path; false (after reporting why) when it names nothing.</summary>
    public bool Resolve(BodyContext context)
    {
        var url = TemplateLinks.Expand(this, context);
        if (url is null) return false;
        Url = url;
        return true;
    }
}
