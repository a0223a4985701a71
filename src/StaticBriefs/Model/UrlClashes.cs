using System.Runtime.InteropServices;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Model;

/// <summary>
/// Documents that want one URL (SB005), and documents on a listing root the generator owns. Files with the same name
/// in different folders clash only when their URLs do. Each file of a clash gets one message naming at most
/// <see cref="OutputCollisions.NamedFiles"/> of the others, so 89 bundles on one URL make 89 short lines.
/// </summary>
public static class UrlClashes
{
    /// <summary>Reports every clash among <paramref name="documents"/> (file, site path, "brief" or "page").</summary>
    public static void Report(IReadOnlyList<(SourceDocument Source, string Path, string Kind)> documents, DiagnosticBag diagnostics)
    {
        foreach (var (source, path, kind) in documents)
        {
            if (!SiteAssembler.IsGeneratorPath(path)) continue;
            var (line, column) = DocumentPaths.Where(source);
            diagnostics.Error(source.RelativePath, line, DiagnosticCodes.DuplicateSlug,
                $"{kind} path '{path}' is used by the generator itself; move the file or give it another 'slug:' or 'permalink:'", column);
        }
        // '/x/' and '/x/index.html' are one file. Files named once are the rule: only the others are grouped.
        var seen = new Dictionary<string, int>(documents.Count, SitePaths.SameFile);
        foreach (var document in documents) CollectionsMarshal.GetValueRefOrAddDefault(seen, document.Path, out _)++;
        if (seen.Count == documents.Count) return;
        foreach (var group in documents.Where(d => seen[d.Path] > 1).GroupBy(d => SitePaths.FileFor(d.Path), StringComparer.Ordinal))
        {
            var files = group.Select(d => d.Source.RelativePath).Order(StringComparer.Ordinal).ToList();
            foreach (var (source, path, kind) in group)
            {
                var others = OutputCollisions.Names([.. files.Where(f => f != source.RelativePath)]);
                var (line, column) = DocumentPaths.Where(source);
                diagnostics.Error(source.RelativePath, line, DiagnosticCodes.DuplicateSlug,
                    $"{kind} URL '{path}' is also used by {others}; give one of them a different 'slug:' (or a 'permalink:') so each has its own URL",
                    column);
            }
        }
    }
}
