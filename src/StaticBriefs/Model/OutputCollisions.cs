using System.Globalization;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Model;

/// <summary>
/// Finds an author's file that would take the place of one StaticBriefs makes: a static <c>feed.xml</c>, a page at
/// <c>companies/anthropic.md</c>, an <c>archive/2026/index.html</c>, anything under <c>search/</c>, or a file where
/// the build needs a folder. Each is an error (SB041) on the author's file naming what it collides with, so nothing
/// is replaced or lost in silence. Only the author's few files are looked up, one pattern match each: the set of
/// generated files is never built.
/// </summary>
public static class OutputCollisions
{
    /// <summary>At most this many other files are named in one message.</summary>
    public const int NamedFiles = 5;

    /// <summary>Reports static files, briefs and pages whose output is also a generated file (or folder).</summary>
    public static void Report(SiteModel site, DiagnosticBag diagnostics)
    {
        var claims = new GeneratedFiles(site);
        var briefs = new DocumentFiles(site);
        var inputs = site.Resources.ToDictionary(r => r.Value, r => r.Key, StringComparer.Ordinal);
        var statics = site.StaticFiles.ToHashSet(StringComparer.Ordinal);
        foreach (var file in site.StaticFiles)
        {
            if (claims.Collision(file, briefs.Claim) is { } what)
                diagnostics.Error(inputs.GetValueOrDefault(file, file), 0, DiagnosticCodes.OutputCollision, $"would be published at '{file}', {what}; rename or move this file");
        }
        foreach (var brief in site.Briefs)
        {
            // Briefs on the generator's own roots are SiteAssembler's SB005 already.
            // Most briefs lie outside the generator's folders: told from the path, without making their file names.
            if (SiteAssembler.IsGeneratorPath(brief.Path) || !GeneratedFiles.FileUnderGeneratedRoot(brief.Path)) continue;
            if (claims.Collision(SitePaths.FileFor(brief.Path)) is { } what) Report(brief.Source, brief.Path, "brief", what, diagnostics);
        }
        foreach (var page in site.Pages)
        {
            var file = SitePaths.FileFor(page.Path);
            if (SiteAssembler.IsGeneratorPath(page.Path)) continue;
            var what = claims.Collision(file)
                ?? (statics.Contains(file) ? $"which is also the static file '{inputs.GetValueOrDefault(file, file)}' in the input folder" : null);
            if (what is not null) Report(page.Source, page.Path, "page", what, diagnostics);
        }
    }

    private static void Report(SourceDocument source, string path, string kind, string what, DiagnosticBag diagnostics)
    {
        var (line, column) = DocumentPaths.Where(source);
        diagnostics.Error(source.RelativePath, line, DiagnosticCodes.OutputCollision,
            $"{kind} would be published at '{path}' ({SitePaths.FileFor(path)}), {what}; move the file or give it another 'slug:' or 'permalink:'", column);
    }

    /// <summary>Reports static files over the theme's published assets (known once they are written).</summary>
    public static void ReportAssets(SiteModel site, IEnumerable<string> assetFiles, DiagnosticBag diagnostics)
    {
        var assets = assetFiles.Select(a => a.TrimStart('/')).ToList();
        foreach (var file in site.StaticFiles)
        {
            var asset = assets.FirstOrDefault(a => a == file
                || a.StartsWith(file + "/", StringComparison.Ordinal) || file.StartsWith(a + "/", StringComparison.Ordinal));
            if (asset is not null)
                diagnostics.Error(file, 0, DiagnosticCodes.OutputCollision,
                    $"would be published at '{file}', which is where the theme's asset '{asset}' goes; rename or move this file");
        }
    }

    /// <summary>"a.md, b.md, c.md, d.md, e.md and 83 more".</summary>
    public static string Names(IReadOnlyCollection<string> files)
    {
        var named = string.Join(", ", files.Take(NamedFiles));
        return files.Count > NamedFiles ? string.Create(CultureInfo.InvariantCulture, $"{named} and {files.Count - NamedFiles:N0} more") : named;
    }
}
