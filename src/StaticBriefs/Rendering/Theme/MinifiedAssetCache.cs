using System.Security.Cryptography;
using System.Text;
using StaticBriefs.Rendering.Html;

namespace StaticBriefs.Rendering.Theme;

/// <summary>
/// Minified stylesheets and scripts kept in the build cache (<c>.staticbriefs/cache/assets/</c>), named by a hash of
/// their source and of the minifier's version: NUglify's first call is most of a small site's asset stage (JIT of a
/// large library), and the theme's assets rarely change between builds. Anything wrong with the cache (missing,
/// unreadable, unwritable) only means minifying again; the output is the same either way. The built-in theme's own
/// assets come from <see cref="ShippedMinifiedAssets"/> before the folder is looked at.
/// </summary>
/// <param name="directory">The folder the minified files are kept in.</param>
/// <param name="shipped">The entries shipped inside the tool (<see cref="ShippedMinifiedAssets.BuiltIn"/> when null).</param>
public sealed class MinifiedAssetCache(string directory, ShippedMinifiedAssets? shipped = null)
{
    // Bump when what Minifier does with a file changes in a way its version number does not show.
    private const string Format = "minified-asset-v1";
    private static readonly string MinifierVersion = typeof(NUglify.Uglify).Assembly.GetName().Version?.ToString() ?? "";

    /// <summary>The folder the minified files are kept in.</summary>
    public string Directory { get; } = directory;

    /// <summary><paramref name="minifier"/>'s output for <paramref name="content"/>, from the cache when it is there.</summary>
    public string Minify(Minifier minifier, string relativePath, string content)
    {
        ArgumentNullException.ThrowIfNull(minifier);
        if (!minifier.Enabled) return content;
        // One hash names the entry in both places.
        var name = EntryName(Path.GetExtension(relativePath), content);
        if ((shipped ?? ShippedMinifiedAssets.BuiltIn).Named(name) is { } shippedText) return shippedText;
        var path = Path.Combine(Directory, name);
        try
        {
            if (File.Exists(path)) return File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Unreadable: minify again below.
        }
        var minified = minifier.Minify(relativePath, content);
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            // Written beside its final name and renamed, so a build stopped half-way never leaves a truncated entry.
            var temporary = path + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
            File.WriteAllText(temporary, minified, new UTF8Encoding(false));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only cache folder costs only the time saved.
        }
        return minified;
    }

    /// <summary>
    /// The file name an asset's minified text is kept under, here and in <see cref="ShippedMinifiedAssets"/>: a hash of
    /// the source <paramref name="content"/>, its <paramref name="extension"/> and the minifier's version, then the extension.
    /// </summary>
    internal static string EntryName(string extension, string content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', Format, MinifierVersion, extension, content)))) + extension;
}
