using Markdig.Extensions.Alerts;
using Markdig.Renderers;

namespace StaticBriefs.Rendering.Markdown.Alerts;

/// <summary>
/// Writes an alert as <c>&lt;div class="markdown-alert markdown-alert-note" role="note"&gt;</c> with a visible title
/// naming its kind (<c>&lt;p class="markdown-alert-title"&gt;Note&lt;/p&gt;</c>): the role tells assistive technology it is
/// an aside to the main text, and the title says which kind in words, so colour is never the only cue. GitHub's
/// class names are kept, so stylesheets written for GitHub-style alerts apply. A kind GitHub does not know
/// (<c>[!FOO]</c>) stays a quote that shows its first line as written, as GitHub shows it.
/// </summary>
internal sealed class AlertRenderer : AlertBlockRenderer
{
    protected override void Write(HtmlRenderer renderer, AlertBlock obj)
    {
        var title = TitleOf(obj.Kind.AsSpan());
        renderer.EnsureLine();
        if (title is null)
        {
            if (renderer.EnableHtmlForBlock) renderer.WriteLine("<blockquote>").Write("<p>");
            renderer.Write("[!").WriteEscape(obj.Kind.ToString()).Write(']');
            if (renderer.EnableHtmlForBlock) renderer.WriteLine("</p>");
            else renderer.WriteLine();
            renderer.WriteChildren(obj);
            if (renderer.EnableHtmlForBlock) renderer.WriteLine("</blockquote>");
            renderer.EnsureLine();
            return;
        }
        if (renderer.EnableHtmlForBlock)
        {
            renderer.Write("<div").WriteAttributes(obj).WriteLine(" role=\"note\">");
            renderer.Write("<p class=\"markdown-alert-title\">").Write(title).WriteLine("</p>");
        }
        else
        {
            renderer.WriteLine(title);
        }
        var implicitParagraph = renderer.ImplicitParagraph;
        renderer.ImplicitParagraph = false;
        renderer.WriteChildren(obj);
        renderer.ImplicitParagraph = implicitParagraph;
        if (renderer.EnableHtmlForBlock) renderer.WriteLine("</div>");
        renderer.EnsureLine();
    }

    /// <summary>The title of a kind GitHub knows (any case), or null.</summary>
    internal static string? TitleOf(ReadOnlySpan<char> kind) =>
        kind.Equals("NOTE", StringComparison.OrdinalIgnoreCase) ? "Note"
        : kind.Equals("TIP", StringComparison.OrdinalIgnoreCase) ? "Tip"
        : kind.Equals("IMPORTANT", StringComparison.OrdinalIgnoreCase) ? "Important"
        : kind.Equals("WARNING", StringComparison.OrdinalIgnoreCase) ? "Warning"
        : kind.Equals("CAUTION", StringComparison.OrdinalIgnoreCase) ? "Caution"
        : null;
}
