using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace StaticBriefs.Loading.Conventions;

/// <summary>
/// A summary for a document that has none, made as Jekyll makes its excerpt and Hugo its summary: the plain text of
/// the first paragraph (more paragraphs when the first is short), without markdown, HTML, comments or template
/// syntax, cut at a word near <see cref="Target"/> characters with an ellipsis. A <c>&lt;!-- more --&gt;</c> marker
/// (Hugo's <c>&lt;!--more--&gt;</c>, Zola's and Jekyll's excerpt separator) is an explicit cut: the text before it.
/// </summary>
public static partial class SummaryDeriver
{
    /// <summary>About how long a derived summary is, in characters (a meta description's useful length).</summary>
    public const int Target = 200;

    /// <summary>A paragraph shorter than this is followed by the next one ("Hi all!" alone says nothing).</summary>
    private const int Enough = Target / 2;

    /// <summary>Only the start of a body is looked at: a summary never needs more, and long bodies cost nothing.</summary>
    private const int Window = 8_000;

    /// <summary>A marker further down than this is not looked for: the summary is capped long before.</summary>
    private const int ExplicitWindow = 4 * Window;

    /// <summary>
    /// Where a longer text's first parse stops (see <see cref="EarlyParagraphs"/>): the opening paragraphs of a real
    /// post fit in it. Parsing the whole window for them was most of what deriving cost (the OpenTelemetry blog's 264
    /// posts, one thread: 23 -> 13 ms, 13.7 -> 7.9 MiB allocated; the Rust blog's posts end in reference definitions,
    /// so most of them still take the whole parse).
    /// </summary>
    internal const int EarlyWindow = 1_500;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseGridTables().Build();

    /// <summary>The summary, or null when the body has no text to make one from.</summary>
    public static string? Derive(string body, int maxLength) => Derive(body.AsSpan(), maxLength, early: true);

    /// <summary>
    /// <see cref="Derive(string, int)"/> for a body kept as characters: only the start it reads is made a string (a
    /// copy of every body was 11 MB of the 230 MB a 750-post blog's build allocated).
    /// </summary>
    public static string? Derive(ReadOnlySpan<char> body, int maxLength) => Derive(body, maxLength, early: true);

