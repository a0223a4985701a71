using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace StaticBriefs.Rendering.Markdown.EntityLinks;

/// <summary>
/// Links the first mention of each known entity in a body to its page. It runs when a document is fully parsed
/// (<see cref="MarkdownPipelineBuilder.DocumentProcessed"/>), after every inline parser, so it sees final text
/// and can tell code, links and headings apart; the link rewriter then prefixes the base path like any other link.
/// </summary>
public sealed class EntityLinkExtension(EntityMatcher matcher) : IMarkdownExtension
{
    /// <inheritdoc/>
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += Link;

    /// <inheritdoc/>
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private void Link(MarkdownDocument document)
    {
        if (matcher.IsEmpty) return;
        var linked = new HashSet<string>(StringComparer.Ordinal);
        // Collect first: the tree cannot change while it is being walked.
        var literals = document.Descendants<LiteralInline>().Where(IsLinkable).ToList();
        foreach (var literal in literals)
        {
            var text = literal.Content.ToString();
            var matches = new List<(int Index, int Length, string Path)>();
            foreach (var match in matcher.Matches(text))
            {
                if (linked.Add(match.Path)) matches.Add(match);
            }
            if (matches.Count > 0) Replace(literal, text, matches);
        }
    }

    private static bool IsLinkable(LiteralInline literal)
    {
        for (Inline? parent = literal.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is LinkInline or AutolinkInline) return false;
        }
        var block = FindBlock(literal);
        return block is not HeadingBlock and not CodeBlock and not null;
    }

    private static Block? FindBlock(Inline inline)
    {
        var container = inline.Parent;
        while (container?.Parent is not null) container = container.Parent;
        return container?.ParentBlock;
    }

    /// <summary>Replaces a literal by text, links and text, keeping everything between the matches.</summary>
    private static void Replace(LiteralInline literal, string text, List<(int Index, int Length, string Path)> matches)
    {
        Inline anchor = literal;
        var position = 0;
        foreach (var (index, length, path) in matches)
        {
            if (index > position) anchor = InsertAfter(anchor, new LiteralInline(text[position..index]));
            var link = new LinkInline(path, "");
            link.AppendChild(new LiteralInline(text.Substring(index, length)));
            link.GetAttributes().AddClass("entity-link");
            anchor = InsertAfter(anchor, link);
            position = index + length;
        }
        if (position < text.Length) InsertAfter(anchor, new LiteralInline(text[position..]));
        literal.Remove();
    }

    private static Inline InsertAfter(Inline anchor, Inline inline)
    {
        anchor.InsertAfter(inline);
        return inline;
    }
}
