using System.Runtime.InteropServices;

namespace StaticBriefs.Rendering.Markdown;

/// <summary>
/// Markdown files by name, for links that name a post instead of giving its path (Jekyll's
/// <c>{% post_url 2024-05-01-launch %}</c>, Hugo's <c>{{&lt; ref "launch" &gt;}}</c>): the file name without <c>.md</c>,
/// and for <c>index.md</c> and <c>_index.md</c> (page bundles) the folder's name. A name two files share maps to both,
/// one per line, so the link can say which files it could mean.
/// </summary>
public static class SourceNames
{
    /// <summary>
    /// The index of <paramref name="sources"/> (paths relative to the input folder). A plain dictionary: a cached build
    /// that renders one brief made it for 10,000 sources on its one busy thread, and freezing one took 20 ms of it.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Index(IEnumerable<string> sources)
    {
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        Dictionary<string, List<string>>? shared = null;
        foreach (var source in sources)
        {
            if (NameOf(source) is not { Length: > 0 } name) continue;
            ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(byName, name, out var taken);
            if (!taken)
            {
                first = source;
                continue;
            }
            shared ??= new(StringComparer.Ordinal);
            if (!shared.TryGetValue(name, out var all)) shared[name] = all = [first!];
            all.Add(source);
        }
        foreach (var (name, all) in shared ?? [])
        {
            all.Sort(StringComparer.Ordinal);
            byName[name] = string.Join('\n', all);
        }
        return new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(byName);
    }

    /// <summary>The name a file is found by, or null for files that are not markdown (<c>.md</c>, <c>.markdown</c>).</summary>
    public static string? NameOf(string source)
    {
        var extension = source.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? 3
            : source.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase) ? 9 : 0;
        if (extension == 0) return null;
        var stem = source.AsSpan(0, source.Length - extension);
        var slash = stem.LastIndexOf('/');
        var name = stem[(slash + 1)..];
        // A page bundle's index is found by its folder's name.
        if (slash >= 0 && name is "index" or "_index")
        {
            var folder = stem[..slash];
            name = folder[(folder.LastIndexOf('/') + 1)..];
        }
        return name.ToString();
    }
}
