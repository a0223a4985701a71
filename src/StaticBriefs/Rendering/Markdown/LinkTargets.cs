using StaticBriefs.Model;

namespace StaticBriefs.Rendering.Markdown;

/// <summary>How a link in a body is treated.</summary>
public enum LinkKind
{
    /// <summary>Another site, a mail address, an in-page anchor, or a path a larger site serves: left alone.</summary>
    External,
    /// <summary>A page or file of this site that exists.</summary>
    Internal,
    /// <summary>A page or file of this site that does not exist (or is not published).</summary>
    Broken,
}

/// <summary>The outcome of resolving a link: its kind, the site path it means, any query or fragment, and why it is broken.</summary>
public readonly record struct LinkResolution(LinkKind Kind, string Path, string Suffix, string? Note = null);

/// <summary>
/// Resolves body links the way the published site will serve them: links to markdown files (<c>other.md</c>,
/// relative to the file, or from the input root with '/'), files beside the source (a bundle's images follow its
/// page), links relative to the page's own URL (<c>../other-post/</c>, as a browser reads them), and site paths,
/// including old URLs that now redirect. Paths another site serves (<c>external_paths</c>) are left alone.
/// </summary>
public static class LinkTargets
{
    private static readonly string[] GeneratedFiles = ["/feed.xml", "/feed.json", "/sitemap.xml", "/robots.txt", "/404.html"];

    /// <summary>Resolves a link written in the document at <paramref name="relativePath"/>.</summary>
    public static LinkResolution Resolve(string url, string relativePath, LinkContext links)
    {
        if (url.StartsWith('#') || url.StartsWith("//", StringComparison.Ordinal) || HasScheme(url))
            return new LinkResolution(LinkKind.External, url, "");

        var cut = url.IndexOfAny(['#', '?']);
        var path = cut >= 0 ? url[..cut] : url;
        var suffix = cut >= 0 ? url[cut..] : "";
        if (path.Length == 0) return new LinkResolution(LinkKind.External, url, "");

        if (IsMarkdown(path))
        {
            // Zola's '@/blog/x.md' is from the content root, as is '/x.md'; an Eleventy author's './blog/x.md' written
            // inside blog/ is from the input root too, so a relative link that names no file beside it is tried there.
            var fromRoot = path.StartsWith("@/", StringComparison.Ordinal) ? path[2..] : path.StartsWith('/') ? path : null;
            var source = fromRoot is not null ? Join("", fromRoot) : Join(Folder(relativePath), path);
            if (fromRoot is null && !links.PathsBySource.ContainsKey(source) && links.PathsBySource.ContainsKey(Join("", path)))
                source = Join("", path);
            // The file must also be published: a draft or future brief has a path but no page.
            if (links.PathsBySource.TryGetValue(source, out var target))
            {
                return links.KnownPaths.Contains(target)
                    ? new LinkResolution(LinkKind.Internal, target, suffix)
                    : new LinkResolution(LinkKind.Broken, target, suffix, links.Unpublished.GetValueOrDefault(target));
            }
            // A source file of the larger site ('../docs/community.md' in Eleventy's blog/) is that site's to serve.
            if (IsExternal("/" + source, links)) return new LinkResolution(LinkKind.External, url, "");
            return new LinkResolution(LinkKind.Broken, "/" + source, suffix, "not a markdown file of the input folder; fix the path");
        }
        if (!path.StartsWith('/'))
        {
            // A file beside the source (an image, a PDF): where it is published, which for a bundle is beside its page.
            var file = Join(Folder(relativePath), path);
            if (links.Resources.TryGetValue(file, out var published)) return new LinkResolution(LinkKind.Internal, "/" + published, suffix);
            if (links.StaticFiles.Contains(file)) return new LinkResolution(LinkKind.Internal, "/" + file, suffix);
            // Else a link relative to the page's own URL, as the browser will follow it.
            if (!links.PathsBySource.TryGetValue(relativePath, out var own)) return new LinkResolution(LinkKind.External, url, "");
            path = "/" + Join(SitePaths.FolderOf(own), path) + (EndsLikeFolder(path) ? "/" : "");
            if (path == "//") path = "/";
        }
        if (IsExternal(path, links)) return new LinkResolution(LinkKind.External, url, "");

        var normalized = path.Contains('.', StringComparison.Ordinal) || path.EndsWith('/') ? path : path + "/";
        if (Exists(normalized, links)) return new LinkResolution(LinkKind.Internal, normalized, suffix);
        // '/releases/1.88.0' names the folder '/releases/1.88.0/', which the rule above cannot tell from a file.
        var folder = normalized.EndsWith('/') ? normalized : normalized + "/";
        if (folder != normalized && Exists(folder, links)) return new LinkResolution(LinkKind.Internal, folder, suffix);
        foreach (var candidate in new[] { normalized, folder })
        {
            if (links.Redirects.TryGetValue(candidate, out var moved)) return new LinkResolution(LinkKind.Internal, moved, suffix);
        }
        return new LinkResolution(LinkKind.Broken, normalized, suffix,
            links.Unpublished.GetValueOrDefault(normalized) ?? links.Unpublished.GetValueOrDefault(folder));
    }

    private static bool Exists(string path, LinkContext links) =>
        links.KnownPaths.Contains(path) || links.StaticFiles.Contains(path.TrimStart('/')) || GeneratedFiles.Contains(path)
        || links.EntityFeeds && (path.EndsWith("/feed.xml", StringComparison.Ordinal) || path.EndsWith("/feed.json", StringComparison.Ordinal))
            && links.KnownPaths.Contains(path[..(path.LastIndexOf('/') + 1)]);

    /// <summary>True when a larger site serves the path (<c>external_paths: [/docs/]</c> covers <c>/docs</c> and <c>/docs/x</c>).</summary>
    private static bool IsExternal(string path, LinkContext links)
    {
        foreach (var prefix in links.ExternalPaths)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal) || path == prefix[..^1]) return true;
        }
        return false;
    }

    private static bool IsMarkdown(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    private static bool EndsLikeFolder(string link) =>
        link.EndsWith('/') || link == "." || link == ".." || link.EndsWith("/.", StringComparison.Ordinal) || link.EndsWith("/..", StringComparison.Ordinal);

    private static bool HasScheme(string url)
    {
        var colon = url.IndexOf(':');
        if (colon <= 0) return false;
        for (var i = 0; i < colon; i++)
        {
            var c = url[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')) return false;
        }
        return true;
    }

    private static string Folder(string relativePath) =>
        relativePath.Contains('/') ? relativePath[..relativePath.LastIndexOf('/')] : "";

    /// <summary>A link joined to a folder, with '.' and '..' resolved, %-escapes decoded, and no leading or trailing '/'.</summary>
    private static string Join(string folder, string link)
    {
        var parts = new List<string>(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var segment in link.Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(Uri.UnescapeDataString(segment));
        }
        return string.Join('/', parts);
    }
}
