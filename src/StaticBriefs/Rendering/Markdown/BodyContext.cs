using System.Globalization;
using Markdig.Syntax;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Rendering.Markdown;

/// <summary>
/// What an extension node needs after parsing, while the renderer walks the body: the file it came from, the site's
/// links, and where to report problems. Markdig's parsers never see these (one pipeline serves every file, and link
/// look-ups must go through the context the body memo records), so nodes that resolve links or report warnings do it
/// here, through <see cref="IBodyNode"/>. One instance per body render.
/// </summary>
public sealed class BodyContext(string relativePath, int bodyFirstLine, LinkContext links, DiagnosticBag diagnostics)
{
    /// <summary>How many notices of one kind a file gets one by one; the rest are summed up in one more.</summary>
    public const int NoticesShown = 5;

    private readonly Dictionary<string, List<(int Line, int Column, string Message, string Kind)>> _notices = new(StringComparer.Ordinal);

    /// <summary>The file, relative to the input folder.</summary>
    public string RelativePath => relativePath;

    /// <summary>The file line the body starts on (after the front matter).</summary>
    public int BodyFirstLine => bodyFirstLine;

    /// <summary>Where problems go.</summary>
    public DiagnosticBag Diagnostics => diagnostics;

    /// <summary>The site's links, as the memo records them.</summary>
    public LinkContext Links => links;

    /// <summary>The file line of a node (Markdig counts body lines from 0).</summary>
    public int LineOf(MarkdownObject node) => bodyFirstLine + node.Line;

    /// <summary>The 1-based column of a node.</summary>
    public static int ColumnOf(MarkdownObject node) => node.Column + 1;

    /// <summary>Reports an error at <paramref name="node"/>.</summary>
    public void Error(MarkdownObject node, string code, string message) =>
        diagnostics.Error(relativePath, LineOf(node), code, message, ColumnOf(node));

    /// <summary>Reports a warning at <paramref name="node"/>.</summary>
    public void Warning(MarkdownObject node, string code, string message) =>
        diagnostics.Warning(relativePath, LineOf(node), code, message, ColumnOf(node));

    /// <summary>
    /// A warning that may repeat many times in one file: the first <see cref="NoticesShown"/> are reported with their
    /// positions, the rest in one warning that counts them (<paramref name="kind"/> names one of them: "template tag").
    /// </summary>
    public void Notice(MarkdownObject node, string code, string message, string kind)
    {
        if (!_notices.TryGetValue(code, out var list)) _notices[code] = list = [];
        list.Add((LineOf(node), ColumnOf(node), message, kind));
    }

    private readonly List<(int Line, int Column)> _omittedHtml = [];

    /// <summary>Raw HTML at <paramref name="node"/> was left out (allow_html off): the file gets one warning for all of it.</summary>
    public void OmitRawHtml(MarkdownObject node) => _omittedHtml.Add((LineOf(node), ColumnOf(node)));

    /// <summary>Reports the notices gathered; called once the walk is over.</summary>
    public void Finish()
    {
        if (_omittedHtml.Count > 0)
        {
            var lines = _omittedHtml.Select(p => p.Line).Distinct().ToList();
            var listed = string.Join(", ", lines.Take(10).Select(l => l.ToString(CultureInfo.InvariantCulture))) + (lines.Count > 10 ? ", ..." : "");
            var (line, column) = _omittedHtml[0];
            diagnostics.Warning(relativePath, line, DiagnosticCodes.RawHtmlOmitted,
                $"raw HTML is left out of this page (line{(lines.Count > 1 ? "s" : "")} {listed}); write it as markdown, or set 'allow_html: true' in _site.yml to publish it (HTML comments are never published)",
                column);
            _omittedHtml.Clear();
        }
        foreach (var (code, list) in _notices.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            list.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
            // Summing up one notice would say less than the notice itself.
            var shown = list.Count <= NoticesShown + 1 ? list.Count : NoticesShown;
            for (var i = 0; i < shown; i++)
                diagnostics.Warning(relativePath, list[i].Line, code, list[i].Message, list[i].Column);
            if (shown == list.Count) continue;
            var rest = list.Skip(shown).ToList();
            var lines = rest.Select(n => n.Line).Distinct().ToList();
            var listed = string.Join(", ", lines.Take(10).Select(l => l.ToString(CultureInfo.InvariantCulture))) + (lines.Count > 10 ? ", ..." : "");
            diagnostics.Warning(relativePath, rest[0].Line, code,
                $"... and {rest.Count} more {rest[0].Kind}s in this file (line{(lines.Count > 1 ? "s" : "")} {listed}), each shown as written", rest[0].Column);
        }
        _notices.Clear();
    }
}

/// <summary>A link whose target was written as something else (template syntax): messages name it as written.</summary>
public interface IWrittenLink
{
    /// <summary>The link target as the author wrote it.</summary>
    string WrittenTarget { get; }
}

/// <summary>
/// A syntax node made by one of StaticBriefs' extensions that has work left once the body's file and the site's
/// links are known: resolving a link target, reporting a warning. The renderer's walk calls it once per render.
/// </summary>
public interface IBodyNode
{
    /// <summary>Does the node's work; returns false when the walk should skip what the node contains.</summary>
    bool Resolve(BodyContext context);
}
