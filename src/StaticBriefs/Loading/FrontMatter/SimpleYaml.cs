using System.Collections.Immutable;

namespace StaticBriefs.Loading.FrontMatter;

/// <summary>
/// Reads the front matter nearly every file has without YamlDotNet: <c>key: value</c> lines whose values are one-line
/// quoted or plain scalars, <c>[flow, lists]</c> of them on one line, block lists of them (<c>- item</c> lines), or
/// mappings of the same indented under a key. It gives the values, kinds, lines and columns the parser gives
/// (<c>SimpleYamlTests</c> compare the two on every front matter of the test sites and on generated ones). Anything
/// else (escapes, anchors, flow mappings, multi-line values, comments after values, a key written twice, an empty
/// value, a tab, a control character) is null: the caller then reads the text the full way, with its limits and messages.
/// </summary>
/// <remarks>
/// YamlDotNet's event parser took about 40 µs a brief of a 10,000-brief build's load stage, for front matter of six
/// keys; this reads the same in a few.
/// </remarks>
internal static class SimpleYaml
{
    // Mappings in mappings deeper than this are left to the parser (front matter nests one or two levels).
    private const int MaxDepth = 4;

    // Keys a mapping may have here: each is compared with those before it, so thousands go the parser's way.
    private const int MaxKeys = 64;

    /// <summary>The mapping <paramref name="yaml"/> holds (which starts on file line <paramref name="firstLine"/>), or null to read it the full way.</summary>
    public static FrontMatterMap? TryRead(string yaml, int firstLine)
    {
        if (!Plain(yaml)) return null;
        var lines = Lines(yaml);
        var i = 0;
        return Mapping(yaml, lines, ref i, 0, 0, firstLine);
    }

    /// <summary>
    /// The <c>key: value</c> lines at <paramref name="indent"/> from line <paramref name="i"/>, which is left at the
    /// first line indented less (the end of a nested mapping). Null for anything this does not read.
    /// </summary>
    private static FrontMatterMap? Mapping(string yaml, List<(int Start, int Length)> lines, ref int i, int indent, int depth, int firstLine)
    {
        var entries = new List<FrontMatterEntry>(8);
        (int Line, int Column)? start = null;
        for (; i < lines.Count; i++)
        {
            var line = Line(yaml, lines[i]);
            if (Blank(line)) continue;
            var lineIndent = line.IndexOfAnyExcept(' ');
            if (lineIndent < indent) break;
            if (lineIndent > indent) return null;
            var keyLength = KeyLength(line[indent..]);
            if (keyLength == 0) return null;
            if (entries.Count == MaxKeys) return null;
            var key = line.Slice(indent, keyLength).ToString();
            foreach (var entry in entries)
            {
                if (entry.Key == key) return null;
            }
            var keyLine = firstLine + i;
            var at = indent + keyLength + 1;
            while (at < line.Length && line[at] == ' ') at++;
            FrontMatterValue? value;
            if (at < line.Length)
            {
                value = line[at] == '['
                    ? FlowList(line, ref at, firstLine + i)
                    : Scalar(line, ref at, flow: false, firstLine + i);
                if (at != line.Length) return null;
            }
            else
            {
                value = Nested(yaml, lines, ref i, indent, depth, firstLine);
            }
            if (value is null) return null;
            start ??= (keyLine, indent + 1);
            entries.Add(new FrontMatterEntry(key, keyLine, indent + 1, value));
        }
        return start is { } first ? new FrontMatterMap([.. entries], first.Line, first.Column) : null;
    }

    /// <summary>
    /// The value after a key with nothing on its line: a block list, or a mapping indented under it. Null for an
    /// empty value or anything else. <paramref name="i"/> is left on the value's last line.
    /// </summary>
    private static FrontMatterValue? Nested(string yaml, List<(int Start, int Length)> lines, ref int i, int indent, int depth, int firstLine)
    {
        if (i + 1 >= lines.Count) return null;
        var next = Line(yaml, lines[i + 1]);
        if (Blank(next)) return null;
        var nextIndent = next.IndexOfAnyExcept(' ');
        if (Item(next, nextIndent) && nextIndent >= indent) return BlockList(yaml, lines, ref i, indent, firstLine);
        if (nextIndent <= indent || depth + 1 >= MaxDepth) return null;
        i++;
        var map = Mapping(yaml, lines, ref i, nextIndent, depth + 1, firstLine);
        i--;
        return map;
    }

    /// <summary>
    /// The list in the lines after an empty value: each <c>- item</c> at one indentation. Null when an item is not a
    /// one-line scalar, or what follows the list is indented deeper than the key it belongs to.
    /// </summary>
    private static FrontMatterList? BlockList(string yaml, List<(int Start, int Length)> lines, ref int i, int keyIndent, int firstLine)
    {
        var first = Line(yaml, lines[i + 1]);
        var indent = first.IndexOfAnyExcept(' ');
        var items = ImmutableArray.CreateBuilder<FrontMatterValue>();
        var listLine = firstLine + i + 1;
        while (i + 1 < lines.Count)
        {
            var line = Line(yaml, lines[i + 1]);
            if (!Item(line, indent))
            {
                // The list ends at the next key (or blank line, or comment); anything indented more is more than this reads.
                if (!Blank(line) && line.IndexOfAnyExcept(' ') > keyIndent) return null;
                break;
            }
            i++;
            var at = indent + 2;
            while (at < line.Length && line[at] == ' ') at++;
            if (at == line.Length) return null;
            var item = Scalar(line, ref at, flow: false, firstLine + i);
            if (item is null || at != line.Length) return null;
            items.Add(item);
        }
        return new FrontMatterList(items.ToImmutable(), listLine, indent + 1);
    }

