using System.Globalization;
using System.Text;

namespace StaticBriefs.Text;

/// <summary>
/// Which author-written URLs may become links: http, https, mailto and relative URLs; nothing else (javascript:,
/// vbscript:, data:, file:, ...). The scheme is judged the way a browser finds it, after the tricks that hide one:
/// character references (<c>&amp;#106;avascript:</c>, <c>&amp;colon;</c>), whitespace and control characters inside it
/// (<c>java&#9;script:</c>), and mixed case. One pure function, used for <c>sources:</c>, entity websites,
/// <c>base_url</c>, body links and images, and URL attributes of raw HTML.
/// </summary>
public static class UrlPolicy
{
    private static readonly string[] Allowed = ["http", "https", "mailto"];

    /// <summary>True when <paramref name="url"/> may be published as a link target.</summary>
    public static bool IsAllowed(string? url) => SchemeOf(url) is not { } scheme || Allowed.Contains(scheme, StringComparer.Ordinal);

    /// <summary>The scheme a browser would see, lower-case; null for a relative URL (no scheme).</summary>
    public static string? SchemeOf(string? url)
    {
        if (string.IsNullOrEmpty(url)) return null;
        var scheme = new StringBuilder();
        foreach (var c in Decoded(url))
        {
            // Browsers drop tabs and newlines anywhere and trim controls and spaces; dropping every one of them
            // (and any Unicode space) can only find a scheme a browser would also find, or a stricter one.
            if (char.IsControl(c) || char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF') continue;
            if (c == ':') return scheme.Length > 0 && char.IsAsciiLetter(scheme[0]) ? scheme.ToString() : null;
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')) return null;
            scheme.Append(char.ToLowerInvariant(c));
        }
        return null;
    }

    /// <summary>The URL with HTML character references decoded (numeric with or without ';', and the named ones a scheme can hide behind).</summary>
    private static IEnumerable<char> Decoded(string url)
    {
        for (var i = 0; i < url.Length; i++)
        {
            if (url[i] == '&' && TryReference(url, i, out var decoded, out var length))
            {
                foreach (var c in decoded) yield return c;
                i += length - 1;
                continue;
            }
            yield return url[i];
        }
    }

    private static bool TryReference(string text, int start, out string decoded, out int length)
    {
        decoded = "";
        length = 0;
        var i = start + 1;
        if (i < text.Length && text[i] == '#')
        {
            i++;
            var hex = i < text.Length && text[i] is 'x' or 'X';
            if (hex) i++;
            var digitsStart = i;
            while (i < text.Length && (hex ? char.IsAsciiHexDigit(text[i]) : char.IsAsciiDigit(text[i]))) i++;
            if (i == digitsStart) return false;
            var digits = text[digitsStart..Math.Min(i, digitsStart + 8)];
            if (!int.TryParse(digits, hex ? NumberStyles.HexNumber : NumberStyles.None, CultureInfo.InvariantCulture, out var code)) code = 0xFFFD;
            if (i < text.Length && text[i] == ';') i++;
            decoded = code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32(code) : "\uFFFD";
            length = i - start;
            return true;
        }
        var nameStart = i;
        while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]) && i - nameStart < 32) i++;
        var name = text[nameStart..i].ToLowerInvariant();
        decoded = name switch
        {
            "colon" => ":",
            "tab" => "\t",
            "newline" => "\n",
            "nbsp" => "\u00A0",
            _ => "",
        };
        if (decoded.Length == 0)
        {
            // Any other named reference: let the framework decode it when it knows it (it needs the ';').
            if (i < text.Length && text[i] == ';')
            {
                var whole = System.Net.WebUtility.HtmlDecode(text[start..(i + 1)]);
                if (whole != text[start..(i + 1)])
                {
                    decoded = whole;
                    length = i + 1 - start;
                    return true;
                }
            }
            return false;
        }
        if (i < text.Length && text[i] == ';') i++;
        length = i - start;
        return true;
    }
}
