using StaticBriefs.Diagnostics;
using StaticBriefs.Loading.Conventions;

namespace StaticBriefs.Loading;

/// <summary>
/// Files other generators keep beside their posts, which StaticBriefs neither reads as documents nor publishes:
/// Hugo's and Zola's section files (<c>_index.md</c>: StaticBriefs has no section pages), Eleventy's data files
/// (<c>blog/blog.json</c>, <c>*.11tydata.json</c>, <c>*.11tydata.js</c>, <c>post.json</c> beside <c>post.md</c>: their
/// values are computed by Eleventy and may hold settings that were never meant to be served), and files in Jekyll's
/// <c>_posts/</c> that are not posts. Each kind is reported once for the whole site, with a count and the first files.
/// </summary>
internal sealed class OtherGeneratorFiles(IEnumerable<string> markdown)
{
    private const int Named = 3;

    // Made when the first JSON file is met: a site without any (most) does not pay for sets of 10,000 paths.
    private HashSet<string>? _documents;
    private HashSet<string>? _folders;
    private readonly List<string> _sections = [];
    private readonly List<string> _data = [];
    private readonly List<string> _inPosts = [];

    /// <summary>True (and remembered) when <paramref name="relative"/> is one of those files.</summary>
    public bool Take(string relative)
    {
        if (SourcePathConventions.IsSectionFile(relative))
        {
            _sections.Add(relative);
            return true;
        }
        if (IsEleventyData(relative))
        {
            _data.Add(relative);
            return true;
        }
        if (SourcePathConventions.IsInPostFolder(relative) && !SourcePathConventions.IsMarkdown(relative))
        {
            _inPosts.Add(relative);
            return true;
        }
        return false;
    }

    /// <summary>One warning per kind found.</summary>
    public void Report(DiagnosticBag diagnostics)
    {
        Warn(diagnostics, _sections, "section file", "section files",
            "Hugo and Zola list pages; StaticBriefs makes its own listings, so their titles and descriptions are not used");
        Warn(diagnostics, _data, "Eleventy data file", "Eleventy data files",
            "StaticBriefs reads front matter only, so what Eleventy takes from them (tags, layout, permalink, authors) does not reach the posts: put what the posts need in their front matter or in _site.yml");
        Warn(diagnostics, _inPosts, "file in _posts/ that is not a post", "files in _posts/ that are not posts",
            "Jekyll does not publish them either; move them out of _posts/ to publish them");
    }

    private static void Warn(DiagnosticBag diagnostics, List<string> files, string one, string many, string why)
    {
        if (files.Count == 0) return;
        files.Sort(StringComparer.Ordinal);
        var what = files.Count == 1 ? $"this {one} is" : $"{files.Count} {many} ({Names(files)}) are";
        diagnostics.Warning(files[0], 0, DiagnosticCodes.NotRead, $"{what} neither read nor published: {why}");
    }

    private static string Names(List<string> files) =>
        string.Join(", ", files.Take(Named)) + (files.Count > Named ? $" and {files.Count - Named} more" : "");

    /// <summary>
    /// Eleventy's template and directory data files: <c>x.11tydata.json</c> / <c>.js</c> anywhere; <c>blog/blog.json</c>
    /// and <c>post.json</c> only when markdown documents are beside them (a site's own JSON elsewhere is published).
    /// </summary>
    private bool IsEleventyData(string relative)
    {
        var name = relative.AsSpan(relative.LastIndexOf('/') + 1);
        if (name.Contains(".11tydata.", StringComparison.Ordinal)) return true;
        if (!name.EndsWith(".json", StringComparison.Ordinal)) return false;
        _documents ??= markdown.Select(SourcePathConventions.NameWithoutExtensionPath).ToHashSet(StringComparer.Ordinal);
        _folders ??= markdown.Select(Folder).ToHashSet(StringComparer.Ordinal);
        var stem = relative[..^".json".Length];
        var folder = Folder(relative);
        var folderName = folder[(folder.LastIndexOf('/') + 1)..];
        return _documents.Contains(stem) || (folderName.Length > 0 && name.SequenceEqual(folderName + ".json") && _folders.Contains(folder));
    }

    private static string Folder(string relative) => relative.LastIndexOf('/') is >= 0 and var at ? relative[..at] : "";
}
