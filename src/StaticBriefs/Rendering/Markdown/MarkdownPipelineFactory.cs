using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using StaticBriefs.Rendering.Markdown.EntityLinks;

namespace StaticBriefs.Rendering.Markdown;

/// <summary>Builds the one Markdig pipeline a build shares across all threads.</summary>
public static class MarkdownPipelineFactory
{
    /// <summary>
    /// Builds the pipeline; <paramref name="entities"/>, when given, links first mentions of known entities.
    /// The extensions are listed one by one rather than through <c>UseAdvancedExtensions()</c>: generic attributes
    /// (<c>{onclick=...}</c>) would let an author inject script even with raw HTML off, and media links embed
    /// third-party iframes, which the site promises not to make.
    /// </summary>
    public static MarkdownPipeline Create(MarkdownOptions options, EntityMatcher? entities = null)
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
            .UseSmartyPants();
        if (entities is not null) builder.Extensions.Add(new EntityLinkExtension(entities));
        if (options.AllowHtml) builder.UseGenericAttributes();
        else builder.DisableHtml();
        return builder.Build();
    }
}
