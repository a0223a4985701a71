using StaticBriefs.Model;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Incremental;

/// <summary>
/// The files a site model's briefs, entities and archive give rise to (brief pages and their social cards, home
/// pages, entity pages, feeds and data files, archive pages). A partial rebuild compares the sets of the site before
/// and after an edit: what the new site no longer makes is removed from the output, as a clean build would not have it.
/// </summary>
internal static class PageFiles
{
    /// <summary>Output files (relative, with '/') that depend on which briefs and entities exist.</summary>
    public static HashSet<string> Of(SiteModel site)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var brief in site.Briefs)
        {
            files.Add(UrlBuilder.FileFor(brief.Path));
            files.Add(Rendering.Social.SocialCard.PathFor(brief.Path).TrimStart('/'));
        }
        var pageSize = site.Settings.PageSize;
        AddPages(files, "/", site.Briefs.Length, pageSize);
        foreach (var taxonomy in site.Taxonomies.Values)
        {
            foreach (var term in taxonomy.ByName)
            {
                AddPages(files, term.Path, term.Count, pageSize);
                var folder = term.Path.TrimStart('/');
                files.Add(folder + "feed.xml");
                files.Add(folder + "feed.json");
                files.Add(folder + "index.json");
            }
        }
        foreach (var (year, _) in ArchivePaths.Years(site)) files.Add(UrlBuilder.FileFor(ArchivePaths.Year(year)));
        foreach (var month in ArchivePaths.MonthPages(site.Briefs)) files.Add(UrlBuilder.FileFor(month));
        return files;
    }

    /// <summary>The pages of a listing of <paramref name="count"/> briefs (one page even when empty).</summary>
    private static void AddPages(HashSet<string> files, string listingPath, int count, int pageSize)
    {
        var pages = Math.Max(1, (count + pageSize - 1) / pageSize);
        for (var number = 1; number <= pages; number++) files.Add(UrlBuilder.FileFor(UrlBuilder.PagePath(listingPath, number)));
    }
}