    private static bool Item(ReadOnlySpan<char> line, int indent) =>
        line.Length > indent + 1 && line[..indent].IndexOfAnyExcept(' ') < 0 && line[indent] == '-' && line[indent + 1] == ' ';

    /// <summary>A <c>[a, "b"]</c> list closed on its line; <paramref name="at"/> is at the '['.</summary>
    private static FrontMatterList? FlowList(ReadOnlySpan<char> line, ref int at, int fileLine)
    {
        var column = at + 1;
        at++;
        var items = ImmutableArray.CreateBuilder<FrontMatterValue>();
        while (true)
        {
            while (at < line.Length && line[at] == ' ') at++;
            if (at == line.Length) return null;
            if (line[at] == ']')
            {
                // "[]" is an empty list; "[a, ]" (a comma before the end) is left to the parser.
                if (items.Count > 0) return null;
                at++;
                break;
            }
            var item = Scalar(line, ref at, flow: true, fileLine);
            if (item is null) return null;
            items.Add(item);
            while (at < line.Length && line[at] == ' ') at++;
            if (at == line.Length) return null;
            if (line[at] == ']')
            {
                at++;
                break;
            }
            if (line[at] != ',') return null;
            at++;
        }
        while (at < line.Length && line[at] == ' ') at++;
        return new FrontMatterList(items.ToImmutable(), fileLine, column);
    }

    /// <summary>
    /// A quoted or plain scalar from <paramref name="at"/>, which ends past it (past trailing spaces outside a
    /// list). A flow scalar ends at ',' or ']'; a block one at the end of the line.
    /// </summary>
    private static FrontMatterScalar? Scalar(ReadOnlySpan<char> line, ref int at, bool flow, int fileLine)
    {
        var column = at + 1;
        var first = line[at];
        if (first is '"' or '\'')
        {
            var close = line[(at + 1)..].IndexOf(first);
            if (close < 0) return null;
            var text = line.Slice(at + 1, close);
            // Escapes ("\n", '') mean more than the characters: the parser reads those.
            if (first == '"' && text.Contains('\\')) return null;
            at += close + 2;
            if (first == '\'' && at < line.Length && line[at] == '\'') return null;
            var end = at;
            while (end < line.Length && line[end] == ' ') end++;
            if (!flow)
            {
                if (end != line.Length) return null;
                at = end;
            }
            return new FrontMatterScalar(text.ToString(), ScalarKind.Text, fileLine, column);
        }
        // "-5" and "-x" are text, where "- x" would be a list item.
        if (Indicator(first) && !(first == '-' && at + 1 < line.Length && !Indicator(line[at + 1]))) return null;
        var stop = flow ? line[at..].IndexOfAny(",]") : -1;
        var raw = stop < 0 ? line[at..] : line.Slice(at, stop);
        // ": " starts a value and " #" a comment (a time's "10:00" and "C#" are text), and in a list brackets nest:
        // the parser decides those.
        if (flow ? raw.ContainsAny(":#[{}") : raw.IndexOf(": ") >= 0 || raw.IndexOf(" #") >= 0 || raw[^1] == ':') return null;
        var value = raw.TrimEnd(' ');
        if (value.IsEmpty) return null;
        at += raw.Length;
        var plain = value.ToString();
        return new FrontMatterScalar(plain, YamlFrontMatterReader.PlainKind(plain), fileLine, column);
    }

    // Characters that give a plain scalar's first character another meaning.
    private static bool Indicator(char c) => c is '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*'
        or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`' or ' ';

    /// <summary>
    /// The length of a key: a letter or '_', then letters, digits and <c>_ - . /</c>, and colons inside it
    /// (<c>cSpell:ignore</c>), followed by ':' and a space or the end of the line; 0 otherwise.
    /// </summary>
    private static int KeyLength(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || !(char.IsAsciiLetter(line[0]) || line[0] == '_')) return 0;
        var i = 1;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == ':')
            {
                if (i + 1 == line.Length || line[i + 1] == ' ') return i;
            }
            else if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/')) return 0;
            i++;
        }
        return 0;
    }

    private static bool Blank(ReadOnlySpan<char> line)
    {
        var first = line.IndexOfAnyExcept(' ');
        return first < 0 || line[first] == '#';
    }

    /// <summary>
    /// No character YAML reads as anything but itself: no controls but the line feed (so no tab and no carriage
    /// return), no other line breaks, no byte order mark, no non-characters, no lone surrogates; and no document marker.
    /// </summary>
    private static bool Plain(string yaml)
    {
        for (var i = 0; i < yaml.Length; i++)
        {
            var c = yaml[i];
            if (c is >= ' ' and < '\u007f') continue;
            if (c == '\n') continue;
            if (c < ' ' || c is >= '\u007f' and <= '\u009f' or '\u2028' or '\u2029' or '\ufeff' or '\ufffe' or '\uffff') return false;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 == yaml.Length || !char.IsLowSurrogate(yaml[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(c)) return false;
        }
        return !yaml.StartsWith("---", StringComparison.Ordinal) && !yaml.Contains("\n---", StringComparison.Ordinal)
            && !yaml.StartsWith("...", StringComparison.Ordinal) && !yaml.Contains("\n...", StringComparison.Ordinal);
    }

    private static List<(int Start, int Length)> Lines(string yaml)
    {
        var lines = new List<(int, int)>(16);
        var start = 0;
        while (start <= yaml.Length)
        {
            var end = yaml.IndexOf('\n', start);
            if (end < 0)
            {
                if (start < yaml.Length) lines.Add((start, yaml.Length - start));
                break;
            }
            lines.Add((start, end - start));
            start = end + 1;
        }
        return lines;
    }

    private static ReadOnlySpan<char> Line(string yaml, (int Start, int Length) line) => yaml.AsSpan(line.Start, line.Length);
}
