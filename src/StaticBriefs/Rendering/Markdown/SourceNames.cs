using System.Collections.Frozen;

namespace StaticBriefs.Rendering.Markdown;

/// <summary>
/// Markdown files by name, for links that name a post instead of giving its path (Jekyll's
/// <c>{% post_url 2024-05-01-launch %}</c>, Hugo's <c>{{&lt; ref "launch" &gt;}}</c>): the file name without <c>.md</c>,
/// and for <c>index.md</c> and <c>_index.md</c> (page bundles) the folder's name. A name two files share maps to both,
/// one per line, so the link can say which files it could mean.
/// </summary>
public static class SourceNames
{
    /// <summary>The index of <paramref name="sources"/> (paths relative to the input folder).</summary>
    public static FrozenDictionary<string, string> Index(IEnumerable<string> sources)
    {
        var byName = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            if (NameOf(source) is not { Length: > 0 } name) continue;
            if (!byName.TryGetValue(name, out var list)) byName[name] = list = [];
            list.Add(source);
        }
        return byName.ToFrozenDictionary(
            pair => pair.Key, pair => string.Join('\n', pair.Value.Order(StringComparer.Ordinal)), StringComparer.Ordinal);
    }

    /// <summary>The name a file is found by, or null for files that are not markdown (<c>.md</c>, <c>.markdown</c>).</summary>
    public static string? NameOf(string source)
    {
        var extension = source.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? 3
            : source.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase) ? 9 : 0;
        if (extension == 0) return null;
        var parts = source[..^extension].Split('/');
        var name = parts[^1];
        if (name is "index" or "_index" && parts.Length > 1) name = parts[^2];
        return name;
    }
}
