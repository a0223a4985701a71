using StaticBriefs.Diagnostics;
using StaticBriefs.Loading.FrontMatter;
using StaticBriefs.Model;

namespace StaticBriefs.Loading.Conventions;

/// <summary>
/// The document's own image, from the keys generators and their themes use: <c>image</c> (jekyll-seo-tag: text or
/// <c>{ path, alt }</c>), Hugo's <c>images</c> (the first), <c>cover</c> (PaperMod: <c>{ image, alt }</c>),
/// <c>featured_image</c>, <c>featuredImage</c>, <c>feature_image</c>, <c>og_image</c>, <c>thumbnail</c>, and
/// Minimal Mistakes' <c>header.og_image</c> / <c>header.image</c>. The first key present wins.
/// </summary>
internal static class ImageReader
{
    /// <summary>The image keys, in the order they are tried.</summary>
    public static readonly string[] Keys =
        ["image", "images", "cover", "featured_image", "featuredImage", "feature_image", "og_image", "ogImage", "thumbnail", "header.og_image", "header.image"];

    private static readonly string[] SourceKeys = ["src", "url", "path", "image", "file"];

    /// <summary>The image as written, or null when the document names none.</summary>
    public static ImageReference? Read(FrontMatterFields fields)
    {
        if (fields.TakeFirst(Keys) is not { } entry) return null;
        var value = entry.Value is FrontMatterList list ? list.Items.FirstOrDefault() : entry.Value;
        var alt = fields.Text(fields.Take("image_alt"), "image_alt") ?? "";
        switch (value)
        {
            case null or FrontMatterScalar { Kind: ScalarKind.Null }:
                return null;
            case FrontMatterScalar scalar when fields.Clean(scalar.Text, scalar).Trim() is { Length: > 0 } source:
                return new ImageReference(new LocatedText(source, scalar.Line, scalar.Column), alt);
            case FrontMatterMap map when SourceKeys.Select(map.Find).FirstOrDefault(e => e?.Value is FrontMatterScalar { Kind: not ScalarKind.Null }) is { Value: FrontMatterScalar scalar }:
                var text = map.Find("alt")?.Value as FrontMatterScalar;
                return new ImageReference(
                    new LocatedText(fields.Clean(scalar.Text, scalar).Trim(), scalar.Line, scalar.Column),
                    text is { Kind: not ScalarKind.Null } ? fields.Clean(text.Text, text) : alt);
            case FrontMatterScalar:
                return null;
            default:
                fields.Warn(value.Line, value.Column, DiagnosticCodes.WrongType,
                    $"'{entry.Key}' is not read as an image: give a path or URL ({entry.Key}: /img/cover.png), or {{ src: ..., alt: ... }}");
                return null;
        }
    }
}
