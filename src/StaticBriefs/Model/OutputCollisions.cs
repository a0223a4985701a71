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

    private static readonly string[] Fixed = ["index.html", "404.html", "feed.xml", "feed.json", "sitemap.xml", "robots.txt"];

    /// <summary>Reports static files and documentation pages whose output is also a generated file (or folder).</summary>
    public static void Report(SiteModel site, DiagnosticBag diagnostics)
    {
        if (site.StaticFiles.IsEmpty && site.Pages.IsEmpty) return;
        var claims = new Generated(site);
        var statics = site.StaticFiles.ToHashSet(StringComparer.Ordinal);
        foreach (var file in site.StaticFiles)
        {
            if (claims.Collision(file) is { } what)
                diagnostics.Error(file, 0, DiagnosticCodes.OutputCollision, $"would be published at '{file}', {what}; rename or move this file");
        }
        foreach (var page in site.Pages)
        {
            var file = page.Path.TrimStart('/') + "index.html";
            // Pages on the generator's own roots are SiteAssembler's SB005 already.
            if (SiteAssembler.IsGeneratorPath(page.Path)) continue;
            var what = claims.Collision(file)
                ?? (statics.Contains(file) ? $"which is also the static file '{file}' in the input folder" : null);
            if (what is not null)
            {
                diagnostics.Error(page.Source.RelativePath, page.Source.SlugLine, DiagnosticCodes.OutputCollision,
                    $"page would be published at '{page.Path}' ({file}), {what}; move the file or give it another 'slug:'", page.Source.SlugColumn);
            }
        }
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

    /// <summary>"a/b/c.txt" -> "a", "a/b".</summary>
    private static IEnumerable<string> Ancestors(string path)
    {
        for (var slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1)) yield return path[..slash];
    }

    /// <summary>What the build writes, answered one path at a time by pattern (never enumerated).</summary>
    private sealed class Generated(SiteModel site)
    {
        private readonly Lazy<Dictionary<string, Brief>> _briefs = new(() =>
        {
            var bySlug = new Dictionary<string, Brief>(StringComparer.Ordinal);
            foreach (var brief in site.Briefs) bySlug.TryAdd(brief.Slug, brief); // duplicates are SB005 already
            return bySlug;
        });
        private readonly Lazy<Dictionary<(string Kind, string Slug), Term>> _terms = new(() =>
            site.Taxonomies.Values.SelectMany(t => t.ByName).ToDictionary(t => (t.Kind.Key(), t.Slug)));
        private readonly Lazy<ILookup<int, Brief>> _years = new(() => site.Briefs.ToLookup(b => b.Date.Year));

        /// <summary>How <paramref name="file"/>, or a folder on its way, collides with the build's output; null when it does not.</summary>
        public string? Collision(string file)
        {
            if (Claim(file) is { } exact) return "which is " + exact;
            foreach (var folder in Ancestors(file))
            {
                if (Claim(folder) is { } claimed) return $"inside '{folder}', which is {claimed}";
            }
            return (Claim(file + "/index.html") ?? FolderClaim(file)) is { } inside ? $"where the build needs a folder for {inside}" : null;
        }

        /// <summary>Folders that hold generated pages but no page of their own.</summary>
        private string? FolderClaim(string folder)
        {
            var parts = folder.Split('/');
            return parts switch
            {
                ["briefs"] when site.Briefs.Length > 0 => "the pages of the briefs",
                ["page"] when HomePages() > 1 => "the later pages of the home listing",
                [_, _, "page"] when Claim(string.Join('/', parts[..2]) + "/page/2/index.html") is { } second => second + " and after",
                _ => null,
            };
        }

        private string? Claim(string file)
        {
            if (Fixed.Contains(file, StringComparer.Ordinal)) return $"a file StaticBriefs writes ({Describe(file)})";
            if (file == "search" || file.StartsWith("search/", StringComparison.Ordinal)) return "inside search/, which holds the search page and index StaticBriefs writes";
            var parts = file.Split('/');
            return parts[0] switch
            {
                "page" => Pager(parts, 1, HomePages(), "page {0} of the home listing"),
                "briefs" when parts is [_, var slug, "index.html"] && _briefs.Value.TryGetValue(slug, out var brief) =>
                    $"the page of the brief {brief.Source.RelativePath}",
                "archive" when parts is [_, "index.html"] => "the archive page StaticBriefs writes",
                "archive" when parts is [_, var year, "index.html"] && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && _years.Value[y].Any() =>
                    $"the archive page of {year} (briefs {Names([.. _years.Value[y].Select(b => b.Source.RelativePath).Order(StringComparer.Ordinal)])})",
                "companies" or "people" or "topics" => TermClaim(parts),
                _ => null,
            };
        }

        private string? TermClaim(string[] parts)
        {
            if (parts is [_, "index.html"]) return $"the {parts[0]} index StaticBriefs writes";
            if (parts.Length < 3 || !_terms.Value.TryGetValue((parts[0], parts[1]), out var term)) return null;
            var who = $"{term.Kind.Singular()} '{term.Name}' (named in {Names([.. term.BriefIds.Select(id => site.Briefs[id].Source.RelativePath).Order(StringComparer.Ordinal)])})";
            return parts switch
            {
                [_, _, "index.html"] => "the page of the " + who,
                [_, _, "feed.xml" or "feed.json"] => "the feed of the " + who,
                [_, _, "page", ..] => Pager(parts, 3, (term.Count + site.Settings.PageSize - 1) / site.Settings.PageSize, "page {0} of the listing of the " + who.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal)),
                _ => null,
            };
        }

        private static string? Pager(string[] parts, int at, int pages, string format)
        {
            if (parts.Length != at + 2 || parts[at + 1] != "index.html") return null;
            return int.TryParse(parts[at], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 2 && number <= pages
                ? string.Format(CultureInfo.InvariantCulture, format, number)
                : null;
        }

        private int HomePages() => Math.Max(1, (site.Briefs.Length + site.Settings.PageSize - 1) / site.Settings.PageSize);

        private static string Describe(string file) => file switch
        {
            "index.html" => "the home page",
            "404.html" => "the page hosts show for a missing address",
            "feed.xml" => "the site's Atom feed",
            "feed.json" => "the site's JSON Feed",
            "sitemap.xml" => "the sitemap",
            _ => "the robots.txt for crawlers",
        };
    }
}
