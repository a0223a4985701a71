using System.Globalization;
using StaticBriefs.Model;
using StaticBriefs.Model.Relations;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Rendering.Relations;

/// <summary>Builds the relation objects templates see (brief lines, career lines, flows, the moves page) from the frozen model.</summary>
public sealed class RelationViews(SiteModel site, ViewFactory views)
{
    /// <summary>Site path of the moves page.</summary>
    public const string MovesPath = "/moves/";

    /// <summary>How many moves the moves page lists.</summary>
    public const int LatestCount = 30;

    /// <summary>How many arrivals, departures and other relations an entity's page lists (newest first); its index.json has all.</summary>
    public const int ListCap = 25;

    /// <summary>The relations a brief reports, oldest first.</summary>
    public IReadOnlyList<RelationView> OfBrief(Brief brief) => [.. site.Relations.OfBrief(brief.Id).Select(View)];

    /// <summary>The <c>relations</c> object of a term page.</summary>
    public TermRelationsView OfTerm(Term term)
    {
        var asSubject = site.Relations.AsSubject(term.Kind, term.Key);
        var asObject = site.Relations.AsObject(term.Kind, term.Key);
        var view = new TermRelationsView
        {
            MovesUrl = views.Urls.Link(MovesPath),
            JsonUrl = views.Urls.Link(term.Path + "index.json"),
        };
        if (asSubject.IsEmpty && asObject.IsEmpty) return view;
        var arrivals = asObject.Where(r => r.Verb is RelationVerb.Joins or RelationVerb.Founds && r.Subject.Kind == TaxonomyKind.People).ToList();
        var departures = asObject.Where(r => r.Verb == RelationVerb.Leaves).ToList();
        return view with
        {
            Career = term.Kind == TaxonomyKind.People ? [.. CareerLine.Of(asSubject).Select(Step)] : [],
            Arrivals = [.. Enumerable.Reverse(arrivals).Take(ListCap).Select(View)],
            ArrivalCount = arrivals.Count,
            Departures = [.. Enumerable.Reverse(departures).Take(ListCap).Select(View)],
            DepartureCount = departures.Count,
            NetByYear = term.Kind == TaxonomyKind.Companies ? NetByYear(arrivals, departures) : [],
            Other = [.. asSubject.Concat(asObject).Where(r => !r.Verb.IsMove()).OrderByDescending(r => r.Date).Take(ListCap).Select(View)],
            OtherCount = asSubject.Concat(asObject).Count(r => !r.Verb.IsMove()),
        };
    }

    /// <summary>The <c>moves</c> object: latest moves, company-to-company flows and their chart.</summary>
    public MovesView Moves()
    {
        var latest = site.Relations.All.Where(r => r.Verb.IsMove()).Reverse().Take(LatestCount).Select(View).ToList();
        var flows = Flows();
        return new MovesView
        {
            Latest = latest,
            Flows = flows,
            Chart = MovesChart.Render(flows),
            JsonUrl = views.Urls.Link("/relations.json"),
        };
    }

    /// <summary>Company-to-company flows over every person's career line, most people first, then by names.</summary>
    public IReadOnlyList<FlowView> Flows()
    {
        var people = site.Relations.All.Where(r => r.Subject.Kind == TaxonomyKind.People && r.Verb.IsMove())
            .Select(r => r.Subject).DistinctBy(s => s.Key).ToList();
        var flows = new Dictionary<(TermKey, TermKey), (RelationEnd From, RelationEnd To, List<LinkView> People)>();
        foreach (var person in people)
        {
            foreach (var (from, to, _) in CareerLine.Moves(CareerLine.Of(site.Relations.AsSubject(TaxonomyKind.People, person.Key))))
            {
                if (!flows.TryGetValue((from.Key, to.Key), out var flow)) flows[(from.Key, to.Key)] = flow = (from, to, []);
                flow.People.Add(Link(person));
            }
        }
        return [.. flows.Values
            .OrderByDescending(f => f.People.Count)
            .ThenBy(f => f.From.Name, StringComparer.Ordinal)
            .ThenBy(f => f.To.Name, StringComparer.Ordinal)
            .Select(f => new FlowView(Link(f.From), Link(f.To), f.People))];
    }

    /// <summary>A relation for templates.</summary>
    public RelationView View(Relation relation) => new()
    {
        Subject = Link(relation.Subject),
        Verb = relation.Verb.Text(),
        VerbPast = relation.Verb.Past(),
        Object = Link(relation.Object),
        Role = relation.Role ?? "",
        DateIso = Dates.Iso(relation.Date),
        DateText = Dates.Text(relation.Date),
        MonthText = Dates.Month(relation.Date),
        Brief = BriefLink(relation),
    };

    /// <summary>The link of an entity: its page when it has one, else its name alone.</summary>
    public LinkView Link(RelationEnd end) =>
        end.Kind is { } kind && site.Taxonomies[kind].ByKey.ContainsKey(end.Key)
            ? views.TermLink(kind, end.Key)
            : new LinkView(end.Name, "");

    /// <summary>The brief that reported a relation, as title and link.</summary>
    public LinkView? BriefLink(Relation relation)
    {
        if (relation.BriefId is not { } id) return null;
        var card = views.Card(id);
        return new LinkView(card.Title, card.Url);
    }

    private CareerStepView Step(Stint stint) => new()
    {
        Company = Link(stint.Company),
        Role = stint.Role ?? "",
        Started = stint.Start?.Verb == RelationVerb.Founds ? "founded" : "joined",
        FromIso = stint.Start is { } s ? Dates.Iso(s.Date) : "",
        FromText = stint.Start is { } s2 ? Dates.Month(s2.Date) : "",
        ToIso = stint.End is { } e ? Dates.Iso(e.Date) : "",
        ToText = stint.End is { } e2 ? Dates.Month(e2.Date) : "",
        FromBrief = stint.Start is { } s3 ? BriefLink(s3) : null,
        ToBrief = stint.End is { } e3 ? BriefLink(e3) : null,
    };

    private static IReadOnlyList<FlowYearView> NetByYear(List<Relation> arrivals, List<Relation> departures)
    {
        var years = arrivals.Select(r => r.Date.Year).Concat(departures.Select(r => r.Date.Year)).Distinct().OrderDescending();
        return [.. years.Select(year =>
        {
            var (a, d) = (arrivals.Count(r => r.Date.Year == year), departures.Count(r => r.Date.Year == year));
            return new FlowYearView(year, a, d, Signed(a - d));
        })];
    }

    /// <summary>"+2", "0", "−1" (a real minus sign, read correctly by screen readers).</summary>
    private static string Signed(int value) =>
        value > 0 ? "+" + value.ToString(CultureInfo.InvariantCulture)
        : value < 0 ? "\u2212" + (-value).ToString(CultureInfo.InvariantCulture)
        : "0";
}
