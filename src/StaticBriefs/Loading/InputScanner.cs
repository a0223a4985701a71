using System.Collections.Immutable;

namespace StaticBriefs.Loading;

/// <summary>Lists the input folder: markdown documents and static files, skipping anything whose name starts with '_' or '.'.</summary>
public static class InputScanner
{
    /// <summary>Markdown files and static files, as relative paths with '/' in ordinal order.</summary>
    public static (ImmutableArray<string> Markdown, ImmutableArray<string> Static) Scan(string inputDirectory)
    {
        var markdown = new List<string>();
        var statics = new List<string>();
        Walk(inputDirectory, "", markdown, statics);
        markdown.Sort(StringComparer.Ordinal);
        statics.Sort(StringComparer.Ordinal);
        return ([.. markdown], [.. statics]);
    }

    private static void Walk(string directory, string prefix, List<string> markdown, List<string> statics)
    {
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            var name = Path.GetFileName(file);
            if (IsHidden(name)) continue;
            var relative = prefix + name;
            if (name.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) markdown.Add(relative);
            else statics.Add(relative);
        }
        foreach (var sub in Directory.EnumerateDirectories(directory))
        {
            var name = Path.GetFileName(sub);
            if (IsHidden(name)) continue;
            Walk(sub, prefix + name + "/", markdown, statics);
        }
    }

    /// <summary>Names starting with '_' (site data, theme overrides) or '.' (git, editors) are never published.</summary>
    public static bool IsHidden(string name) => name.StartsWith('_') || name.StartsWith('.');
}
