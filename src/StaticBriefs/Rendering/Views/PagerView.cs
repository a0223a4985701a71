namespace StaticBriefs.Rendering.Views;

/// <summary>Pagination of a listing.</summary>
/// <param name="Current">1-based page number.</param>
/// <param name="Total">Number of pages.</param>
/// <param name="PrevUrl">Link to the newer page, or empty.</param>
/// <param name="NextUrl">Link to the older page, or empty.</param>
/// <param name="Pages">Every page's number and link.</param>
public sealed record PagerView(int Current, int Total, string PrevUrl, string NextUrl, IReadOnlyList<PagerLink> Pages);

/// <summary>One page of a pager.</summary>
/// <param name="Number">1-based page number.</param>
/// <param name="Url">Its link.</param>
/// <param name="IsCurrent">True for the page being shown.</param>
public sealed record PagerLink(int Number, string Url, bool IsCurrent);
