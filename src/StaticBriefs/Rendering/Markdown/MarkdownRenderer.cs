using System.Collections.Immutable;
using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using StaticBriefs.Diagnostics;
using StaticBriefs.Text;

namespace StaticBriefs.Rendering.Markdown;

/// <summary>
/// Renders a document body with the shared pipeline: checks and rewrites internal links, collects the table of
/// contents, counts words and extracts plain text, all in one walk of the syntax tree. Thread-safe.
/// </summary>
public sealed class MarkdownRenderer(
    MarkdownPipeline pipeline, LinkContext links, IMarkdownMemo? memo = null, Html.Minifier? minifier = null,
    Diagnostics.WorkMeter? meter = null)
{
    /// <summary>The memo of rendered bodies, or null without a cache.</summary>
    public IMarkdownMemo? Memo => memo;

    /// <summary>What bodies' links are checked and rewritten against.</summary>
    public LinkContext Links => links;

    /// <summary>
    /// True when rendering the body again would give what a cache remembers (its links and entity names answer as
    /// they did); false without a cache.
    /// </summary>
    public bool IsCurrent(Model.BodyText markdown, string relativePath, int bodyFirstLine) =>
        memo is not null && memo.IsCurrent(markdown, relativePath, bodyFirstLine, links);

    /// <summary>See <see cref="IMarkdownMemo.PrepareChecks"/>.</summary>
    public void PrepareChecks(IEnumerable<(Model.BodyText Markdown, string RelativePath, int BodyFirstLine)> bodies) =>
        memo?.PrepareChecks(bodies);

    /// <summary>Renders one body; broken links are reported against <paramref name="relativePath"/>.</summary>
    public RenderedMarkdown Render(string markdown, string relativePath, int bodyFirstLine, DiagnosticBag diagnostics) =>
        Render(new Model.BodyText(markdown), relativePath, bodyFirstLine, diagnostics);

    /// <summary>
    /// Renders one body; broken links are reported against <paramref name="relativePath"/>. A body the memo remembers
    /// is not read (a document's body left in the build cache stays there).
    /// </summary>
    public RenderedMarkdown Render(Model.BodyText markdown, string relativePath, int bodyFirstLine, DiagnosticBag diagnostics) =>
        memo is null
            ? Render(markdown.Text, relativePath, bodyFirstLine, links, diagnostics)
            : memo.Render(markdown, relativePath, bodyFirstLine, links, diagnostics,
                (context, bag) => Render(markdown.Text, relativePath, bodyFirstLine, context, bag));

    // Plain-text buffers, one a body being rendered and kept for the next: made afresh, one the size of each body was
    // a twentieth of what a 10,000-brief build allocated. One grown past MaxKeptText (a huge body) is let go.
    private readonly System.Collections.Concurrent.ConcurrentBag<StringBuilder> _texts = [];
    private const int MaxKeptText = 1 << 20;

    // HTML writers, kept the same way: Markdig writes a body into one, and it is read from there once, compacted.
    private readonly System.Collections.Concurrent.ConcurrentBag<StringWriter> _writers = [];

    /// <summary>Whether the pipeline publishes raw HTML (<c>allow_html</c>); without the extension it does not.</summary>
    private readonly bool _allowHtml = pipeline.Extensions.Find<RawHtmlExtension>()?.AllowHtml ?? false;

    private RenderedMarkdown Render(
        string markdown, string relativePath, int bodyFirstLine, LinkContext linkContext, DiagnosticBag diagnostics)
    {
        var started = Diagnostics.WorkMeter.Start();
        var document = NestingGuard.Parse(markdown, pipeline, relativePath, bodyFirstLine, diagnostics);
        if (document is null) return new RenderedMarkdown("", [], 0, "");
        var context = new BodyContext(relativePath, bodyFirstLine, linkContext, diagnostics);
        var text = _texts.TryTake(out var kept) ? kept : new StringBuilder(markdown.Length);
        var walk = new Walk(context, text, _allowHtml);
        walk.Block(document);
        context.Finish();
        var writer = _writers.TryTake(out var idle) ? idle : new StringWriter(new StringBuilder(2 * markdown.Length), System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        Markdig.Markdown.ToHtml(document, writer, pipeline);
        meter?.Stop(Diagnostics.WorkKind.Markdown, started);
        var written = writer.GetStringBuilder();
        string html;
        if (minifier is not null)
        {
            started = Diagnostics.WorkMeter.Start();
            html = minifier.MinifyFragment(written);
            meter?.Stop(Diagnostics.WorkKind.Minify, started);
        }
        else html = written.ToString();
        if (written.Capacity <= MaxKeptText)
        {
            written.Clear();
            _writers.Add(writer);
        }
        var plain = StaticBriefs.Text.PlainText.CollapseSpace(text);
        if (text.Capacity <= MaxKeptText)
        {
            text.Clear();
            _texts.Add(text);
        }
        return new RenderedMarkdown(html, walk.Toc.ToImmutable(), walk.Words, plain)
        {
            Headings = walk.Headings.ToString(),
            Lead = StaticBriefs.Text.PlainText.CollapseSpace(walk.Lead),
        };
    }

    /// <summary>
    /// One pass over the syntax tree. Written as explicit recursion over children rather than Markdig's
    /// <c>Descendants()</c>, whose nested iterators allocated more than the parse itself.
    /// </summary>
    private sealed class Walk(BodyContext context, StringBuilder text, bool allowHtml)
    {
        /// <summary>Characters of opening prose kept; the search snippet uses about 300.</summary>
        private const int LeadLength = 400;

        private readonly LinkContext links = context.Links;
        private readonly string relativePath = context.RelativePath;
        private readonly int bodyFirstLine = context.BodyFirstLine;
        private readonly DiagnosticBag diagnostics = context.Diagnostics;

        public ImmutableArray<TocEntry>.Builder Toc { get; } = ImmutableArray.CreateBuilder<TocEntry>();
        public StringBuilder Text { get; } = text;
        public StringBuilder Headings { get; } = new();
        public StringBuilder Lead { get; } = new();
        public int Words { get; private set; }
        private int _tables;

        public void Block(Block block)
        {
            UrlGuard.FilterAttributes(block, relativePath, bodyFirstLine + block.Line, diagnostics);
            // Extension nodes resolve their links and report their warnings first; false keeps their content out.
            if (block is IBodyNode node && !node.Resolve(context)) return;
            switch (block)
            {
                case HtmlBlock html:
                    RawBlock(html);
                    break;
                case HeadingBlock heading:
                    if (heading.Level is 2 or 3 && heading.GetAttributes().Id is { } id)
                        Toc.Add(new TocEntry(heading.Level, id, InlineText(heading.Inline)));
                    Text.Append(' ');
                    var start = Text.Length;
                    Inlines(heading.Inline);
                    if (Headings.Length > 0) Headings.Append('\n');
                    Headings.Append(Text, start, Text.Length - start);
                    Text.Append(' ');
                    break;
                case ParagraphBlock paragraph when _tables == 0 && Lead.Length < LeadLength:
                    // The opening prose, for result snippets: paragraphs only, never headings, tables or code.
                    var from = Text.Length;
                    Inlines(paragraph.Inline);
                    Lead.Append(Text, from, Text.Length - from).Append(' ');
                    Text.Append(' ');
                    break;
                case Markdig.Extensions.Tables.Table table:
                    _tables++;
                    foreach (var child in table) Block(child);
                    _tables--;
                    break;
                case CodeBlock code:
                    Text.Append(' ');
                    for (var i = 0; i < code.Lines.Count; i++) Text.Append(code.Lines.Lines[i].Slice.AsSpan()).Append(' ');
                    break;
                case LeafBlock leaf:
                    Inlines(leaf.Inline);
                    Text.Append(' ');
                    break;
                case ContainerBlock container:
                    foreach (var child in container) Block(child);
                    break;
            }
        }

        /// <summary>
        /// A raw HTML block: its comments go; with allow_html its URL attributes get the same policy, rewriting and
        /// checks as markdown links, else it is left out (and counted for the file's one warning).
        /// </summary>
        private void RawBlock(HtmlBlock html)
        {
            var text = html.Lines.ToString();
            var filtered = HtmlComments.Remove(text);
            if (!allowHtml)
            {
                if (!string.IsNullOrWhiteSpace(filtered)) context.OmitRawHtml(html);
                filtered = "";
            }
            else
            {
                filtered = UrlGuard.FilterHtml(filtered, relativePath, bodyFirstLine + html.Line, html.Column + 1, diagnostics,
                    (url, line, column) => CheckLink(url, url, line, column, context));
            }
            if (filtered == text) return;
            var lines = filtered.Split('\n');
            var group = new Markdig.Helpers.StringLineGroup(lines.Length);
            foreach (var line in lines) group.Add(new Markdig.Helpers.StringSlice(line));
            html.Lines = group;
        }

        private void Inlines(ContainerInline? container)
        {
            for (var child = container?.FirstChild; child is not null; child = child.NextSibling)
            {
                UrlGuard.FilterAttributes(child, relativePath, bodyFirstLine + child.Line, diagnostics);
                if (child is IBodyNode node && !node.Resolve(context)) continue;
                switch (child)
                {
                    case HtmlInline raw when HtmlComments.IsOnlyComments(raw.Tag):
                        raw.Tag = "";
                        break;
                    case HtmlInline raw when !allowHtml:
                        // 'Vec<T>' in prose is text, not a tag; real tags are left out.
                        if (!HtmlComments.IsElement(raw.Tag))
                        {
                            Words += AppendWords(Text, raw.Tag.AsSpan());
                            child = raw.ReplaceBy(new LiteralInline(raw.Tag));
                            break;
                        }
                        context.OmitRawHtml(raw);
                        raw.Tag = "";
                        break;
                    case HtmlInline raw:
                        raw.Tag = UrlGuard.FilterHtml(raw.Tag, relativePath, bodyFirstLine + raw.Line, raw.Column + 1, diagnostics,
                            (url, line, column) => CheckLink(url, url, line, column, context));
                        break;
                    case LinkInline link:
                        RewriteLink(link, relativePath, bodyFirstLine, links, context);
                        Inlines(link);
                        break;
                    case AutolinkInline autolink when !autolink.IsEmail && !UrlPolicy.IsAllowed(autolink.Url):
                        // <javascript:...> is a CommonMark autolink, not a LinkInline: it needs the same guard.
                        UrlGuard.Dropped(diagnostics, relativePath, bodyFirstLine + autolink.Line, autolink.Column + 1, autolink.Url);
                        autolink.Url = "#";
                        break;
                    case LiteralInline literal:
                        Words += AppendWords(Text, literal.Content.AsSpan());
                        break;
                    case CodeInline code:
                        Words += AppendWords(Text, code.Content.AsSpan());
                        break;
                    case LineBreakInline:
                        Text.Append(' '); // a soft break separates words: "end\nstart" is not "endstart"
                        break;
                    case ContainerInline inner:
                        Inlines(inner);
                        break;
                }
            }
        }
    }

    private static void RewriteLink(LinkInline link, string relativePath, int bodyFirstLine, LinkContext links, BodyContext context)
    {
        var url = link.Url;
        // A link whose target was template syntax is named in messages as the author wrote it.
        var written = link is IWrittenLink template ? template.WrittenTarget : url;
        if (string.IsNullOrEmpty(url)) return;
        var line = bodyFirstLine + link.Line;
        var column = link.Column + 1;

        if (!UrlPolicy.IsAllowed(url))
        {
            link.Url = "#";
            UrlGuard.Dropped(context.Diagnostics, relativePath, line, column, url);
            return;
        }
        if (CheckLink(url, written ?? url, line, column, context) is { } rewritten) link.Url = rewritten;
    }

    /// <summary>
    /// Resolves and checks one internal link (markdown or raw HTML): the URL to publish instead (base path in front,
    /// a markdown file's or old URL's page, a bundle file beside its page), or null to leave it as written. A link to
    /// nothing is reported with the site's severity for broken links, saying why when it is a draft or future brief.
    /// </summary>
    private static string? CheckLink(string url, string written, int line, int column, BodyContext context)
    {
        var links = context.Links;
        if (url.Contains("{{", StringComparison.Ordinal) || url.Contains("{%", StringComparison.Ordinal))
        {
            // A target another generator would have filled in ({{% param url %}}): there is no address to check.
            context.Diagnostics.Warning(context.RelativePath, line, DiagnosticCodes.TemplateSyntax,
                $"link target '{written}' is template syntax that StaticBriefs does not run, so the link leads nowhere; write the address itself", column);
            return null;
        }
        var resolution = LinkTargets.Resolve(url, context.RelativePath, links);
        switch (resolution.Kind)
        {
            case LinkKind.Internal:
                return links.BasePath + resolution.Path.TrimStart('/') + resolution.Suffix;
            case LinkKind.Broken:
                var why = resolution.Note is { } note
                    ? $"which is {note}"
                    : "which does not exist; fix the path (or, when another site serves it, list its folder under external_paths in _site.yml)";
                context.Diagnostics.Add(new Diagnostic(links.BrokenLinks, context.RelativePath, line, column, DiagnosticCodes.BrokenLink,
                    $"link '{written}' points at {resolution.Path}, {why}"));
                return null;
            default:
                return null;
        }
    }

    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null) return "";
        var builder = new StringBuilder();
        foreach (var child in inline.Descendants())
        {
            if (child is LiteralInline literal) builder.Append(literal.Content.AsSpan());
            else if (child is CodeInline code) builder.Append(code.Content);
        }
        return builder.ToString().Trim();
    }

    private static int AppendWords(StringBuilder text, ReadOnlySpan<char> content)
    {
        text.Append(content);
        return StaticBriefs.Text.PlainText.CountWords(content);
    }
}
