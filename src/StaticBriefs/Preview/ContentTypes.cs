using System.Collections.Frozen;

namespace StaticBriefs.Preview;

/// <summary>Content-Type by file extension for the files a built site contains.</summary>
internal static class ContentTypes
{
    public const string Html = "text/html; charset=utf-8";
    public const string Fallback = "application/octet-stream";

    private static readonly FrozenDictionary<string, string> ByExtension = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = Html,
        [".htm"] = Html,
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".mjs"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".map"] = "application/json; charset=utf-8",
        [".webmanifest"] = "application/manifest+json; charset=utf-8",
        [".xml"] = "application/xml; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".svg"] = "image/svg+xml; charset=utf-8",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".webp"] = "image/webp",
        [".avif"] = "image/avif",
        [".gif"] = "image/gif",
        [".ico"] = "image/x-icon",
        [".pdf"] = "application/pdf",
        [".woff2"] = "font/woff2",
        [".woff"] = "font/woff",
        [".wasm"] = "application/wasm",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static string For(string path) =>
        ByExtension.TryGetValue(Path.GetExtension(path), out var type) ? type : Fallback;

    public static bool IsHtml(string contentType) => string.Equals(contentType, Html, StringComparison.Ordinal);
}
