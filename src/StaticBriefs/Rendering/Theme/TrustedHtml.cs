namespace StaticBriefs.Rendering.Theme;

/// <summary>
/// HTML the generator made (a rendered body, a card, JSON-LD, the output of a template) or a value a template passed
/// through <c>html.escape</c> or <c>raw</c>: written to pages as it is. Every other value a template writes is
/// escaped (see <see cref="EscapingTemplateContext"/>).
/// </summary>
/// <param name="Value">The HTML.</param>
public sealed record TrustedHtml(string Value)
{
    /// <summary>No HTML.</summary>
    public static readonly TrustedHtml Empty = new("");

    /// <summary>The HTML itself, so comparisons in templates (<c>page.json_ld != ""</c>) see the text.</summary>
    public override string ToString() => Value;
}
