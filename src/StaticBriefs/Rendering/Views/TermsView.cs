namespace StaticBriefs.Rendering.Views;

/// <summary>The <c>terms</c> object on an index page such as <c>/companies/</c>.</summary>
/// <param name="Kind">companies, people or topics.</param>
/// <param name="Title">Companies, People or Topics.</param>
/// <param name="ByName">Every term, by name.</param>
/// <param name="ByCount">Every term, most briefs first.</param>
public sealed record TermsView(string Kind, string Title, IReadOnlyList<LinkView> ByName, IReadOnlyList<LinkView> ByCount)
{
    /// <summary>The most named few (the page lists every term once, by name; these lead it).</summary>
    public IReadOnlyList<LinkView> Top { get; init; } = [];
    /// <summary>Every term by name, under its first letter ("#" for digits and others).</summary>
    public IReadOnlyList<LetterGroup> Letters { get; init; } = [];
}

/// <summary>Terms whose names start with one letter.</summary>
/// <param name="Letter">"A" ... "Z", or "#".</param>
/// <param name="Id">Anchor id, e.g. "letter-a".</param>
/// <param name="Links">The terms, by name.</param>
public sealed record LetterGroup(string Letter, string Id, IReadOnlyList<LinkView> Links);
