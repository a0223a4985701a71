using System.Collections.Frozen;
using System.Net;
using System.Text;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using StaticBriefs.Diagnostics;
using StaticBriefs.Text;

namespace StaticBriefs.Rendering.Markdown;

/// <summary>
/// Applies <see cref="UrlPolicy"/> to what a body can carry besides markdown links: URL attributes of raw HTML
/// (when <c>allow_html</c> is on) and attributes set with <c>{href=...}</c>. Start tags are read the way the HTML
/// tokenizer reads them (a '/' separates attributes, values may be unquoted), so an attribute a browser would see
/// is an attribute this sees.
/// </summary>
internal static class UrlGuard
{
    /// <summary>Attributes whose value a browser loads or follows as a URL.</summary>
    private static readonly FrozenSet<string> UrlAttributes = new[]
    {
        "href", "src", "action", "formaction", "poster", "cite", "background", "data", "xlink:href", "srcset",
        "ping", "lowsrc", "dynsrc", "longdesc", "manifest", "codebase", "classid", "usemap", "icon", "archive", "profile",
        "itemtype", "imagesrcset",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Reports a dropped URL at its place.</summary>
    public static void Dropped(DiagnosticBag diagnostics, string path, int line, int column, string url) =>
        diagnostics.Warning(path, line, DiagnosticCodes.UnsafeUrl,
            $"link to '{url}' was removed: only http(s), mailto and relative URLs may be links", column);

    /// <summary>Attributes whose links are resolved and checked like markdown links (<c>allow_html</c> on).</summary>
    private static readonly FrozenSet<string> CheckedAttributes = new[] { "href", "src", "srcset", "poster" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="html"/> without the URL attributes the policy refuses; each is reported at its line and column,
    /// counted from <paramref name="line"/>:<paramref name="column"/> where the HTML starts. When
    /// <paramref name="rewrite"/> is given, every allowed URL of <c>href</c>, <c>src</c>, <c>srcset</c> and
    /// <c>poster</c> (entities decoded) is passed to it with its line and column, and a non-null answer replaces it.
    /// </summary>
    public static string FilterHtml(
        string html, string path, int line, int column, DiagnosticBag diagnostics, Func<string, int, int, string?>? rewrite = null)
    {
        StringBuilder? result = null;
        var copied = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            if (i + 1 >= html.Length || !char.IsAsciiLetter(html[i + 1]))
            {
                i++;
                continue;
            }
            var tagStart = i;
            i++;
            while (i < html.Length && !IsSpace(html[i]) && html[i] is not '/' and not '>') i++;
            var tag = html[(tagStart + 1)..i].ToLowerInvariant();
            while (i < html.Length && html[i] != '>')
            {
                if (IsSpace(html[i]) || html[i] == '/')
                {
                    i++;
                    continue;
                }
                var attribute = ReadAttribute(html, ref i);
                if (Refused(tag, attribute) is not { } url)
                {
                    if (rewrite is null || !CheckedAttributes.Contains(attribute.Name) || attribute.ValueStart < 0) continue;
                    var quoted = html[attribute.ValueStart] is '"' or '\'';
                    var (vl, vc) = Position(html, attribute.ValueStart + (quoted ? 1 : 0), line, column);
                    if (Rewritten(attribute, vl, vc, rewrite) is not { } value) continue;
                    result ??= new StringBuilder(html.Length);
                    result.Append(html, copied, attribute.ValueStart - copied).Append('"').Append(value).Append('"');
                    copied = attribute.End;
                    continue;
                }
                var (l, c) = Position(html, attribute.Start, line, column);
                Dropped(diagnostics, path, l, c, url);
                result ??= new StringBuilder(html.Length);
                result.Append(html, copied, attribute.Start - copied);
                copied = attribute.End;
            }
        }
        if (result is null) return html;
        result.Append(html, copied, html.Length - copied);
        return result.ToString();
    }

    /// <summary>Drops refused URL attributes set through generic attributes (<c>{href=...}</c>) on any node.</summary>
    public static void FilterAttributes(MarkdownObject node, string path, int line, DiagnosticBag diagnostics)
    {
        if (node.TryGetAttributes() is not { Properties: { Count: > 0 } properties }) return;
        for (var k = properties.Count - 1; k >= 0; k--)
        {
            var (name, value) = (properties[k].Key.ToLowerInvariant(), properties[k].Value ?? "");
            if (!UrlAttributes.Contains(name) || Allowed(name, value)) continue;
            Dropped(diagnostics, path, line, node.Column + 1, value);
            properties.RemoveAt(k);
        }
    }

    /// <summary>An attribute of a start tag; <paramref name="ValueStart"/> is where its value (or its quote) starts, -1 without one.</summary>
    private readonly record struct Attribute(int Start, int End, string Name, string Value, int ValueStart = -1);

    /// <summary>The attribute's new value, encoded for a double-quoted attribute, or null when nothing changes.</summary>
    private static string? Rewritten(Attribute attribute, int line, int column, Func<string, int, int, string?> rewrite)
    {
        var value = WebUtility.HtmlDecode(attribute.Value);
        if (attribute.Name != "srcset")
            return rewrite(value.Trim(), line, column) is { } url ? Encode(url) : null;
        // "a.png 1x, b.png 2x": each candidate's URL on its own.
        var changed = false;
        var candidates = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(candidate =>
        {
            var parts = candidate.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (rewrite(parts[0], line, column) is not { } url) return candidate;
            changed = true;
            return parts.Length > 1 ? url + " " + parts[1] : url;
        }).ToList();
        return changed ? Encode(string.Join(", ", candidates)) : null;
    }

    private static string Encode(string value) => value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    private static Attribute ReadAttribute(string html, ref int i)
    {
        var start = i;
        // A name runs to a space, '/', '>' or '='; a leading '=' belongs to the name (HTML tokenizer).
        i++;
        while (i < html.Length && !IsSpace(html[i]) && html[i] is not '/' and not '>' and not '=') i++;
        var name = html[start..i].ToLowerInvariant();
        var j = i;
        while (j < html.Length && IsSpace(html[j])) j++;
        if (j >= html.Length || html[j] != '=') return new Attribute(start, i, name, "");
        j++;
        while (j < html.Length && IsSpace(html[j])) j++;
        var valueStart = j;
        string value;
        if (j < html.Length && html[j] is '"' or '\'')
        {
            var quote = html[j];
            var close = html.IndexOf(quote, j + 1);
            if (close < 0) close = html.Length - 1;
            value = html[(j + 1)..Math.Max(j + 1, close)];
            i = Math.Min(html.Length, close + 1);
        }
        else
        {
            while (j < html.Length && !IsSpace(html[j]) && html[j] != '>') j++;
            value = html[valueStart..j];
            i = j;
        }
        return new Attribute(start, i, name, value, valueStart);
    }

    private static string? Refused(string tag, Attribute attribute)
    {
        if (tag == "meta" && attribute.Name == "content")
        {
            // <meta http-equiv="refresh" content="0;url=javascript:..."> navigates like a link.
            var at = attribute.Value.IndexOf("url=", StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && !UrlPolicy.IsAllowed(attribute.Value[(at + 4)..].Trim('\'', '"', ' '))) return attribute.Value;
            return null;
        }
        return UrlAttributes.Contains(attribute.Name) && !Allowed(attribute.Name, attribute.Value) ? attribute.Value : null;
    }

    private static bool Allowed(string name, string value)
    {
        if (name is not ("srcset" or "imagesrcset" or "ping" or "archive")) return UrlPolicy.IsAllowed(value);
        // Lists of URLs: "a.png 1x, b.png 2x" (srcset) or space-separated (ping, archive).
        var separators = name.Contains("srcset", StringComparison.Ordinal) ? new[] { ',' } : new[] { ' ', '\t', '\n' };
        foreach (var part in value.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var url = part.Split(' ', 2)[0];
            if (!UrlPolicy.IsAllowed(url)) return false;
        }
        return true;
    }

    private static (int Line, int Column) Position(string html, int offset, int line, int column)
    {
        var lineStart = html.LastIndexOf('\n', Math.Max(0, offset - 1));
        var newlines = html.AsSpan(0, offset).Count('\n');
        return newlines == 0 ? (line, column + offset) : (line + newlines, offset - lineStart);
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
