using System.Collections.Frozen;
using System.Reflection;
using System.Text;
using StaticBriefs.Rendering.Html;

namespace StaticBriefs.Rendering.Theme;

/// <summary>
/// The built-in theme's stylesheets and scripts, minified when the tool was built and shipped inside it. Minifying them
/// is a fifth of a clean build of a small site (about 20 ms of 100 for one brief: NUglify's parsers, compiled ahead of
/// time or not), and every site that keeps the built-in assets would minify the same text to the same result. Entries
/// are named as <see cref="MinifiedAssetCache"/> names its files (a hash of the source text, its extension and the
/// minifier's version), so a theme file with any other text, or a tool with another NUglify, is minified as before: the
/// published bytes are the same either way. <c>ShippedMinifiedAssetsTests</c> checks every entry against the minifier
/// and rewrites the folder (<c>Rendering/Theme/Minified/</c>) with <c>STATICBRIEFS_UPDATE_GOLDEN=1</c>.
/// </summary>
public sealed class ShippedMinifiedAssets
{
    /// <summary>The prefix of the entries' resource names.</summary>
    internal const string ResourcePrefix = "minified/";

    /// <summary>The entries built into this tool (read once: a few small resources).</summary>
    public static readonly ShippedMinifiedAssets BuiltIn = FromResources(typeof(ShippedMinifiedAssets).Assembly);

    private readonly FrozenDictionary<string, string> _byName;

    /// <param name="byName">Minified text by entry name (<see cref="MinifiedAssetCache.EntryName"/>).</param>
    internal ShippedMinifiedAssets(IReadOnlyDictionary<string, string> byName) =>
        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>How many entries there are.</summary>
    public int Count => _byName.Count;

    /// <summary>The shipped minified text of <paramref name="content"/>, or null when none was shipped for it.</summary>
    public string? Find(string relativePath, string content) =>
        Named(MinifiedAssetCache.EntryName(Path.GetExtension(relativePath), content));

    /// <summary>The entry named <paramref name="entryName"/> (<see cref="MinifiedAssetCache.EntryName"/>), or null.</summary>
    internal string? Named(string entryName) => _byName.GetValueOrDefault(entryName);

    /// <summary><paramref name="minifier"/>'s output for <paramref name="content"/>: the shipped entry when there is one.</summary>
    public string Minify(Minifier minifier, string relativePath, string content)
    {
        ArgumentNullException.ThrowIfNull(minifier);
        if (!minifier.Enabled) return content;
        return Find(relativePath, content) ?? minifier.Minify(relativePath, content);
    }

    private static ShippedMinifiedAssets FromResources(Assembly assembly)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal)) continue;
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, new UTF8Encoding(false));
            entries[name[ResourcePrefix.Length..]] = reader.ReadToEnd();
        }
        return new ShippedMinifiedAssets(entries);
    }
}
