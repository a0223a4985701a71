using System.Collections.Frozen;
using StaticBriefs.Model;

namespace StaticBriefs.Rendering.Views;

/// <summary>
/// Who works where, from <c>_data/people.yml</c>'s <c>current</c> and <c>past</c> lists, indexed both ways once per
/// build: a company page lists the people now and formerly there, a person's page their companies. Dated relations
/// (joins and leaves) will sit beside these as a "moves" section.
/// </summary>
public sealed class Affiliations
{
    private readonly FrozenDictionary<TermKey, (List<LinkView> Now, List<LinkView> Before)> _byCompany;

    /// <summary>Indexes every person's companies.</summary>
    public Affiliations(SiteModel site, ViewFactory views)
    {
        var catalog = new EntityCatalog(site.Entities);
        var map = new Dictionary<TermKey, (List<LinkView> Now, List<LinkView> Before)>();
        var people = site.Taxonomies[TaxonomyKind.People].ByKey;
        foreach (var person in site.Entities.Where(e => e.Kind == TaxonomyKind.People))
        {
            var key = TermKey.From(person.Name);
            var link = people.ContainsKey(key) ? views.TermLink(TaxonomyKind.People, key) : new LinkView(person.Name, "");
            foreach (var (names, now) in new[] { (person.Current, true), (person.Past, false) })
            {
                foreach (var company in names)
                {
                    var companyKey = catalog.Resolve(TaxonomyKind.Companies, company);
                    if (!map.TryGetValue(companyKey, out var lists)) map[companyKey] = lists = ([], []);
                    var list = now ? lists.Now : lists.Before;
                    if (!list.Contains(link)) list.Add(link);
                }
            }
        }
        // People with pages first (most briefs first), then by name: the ones a reader can follow lead.
        foreach (var (now, before) in map.Values)
        {
            now.Sort(Compare);
            before.Sort(Compare);
        }
        _byCompany = map.ToFrozenDictionary();
    }

    /// <summary>People who work at the company now.</summary>
    public IReadOnlyList<LinkView> PeopleNowAt(TermKey company) =>
        _byCompany.TryGetValue(company, out var lists) ? lists.Now : [];

    /// <summary>People who worked at the company before (and are not there now).</summary>
    public IReadOnlyList<LinkView> PeopleFormerlyAt(TermKey company) =>
        _byCompany.TryGetValue(company, out var lists) ? [.. lists.Before.Where(p => !lists.Now.Contains(p))] : [];

    /// <summary>
    /// The person's own companies (<paramref name="companies"/>: now and before) as their briefs name them, with the
    /// first and last year they appear together, newest last appearance first: the person's companies over time as
    /// the briefs tell it. Other companies a brief names are left out: beside "Now at" and "Previously" they would
    /// read as employers (they are in "Often mentioned with").
    /// </summary>
    public static IReadOnlyList<CompanySpan> CompaniesInBriefs(
        Term person, IReadOnlySet<TermKey> companies, SiteModel site, ViewFactory views, int max = 8)
    {
        var spans = new Dictionary<TermKey, (int First, int Last, int Count)>();
        foreach (var id in person.BriefIds)
        {
            var brief = site.Briefs[id];
            foreach (var company in brief.Companies)
            {
                if (!companies.Contains(company)) continue;
                var year = brief.Date.Year;
                spans[company] = spans.TryGetValue(company, out var s)
                    ? (Math.Min(s.First, year), Math.Max(s.Last, year), s.Count + 1)
                    : (year, year, 1);
            }
        }
        return [.. spans
            .OrderByDescending(s => s.Value.Last).ThenByDescending(s => s.Value.Count)
            .ThenBy(s => views.TermLink(TaxonomyKind.Companies, s.Key).Name, StringComparer.OrdinalIgnoreCase)
            .Take(max)
            .Select(s => new CompanySpan(views.TermLink(TaxonomyKind.Companies, s.Key), s.Value.First, s.Value.Last, s.Value.Count))];
    }

    private static int Compare(LinkView a, LinkView b)
    {
        var linked = (b.Url.Length > 0).CompareTo(a.Url.Length > 0);
        if (linked != 0) return linked;
        var count = b.Count.CompareTo(a.Count);
        return count != 0 ? count : StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name);
    }
}

/// <summary>A company in a person's briefs: the years they appear together.</summary>
/// <param name="Company">The company's link.</param>
/// <param name="FirstYear">First year of a brief naming both.</param>
/// <param name="LastYear">Last year of a brief naming both.</param>
/// <param name="Count">Briefs naming both.</param>
public sealed record CompanySpan(LinkView Company, int FirstYear, int LastYear, int Count)
{
    /// <summary>"2024" or "2019–2024".</summary>
    public string Years => FirstYear == LastYear
        ? FirstYear.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{FirstYear}–{LastYear}");
}
