using StaticBriefs.Diagnostics;

namespace StaticBriefs.Model;

/// <summary>
/// What reading a whole site of another generator's posts found that each post alone would repeat: <c>layout:</c>
/// values StaticBriefs does not know (SB080), and front matter lists nothing reads (SB081). One warning per value or
/// key for the whole site, at its first file, with the count and the first few files, never one per file. Made in the
/// model stage, from every loaded document, so cached and freshly read documents report alike.
/// </summary>
public static class ReadingNotes
{
    /// <summary>Layouts that mean "a post" in other generators (Jekyll's post, jekyllrb.com's news_item): a brief, silently.</summary>
    public static readonly IReadOnlyList<string> PostLayouts = ["brief", "page", "post", "posts", "news_post", "news_item", "single", "article", "blog"];

    private const int Named = 3;

    /// <summary>Reports the site-wide notes of <paramref name="documents"/>.</summary>
    public static void Report(IEnumerable<SourceDocument> documents, DiagnosticBag diagnostics)
    {
        // Only the documents a note is about are sorted (by path, so each note names the same first files).
        var all = documents.Where(d => d.Kind is DocumentKind.Stub or DocumentKind.Listing || !d.UnusedLists.IsEmpty
                || d.Layout is { } layout && !PostLayouts.Contains(layout.Text, StringComparer.Ordinal))
            .OrderBy(d => d.RelativePath, StringComparer.Ordinal).ToList();
        var stubs = all.Where(d => d.Kind == DocumentKind.Stub).Select(d => d.RelativePath).ToList();
        if (stubs.Count > 0)
        {
            diagnostics.Warning(stubs[0], 1, DiagnosticCodes.NotRead,
                $"{(stubs.Count == 1 ? "this file has" : $"{Files(stubs)} have")} front matter but neither a title nor a body (a page its old generator fills from a template), so {(stubs.Count == 1 ? "it is" : "they are")} not published; give {(stubs.Count == 1 ? "it" : "each")} a title and a body to publish {(stubs.Count == 1 ? "it" : "them")}",
                1);
        }
        var listings = all.Where(d => d.Kind == DocumentKind.Listing).Select(d => d.RelativePath).ToList();
        if (listings.Count > 0)
        {
            diagnostics.Warning(listings[0], 1, DiagnosticCodes.NotRead,
                $"{(listings.Count == 1 ? "this page has" : $"{Files(listings)} have")} no date and list{(listings.Count == 1 ? "s" : "")} posts with the old generator's template loop ('{{% for ... in collections... %}}'), so {(listings.Count == 1 ? "it is" : "they are")} not published: StaticBriefs makes its own listings (home, archive, topics); give a page 'layout: page' to publish it anyway",
                1);
        }
        foreach (var group in all
                     .Where(d => d.Layout is { } layout && !PostLayouts.Contains(layout.Text, StringComparer.Ordinal))
                     .GroupBy(d => d.Layout!.Text, StringComparer.Ordinal)
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var files = group.Select(d => d.RelativePath).ToList();
            var first = group.First().Layout!;
            diagnostics.Warning(files[0], first.Line, DiagnosticCodes.UnknownLayout,
                $"layout '{group.Key}' is not a StaticBriefs layout ({Files(files)}); they are read as briefs ('layout: page' makes a page instead)",
                first.Column);
        }
        foreach (var group in all
                     .SelectMany(d => d.UnusedLists.Select(key => (Document: d, Key: key)))
                     .GroupBy(x => x.Key.Text, StringComparer.Ordinal)
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var files = group.Select(x => x.Document.RelativePath).ToList();
            var first = group.First().Key;
            var top = group.Key.Split('.')[0];
            diagnostics.Warning(files[0], first.Line, DiagnosticCodes.UnusedList,
                $"'{group.Key}' holds a list that nothing reads ({Files(files)}); templates can use it as page.extra.{top}, and _site.yml can make its items pages: taxonomies: {{ {group.Key}: topics }} (or people, companies, none)",
                first.Column);
        }
    }

    private static string Files(List<string> files) => files.Count == 1
        ? "1 file"
        : $"{files.Count} files: " + string.Join(", ", files.Take(Named)) + (files.Count > Named ? $" and {files.Count - Named} more" : "");
}
