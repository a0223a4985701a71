using System.Globalization;
using System.Text;

namespace StaticBriefs.Authoring;

/// <summary>Small text helpers for imported briefs: dropping decoration (emoji, bullet marks) and splitting sentences.</summary>
internal static class PlainText
{
    /// <summary>Text without emoji, pictographs and their joiners and variation selectors, spaces collapsed.</summary>
    public static string StripDecoration(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            // Emoji are "other symbols"; skin tones are modifier symbols; ZWJ and variation selectors glue them.
            if (category is UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol) continue;
            if (rune.Value is 0x200D or 0xFE0E or 0xFE0F or 0x20E3) continue;
            builder.Append(rune.ToString());
        }
        return CollapseSpaces(builder.ToString());
    }

    /// <summary>Runs of white space become one space; ends trimmed.</summary>
    public static string CollapseSpaces(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The sentences of a text: a '.', '!' or '?' followed by a space and a capital letter, digit or quote ends one.</summary>
    public static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length - 2; i++)
        {
            if (text[i] is not ('.' or '!' or '?') || text[i + 1] != ' ') continue;
            var next = text[i + 2];
            if (!(char.IsUpper(next) || char.IsDigit(next) || next is '"' or '\u201C' or '\'' or '\u2018')) continue;
            sentences.Add(text[start..(i + 1)].Trim());
            start = i + 2;
        }
        if (start < text.Length && text[start..].Trim() is { Length: > 0 } last) sentences.Add(last);
        return sentences;
    }

    /// <summary>True when a line ends like a finished sentence (so the next line starts a new paragraph).</summary>
    public static bool EndsSentence(string text)
    {
        var trimmed = text.TrimEnd();
        if (trimmed.Length == 0) return true;
        var last = trimmed[^1];
        if (last is '"' or '\u201D' or '\'' or '\u2019' or ')' && trimmed.Length > 1) last = trimmed[^2];
        return last is '.' or '!' or '?' or ':';
    }

    /// <summary>Cuts text at a word so it is at most <paramref name="max"/> characters, marking the cut with '…'.</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max - 1);
        return (cut > max / 2 ? text[..cut] : text[..(max - 1)]).TrimEnd(',', ';', ':', ' ') + "\u2026";
    }

    /// <summary>Escapes the characters that would turn prose into markdown syntax (emphasis, links, code, HTML).</summary>
    public static string EscapeMarkdown(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '[' or ']' or '<') builder.Append('\\');
            builder.Append(c);
        }
        // A line that starts like a heading or a quote must stay a paragraph.
        if (builder.Length > 0 && builder[0] is '#' or '>') builder.Insert(0, '\\');
        return builder.ToString();
    }
}
