using StaticBriefs.Rendering.Theme;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Rendering.Relations;

/// <summary>One relation as templates see it (raw text: templates escape it).</summary>
public sealed record RelationView
{
    /// <summary>Who or what acts (URL empty when it has no page).</summary>
    public required LinkView Subject { get; init; }
    /// <summary>The verb as written: "joins".</summary>
    public required string Verb { get; init; }
    /// <summary>The verb in the past tense: "joined".</summary>
    public required string VerbPast { get; init; }
    /// <summary>Who or what is acted on (URL empty when it has no page).</summary>
    public required LinkView Object { get; init; }
    /// <summary>Role or team, or empty.</summary>
    public string Role { get; init; } = "";
    /// <summary>"2026-05-19".</summary>
    public required string DateIso { get; init; }
    /// <summary>"19 May 2026".</summary>
    public required string DateText { get; init; }
    /// <summary>"May 2026".</summary>
    public required string MonthText { get; init; }
    /// <summary>The brief that reported it (title and URL), or null for a move known from the entity data.</summary>
    public LinkView? Brief { get; init; }
}

/// <summary>One stint in a person's career line.</summary>
public sealed record CareerStepView
{
    /// <summary>The company.</summary>
    public required LinkView Company { get; init; }
    /// <summary>Role or team, or empty.</summary>
    public string Role { get; init; } = "";
    /// <summary>"joined" or "founded".</summary>
    public string Started { get; init; } = "joined";
    /// <summary>Start, ISO ("" when unknown).</summary>
    public string FromIso { get; init; } = "";
    /// <summary>Start, "May 2026" ("" when unknown).</summary>
    public string FromText { get; init; } = "";
    /// <summary>End, ISO ("" while it lasts).</summary>
    public string ToIso { get; init; } = "";
    /// <summary>End, "July 2022" ("" while it lasts).</summary>
    public string ToText { get; init; } = "";
    /// <summary>The brief that reported the start, or null.</summary>
    public LinkView? FromBrief { get; init; }
    /// <summary>The brief that reported the end, or null.</summary>
    public LinkView? ToBrief { get; init; }
}

/// <summary>Arrivals and departures of one year at a company.</summary>
/// <param name="Year">The year.</param>
/// <param name="Arrivals">People who joined or founded it that year.</param>
/// <param name="Departures">People who left it that year.</param>
/// <param name="Net">Arrivals minus departures, signed ("+2", "0", "−1").</param>
public sealed record FlowYearView(int Year, int Arrivals, int Departures, string Net);

/// <summary>The <c>relations</c> object of a company, person or topic page.</summary>
public sealed record TermRelationsView
{
    /// <summary>For people: their stints, oldest first.</summary>
    public IReadOnlyList<CareerStepView> Career { get; init; } = [];
    /// <summary>For companies: people who joined or founded it, newest first (at most <see cref="RelationViews.ListCap"/>).</summary>
    public IReadOnlyList<RelationView> Arrivals { get; init; } = [];
    /// <summary>How many arrivals there are in all.</summary>
    public int ArrivalCount { get; init; }
    /// <summary>For companies: people who left it, newest first (at most <see cref="RelationViews.ListCap"/>).</summary>
    public IReadOnlyList<RelationView> Departures { get; init; } = [];
    /// <summary>How many departures there are in all.</summary>
    public int DepartureCount { get; init; }
    /// <summary>For companies: arrivals and departures by year, newest first.</summary>
    public IReadOnlyList<FlowYearView> NetByYear { get; init; } = [];
    /// <summary>Other relations (investments, acquisitions, partnerships, releases), newest first (at most <see cref="RelationViews.ListCap"/>).</summary>
    public IReadOnlyList<RelationView> Other { get; init; } = [];
    /// <summary>How many other relations there are in all.</summary>
    public int OtherCount { get; init; }
    /// <summary>True when a list was cut to <see cref="RelationViews.ListCap"/> (the page then points to the JSON file).</summary>
    public bool Capped => ArrivalCount > Arrivals.Count || DepartureCount > Departures.Count || OtherCount > Other.Count;
    /// <summary>Link to the <c>/moves/</c> page.</summary>
    public required string MovesUrl { get; init; }
    /// <summary>Link to this entity's JSON file.</summary>
    public required string JsonUrl { get; init; }
    /// <summary>True when there is nothing to show.</summary>
    public bool IsEmpty => Career.Count == 0 && Arrivals.Count == 0 && Departures.Count == 0 && Other.Count == 0;
}

/// <summary>People who moved from one company to another.</summary>
/// <param name="From">The company they left.</param>
/// <param name="To">The company they joined next.</param>
/// <param name="People">Who, in order of the move.</param>
public sealed record FlowView(LinkView From, LinkView To, IReadOnlyList<LinkView> People)
{
    /// <summary>How many people.</summary>
    public int Count => People.Count;
}

/// <summary>The <c>moves</c> object of the <c>/moves/</c> page.</summary>
public sealed record MovesView
{
    /// <summary>The latest joins, departures and foundings, newest first.</summary>
    public required IReadOnlyList<RelationView> Latest { get; init; }
    /// <summary>Company-to-company flows, most people first.</summary>
    public required IReadOnlyList<FlowView> Flows { get; init; }
    /// <summary>The flow chart as accessible SVG (trusted: built and escaped by <see cref="MovesChart"/>).</summary>
    public required TrustedHtml Chart { get; init; }
    /// <summary>Link to <c>/relations.json</c>.</summary>
    public required string JsonUrl { get; init; }
}
