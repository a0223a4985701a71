using System.Collections.Frozen;
using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace StaticBriefs.Rendering.Markdown;

/// <summary>
/// What becomes of raw HTML in a body. HTML comments never reach a page, whatever <c>allow_html</c> says: editors
/// leave notes in them ("remove before publish"). With <c>allow_html</c> off (the default) any other raw HTML is left
/// out of the page, not printed as text, and the file gets one warning (SB093; the renderer's walk reports it); with
/// it on, it is published with its links and images resolved like markdown ones (see <see cref="UrlGuard"/>).
/// </summary>
public sealed class RawHtmlExtension(bool allowHtml) : IMarkdownExtension
{
    /// <summary>Whether raw HTML is published.</summary>
    public bool AllowHtml => allowHtml;

    /// <inheritdoc/>
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    /// <inheritdoc/>
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        // The walk empties what must not be published; these renderers are the guarantee if anything else renders.
        if (allowHtml || renderer is not HtmlRenderer html) return;
        html.ObjectRenderers.Replace<HtmlBlockRenderer>(new OmittedBlock());
        html.ObjectRenderers.Replace<HtmlInlineRenderer>(new OmittedInline());
    }

    private sealed class OmittedBlock : HtmlObjectRenderer<HtmlBlock>
    {
        protected override void Write(HtmlRenderer renderer, HtmlBlock obj)
        {
        }
    }

    private sealed class OmittedInline : HtmlObjectRenderer<HtmlInline>
    {
        protected override void Write(HtmlRenderer renderer, HtmlInline obj)
        {
        }
    }
}

/// <summary>Comments and element names in raw HTML.</summary>
internal static class HtmlComments
{
    /// <summary>HTML's element names (current and obsolete), so that <c>Vec&lt;T&gt;</c> in prose stays text.</summary>
    private static readonly FrozenSet<string> Elements = new[]
    {
        "a", "abbr", "acronym", "address", "applet", "area", "article", "aside", "audio", "b", "base", "basefont", "bdi", "bdo",
        "big", "blink", "blockquote", "body", "br", "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup",
        "data", "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "embed", "fieldset",
        "figcaption", "figure", "font", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head",
        "header", "hgroup", "hr", "html", "i", "iframe", "image", "img", "input", "ins", "kbd", "label", "legend", "li", "link",
        "main", "map", "mark", "marquee", "math", "menu", "meta", "meter", "nav", "nobr", "noembed", "noframes", "noscript",
        "object", "ol", "optgroup", "option", "output", "p", "param", "picture", "plaintext", "pre", "progress", "q", "rp", "rt",
        "ruby", "s", "samp", "script", "search", "section", "select", "slot", "small", "source", "span", "strike", "strong",
        "style", "sub", "summary", "sup", "svg", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time",
        "title", "tr", "track", "tt", "u", "ul", "var", "video", "wbr", "xmp",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// True when an inline tag (<c>&lt;span class="x"&gt;</c>, <c>&lt;/b&gt;</c>, <c>&lt;my-widget&gt;</c>) names an
    /// HTML element (or a custom one, with a '-'); <c>&lt;T&gt;</c> and <c>&lt;Foo&gt;</c> are prose, not markup.
    /// </summary>
    public static bool IsElement(string tag)
    {
        var start = tag.StartsWith("</", StringComparison.Ordinal) ? 2 : 1;
        if (tag.Length <= start || tag[0] != '<') return false;
        if (tag[start] is '!' or '?') return true; // comments, declarations, processing instructions
        var end = start;
        while (end < tag.Length && (char.IsAsciiLetterOrDigit(tag[end]) || tag[end] == '-')) end++;
        var name = tag[start..end];
        return name.Contains('-', StringComparison.Ordinal) || Elements.Contains(name);
    }

    /// <summary>True when <paramref name="html"/> is only comments and white space.</summary>
    public static bool IsOnlyComments(string html) => string.IsNullOrWhiteSpace(Remove(html));

    /// <summary>
    /// <paramref name="html"/> without its comments (an unclosed one runs to the end, as a browser reads it); the text
    /// of <c>script</c>, <c>style</c> and <c>textarea</c> is left alone, where <c>&lt;!--</c> is not a comment.
    /// </summary>
    public static string Remove(string html)
    {
        if (!html.Contains("<!--", StringComparison.Ordinal)) return html;
        var result = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var open = html.IndexOf('<', i);
            if (open < 0) break;
            if (string.CompareOrdinal(html, open, "<!--", 0, 4) == 0)
            {
                result.Append(html, i, open - i);
                var close = html.IndexOf("-->", open + 4, StringComparison.Ordinal);
                i = close < 0 ? html.Length : close + 3;
                continue;
            }
            var rawEnd = RawTextEnd(html, open);
            result.Append(html, i, rawEnd - i);
            i = rawEnd;
        }
        if (i < html.Length) result.Append(html, i, html.Length - i);
        return result.ToString();
    }

    /// <summary>After <c>&lt;script&gt;</c>, <c>&lt;style&gt;</c> or <c>&lt;textarea&gt;</c> at <paramref name="at"/>: past its closing tag; else just past the '&lt;'.</summary>
    private static int RawTextEnd(string html, int at)
    {
        foreach (var name in (string[])["script", "style", "textarea"])
        {
            if (at + 1 + name.Length > html.Length || string.Compare(html, at + 1, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) != 0) continue;
            if (at + 1 + name.Length < html.Length && char.IsAsciiLetterOrDigit(html[at + 1 + name.Length])) continue;
            var close = html.IndexOf("</" + name, at + 1 + name.Length, StringComparison.OrdinalIgnoreCase);
            return close < 0 ? html.Length : close;
        }
        return at + 1;
    }
}
