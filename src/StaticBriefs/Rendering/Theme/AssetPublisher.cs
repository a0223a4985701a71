using System.Security.Cryptography;
using System.Text;
using StaticBriefs.Diagnostics;
using StaticBriefs.Output;
using StaticBriefs.Rendering.Html;

namespace StaticBriefs.Rendering.Theme;

/// <summary>Published theme assets: the fingerprinted URL path of each stylesheet and script.</summary>
/// <param name="Styles">Site paths of stylesheets, e.g. <c>/assets/css/site.1a2b3c4d.css</c>.</param>
/// <param name="Scripts">Site paths of scripts.</param>
public sealed record PublishedAssets(IReadOnlyList<string> Styles, IReadOnlyList<string> Scripts)
{
    /// <summary>Site paths of the other assets, copied under their own names (so not cacheable for good).</summary>
    public IReadOnlyList<string> Others { get; init; } = [];
    /// <summary>Every file written, relative to the output folder (so no other file may take its place).</summary>
    public IReadOnlyList<string> Files { get; init; } = [];
}

/// <summary>
/// Copies the theme's <c>assets/</c> (overrides merged) to the output. CSS and JS are minified and get a content
/// hash in their name, so hosts can cache them for a year and a changed file is never served stale.
/// </summary>
public static class AssetPublisher
{
    /// <summary>
    /// Publishes every asset; returns stylesheets and scripts in ordinal order of their names. An asset that cannot be
    /// read is reported. With <paramref name="cache"/>, minified stylesheets and scripts are kept there between builds;
    /// the ones <paramref name="shipped"/> holds (<see cref="ShippedMinifiedAssets.BuiltIn"/> when null, the built-in
    /// theme's) are taken from there without a cache.
    /// </summary>
    public static PublishedAssets Publish(ThemeFiles theme, Minifier minifier, StagingOutput output, DiagnosticBag diagnostics,
        MinifiedAssetCache? cache = null, ShippedMinifiedAssets? shipped = null)
    {
        var styles = new List<string>();
        var scripts = new List<string>();
        var others = new List<string>();
        var files = new List<string>();
        var assets = theme.List("assets").ToArray();
        // Minifying is most of a small site's asset stage (30 ms for the default theme's five files, one after another):
        // the built-in theme's files come minified inside the tool; others are minified on every core, then written in
        // their order.
        var minified = new string?[assets.Length];
        Parallel.For(0, assets.Length, i =>
        {
            if (!IsMinified(assets[i])) return;
            if (theme.Resolve(assets[i])!.ReadText(diagnostics) is not { } original) return;
            minified[i] = cache is null ? (shipped ?? ShippedMinifiedAssets.BuiltIn).Minify(minifier, assets[i], original) : cache.Minify(minifier, assets[i], original);
        });
        for (var i = 0; i < assets.Length; i++)
        {
            var relative = assets[i];
            if (!IsMinified(relative))
            {
                if (theme.Resolve(relative)!.ReadBytes(diagnostics) is not { } content) continue;
                output.WriteBytes(relative, content);
                others.Add("/" + relative);
                files.Add(relative);
                continue;
            }
            if (minified[i] is not { } text) continue;
            var extension = Path.GetExtension(relative);
            var bytes = new UTF8Encoding(false).GetBytes(text);
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..8];
            var target = relative[..^extension.Length] + "." + hash + extension;
            output.WriteBytes(target, bytes);
            files.Add(target);
            (extension == ".css" ? styles : scripts).Add("/" + target);
        }
        return new PublishedAssets(styles, scripts) { Others = others, Files = files };
    }

    /// <summary>Stylesheets and scripts are minified and published under a content hash; other assets are copied as they are.</summary>
    private static bool IsMinified(string relativePath) => Path.GetExtension(relativePath) is ".css" or ".js";
}
