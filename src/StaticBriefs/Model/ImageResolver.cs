using System.Collections.Immutable;
using StaticBriefs.Diagnostics;
using StaticBriefs.Text;

namespace StaticBriefs.Model;

/// <summary>
/// Resolves each published document's own image (<see cref="SourceDocument.Image"/>) to what pages name: an
/// absolute http(s) URL as written, or the site path of a file of the input. A relative path is looked for beside
/// the document first (page bundles), then from the site root (as jekyll-seo-tag and Hugo read it). Other schemes are
/// dropped (<see cref="UrlPolicy"/>, SB043); a local file that does not exist is a broken link (SB006).
/// </summary>
public static class ImageResolver
{
    /// <summary>
    /// Resolved images by document path (documents without one, or with one dropped, are absent). A file of a page
    /// bundle is named where it is published, beside its page (<paramref name="moved"/>: input path to published path).
    /// </summary>
    public static ImmutableDictionary<string, string> Resolve(
        IEnumerable<SourceDocument> documents, IEnumerable<string> staticFiles, DiagnosticBag diagnostics,
        IReadOnlyDictionary<string, string>? moved = null)
    {
        var files = staticFiles as IReadOnlySet<string> ?? staticFiles.ToHashSet(StringComparer.Ordinal);
        var images = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (document.Image is not { } image) continue;
            if (Resolve(document.RelativePath, image.Source, files, diagnostics) is not { } resolved) continue;
            images[document.RelativePath] = moved is not null && resolved.StartsWith('/') && moved.TryGetValue(resolved[1..], out var published)
                ? "/" + published
                : resolved;
        }
        return images.ToImmutable();
    }

    private static string? Resolve(string documentPath, LocatedText source, IReadOnlySet<string> files, DiagnosticBag diagnostics)
    {
        var url = source.Text.Trim();
        if (url.StartsWith("//", StringComparison.Ordinal)) url = "https:" + url;
        if (UrlPolicy.SchemeOf(url) is { } scheme)
        {
            if (scheme is "http" or "https") return url;
            diagnostics.Warning(documentPath, source.Line, DiagnosticCodes.UnsafeUrl,
                $"the image '{source.Text}' is not an http(s) URL or a file of the site, so it is not used; give a path such as /img/cover.png or an https:// URL",
                source.Column);
            return null;
        }
        var cut = url.IndexOfAny(['?', '#']);
        var path = cut >= 0 ? url[..cut] : url;
        var candidates = path.StartsWith('/')
            ? [Normalize("", path)]
            : new[] { Normalize(Folder(documentPath), path), Normalize("", path) };
        foreach (var candidate in candidates)
        {
            if (candidate is not null && files.Contains(candidate)) return "/" + candidate;
        }
        var looked = string.Join(" and ", candidates.Where(c => c is not null).Distinct().Select(c => "'" + c + "'"));
        diagnostics.Error(documentPath, source.Line, DiagnosticCodes.BrokenLink,
            $"the image '{source.Text}' does not exist (looked for {looked} in the input folder); add the file or fix the path",
            source.Column);
        return null;
    }

    private static string Folder(string path) => path.LastIndexOf('/') is >= 0 and var at ? path[..at] : "";

    /// <summary>The input-relative path of <paramref name="path"/> from <paramref name="folder"/>; null when it climbs out.</summary>
    private static string? Normalize(string folder, string path)
    {
        var parts = new List<string>(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(Uri.UnescapeDataString(segment));
        }
        return parts.Count == 0 ? null : string.Join('/', parts);
    }
}
