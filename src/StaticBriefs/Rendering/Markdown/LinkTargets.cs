namespace StaticBriefs.Rendering.Markdown;

/// <summary>How a link in a body is treated.</summary>
public enum LinkKind
{
    /// <summary>Another site, a mail address, or an in-page anchor: left alone.</summary>
    External,
    /// <summary>A page of this site that exists.</summary>
    Internal,
    /// <summary>A page of this site that does not exist.</summary>
    Broken,
}

/// <summary>The outcome of resolving a link: its kind, the site path it means, and any query or fragment.</summary>
public readonly record struct LinkResolution(LinkKind Kind, string Path, string Suffix);

/// <summary>Resolves body links: site-absolute paths, and relative links to other markdown files.</summary>
public static class LinkTargets
{
    /// <summary>Resolves a link written in the document at <paramref name="relativePath"/>.</summary>
    public static LinkResolution Resolve(string url, string relativePath, LinkContext links)
    {
        if (url.StartsWith('#') || url.StartsWith("//", StringComparison.Ordinal) || HasScheme(url))
            return new LinkResolution(LinkKind.External, url, "");

        var cut = url.IndexOfAny(['#', '?']);
        var path = cut >= 0 ? url[..cut] : url;
        var suffix = cut >= 0 ? url[cut..] : "";

        if (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            var source = path.StartsWith('/') ? path.TrimStart('/') : Combine(relativePath, path);
            // The file must also be published: a draft or future brief has a path but no page.
            if (links.PathsBySource.TryGetValue(source, out var target))
            {
                return links.KnownPaths.Contains(target)
                    ? new LinkResolution(LinkKind.Internal, target, suffix)
                    : new LinkResolution(LinkKind.Broken, target, suffix);
            }
            return new LinkResolution(LinkKind.Broken, "/" + source, suffix);
        }
        if (!path.StartsWith('/'))
        {
            // A relative link to a file beside the brief (an image, a PDF): fine when the file is published.
            var file = Combine(relativePath, path);
            return links.StaticFiles.Contains(file)
                ? new LinkResolution(LinkKind.Internal, "/" + file, suffix)
                : new LinkResolution(LinkKind.External, url, "");
        }

        var normalized = path.Contains('.', StringComparison.Ordinal) || path.EndsWith('/') ? path : path + "/";
        if (links.KnownPaths.Contains(normalized) || links.StaticFiles.Contains(normalized.TrimStart('/')) || IsGeneratedFile(normalized))
            return new LinkResolution(LinkKind.Internal, normalized, suffix);
        return new LinkResolution(LinkKind.Broken, normalized, suffix);
    }

    private static bool IsGeneratedFile(string path) =>
        path is "/feed.xml" or "/feed.json" or "/sitemap.xml" or "/robots.txt" or "/404.html"
        || path.StartsWith("/assets/", StringComparison.Ordinal);

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

    private static string Combine(string relativePath, string link)
    {
        var directory = relativePath.Contains('/') ? relativePath[..relativePath.LastIndexOf('/')] : "";
        var parts = new List<string>(directory.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var segment in link.Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(Uri.UnescapeDataString(segment));
        }
        return string.Join('/', parts);
    }
}
