using System.Collections.Immutable;
using System.Text.RegularExpressions;
using StaticBriefs.Diagnostics;
using StaticBriefs.Text;

namespace StaticBriefs.Model;

/// <summary>A document's place in the site: its slug and its site path, and where that path was decided.</summary>
/// <param name="Slug">The slug (<c>slug:</c>, else the file name or a bundle's folder name, as a slug).</param>
/// <param name="Path">Site path without the base path (<c>/briefs/x/</c>, <c>/2024/05/x.html</c>); null when it cannot be made.</param>
/// <param name="Line">Line to report problems with the path at: its <c>permalink:</c>, else the slug's or title's line.</param>
/// <param name="Column">Column of that place.</param>
public readonly record struct DocumentPlace(string Slug, string? Path, int Line, int Column);

/// <summary>
/// Gives every document its URL from one permalink scheme: the file's own <c>permalink:</c> (or Hugo's
/// <c>url:</c>), else the site's pattern for its kind (<c>permalinks:</c> in <c>_site.yml</c>, by default
/// <c>/briefs/:slug/</c> for briefs and <c>/:sections/:slug/</c> for pages). A page bundle (<c>x/index.md</c>)
/// takes its slug and file name from its folder.
/// </summary>
public static partial class DocumentPaths
{
    /// <summary>The document's place; problems with its own permalink are reported (SB090) when a bag is given.</summary>
    public static DocumentPlace Of(SourceDocument document, SiteSettings settings, DiagnosticBag? diagnostics)
    {
        var slug = SlugOf(document);
        var fields = Fields(document, slug);
        var own = Own(document);
        foreach (var (key, other) in Written(document).Skip(1))
        {
            diagnostics?.Warning(document.RelativePath, other.Line, DiagnosticCodes.BadPermalink,
                $"both '{own!.Value.Key}' and '{key}' are set; '{own.Value.Key}: {own.Value.Value.Text}' is used (remove one)", other.Column);
        }
        if (own is { } mine)
        {
            var pattern = PermalinkPattern.Parse(mine.Key == "path" ? AsFolder(mine.Value.Text) : mine.Value.Text, out var problem);
            if (pattern is not null) return Expand(document, pattern, fields, slug, mine.Value.Line, mine.Value.Column, mine.Key, diagnostics);
            // Reported, and the site's pattern stands in, so the document's links and clashes are still checked.
            diagnostics?.Error(document.RelativePath, mine.Value.Line, DiagnosticCodes.BadPermalink, $"{mine.Key} {problem}", mine.Value.Column);
        }
        var site = document.Kind == DocumentKind.Page ? settings.PagePermalink : settings.BriefPermalink;
        return Expand(document, site, fields, slug, document.SlugLine, document.SlugColumn, null, diagnostics);
    }

    /// <summary>Where a document's URL was decided, to report problems with it: its own permalink, else its slug (or title).</summary>
    public static (int Line, int Column) Where(SourceDocument document) =>
        Own(document) is { } own ? (own.Value.Line, own.Value.Column) : (document.SlugLine, document.SlugColumn);

    /// <summary>
    /// The document's own URL and the key it was written under: <c>permalink</c> (Jekyll, Eleventy), else <c>url</c>
    /// (Hugo), else <c>path</c> (Zola); null when it has none.
    /// </summary>
    public static (string Key, LocatedText Value)? Own(SourceDocument document) =>
        Written(document).Select(w => ((string, LocatedText)?)w).FirstOrDefault();

    private static IEnumerable<(string Key, LocatedText Value)> Written(SourceDocument document)
    {
        if (document.Urls.Permalink is { } permalink) yield return ("permalink", permalink);
        if (document.Urls.Url is { } url) yield return ("url", url);
        if (document.Urls.Path is { } path) yield return ("path", path);
    }

    /// <summary>Zola's <c>path</c> names a folder even without a trailing '/' (<c>2019/11/07/x</c> is <c>/2019/11/07/x/</c>).</summary>
    private static string AsFolder(string path) =>
        path.EndsWith('/') || path.EndsWith(".html", StringComparison.Ordinal) || path.Trim().Length == 0 ? path : path + "/";

    /// <summary>
    /// The document's own <c>slug:</c>, else its file name as a slug; a page bundle's <c>index.md</c> is named by its
    /// folder (<c>my-post/index.md</c> is <c>my-post</c>), as Hugo names it.
    /// </summary>
    public static string SlugOf(SourceDocument document) => document.Slug ?? Slugger.Slugify(NameOf(document.RelativePath));

    /// <summary>True for a page bundle: an <c>index.md</c> in a folder of its own (not the input root).</summary>
    public static bool IsBundle(string relativePath)
    {
        // Asked of every document by every assembly: read in place, as GetFileNameWithoutExtension would ("index.md",
        // "index"; not "index.en.md").
        var slash = relativePath.LastIndexOf('/');
        if (slash <= 0) return false;
        var name = relativePath.AsSpan(slash + 1);
        return name.StartsWith("index", StringComparison.Ordinal) && (name.Length == 5 || name.LastIndexOf('.') == 5);
    }

    /// <summary>The folder of a page bundle (<c>posts/my-post</c> for <c>posts/my-post/index.md</c>).</summary>
    public static string BundleFolder(string relativePath) => relativePath[..relativePath.LastIndexOf('/')];

    /// <summary>The name a file goes by: its name without extension, or a bundle's folder name.</summary>
    private static string NameOf(string relativePath) =>
        IsBundle(relativePath)
            ? System.IO.Path.GetFileName(BundleFolder(relativePath))
            : System.IO.Path.GetFileNameWithoutExtension(relativePath);

    private static PermalinkFields Fields(SourceDocument document, string slug)
    {
        var folders = document.RelativePath.Split('/')[..^1];
        if (IsBundle(document.RelativePath)) folders = folders[..^1];
        var name = DatePrefix().Replace(NameOf(document.RelativePath), "");
        return new PermalinkFields(document.Date, slug, document.Slug, name.Length > 0 ? name : slug, [.. folders]);
    }

    private static DocumentPlace Expand(
        SourceDocument document, PermalinkPattern pattern, PermalinkFields fields, string slug, int line, int column, string? key,
        DiagnosticBag? diagnostics)
    {
        if (pattern.NeedsDate && fields.Date is null)
        {
            // A brief without a date is already an error of its own; a page may have no date, and then says so here.
            if (document.Kind == DocumentKind.Page)
            {
                var where = key is null ? "the pages pattern in _site.yml" : $"its '{key}'";
                diagnostics?.Error(document.RelativePath, line, DiagnosticCodes.BadPermalink,
                    $"{where} ('{pattern.Text}') needs a date, and this page has none; add 'date:' or a 'permalink:' of its own", column);
            }
            return new DocumentPlace(slug, null, line, column);
        }
        return new DocumentPlace(slug, pattern.Expand(fields), line, column);
    }

    /// <summary>Jekyll's <c>2024-05-14-</c> in front of a post's name.</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}-")]
    private static partial Regex DatePrefix();
}