    /// <summary>
    /// <see cref="Derive(string, int)"/>, with or without first parsing only the start of the text (the same summary
    /// either way; the tests compare the two).
    /// </summary>
    internal static string? Derive(ReadOnlySpan<char> body, int maxLength, bool early)
    {
        var more = -1;
        foreach (var marker in MoreMarker().EnumerateMatches(body[..Math.Min(body.Length, ExplicitWindow)]))
        {
            more = marker.Index;
            break;
        }
        var end = more >= 0 ? more : PrefixEnd(body);
        // Nothing after the end is read below.
        var start = body[..end].ToString();
        var paragraphs = (early ? EarlyParagraphs(start, end) : null) ?? Paragraphs(Clean(start));
        if (paragraphs.Count == 0) return null;
        if (more >= 0) return Cut(string.Join(' ', paragraphs), maxLength);
        var summary = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            if (summary.Length > 0) summary.Append(' ');
            summary.Append(paragraph);
            if (summary.Length >= Enough) break;
        }
        return Cut(summary.ToString(), Math.Min(Target, maxLength));
    }

    /// <summary>The text, or its first <paramref name="max"/> characters cut at a word with an ellipsis.</summary>
    public static string Cut(string text, int max)
    {
        if (text.Length <= max) return text;
        var space = text.LastIndexOf(' ', max - 1);
        var end = space >= max * 3 / 5 ? space : max - 1;
        if (char.IsHighSurrogate(text[end - 1])) end--;
        return text[..end].TrimEnd(' ', ',', ';', ':', '-', '\u2013', '\u2014', '(') + "\u2026";
    }

    /// <summary>Where the start of the body ends: at a paragraph break near <see cref="Window"/> characters.</summary>
    private static int PrefixEnd(ReadOnlySpan<char> body)
    {
        if (body.Length <= Window) return body.Length;
        // As string.LastIndexOf from Window: a break that ends at or before it.
        var cut = body[..(Window + 1)].LastIndexOf("\n\n", StringComparison.Ordinal);
        return cut > Window / 2 ? cut : Window;
    }

    /// <summary>Comments and template syntax out, before markdown sees the text (so none of it becomes words).</summary>
    private static string Clean(string text) => AttributeList().Replace(TemplateText.WithoutTemplates(text), " ");

    /// <summary>Plain text of the paragraphs: the document's own first, else those in lists and quotes, else headings.</summary>
    private static List<string> Paragraphs(string markdown)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses markdown nested too deeply; rendering reports it (SB039), and there is no summary to make.
            return [];
        }
        var found = Collect(document.OfType<ParagraphBlock>());
        if (found.Count == 0) found = Collect(document.Descendants<ParagraphBlock>());
        if (found.Count == 0) found = Collect(document.Descendants<HeadingBlock>());
        return found;
    }

    /// <summary>
    /// The paragraphs <see cref="Paragraphs"/> finds in the first <paramref name="end"/> characters, found by parsing
    /// only the text before a blank line near <see cref="EarlyWindow"/>; null when that start cannot settle them and the
    /// whole must be parsed. It settles them when nothing after the blank line can change what comes before it, and its
    /// own paragraphs reach <see cref="Target"/> (where the whole text's would stop too): no comment or template
    /// construct closes after it (so cleaning the start alone removes the same ones); no block is open at it (the start
    /// ends in a paragraph, heading or rule, which a blank line closes, not in a list, quote, fence, table or HTML block
    /// that could go on); and no link reference definition follows (one could make bracketed text in the start a link).
    /// </summary>
    internal static List<string>? EarlyParagraphs(string body, int end)
    {
        if (end <= 2 * EarlyWindow) return null;
        var cut = body.LastIndexOf("\n\n", EarlyWindow, StringComparison.Ordinal);
        if (cut < EarlyWindow / 4) return null;
        var rest = body.AsSpan(cut, end - cut);
        if (rest.IndexOfAny(TemplateText.Closers) >= 0) return null;
        if (rest.Contains("]:", StringComparison.Ordinal) && !DefinitionsSpare(body.AsSpan(0, cut), rest)) return null;
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(Clean(body[..cut]), Pipeline);
        }
        catch (ArgumentException)
        {
            return null;
        }
        if (document.LastChild is not (ParagraphBlock or HeadingBlock or ThematicBreakBlock)) return null;
        var found = Collect(document.OfType<ParagraphBlock>());
        return found.Sum(f => f.Length) >= Target ? found : null;
    }

    /// <summary>
    /// True when no link reference definition in <paramref name="rest"/> can make bracketed text in
    /// <paramref name="start"/> a link: every label written before a <c>]:</c> there (on its line; in a quote or a list,
    /// or in code, alike) differs from every bracketed text of the start. Posts that keep their links at the end as
    /// definitions (the Rust blog's do) are summarised from their start too. Anything unclear (a label over two lines,
    /// with a backslash or beyond ASCII, whose matching rules this does not repeat) answers no.
    /// </summary>
    internal static bool DefinitionsSpare(ReadOnlySpan<char> start, ReadOnlySpan<char> rest)
    {
        var defined = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var from = 0; rest[from..].IndexOf("]:", StringComparison.Ordinal) is var found and >= 0; from += found + 2)
        {
            var at = from + found;
            var line = rest[(rest[..at].LastIndexOf('\n') + 1)..at];
            var open = line.LastIndexOf('[');
            if (open < 0 || Label(line[(open + 1)..]) is not { } label) return false;
            defined.Add(label);
        }
        for (var from = 0; start[from..].IndexOf('[') is var found and >= 0; from += found + 1)
        {
            var inside = start[(from + found + 1)..];
            var close = inside.IndexOfAny('[', ']');
            if (close < 0) break;
            if (inside[close] == ']' && (Label(inside[..close]) is not { } label || defined.Contains(label))) return false;
        }
        return true;
    }

    /// <summary>
    /// A label with its whitespace collapsed (matched without regard to case), or null when it is unclear (beyond ASCII,
    /// a backslash, a control character other than a tab or a line break).
    /// </summary>
    private static string? Label(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c > 0x7E || c == '\\' || (c < ' ' && c is not ('\t' or '\n' or '\r'))) return null;
        }
        return string.Join(' ', text.ToString().Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
    }

    private static List<string> Collect(IEnumerable<LeafBlock> blocks)
    {
        var found = new List<string>();
        foreach (var block in blocks)
        {
            var text = new StringBuilder();
            if (block.Inline is { } inline) InlineWords.Append(inline, text, keepHtml: false);
            var plain = Whitespace().Replace(text.ToString(), " ").Trim();
            if (plain.Length > 0) found.Add(plain);
            if (found.Sum(f => f.Length) >= Target) break;
        }
        return found;
    }

    [GeneratedRegex(@"<!--\s*more\s*-->", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoreMarker();

    /// <summary>kramdown's attribute lists (<c>{: .class}</c>, <c>{:toc}</c>) and heading ids (<c>{#id}</c>).</summary>
    [GeneratedRegex(@"\{:[^}\n]*\}|\{#[\w-]+\}", RegexOptions.CultureInvariant)]
    private static partial Regex AttributeList();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
