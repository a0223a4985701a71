namespace StaticBriefs.Rendering.Markdown.Templates;

/// <summary>
/// What a warning says about template syntax left in a body: which tag, that it is shown as written, and what to do.
/// Tags with a built-in equivalent in the wrong place say where they would work.
/// </summary>
public static class TemplateAdvice
{
    /// <summary>Hugo shortcodes StaticBriefs renders when each stands on a line of its own.</summary>
    public static readonly IReadOnlySet<string> BlockShortcodes = new HashSet<string>(StringComparer.Ordinal) { "figure", "youtube", "highlight" };

    /// <summary>The warning for <paramref name="tag"/> left in text, or null when it is meant to show as text.</summary>
    public static string? For(TemplateTag tag)
    {
        var shown = tag.Shown;
        if (tag.NamesUrl)
            return $"'{shown}' is replaced only as a link target, as in [text]({shown}); here it is shown as written";
        return tag.Syntax switch
        {
            TemplateSyntax.EscapedShortcode => null,
            TemplateSyntax.Comment => $"template comment '{shown}' is shown as written; delete it, or turn it into an HTML comment",
            TemplateSyntax.Output =>
                $"template variable '{shown}' is not filled in by StaticBriefs and is shown as written; write its value instead, or put it in backticks if it is an example",
            TemplateSyntax.Tag when tag.Name == "highlight" =>
                $"'{shown}' becomes highlighted code only at the start of a line, closed by '{{% endhighlight %}}' on a line of its own; here it is shown as written",
            TemplateSyntax.Tag =>
                $"template tag '{shown}' (Liquid/Nunjucks '{tag.Name}') is not run by StaticBriefs and is shown as written; replace it with markdown, or put it in backticks if it is an example",
            _ when BlockShortcodes.Contains(tag.Name) && !tag.IsClosing =>
                $"Hugo shortcode '{shown}' works only on a line of its own; here it is shown as written",
            _ => $"Hugo shortcode '{shown}' has no StaticBriefs equivalent and is shown as written; replace it with markdown (built in: figure, youtube, highlight, ref, relref)",
        };
    }
}
