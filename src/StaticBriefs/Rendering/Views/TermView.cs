namespace StaticBriefs.Rendering.Views;

/// <summary>The <c>term</c> object on a company, person or topic page.</summary>
public sealed record TermView
{
    /// <summary>Display name (raw).</summary>
    public required string Name { get; init; }
    /// <summary>companies, people or topics.</summary>
    public required string Kind { get; init; }
    /// <summary>company, person or topic.</summary>
    public required string KindSingular { get; init; }
    /// <summary>Companies, People or Topics.</summary>
    public required string KindTitle { get; init; }
    /// <summary>Link to the kind's index page.</summary>
    public required string KindUrl { get; init; }
    /// <summary>Number of briefs naming it.</summary>
    public required int Count { get; init; }
    /// <summary>From <c>_data/</c>, or empty (raw).</summary>
    public string Description { get; init; } = "";
    /// <summary>From <c>_data/</c>, or empty (raw).</summary>
    public string Website { get; init; } = "";
    /// <summary>Briefs on this page, newest first.</summary>
    public required IReadOnlyList<BriefCard> Briefs { get; init; }
    /// <summary>This page's briefs grouped by month, newest first.</summary>
    public required IReadOnlyList<MonthGroup> Timeline { get; init; }
    /// <summary>Pagination.</summary>
    public required PagerView Pager { get; init; }
    /// <summary>Entities most often named alongside it, with counts.</summary>
    public IReadOnlyList<LinkView> CoMentions { get; init; } = [];
    /// <summary>The same, grouped by kind (companies, people, topics), each group most named first.</summary>
    public IReadOnlyList<LinkGroup> Related { get; init; } = [];
    /// <summary>For companies: people who work there now (from <c>_data/people.yml</c>).</summary>
    public IReadOnlyList<LinkView> PeopleNow { get; init; } = [];
    /// <summary>For companies: people who worked there before.</summary>
    public IReadOnlyList<LinkView> PeopleBefore { get; init; } = [];
    /// <summary>For people: the companies in their briefs, with the years they appear together.</summary>
    public IReadOnlyList<CompanySpan> CompaniesInBriefs { get; init; } = [];
    /// <summary>Briefs over time (first page only; null with fewer than two briefs).</summary>
    public ChartView? Chart { get; init; }
    /// <summary>For people: companies they are linked to now.</summary>
    public IReadOnlyList<LinkView> CurrentCompanies { get; init; } = [];
    /// <summary>For people: companies they were linked to before.</summary>
    public IReadOnlyList<LinkView> PastCompanies { get; init; } = [];
    /// <summary>Career line, arrivals and departures, other relations (empty lists when there are none).</summary>
    public Relations.TermRelationsView? Relations { get; init; }
    /// <summary>Atom feed URL of this term.</summary>
    public required string FeedUrl { get; init; }
    /// <summary>JSON Feed URL of this term.</summary>
    public required string JsonFeedUrl { get; init; }
}

/// <summary>A labelled list of links, such as related entities of one kind.</summary>
/// <param name="Kind">companies, people or topics.</param>
/// <param name="Title">Companies, People or Topics.</param>
/// <param name="Links">The links.</param>
public sealed record LinkGroup(string Kind, string Title, IReadOnlyList<LinkView> Links);

/// <summary>Briefs of one month, or of a run of months (see <see cref="DateSections"/>).</summary>
/// <param name="Label">e.g. "May 2024" or "June – September 2024"; empty for a lone brief that needs no heading.</param>
/// <param name="Id">Anchor id, e.g. "2024-05".</param>
/// <param name="Briefs">Briefs, newest first.</param>
public sealed record MonthGroup(string Label, string Id, IReadOnlyList<BriefCard> Briefs);

/// <summary>Briefs of one year, by month.</summary>
/// <param name="Year">The year.</param>
/// <param name="Count">Number of briefs that year.</param>
/// <param name="Months">Months, newest first (empty when the year is split into month pages).</param>
public sealed record YearGroup(int Year, int Count, IReadOnlyList<MonthGroup> Months)
{
    /// <summary>For a year split into month pages: each month's page with its count, newest first.</summary>
    public IReadOnlyList<LinkView> MonthPages { get; init; } = [];
}

/// <summary>A year on the archive index: its page and its months.</summary>
/// <param name="Year">The year.</param>
/// <param name="Count">Number of briefs that year.</param>
/// <param name="Url">The year's archive page.</param>
/// <param name="Months">Months, newest first, each linking to its heading on the year's page.</param>
public sealed record ArchiveYearLink(int Year, int Count, string Url, IReadOnlyList<LinkView> Months) : ISharedView;

/// <summary>
/// The <c>archive</c> object: on <c>/archive/</c> the years and months (<see cref="Year"/> null); on a year's page
/// (<c>/archive/2024/</c>) that year's briefs as well. One page per year keeps a 100,000-brief archive browsable
/// and lets an edit re-render one year rather than every brief ever written.
/// </summary>
/// <param name="Years">Every year, newest first.</param>
/// <param name="Year">The year this page lists, or null on the index.</param>
public sealed record ArchiveView(IReadOnlyList<ArchiveYearLink> Years, YearGroup? Year)
{
    /// <summary>On a month's page (<c>/archive/2024/05/</c>): that month's briefs; null elsewhere.</summary>
    public MonthGroup? Month { get; init; }
    /// <summary>On a month's page: the newer and older months of the year, or null.</summary>
    public LinkView? NewerMonth { get; init; }
    /// <summary>See <see cref="NewerMonth"/>.</summary>
    public LinkView? OlderMonth { get; init; }
}
