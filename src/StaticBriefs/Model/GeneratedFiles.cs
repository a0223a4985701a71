using System.Collections.Frozen;
using System.Globalization;

namespace StaticBriefs.Model;

/// <summary>
/// The files the build itself makes besides documents' pages (listings, term pages and feeds, archive, search,
/// feeds, sitemap, relations), answered one path at a time by pattern: the set is never built.
/// </summary>
internal sealed class GeneratedFiles(SiteModel site)
{
    private static readonly string[] Fixed = ["index.html", "404.html", "feed.xml", "feed.json", "sitemap.xml", "robots.txt", "relations.json", "moves/index.html"];

    private readonly Lazy<Dictionary<(string Kind, string Slug), Term>> _terms = new(() =>
        site.Taxonomies.Values.SelectMany(t => t.ByName).ToDictionary(t => (t.Kind.Key(), t.Slug)));
    private readonly Lazy<ILookup<int, Brief>> _years = new(() => site.Briefs.ToLookup(b => b.Date.Year));

    /// <summary>How <paramref name="file"/>, or a folder on its way, collides with the build's output; null when it does not.</summary>
    public string? Collision(string file, Func<string, string?>? documents = null)
    {
        // Every generated file lies under one of a few first segments: a brief's page elsewhere cannot collide.
        if (documents is null && !UnderGeneratedRoot(file)) return null;
        if ((Claim(file) ?? documents?.Invoke(file)) is { } exact) return "which is " + exact;
        foreach (var folder in Ancestors(file))
        {
            if ((Claim(folder) ?? documents?.Invoke(folder)) is { } claimed) return $"inside '{folder}', which is {claimed}";
        }
        return (Claim(file + "/index.html") ?? FolderClaim(file) ?? documents?.Invoke(file + "/")) is { } inside
            ? $"where the build needs a folder for {inside}"
            : null;
    }

    /// <summary>The first segments of every path <see cref="Claim"/> or <see cref="FolderClaim"/> can answer for.</summary>
    private static readonly FrozenSet<string> GeneratedRoots =
        new[] { "page", "archive", "companies", "people", "topics", "search", "moves" }.Concat(Fixed).ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GeneratedRootsBySpan =
        GeneratedRoots.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// False when no generated file can be <paramref name="file"/> or hold it (its first segment is none of the
    /// generator's), told without making a string: asked for every brief of every assembly.
    /// </summary>
    public static bool UnderGeneratedRoot(ReadOnlySpan<char> file) =>
        GeneratedRootsBySpan.Contains(file.IndexOf('/') is var slash and >= 0 ? file[..slash] : file);

    /// <summary>
    /// <see cref="UnderGeneratedRoot"/> for the file a site path is written to (<see cref="SitePaths.FileFor"/>), without
    /// making that file's name.
    /// </summary>
    public static bool FileUnderGeneratedRoot(string sitePath)
    {
        var path = sitePath.AsSpan().TrimStart('/');
        return path.IsEmpty ? UnderGeneratedRoot("index.html") : UnderGeneratedRoot(path);
    }

    /// <summary>"a/b/c.txt" -> "a", "a/b".</summary>
    public static IEnumerable<string> Ancestors(string path)
    {
        for (var slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1)) yield return path[..slash];
    }

    /// <summary>Folders that hold generated pages but no page of their own.</summary>
    private string? FolderClaim(string folder)
    {
        var parts = folder.Split('/');
        return parts switch
        {
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
            "archive" when parts is [_, "index.html"] => "the archive page StaticBriefs writes",
            "archive" when parts is [_, var year, "index.html"] && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && _years.Value[y].Any() =>
                $"the archive page of {year} (briefs {OutputCollisions.Names([.. _years.Value[y].Select(b => b.Source.RelativePath).Order(StringComparer.Ordinal)])})",
            "companies" or "people" or "topics" => TermClaim(parts),
            _ => null,
        };
    }

    private string? TermClaim(string[] parts)
    {
        if (parts is [_, "index.html"]) return $"the {parts[0]} index StaticBriefs writes";
        if (parts.Length < 3 || !_terms.Value.TryGetValue((parts[0], parts[1]), out var term)) return null;
        var who = $"{term.Kind.Singular()} '{term.Name}' (named in {OutputCollisions.Names([.. term.BriefIds.Select(id => site.Briefs[id].Source.RelativePath).Order(StringComparer.Ordinal)])})";
        return parts switch
        {
            [_, _, "index.html"] => "the page of the " + who,
            [_, _, "feed.xml" or "feed.json"] when site.Settings.HasEntityFeeds => "the feed of the " + who,
            [_, _, "index.json"] => "the data file (index.json) of the " + who,
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
        "relations.json" => "the relations between entities, as JSON",
        "moves/index.html" => "the moves page",
        _ => "the robots.txt for crawlers",
    };
}
