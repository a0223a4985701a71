using System.Globalization;
using System.Text;
using StaticBriefs.Model;
using StaticBriefs.Text;

namespace StaticBriefs.Authoring;

/// <summary>Where a new brief goes, and writing it without ever replacing an existing file.</summary>
public static class BriefFileWriter
{
    /// <summary>Slugs longer than this are cut at a word: a URL is not the place for a whole headline.</summary>
    private const int MaxSlugLength = 60;

    /// <summary>A slug for a title: <see cref="Slugger.Slugify(string)"/>, cut at a '-' when very long.</summary>
    public static string SlugFor(string title)
    {
        var slug = Slugger.Slugify(title);
        if (slug.Length <= MaxSlugLength) return slug;
        var cut = slug.LastIndexOf('-', MaxSlugLength);
        return cut > 0 ? slug[..cut] : slug[..MaxSlugLength];
    }

    /// <summary><c>&lt;input&gt;/briefs/&lt;yyyy&gt;/&lt;slug&gt;.md</c>.</summary>
    public static string DefaultPath(string inputDirectory, BriefDraft draft) =>
        Path.Combine(inputDirectory, "briefs", draft.Date.Year.ToString("D4", CultureInfo.InvariantCulture), SlugFor(draft.Title) + ".md");

    /// <summary>Writes the file, creating folders; returns an error message instead when the file already exists.</summary>
    public static string? TryCreate(string path, string text)
    {
        if (File.Exists(path) || Directory.Exists(path))
            return $"{path} already exists; nothing was written (choose another title or --output, or delete the file first)";
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        try
        {
            // CreateNew, not a check then a write: another process may create the file in between.
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            var bytes = new UTF8Encoding(false).GetBytes(text);
            stream.Write(bytes);
            return null;
        }
        catch (IOException) when (File.Exists(path))
        {
            return $"{path} already exists; nothing was written";
        }
    }
}
