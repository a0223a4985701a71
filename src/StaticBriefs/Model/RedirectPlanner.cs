using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using StaticBriefs.Diagnostics;
using StaticBriefs.Text;

namespace StaticBriefs.Model;

/// <summary>
/// Turns the old URLs published documents list (Hugo's and Zola's <c>aliases</c>, Jekyll's <c>redirect_from</c>)
/// into redirects to where the documents are now. An old URL that is not a path of this site is SB091; one that is
/// also a page, a file the build makes, a static file or another document's old URL is SB092, naming the other.
/// </summary>
public static partial class RedirectPlanner
{
    /// <summary>The redirects of <paramref name="site"/>'s published documents, in file order.</summary>
    public static ImmutableArray<PageRedirect> Plan(SiteModel site, DiagnosticBag diagnostics)
    {
        static bool HasOldUrls(SourceDocument source) => !source.Urls.Aliases.IsEmpty || !source.Urls.RedirectFrom.IsEmpty;
        // Most sites have no old URLs: then nothing is sorted or indexed.
        if (!site.Briefs.Any(b => HasOldUrls(b.Source)) && !site.Pages.Any(p => HasOldUrls(p.Source))) return [];
        var documents = site.Briefs.Select(b => (b.Source, b.Path, Kind: "brief"))
            .Concat(site.Pages.Select(p => (p.Source, p.Path, Kind: "page")))
            .OrderBy(d => d.Source.RelativePath, StringComparer.Ordinal)
            .ToList();

        var pages = new Dictionary<string, (string Kind, string Source)>(StringComparer.Ordinal);
        foreach (var (source, path, kind) in documents) pages.TryAdd(SitePaths.FileFor(path), (kind, source.RelativePath));
        var generated = new GeneratedFiles(site);
        var statics = site.StaticFiles.ToHashSet(StringComparer.Ordinal);
        var taken = new Dictionary<string, PageRedirect>(StringComparer.Ordinal);
        var redirects = ImmutableArray.CreateBuilder<PageRedirect>();
        foreach (var (source, path, kind) in documents)
        {
            foreach (var value in source.Urls.Aliases.Concat(source.Urls.RedirectFrom))
            {
                var file = source.RelativePath;
                var relativeTo = site.Settings.RelativeAliases == RelativeAliases.Page && !value.Text.TrimStart().StartsWith('/') ? path : null;
                var from = OldPath(value.Text, out var problem, relativeTo);
                if (from is null)
                {
                    diagnostics.Error(file, value.Line, DiagnosticCodes.BadRedirect, $"old URL '{value.Text}' {problem}", value.Column);
                    continue;
                }
                var redirect = new PageRedirect(from, path, file, value.Line, value.Column);
                var clash = from == path
                    ? $"is this {kind}'s own URL; remove it from the old URLs"
                    : Clash(redirect, pages, generated, statics, taken);
                if (clash is null && taken.TryGetValue(from, out var same) && same.Source == file) continue; // listed twice
                if (clash is not null)
                {
                    diagnostics.Error(file, value.Line, DiagnosticCodes.RedirectClash, $"old URL '{from}' {clash}", value.Column);
                    continue;
                }
                taken[from] = redirect;
                redirects.Add(redirect);
            }
        }
        return redirects.ToImmutable();
    }

    private static string? Clash(
        PageRedirect redirect, Dictionary<string, (string Kind, string Source)> pages, GeneratedFiles generated, HashSet<string> statics,
        Dictionary<string, PageRedirect> taken)
    {
        var file = redirect.HasPage ? redirect.File : redirect.From.TrimStart('/');
        if (pages.TryGetValue(file, out var page))
            return $"is also the URL of the {page.Kind} {page.Source}, which is published there; remove the old URL or move that {page.Kind}";
        if (generated.Collision(file) is { } what)
            return $"would get a redirect page at '{file}', {what}; remove the old URL";
        if (statics.Contains(file)) return $"is also the static file '{file}'; remove the old URL or the file";
        if (taken.TryGetValue(redirect.From, out var first) && first.Source != redirect.Source)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"is also an old URL of {first.Source} (line {first.Line}); one old URL can lead to one page only");
        }
        return null;
    }

    /// <summary>
    /// The site path an old URL stands for: '/' added in front (from the site's root, as Jekyll and Zola read it) and
    /// at the end of a folder (<c>releases/1.88.0</c> is <c>/releases/1.88.0/</c>); a name with an extension
    /// (<c>x.html</c>, <c>feed.php</c>) is a file. %-escapes are decoded. Null with the <paramref name="problem"/>
    /// when it is not a path of this site. With <paramref name="relativeTo"/> (a page's site path; Hugo's reading,
    /// <c>relative_aliases: page</c>), a relative old URL is beside that page: <c>gc-elections-2022</c> of
    /// <c>/blog/2022/gc-elections/</c> is <c>/blog/2022/gc-elections-2022/</c>.
    /// </summary>
    public static string? OldPath(string value, out string? problem, string? relativeTo = null)
    {
        problem = null;
        var text = value.Trim();
        if (text.Length == 0 || text == "/")
        {
            problem = text.Length == 0 ? "is empty; remove it" : "is the home page; remove it";
            return null;
        }
        if (text.StartsWith("//", StringComparison.Ordinal) || UrlPolicy.SchemeOf(text) is not null)
        {
            problem = "must be a path on this site such as /old/path/, not a full URL (a redirect from another site belongs in that site's own rules)";
            return null;
        }
        if (text.IndexOfAny(['?', '#', '\\', '"', '<', '>']) >= 0 || text.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            problem = "may not contain a query, a fragment, spaces or quotes; give the path alone";
            return null;
        }
        text = Uri.UnescapeDataString(text);
        if (relativeTo is not null && !text.StartsWith('/'))
        {
            text = Joined(ParentOf(relativeTo), text);
            if (text is null)
            {
                problem = "climbs above the site's root with '..'; write the path from the site's root";
                return null;
            }
        }
        if (!text.StartsWith('/')) text = "/" + text;
        if (text.Split('/').Any(s => s is "." or ".."))
        {
            problem = "may not contain '.' or '..' as a folder; write the path from the site's root";
            return null;
        }
        var name = text[(text.LastIndexOf('/') + 1)..];
        return name.Length > 0 && !Extension().IsMatch(name) ? text + "/" : text;
    }

    /// <summary>The folder a page's URL is in, as Hugo joins relative aliases to it: "/a/b/" and "/a/b.html" -> "/a/".</summary>
    private static string ParentOf(string sitePath)
    {
        var trimmed = sitePath.TrimEnd('/');
        return trimmed[..(trimmed.LastIndexOf('/') + 1)];
    }

    /// <summary>A relative path joined to a folder with '.' and '..' resolved, as Hugo's path.Join does; null above the root.</summary>
    private static string? Joined(string folder, string relative)
    {
        var parts = folder.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var segment in relative.Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(segment);
        }
        return "/" + string.Join('/', parts) + (relative.EndsWith('/') ? "/" : "");
    }

    /// <summary>A file name's extension (<c>.html</c>, <c>.php</c>), not a version's last part (<c>1.88.0</c>).</summary>
    [GeneratedRegex(@"\.[A-Za-z][A-Za-z0-9]{0,7}$")]
    private static partial Regex Extension();
}
