namespace StaticBriefs.Rendering.Views;

/// <summary>The <c>terms</c> object on an index page such as <c>/companies/</c>.</summary>
/// <param name="Kind">companies, people or topics.</param>
/// <param name="Title">Companies, People or Topics.</param>
/// <param name="ByName">Every term, by name.</param>
/// <param name="ByCount">Every term, most briefs first.</param>
public sealed record TermsView(string Kind, string Title, IReadOnlyList<LinkView> ByName, IReadOnlyList<LinkView> ByCount);
