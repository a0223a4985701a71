namespace StaticBriefs.Rendering.Markdown.Templates;

/// <summary>
/// Jekyll output expressions that stand for a URL of the site: <c>site.baseurl</c> and <c>site.url</c> (the site's
/// address, which StaticBriefs already puts before every internal link), and a quoted path through
/// <c>relative_url</c> or <c>absolute_url</c> (that path).
/// </summary>
public static class UrlExpression
{
    /// <summary>The path the expression stands for ("" for the site's own address), or null when it is not one of these.</summary>
    public static string? Read(string expression)
    {
        var text = expression.Trim();
        if (text is "site.baseurl" or "site.url" or "site.base_url") return "";
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0) return null;
        var filter = text[(bar + 1)..].Trim();
        if (filter is not ("relative_url" or "absolute_url")) return null;
        var value = text[..bar].Trim();
        if (value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0]) return value[1..^1];
        return value is "site.baseurl" or "site.url" ? "" : null;
    }
}
