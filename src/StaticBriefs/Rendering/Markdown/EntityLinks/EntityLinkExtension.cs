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
        var literals = new List<LiteralInline>();
        CollectBlocks(document, literals);
        foreach (var literal in literals)
        {
            var matches = matcher.FindAll(literal.Content.AsSpan(), linked);
            if (matches is not null) Replace(literal, literal.Content.ToString(), matches);
        }
    }

    /// <summary>Literals outside headings, code and existing links, in document order.</summary>
    private static void CollectBlocks(Block block, List<LiteralInline> literals)
    {
        switch (block)
        {
            case HeadingBlock or CodeBlock:
                return;
            case LeafBlock leaf:
                CollectInlines(leaf.Inline, literals);
                return;
            case ContainerBlock container:
                foreach (var child in container) CollectBlocks(child, literals);
                return;
        }
    }

    private static void CollectInlines(ContainerInline? container, List<LiteralInline> literals)
    {
        for (var child = container?.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is LiteralInline literal) literals.Add(literal);
            else if (child is ContainerInline inner and not LinkInline) CollectInlines(inner, literals);
        }
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
