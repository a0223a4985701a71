using Microsoft.AspNetCore.StaticFiles;

namespace StaticBriefs.Preview;

/// <summary>
/// Content types by extension: ASP.NET Core's table (video, audio, fonts, <c>.csv</c>, <c>.webmanifest</c>, ...), with
/// UTF-8 named for the text types a site is made of, as static hosts do.
/// </summary>
internal static class PreviewContentTypes
{
    public const string Html = "text/html; charset=utf-8";

    public static FileExtensionContentTypeProvider Create()
    {
        var provider = new FileExtensionContentTypeProvider();
        var mappings = provider.Mappings;
        mappings[".html"] = Html;
        mappings[".htm"] = Html;
        mappings[".css"] = "text/css; charset=utf-8";
        mappings[".js"] = "text/javascript; charset=utf-8";
        mappings[".mjs"] = "text/javascript; charset=utf-8";
        mappings[".json"] = "application/json; charset=utf-8";
        mappings[".map"] = "application/json; charset=utf-8";
        mappings[".webmanifest"] = "application/manifest+json; charset=utf-8";
        mappings[".xml"] = "application/xml; charset=utf-8";
        mappings[".txt"] = "text/plain; charset=utf-8";
        mappings[".csv"] = "text/csv; charset=utf-8";
        mappings[".md"] = "text/markdown; charset=utf-8";
        mappings[".svg"] = "image/svg+xml; charset=utf-8";
        mappings[".avif"] = "image/avif";
        mappings[".webp"] = "image/webp";
        return provider;
    }

    public static bool IsHtml(string path) =>
        Path.GetExtension(path) is { } extension && (extension.Equals(".html", StringComparison.OrdinalIgnoreCase) || extension.Equals(".htm", StringComparison.OrdinalIgnoreCase));
}
