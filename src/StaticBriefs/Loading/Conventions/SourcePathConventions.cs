using System.Text.RegularExpressions;

namespace StaticBriefs.Loading.Conventions;

/// <summary>
/// What a document's path says by the conventions of other generators: which files are markdown documents, Jekyll's
/// <c>_posts/</c> and <c>_drafts/</c> folders, Hugo's and Zola's section files, and dates in file and folder names.
/// </summary>
public static partial class SourcePathConventions
{
    /// <summary>Extensions of markdown documents: <c>.md</c>, and <c>.markdown</c> (Jekyll's own posts use it).</summary>
    public static readonly IReadOnlyList<string> MarkdownExtensions = [".md", ".markdown"];

    /// <summary>Jekyll's folder of posts: read as briefs although it starts with '_' (at any depth, as Jekyll allows).</summary>
    public const string PostsFolder = "_posts";

    /// <summary>Jekyll's folder of drafts: read as drafts (published with <c>--drafts</c>).</summary>
    public const string DraftsFolder = "_drafts";

    /// <summary>True for a markdown document's name (case ignored).</summary>
    public static bool IsMarkdown(string path)
    {
        foreach (var extension in MarkdownExtensions)
        {
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>Hugo's and Zola's section file (<c>_index.md</c>): the list page of a folder, not a post.</summary>
    public static bool IsSectionFile(string path)
    {
        // Asked of every file of the input: the name is looked at in place rather than cut out of the path.
        var name = path.AsSpan(path.LastIndexOf('/') + 1);
        foreach (var extension in MarkdownExtensions)
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) return name[..^extension.Length] is "_index";
        }
        return false;
    }

    /// <summary>True when a folder on the way is Jekyll's <c>_drafts</c>.</summary>
    public static bool IsInDrafts(string path) => path.StartsWith(DraftsFolder + "/", StringComparison.Ordinal) || path.Contains("/" + DraftsFolder + "/", StringComparison.Ordinal);

    /// <summary>True when a folder on the way is <c>_posts</c> or <c>_drafts</c>.</summary>
    public static bool IsInPostFolder(string path) =>
        IsInDrafts(path) || path.StartsWith(PostsFolder + "/", StringComparison.Ordinal) || path.Contains("/" + PostsFolder + "/", StringComparison.Ordinal);

    /// <summary>The file name without its markdown extension ("2024-05-14-launch" for "_posts/2024-05-14-launch.markdown").</summary>
    public static string NameWithoutExtension(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        foreach (var extension in MarkdownExtensions)
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) return name[..^extension.Length];
        }
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }

    /// <summary>The path without its markdown extension ("blog/2024-05-14-launch" for "blog/2024-05-14-launch.md").</summary>
    public static string NameWithoutExtensionPath(string path)
    {
        foreach (var extension in MarkdownExtensions)
        {
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) return path[..^extension.Length];
        }
        return path;
    }

    /// <summary>
    /// The name that stands for the document: its file name, or for a page bundle (<c>x/index.md</c>, <c>x/_index.md</c>)
    /// the folder's name.
    /// </summary>
    public static string NameOf(string path)
    {
        var name = NameWithoutExtension(path);
        if (name is "index" or "_index")
        {
            var folderEnd = path.LastIndexOf('/');
            if (folderEnd > 0) return path[(path.LastIndexOf('/', folderEnd - 1) + 1)..folderEnd];
        }
        return name;
    }

    /// <summary>
    /// The date a name starts with, Jekyll's and Eleventy's <c>2024-05-14-launch.md</c> (Hugo's <c>:filename</c> too;
    /// a bundle's folder name counts): year, month, day; null when there is none or it is not a real day.
    /// </summary>
    public static DateTimeOffset? DateInName(string path) =>
        FileNameDate().Match(NameOf(path)) is { Success: true } match ? Day(match) : null;

    /// <summary>
    /// The date in a path's folders (<c>2019/11/07/slug.md</c>), or in Zola's <c>path = "2019/11/07/slug"</c>: three
    /// folders in a row that are a year, a month and a day; null when there are none.
    /// </summary>
    public static DateTimeOffset? DateInFolders(string path)
    {
        var end = path.LastIndexOf('/');
        return end < 0 ? null : FolderDate().Match("/" + path[..end] + "/") is { Success: true } match ? Day(match) : null;
    }

    /// <summary>The date in a URL-like path such as Zola's <c>path</c> key (the last segment may be the slug).</summary>
    public static DateTimeOffset? DateInUrlPath(string urlPath) =>
        FolderDate().Match("/" + urlPath.Trim('/') + "/") is { Success: true } match ? Day(match) : null;

    private static DateTimeOffset? Day(Match match)
    {
        var year = int.Parse(match.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);
    }

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})(?:$|[-_.])", RegexOptions.CultureInvariant)]
    private static partial Regex FileNameDate();

    [GeneratedRegex(@"/(?<y>\d{4})/(?<m>\d{2})/(?<d>\d{2})/", RegexOptions.CultureInvariant)]
    private static partial Regex FolderDate();
}
