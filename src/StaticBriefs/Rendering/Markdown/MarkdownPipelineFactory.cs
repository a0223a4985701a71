using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using StaticBriefs.Rendering.Markdown.Alerts;
using StaticBriefs.Rendering.Markdown.EntityLinks;
using StaticBriefs.Rendering.Markdown.Highlighting;
using StaticBriefs.Rendering.Markdown.Shortcodes;
using StaticBriefs.Rendering.Markdown.Templates;

namespace StaticBriefs.Rendering.Markdown;

/// <summary>Builds the one Markdig pipeline a build shares across all threads.</summary>
public static class MarkdownPipelineFactory
{
    /// <summary>
    /// Builds the pipeline; <paramref name="entities"/>, when given, links first mentions of known entities, and
    /// <paramref name="highlighter"/> (a new one when not given) highlights fenced code.
    /// The extensions are listed one by one rather than through <c>UseAdvancedExtensions()</c>: generic attributes
    /// (<c>{onclick=...}</c>) would let an author inject script even with raw HTML off, and media links embed
    /// third-party iframes, which the site promises not to make. Template syntax and shortcodes are set up before
    /// entity links: their tree rewrites must be done before names are linked (see each extension).
    /// </summary>
    public static MarkdownPipeline Create(MarkdownOptions options, EntityMatcher? entities = null, SyntaxHighlighter? highlighter = null)
    {
        var builder = new MarkdownPipelineBuilder()
            .UseAbbreviations()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UseCitations()
            .UseCustomContainers()
            .UseDefinitionLists()
            .UseEmphasisExtras()
            .UseFigures()
            .UseFooters()
            .UseFootnotes()
            .UseGridTables()
            .UsePipeTables()
            .UseListExtras()
            .UseTaskLists()
            .UseAutoLinks()
            .UseSmartyPants()
            .UseAccessibleAlerts()
            .UseTemplateSyntax()
            .UseShortcodes()
            .UseSyntaxHighlighting(highlighter ?? new SyntaxHighlighter());
        if (entities is not null) builder.Extensions.Add(new EntityLinkExtension(entities));
        // Raw HTML is parsed either way, so that it can be left out (or checked) instead of printed as text.
        if (options.AllowHtml) builder.UseGenericAttributes();
        builder.Extensions.Add(new RawHtmlExtension(options.AllowHtml));
        return builder.Build();
    }
}
