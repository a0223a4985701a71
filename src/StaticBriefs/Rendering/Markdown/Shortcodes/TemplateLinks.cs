using System.Text;
using StaticBriefs.Diagnostics;
using StaticBriefs.Rendering.Markdown.Templates;

namespace StaticBriefs.Rendering.Markdown.Shortcodes;

/// <summary>
/// Resolves link targets written with template syntax to site paths the link checker understands. Posts and pages
/// are found by their source file, through <see cref="LinkContext.SourcesByName"/> and
/// <see cref="LinkContext.PathsBySource"/>, never by rebuilding a URL: the target becomes the path that map gives the
/// file, whatever URL scheme made it, so per-file permalinks will need no change here; the checker then checks the
/// path is published (a draft's is not) and puts the base path in front. <c>{{ site.baseurl }}</c> and <c>{{ site.url }}</c> stand for the site's address, which the checker puts in
/// front of every internal link anyway, so they become nothing.
/// </summary>
public static class TemplateLinks
{
    /// <summary>The site path <paramref name="link"/>'s target stands for, or null after reporting why it has none.</summary>
    public static string? Expand(TemplateLinkInline link, BodyContext context)
    {
        var url = new StringBuilder();
        foreach (var part in link.Parts)
        {
            if (part.Tag is null)
            {
                url.Append(part.Text);
                continue;
            }
            var path = Resolve(part.Tag, link, context);
            if (path is null) return null;
            url.Append(path);
        }
        // A ref to an anchor of this page ({{< ref "#usage" >}}) stays an in-page link.
        return link.Parts.Count == 1 && url.Length > 0 && url[0] == '#' ? url.ToString() : Normalize(url.ToString());
    }

    private static string? Resolve(TemplateTag tag, TemplateLinkInline link, BodyContext context)
    {
        switch (tag.Syntax)
        {
            case TemplateSyntax.Output:
                return UrlExpression.Read(tag.Name);
            case TemplateSyntax.Tag when tag.Name == "link":
                var file = Unquote(tag.Arguments).TrimStart('/');
                if (file.Length == 0) return Bad(tag, link, context, "needs a file path, as in {% link _posts/2024-05-01-launch.md %}");
                // A post or page is where the site publishes it; any other file (an image, a PDF) is where it lies.
                return context.Links.PathsBySource.TryGetValue(file, out var published) ? published : "/" + file;
            case TemplateSyntax.Tag:
                return PostUrl(tag, link, context);
            default:
                return Ref(tag, link, context);
        }
    }

    /// <summary>Jekyll's <c>{% post_url [folder/]2024-05-01-launch %}</c>: the post whose file has that name.</summary>
    private static string? PostUrl(TemplateTag tag, TemplateLinkInline link, BodyContext context)
    {
        var name = Unquote(tag.Arguments);
        if (name.Length == 0) return Bad(tag, link, context, "needs a post's file name, as in {% post_url 2024-05-01-launch %}");
        var slash = name.LastIndexOf('/');
        if (slash >= 0) name = name[(slash + 1)..];
        if (SourceNames.NameOf(name) is { } withoutExtension) name = withoutExtension;
        if (!context.Links.SourcesByName.TryGetValue(name, out var sources))
        {
            context.Error(link, DiagnosticCodes.BrokenLink,
                $"'{tag.Shown}' names no post: no file {name}.md in the input; fix the name (it is the file name without .md)");
            return null;
        }
        return Single(sources, tag, link, context, "{% link <path> %}");
    }

