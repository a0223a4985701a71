using System.Buffers;
using System.Text;

namespace StaticBriefs.Loading.Conventions;

/// <summary>
/// Removes what a reader never sees from markdown text: HTML comments, Hugo shortcodes (<c>{{&lt; x &gt;}}</c>,
/// <c>{{% x %}}</c>), Liquid and Nunjucks tags and outputs (<c>{% x %}</c>, <c>{{ x }}</c>), Nunjucks comments
/// (<c>{# x #}</c>), and the content of comment shortcodes (Docsy's <c>{{&lt; comment &gt;}}</c>, Liquid's
/// <c>{% comment %}</c>). One pass, linear in the text: an opener without a closer is kept as text, and once a
/// kind of closer is missing it is never searched for again.
/// </summary>
public static class TemplateText
{
    private static readonly (string Open, string Close)[] Kinds =
    [
        ("<!--", "-->"), ("{{<", ">}}"), ("{{%", "%}}"), ("{%", "%}"), ("{{", "}}"), ("{#", "#}"),
    ];

    /// <summary>
    /// What ends a construct (each comment shortcode's closer contains one too): text with none of them cannot close a
    /// construct opened before it.
    /// </summary>
    internal static readonly SearchValues<string> Closers = SearchValues.Create([.. Kinds.Select(kind => kind.Close)], StringComparison.Ordinal);

    /// <summary>The text with each comment and template construct replaced by one space.</summary>
    public static string WithoutTemplates(string text)
    {
        if (text.IndexOfAny(['<', '{']) < 0) return text;
        // Made at the first construct: text with none (a '<' of HTML or code, a '{' of code) comes back as it is.
        StringBuilder? result = null;
        var missing = new bool[Kinds.Length];
        var copied = 0; // text before this is in the result
        var i = 0;
        while (i < text.Length)
        {
            var next = text.IndexOfAny(['<', '{'], i);
            if (next < 0) break;
            i = next;
            var end = Construct(text, i, missing, out var inner, out var kind);
            if (end < 0)
            {
                i++;
                continue;
            }
            if (kind is 1 or 2 or 3 && inner == "comment")
            {
                // Everything up to the matching closing tag is a comment; without one, the rest is.
                var close = ClosingComment(text, end);
                end = close < 0 ? text.Length : close;
            }
            result ??= new StringBuilder(text.Length);
            result.Append(text, copied, i - copied).Append(' ');
            i = copied = end;
        }
        if (result is null) return text;
        if (copied < text.Length) result.Append(text, copied, text.Length - copied);
        return result.ToString();
    }

    /// <summary>The index after the construct starting at <paramref name="at"/>, or -1; <paramref name="inner"/> is its content.</summary>
    private static int Construct(string text, int at, bool[] missing, out string inner, out int kind)
    {
        inner = "";
        kind = -1;
        for (var k = 0; k < Kinds.Length; k++)
        {
            var (open, close) = Kinds[k];
            if (missing[k] || string.CompareOrdinal(text, at, open, 0, open.Length) != 0) continue;
            var closeAt = text.IndexOf(close, at + open.Length, StringComparison.Ordinal);
            if (closeAt < 0)
            {
                missing[k] = true;
                continue;
            }
            inner = text[(at + open.Length)..closeAt].Trim().TrimStart('-').TrimEnd('-').Trim();
            kind = k;
            return closeAt + close.Length;
        }
        return -1;
    }

    private static readonly string[] CommentClosers =
        ["{{< /comment >}}", "{{% /comment %}}", "{% endcomment %}", "{%- endcomment -%}", "{{</comment>}}", "{%endcomment%}"];

    private static int ClosingComment(string text, int from)
    {
        var best = -1;
        foreach (var closing in CommentClosers)
        {
            var at = text.IndexOf(closing, from, StringComparison.Ordinal);
            if (at >= 0 && (best < 0 || at + closing.Length < best)) best = at + closing.Length;
        }
        return best;
    }
}
