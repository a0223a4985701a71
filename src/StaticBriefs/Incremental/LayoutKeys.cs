using System.Text.RegularExpressions;
using StaticBriefs.Rendering.Theme;

namespace StaticBriefs.Incremental;

/// <summary>
/// One key per layout covering every theme file a page of that layout is made from: <c>base.sbn</c>, the layout
/// itself and the partials they include, transitively (an override under <c>input/_theme/</c> counts as the file).
/// Editing <c>brief.sbn</c> therefore re-renders brief pages only; editing a partial re-renders the layouts that
/// include it. An include whose name is computed cannot be followed, so it makes the layout depend on every file.
/// </summary>
internal static partial class LayoutKeys
{
    public static IReadOnlyDictionary<string, string> Compute(ThemeFiles theme)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var layout in LayoutSet.Required)
        {
            var files = new SortedSet<string>(StringComparer.Ordinal);
            var everything = false;
            var pending = new Stack<string>(["base.sbn", layout + ".sbn"]);
            while (pending.Count > 0)
            {
                var name = pending.Pop();
                if (!files.Add(name)) continue;
                var file = theme.Resolve("layouts/" + name);
                if (file is null) continue;
                var text = ReadOrNull(file);
                if (text is null) continue;
                foreach (Match include in Include().Matches(text))
                {
                    if (include.Groups["name"].Success) pending.Push(include.Groups["name"].Value);
                    else everything = true;
                }
            }
            if (everything) files.UnionWith(theme.List("layouts").Select(f => f["layouts/".Length..]));
            var parts = new List<string?>();
            foreach (var name in files)
            {
                var file = theme.Resolve("layouts/" + name);
                parts.Add(name);
                parts.Add(file?.Display);
                parts.Add(file is null ? null : ReadOrNull(file));
            }
            keys[layout] = ContentHash.Of([.. parts]);
        }
        return keys;
    }

    /// <summary>A file that cannot be read now was reported by the theme stage; it only makes the key differ.</summary>
    private static string? ReadOrNull(ThemeFile file) => file.ReadText(new Diagnostics.DiagnosticBag());

    [GeneratedRegex("""\binclude\s+(?:(?<q>["'])(?<name>[^"']+)\k<q>|(?<dynamic>[^\s"']))""")]
    private static partial Regex Include();
}
