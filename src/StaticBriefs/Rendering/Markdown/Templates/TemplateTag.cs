namespace StaticBriefs.Rendering.Markdown.Templates;

/// <summary>The kinds of template syntax other generators leave in markdown.</summary>
public enum TemplateSyntax
{
    /// <summary>A Liquid, Nunjucks, Jinja or Tera tag: <c>{% name args %}</c>.</summary>
    Tag,
    /// <summary>An output expression: <c>{{ site.baseurl }}</c>, <c>{{ page.title | upcase }}</c>.</summary>
    Output,
    /// <summary>A Hugo shortcode: <c>{{&lt; name args &gt;}}</c>.</summary>
    Shortcode,
    /// <summary>A Hugo shortcode whose inner text is markdown: <c>{{% name args %}}</c>.</summary>
    MarkdownShortcode,
    /// <summary>A Nunjucks, Jinja or Tera comment: <c>{# text #}</c>.</summary>
    Comment,
    /// <summary>Hugo's way to show a shortcode as text: <c>{{&lt;/* name */&gt;}}</c> reads as <c>{{&lt; name &gt;}}</c>.</summary>
    EscapedShortcode,
}

/// <summary>
/// One template tag as written: its syntax, its name (<c>post_url</c>, <c>figure</c>, <c>site.baseurl</c>), the text
/// after the name, and for Hugo's closing tags (<c>{{&lt; /highlight &gt;}}</c>) that it closes.
/// </summary>
/// <param name="Syntax">Which delimiters it uses.</param>
/// <param name="Text">The whole tag as written, delimiters included.</param>
/// <param name="Name">The tag or shortcode name; for an output expression, the whole expression.</param>
/// <param name="Arguments">What follows the name, trimmed.</param>
/// <param name="IsClosing">True for a Hugo closing tag (<c>/name</c>).</param>
public sealed record TemplateTag(TemplateSyntax Syntax, string Text, string Name, string Arguments, bool IsClosing)
{
    /// <summary>Longest tag read: longer text between delimiters is prose that happens to contain braces.</summary>
    public const int MaxLength = 2000;

    /// <summary>
    /// Reads the tag at the start of <paramref name="text"/>, which starts with <c>{</c>; null when it is not one
    /// (unclosed, empty, too long, or an expression that does not look like template code).
    /// </summary>
    public static TemplateTag? Read(ReadOnlySpan<char> text)
    {
        if (text.Length < 4 || text[0] != '{') return null;
        var (syntax, open, close) = text[1] switch
        {
            '{' when text[2] == '<' => text[3..].StartsWith("/*") ? (TemplateSyntax.EscapedShortcode, "{{</*", "*/>}}") : (TemplateSyntax.Shortcode, "{{<", ">}}"),
            '{' when text[2] == '%' => text[3..].StartsWith("/*") ? (TemplateSyntax.EscapedShortcode, "{{%/*", "*/%}}") : (TemplateSyntax.MarkdownShortcode, "{{%", "%}}"),
            '{' => (TemplateSyntax.Output, "{{", "}}"),
            '%' => (TemplateSyntax.Tag, "{%", "%}"),
            '#' => (TemplateSyntax.Comment, "{#", "#}"),
            _ => (TemplateSyntax.Tag, "", ""),
        };
        if (open.Length == 0) return null;
        var window = text[open.Length..Math.Min(text.Length, MaxLength)];
        var end = window.IndexOf(close, StringComparison.Ordinal);
        if (end < 0) return null;
        var inner = window[..end];
        var whole = text[..(open.Length + end + close.Length)].ToString();
        // Liquid and Nunjucks trim whitespace with a dash inside the delimiters: {%- tag -%}, {{- x -}}.
        var content = inner.Trim().TrimStart('-').TrimEnd('-').Trim();
        if (content.IsEmpty && syntax != TemplateSyntax.Comment) return null;
        if (syntax == TemplateSyntax.Output && !LooksLikeExpression(content)) return null;
        // A blank line ends a paragraph; braces that far apart are prose, not one tag.
        if (inner.Contains("\n\n", StringComparison.Ordinal)) return null;
        if (syntax == TemplateSyntax.Comment || syntax == TemplateSyntax.Output)
            return new TemplateTag(syntax, whole, syntax == TemplateSyntax.Output ? content.ToString() : "", "", false);

        var closing = content.StartsWith('/');
        if (closing) content = content[1..].TrimStart();
        var nameEnd = 0;
        while (nameEnd < content.Length && !char.IsWhiteSpace(content[nameEnd])) nameEnd++;
        var name = content[..nameEnd].ToString();
        if (syntax == TemplateSyntax.Tag && (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))) return null;
        return new TemplateTag(syntax, whole, name, content[nameEnd..].Trim().ToString(), closing);
    }

    /// <summary>
    /// True for tags that stand for a URL, which StaticBriefs replaces inside link targets: Jekyll's <c>{% link %}</c>
    /// and <c>{% post_url %}</c>, <c>{{ site.baseurl }}</c>, <c>{{ site.url }}</c>, <c>{{ "/x" | relative_url }}</c>, and
    /// Hugo's <c>ref</c> and <c>relref</c>.
    /// </summary>
    public bool NamesUrl => Syntax switch
    {
        TemplateSyntax.Tag => Name is "link" or "post_url",
        TemplateSyntax.Output => UrlExpression.Read(Name) is not null,
        TemplateSyntax.Shortcode or TemplateSyntax.MarkdownShortcode => !IsClosing && Name is "ref" or "relref",
        _ => false,
    };

    /// <summary>How the tag reads once unescaped: <c>{{&lt;/* x */&gt;}}</c> reads <c>{{&lt; x &gt;}}</c>; other tags read as written.</summary>
    public string Display => Syntax == TemplateSyntax.EscapedShortcode
        ? Text.Replace("{{</*", "{{<", StringComparison.Ordinal).Replace("*/>}}", ">}}", StringComparison.Ordinal)
            .Replace("{{%/*", "{{%", StringComparison.Ordinal).Replace("*/%}}", "%}}", StringComparison.Ordinal)
        : Text;

    /// <summary>The tag's arguments split as Hugo and Liquid split them.</summary>
    public TemplateArguments Parsed() => TemplateArguments.Parse(Arguments);

    /// <summary>The tag with long text cut, for messages.</summary>
    public string Shown => Text.Length <= 60 ? Text.ReplaceLineEndings(" ") : Text[..57].ReplaceLineEndings(" ") + "...";

    /// <summary>Output expressions start like code (<c>site.x</c>, <c>.Title</c>, <c>"/x" | relative_url</c>), not like prose.</summary>
    private static bool LooksLikeExpression(ReadOnlySpan<char> content)
    {
        var first = content[0];
        return char.IsAsciiLetter(first) || first is '.' or '_' or '$' or '"' or '\'';
    }
}
