using System.Collections.Immutable;

namespace StaticBriefs.Rendering.Markdown;

/// <summary>A markdown body turned into HTML, with what listings, feeds and search need from it.</summary>
/// <param name="Html">The body's HTML, links already rewritten for the site's base path.</param>
/// <param name="Toc">Level 2 and 3 headings, in order.</param>
/// <param name="WordCount">Words of prose, for reading time.</param>
/// <param name="PlainText">The body as plain text, for search.</param>
public sealed record RenderedMarkdown(string Html, ImmutableArray<TocEntry> Toc, int WordCount, string PlainText)
{
    /// <summary>The text of every heading, one heading a line, for search.</summary>
    public string Headings { get; init; } = "";

    /// <summary>The opening paragraphs as plain text (no headings, tables or code), about 400 characters, for snippets.</summary>
    public string Lead { get; init; } = "";

    /// <summary>Minutes to read at 220 words a minute, at least one.</summary>
    public int ReadingMinutes => Math.Max(1, (int)Math.Round(WordCount / 220.0, MidpointRounding.AwayFromZero));
}
