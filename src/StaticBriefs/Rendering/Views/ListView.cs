namespace StaticBriefs.Rendering.Views;

/// <summary>A paginated list of briefs (home pages): the <c>list</c> object.</summary>
/// <param name="Briefs">Briefs on this page.</param>
/// <param name="Pager">Pagination.</param>
public sealed record ListView(IReadOnlyList<BriefCard> Briefs, PagerView Pager)
{
    /// <summary>The newest brief, set apart at the top of the first page; null on later pages.</summary>
    public BriefCard? Lead { get; init; }
    /// <summary>The other briefs of the page under date headings (see <see cref="DateSections"/>).</summary>
    public IReadOnlyList<MonthGroup> Sections { get; init; } = [];
}