    /// <summary>
    /// Hugo's <c>ref</c> and <c>relref</c>: a path relative to this file, then from the input folder, then a file's
    /// name alone (as Hugo finds it); <c>.md</c>, <c>/index.md</c> and <c>/_index.md</c> may be left out.
    /// </summary>
    private static string? Ref(TemplateTag tag, TemplateLinkInline link, BodyContext context)
    {
        var target = tag.Parsed().Get("path", 0) ?? "";
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var anchor = hash >= 0 ? target[hash..] : "";
        var path = (hash >= 0 ? target[..hash] : target).Trim();
        if (path.Length == 0)
            return anchor.Length > 0 ? anchor : Bad(tag, link, context, "needs a page path, as in {{< ref \"posts/launch.md\" >}}");

        var folder = context.RelativePath.Contains('/') ? context.RelativePath[..context.RelativePath.LastIndexOf('/')] : "";
        // Hugo's paths start at its content folder, which may be the input folder or a folder inside it.
        var bases = path.StartsWith('/') ? new[] { Join("", path), Join("content", path) } : [Join(folder, path), Join("", path), Join("content", path)];
        foreach (var candidate in bases)
        {
            foreach (var file in Files(candidate))
            {
                if (context.Links.PathsBySource.TryGetValue(file, out var published)) return published + anchor;
            }
        }
        var name = SourceNames.NameOf(path.TrimEnd('/').EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? path.TrimEnd('/') : path.TrimEnd('/') + ".md");
        if (name is not null && !path.Contains("..", StringComparison.Ordinal) && context.Links.SourcesByName.TryGetValue(name, out var sources))
            return Single(sources, tag, link, context, "{{< ref \"<path>\" >}}") is { } found ? found + anchor : null;
        var wanted = path.TrimEnd('/');
        if (!wanted.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) wanted += ".md";
        context.Error(link, DiagnosticCodes.BrokenLink,
            $"'{tag.Shown}' points at no page: no {wanted} beside this file, under the input folder or by that name; fix the path");
        return null;
    }

    /// <summary>Where the one source in a name look-up's answer is published, or null after reporting that the name is shared.</summary>
    private static string? Single(string sources, TemplateTag tag, TemplateLinkInline link, BodyContext context, string instead)
    {
        if (!sources.Contains('\n', StringComparison.Ordinal))
            return context.Links.PathsBySource.TryGetValue(sources, out var published) ? published : "/" + sources;
        var files = sources.Split('\n');
        var shown = string.Join(", ", files.Take(5)) + (files.Length > 5 ? $" and {files.Length - 5} more" : "");
        context.Error(link, DiagnosticCodes.BrokenLink, $"'{tag.Shown}' could mean any of {shown}; write the path instead ({instead})");
        return null;
    }

    private static string? Bad(TemplateTag tag, TemplateLinkInline link, BodyContext context, string what)
    {
        context.Warning(link, DiagnosticCodes.BadShortcode, $"'{tag.Shown}' {what}; the link is left out");
        return null;
    }

    /// <summary>The files a ref path may mean: as written, or with <c>.md</c>, <c>/index.md</c>, <c>/_index.md</c>.</summary>
    private static IEnumerable<string> Files(string path)
    {
        if (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            yield return path;
            yield break;
        }
        if (path.Length > 0) yield return path + ".md";
        yield return path.Length > 0 ? path + "/index.md" : "index.md";
        yield return path.Length > 0 ? path + "/_index.md" : "_index.md";
    }

    /// <summary>A path joined to a folder, with <c>.</c> and <c>..</c> resolved and no leading or trailing slash.</summary>
    private static string Join(string folder, string path)
    {
        var parts = new List<string>(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(Uri.UnescapeDataString(segment));
        }
        return string.Join('/', parts);
    }

    /// <summary>Site paths start with one slash: <c>{{ site.baseurl }}</c> alone is the home page, doubled slashes go.</summary>
    private static string Normalize(string url)
    {
        if (url.Length == 0 || url[0] is '#' or '?') return "/" + url; // the home page
        if (url[0] != '/') url = "/" + url;
        var cut = url.IndexOfAny(['?', '#']);
        var path = cut >= 0 ? url[..cut] : url;
        while (path.Contains("//", StringComparison.Ordinal)) path = path.Replace("//", "/", StringComparison.Ordinal);
        return cut >= 0 ? path + url[cut..] : path;
    }

    private static string Unquote(string text)
    {
        var value = text.Trim();
        return value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0] ? value[1..^1].Trim() : value;
    }
}
