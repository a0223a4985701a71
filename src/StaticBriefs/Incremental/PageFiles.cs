using StaticBriefs.Model;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Incremental;

/// <summary>
/// The files a site model's briefs, entities and archive give rise to (brief pages and their social cards, home
/// pages, entity pages, feeds and data files, archive pages). A partial rebuild removes from the output what the site
/// after an edit no longer makes (<see cref="Removed"/>), as a clean build would not have it.
/// </summary>
internal static class PageFiles
{
    /// <summary>
    /// Output files (relative, with '/') that depend on which briefs and entities exist: the whole set, which builds no
    /// longer list (<see cref="Removed"/> works from the differences); the tests hold <see cref="Removed"/> to it.
    /// </summary>
    public static HashSet<string> Of(SiteModel site)
    {
        var files = new HashSet<string>(site.Briefs.Length * 3, StringComparer.Ordinal);
        foreach (var brief in site.Briefs) AddBrief(files, brief);
        AddPages(files, "/", site.Briefs.Length, site.Settings.PageSize);
        foreach (var taxonomy in site.Taxonomies.Values)
        {
            foreach (var term in taxonomy.ByName) AddTerm(files, term, site.Settings.PageSize, site.Settings.HasEntityFeeds);
        }
        AddArchive(files, site);
        return files;
    }

    /// <summary>
    /// What the new site of <paramref name="diff"/> no longer makes of what the old one made (as <see cref="Of"/> of the
    /// old site less <see cref="Of"/> of the new), looking only at what can differ: briefs added, gone or at another
    /// path, listings with another number of pages, entities added, gone or renamed, and the archive. Listing both
    /// sites' 20,000 names at 10,000 briefs, as a cached build did after every add, date edit or delete, cost it
    /// 20-30 MiB and as many milliseconds.
    /// </summary>
    public static HashSet<string> Removed(ModelDiff diff)
    {
        var (old, now) = (diff.Before, diff.After);
        var gone = new HashSet<string>(StringComparer.Ordinal);
        var made = new HashSet<string>(StringComparer.Ordinal);
        var oldOf = diff.OldOf;
        for (var id = 0; id < oldOf.Length; id++)
        {
            if (oldOf[id] >= 0 && old.Briefs[oldOf[id]].Path == now.Briefs[id].Path) continue;
            if (oldOf[id] >= 0) AddBrief(gone, old.Briefs[oldOf[id]]);
            AddBrief(made, now.Briefs[id]);
        }
        var newOf = diff.NewOf;
        for (var id = 0; id < newOf.Length; id++)
        {
            if (newOf[id] < 0) AddBrief(gone, old.Briefs[id]);
        }
        var (oldSize, newSize) = (old.Settings.PageSize, now.Settings.PageSize);
        if (Pages(old.Briefs.Length, oldSize) != Pages(now.Briefs.Length, newSize))
        {
            AddPages(gone, "/", old.Briefs.Length, oldSize);
            AddPages(made, "/", now.Briefs.Length, newSize);
        }
        foreach (var kind in TaxonomyKinds.All)
        {
            foreach (var term in old[kind].ByName)
            {
                if (!SameFiles(term, now[kind], oldSize, newSize)) AddTerm(gone, term, oldSize, old.Settings.HasEntityFeeds);
            }
            foreach (var term in now[kind].ByName)
            {
                if (!SameFiles(term, old[kind], newSize, oldSize)) AddTerm(made, term, newSize, now.Settings.HasEntityFeeds);
            }
        }
        // A few dozen names at most: made again whole.
        AddArchive(gone, old);
        AddArchive(made, now);
        // Every name in "gone" was the old site's, so the old site's names less the new site's are these.
        gone.ExceptWith(made);
        return gone;
    }

    /// <summary>True when the other site has the term under the same slug with as many pages.</summary>
    private static bool SameFiles(Term term, Taxonomy other, int pageSize, int otherPageSize) =>
        other.ByKey.TryGetValue(term.Key, out var then) && then.Slug == term.Slug
        && Pages(then.Count, otherPageSize) == Pages(term.Count, pageSize);

    private static void AddBrief(HashSet<string> files, Brief brief)
    {
        files.Add(UrlBuilder.FileFor(brief.Path));
        files.Add(Rendering.Social.SocialCard.PathFor(brief.Path).TrimStart('/'));
    }

    private static void AddTerm(HashSet<string> files, Term term, int pageSize, bool feeds)
    {
        var path = term.Path;
        AddPages(files, path, term.Count, pageSize);
        var folder = path.TrimStart('/');
        if (feeds)
        {
            files.Add(folder + "feed.xml");
            files.Add(folder + "feed.json");
        }
        files.Add(folder + "index.json");
    }

    private static void AddArchive(HashSet<string> files, SiteModel site)
    {
        foreach (var (year, _) in ArchivePaths.Years(site)) files.Add(UrlBuilder.FileFor(ArchivePaths.Year(year)));
        foreach (var month in ArchivePaths.MonthPages(site.Briefs)) files.Add(UrlBuilder.FileFor(month));
    }

    /// <summary>The number of pages of a listing of <paramref name="count"/> briefs (one even when empty).</summary>
    private static int Pages(int count, int pageSize) => Math.Max(1, (count + pageSize - 1) / pageSize);

    /// <summary>The pages of a listing of <paramref name="count"/> briefs.</summary>
    private static void AddPages(HashSet<string> files, string listingPath, int count, int pageSize)
    {
        for (var number = 1; number <= Pages(count, pageSize); number++) files.Add(UrlBuilder.FileFor(UrlBuilder.PagePath(listingPath, number)));
    }
}
