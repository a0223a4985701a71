using System.Globalization;
using System.Reflection;
using System.Text;

namespace StaticBriefs.Authoring;

/// <summary>
/// The files of a new site (<c>staticbriefs init</c>): settings, one sample brief, entity data stubs, an about
/// page, <c>.gitignore</c>, a local tool manifest pinning this version, and deploy files for Netlify and GitHub Pages.
/// They are resources under <c>Authoring/Scaffold/</c>, with <c>{{date}}</c>, <c>{{year}}</c> and
/// <c>{{version}}</c> filled in.
/// </summary>
public static class SiteScaffold
{
    private const string ResourcePrefix = "scaffold/";

    /// <summary>Resource folders that become dot-folders in the site (a dot-folder is awkward in the source tree).</summary>
    private static readonly (string From, string To)[] Renames =
    [
        ("gitignore", ".gitignore"),
        ("github/", ".github/"),
        ("config/", ".config/"),
    ];

    /// <summary>One file of a new site.</summary>
    /// <param name="RelativePath">Its path inside the site folder, with forward slashes.</param>
    /// <param name="Content">Its text.</param>
    public sealed record ScaffoldFile(string RelativePath, string Content);

    /// <summary>The files of a new site whose sample brief is dated <paramref name="today"/>.</summary>
    public static IReadOnlyList<ScaffoldFile> Files(DateTimeOffset today, string version)
    {
        var assembly = typeof(SiteScaffold).Assembly;
        var files = new List<ScaffoldFile>();
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            var normalized = name.Replace('\\', '/');
            if (!normalized.StartsWith(ResourcePrefix, StringComparison.Ordinal)) continue;
            var relative = Rename(normalized[ResourcePrefix.Length..]);
            if (relative == "input/briefs/welcome.md")
                relative = $"input/briefs/{today.Year.ToString("D4", CultureInfo.InvariantCulture)}/welcome.md";
            var text = Read(assembly, name)
                .Replace("{{date}}", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{{version}}", version, StringComparison.Ordinal);
            files.Add(new ScaffoldFile(relative, text));
        }
        return files;
    }

    /// <summary>
    /// Writes <paramref name="files"/> under <paramref name="directory"/>, or nothing at all when any of them already
    /// exists; returns the paths that were in the way (empty on success).
    /// </summary>
    public static IReadOnlyList<string> Write(string directory, IReadOnlyList<ScaffoldFile> files)
    {
        var existing = files.Select(f => Path.Combine(directory, f.RelativePath)).Where(p => File.Exists(p) || Directory.Exists(p)).ToList();
        if (existing.Count > 0) return existing;
        var utf8 = new UTF8Encoding(false);
        foreach (var file in files)
        {
            var path = Path.Combine(directory, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // CreateNew: a file that appeared since the check above is never replaced.
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            stream.Write(utf8.GetBytes(file.Content));
        }
        return [];
    }

    private static string Rename(string relative)
    {
        foreach (var (from, to) in Renames)
        {
            if (relative == from || (from.EndsWith('/') && relative.StartsWith(from, StringComparison.Ordinal))) return to + relative[from.Length..];
        }
        return relative;
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
