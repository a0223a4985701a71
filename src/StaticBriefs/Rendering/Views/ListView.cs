namespace StaticBriefs.Rendering.Views;

/// <summary>A paginated list of briefs (home pages): the <c>list</c> object.</summary>
/// <param name="Briefs">Briefs on this page.</param>
/// <param name="Pager">Pagination.</param>
public sealed record ListView(IReadOnlyList<BriefCard> Briefs, PagerView Pager);
