namespace StaticBriefs.Search;

/// <summary>How the index is laid out in files.</summary>
/// <param name="Versioned">
/// Put every file but <c>search/meta.json</c> under <c>search/&lt;hash of their content&gt;/</c>, named by meta.json's
/// <c>root</c>: a deploy then never mixes old and new files (a reader's old meta.json names files of its own
/// version), and those files can be cached for good. Off in preview, where each edit would write them all again.
/// </param>
/// <param name="DocsPerFile">
/// Search documents per display file (<c>search.docs_per_file</c>): 1 keeps a page of results smallest; more means
/// fewer files for hosts that cap them, at the price of bytes per query.
/// </param>
public sealed record SearchIndexLayout(bool Versioned, int DocsPerFile)
{
    /// <summary>
    /// Ids that stay with a brief from edit to edit (<see cref="Search.StableIds"/>), for an unversioned site index, where a
    /// write keeps the files that did not change; a versioned one is written whole each time and keeps the smaller ids by
    /// date. Off, ids are places by date (0 = newest).
    /// </summary>
    public bool StableIds { get; init; }

    /// <summary>A site's layout: stable ids exactly when unversioned.</summary>
    public static SearchIndexLayout ForSite(bool versioned, int docsPerFile) => new(versioned, docsPerFile) { StableIds = !versioned };

    /// <summary>The unversioned layout with one document per file (preview's, and the one before versions).</summary>
    public static readonly SearchIndexLayout Flat = new(false, 1);
}
