using System.Collections.Frozen;
using System.Reflection;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Rendering.Theme;

/// <summary>
/// The default theme compiled into the assembly (the repository's <c>theme/</c>, as manifest resources named
/// <c>theme/&lt;relative path&gt;</c>), so an installed tool builds a site that has no theme folder of its own.
/// </summary>
public sealed class EmbeddedThemeSource : IThemeSource
{
    /// <summary>The prefix of the theme's resource names.</summary>
    internal const string ResourcePrefix = "theme/";

    /// <summary>The one instance: the resources never change while the process runs.</summary>
    public static readonly EmbeddedThemeSource Instance = new(typeof(EmbeddedThemeSource).Assembly);

    private readonly Assembly _assembly;
    private readonly FrozenDictionary<string, string> _resources;

    private EmbeddedThemeSource(Assembly assembly)
    {
        _assembly = assembly;
        // Built on Windows, MSBuild's RecursiveDir puts backslashes in the names: the map takes either.
        _resources = assembly.GetManifestResourceNames()
            .Where(name => name.Replace('\\', '/').StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToFrozenDictionary(name => name.Replace('\\', '/')[ResourcePrefix.Length..], name => name, StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public string Label => "built-in theme";

    /// <summary>Every file of the built-in theme, in ordinal order.</summary>
    public IReadOnlyList<string> Files => [.. _resources.Keys.Order(StringComparer.Ordinal)];

    /// <inheritdoc/>
    public bool Contains(string relativePath) => _resources.ContainsKey(Normalize(relativePath));

    /// <inheritdoc/>
    public IEnumerable<string> List(string relativeFolder)
    {
        var prefix = Normalize(relativeFolder).TrimEnd('/') + "/";
        return _resources.Keys.Where(file => file.StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <inheritdoc/>
    public byte[]? ReadBytes(string relativePath, DiagnosticBag diagnostics)
    {
        using var stream = (_resources.TryGetValue(Normalize(relativePath), out var name) ? _assembly.GetManifestResourceStream(name) : null)
            ?? throw new FileNotFoundException($"the built-in theme has no file '{relativePath}'");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static string Normalize(string relativePath) => relativePath.Replace('\\', '/');
}
