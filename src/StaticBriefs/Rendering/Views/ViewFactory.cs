using System.Collections.Frozen;
using System.Collections.Immutable;
using StaticBriefs.Model;

namespace StaticBriefs.Rendering.Views;

/// <summary>
/// Builds the objects templates see from the frozen site model. Cards and term links are made once per build
/// and shared, so listing pages do no per-page formatting work.
/// </summary>
public sealed class ViewFactory : IDisposable
{
    private readonly SiteModel _site;
    /// <summary>
    /// Each brief's card, made the first time it is asked for: preview makes a factory after every edit and renders a
    /// few pages, which need a few hundred of 10,000 cards. A card is a value of its brief, so two threads making the
    /// same one at once make equal cards, and the first stored is kept.
    /// </summary>
    private readonly BriefCard?[] _cards;
    private readonly FrozenDictionary<(TaxonomyKind, TermKey), LinkView> _termLinks;
    private readonly FrozenDictionary<(TaxonomyKind, TermKey), LinkView> _countedLinks;
    private readonly RelatedRanking _ranking;
    private readonly int[]?[] _related;
    private readonly CardCarry? _carry;

    /// <summary>Prepares the shared views of a site.</summary>
    public ViewFactory(SiteModel site) : this(site, null, null)
    {
    }

    /// <summary>
    /// Prepares the shared views of a site after an edit of the site <paramref name="before"/> shows, whose briefs had the
    /// ids <paramref name="idsBefore"/> (by source file): cards that come out the same are its card objects.
    /// </summary>
    public ViewFactory(SiteModel site, ViewFactory? before, IReadOnlyDictionary<string, int>? idsBefore)
    {
        _site = site;
        Urls = new UrlBuilder(site.Settings.BaseUrl);
        // Under another base path every link differs, so no earlier card can be the same.
        _carry = before is null || idsBefore is null || before.Urls.BasePath != Urls.BasePath ? null : new CardCarry(before._cards, before._site.Briefs, idsBefore);
        // Links name a term without its count, so a brief tagged elsewhere changes no page that only links to the term
        // (cards, chips, career lines): only the index pages, which show counts, take the counted links.
        // A link that comes out the same as before the edit is the earlier object, as cards are: a carried card's chips
        // are then the new links themselves (compared by reference), and the view hasher knows their hashes.
        var earlier = _carry is null ? null : before;
        _termLinks = site.Taxonomies.Values
            .SelectMany(t => t.ByName)
            .ToFrozenDictionary(t => (t.Kind, t.Key), t => Same(earlier?._termLinks, (t.Kind, t.Key), new LinkView(t.Name, Urls.Link(t.Path))));
        _countedLinks = _termLinks.ToFrozenDictionary(p => p.Key,
            p => Same(earlier?._countedLinks, p.Key, p.Value with { Count = site.TermOf(p.Key.Item1, p.Key.Item2).Count }));
        _cards = new BriefCard?[site.Briefs.Length];
        _ranking = new RelatedRanking(site);
        _related = new int[]?[site.Briefs.Length];
    }

    /// <summary>
    /// The views of <paramref name="site"/>, which differs from this factory's site only in the sources of the briefs
    /// <paramref name="changed"/> (same ids, dates, slugs and terms): everything else, related lists included, is shared.
    /// </summary>
    private ViewFactory(ViewFactory previous, SiteModel site, IReadOnlyCollection<int> changed)
    {
        _site = site;
        Urls = previous.Urls;
        _termLinks = previous._termLinks;
        _countedLinks = previous._countedLinks;
        _cards = (BriefCard?[])previous._cards.Clone();
        foreach (var id in changed) _cards[id] = null;
        _ranking = new RelatedRanking(site, previous._ranking.Ticks);
        _related = (int[]?[])previous._related.Clone();
    }

    /// <summary>See the private constructor: views for a site whose briefs <paramref name="changed"/> only in content.</summary>
    public ViewFactory WithChangedContent(SiteModel site, IReadOnlyCollection<int> changed) => new(this, site, changed);

    /// <summary>The ids of a brief's related briefs (see <see cref="Related"/>), computed once and kept.</summary>
    public IReadOnlyList<int> RelatedIds(int briefId) => KeptRelatedIds(briefId);

    private int[] KeptRelatedIds(int briefId) => Volatile.Read(ref _related[briefId]) ?? RelatedIdsOf(_site.Briefs[briefId], 5);

    /// <summary>Ids of the briefs whose related lists name <paramref name="briefId"/>, computing the lists not yet made.</summary>
    public IReadOnlyList<int> RelatedTo(int briefId)
    {
        var found = new List<int>();
        for (var id = 0; id < _related.Length; id++)
        {
            if (Array.IndexOf(KeptRelatedIds(id), briefId) >= 0) found.Add(id);
        }
        return found;
    }

    /// <summary>Link helper for this site.</summary>
    public UrlBuilder Urls { get; }

    /// <summary>The card of a brief.</summary>
    public BriefCard Card(int briefId)
    {
        if (Volatile.Read(ref _cards[briefId]) is { } card) return card;
        var brief = _site.Briefs[briefId];
        BriefCard made;
        if (_carry?.Earlier(brief) is not var (before, was)) made = MakeCard(brief);
        else if (Shows(was, before, brief)) made = was;
        else
        {
            made = MakeCard(brief);
            if (SameCard(was, made)) made = was;
        }
        return Interlocked.CompareExchange(ref _cards[briefId], made, null) ?? made;
    }

    /// <summary>The link to a term (name and URL; no count).</summary>
    public LinkView TermLink(TaxonomyKind kind, TermKey key) => _termLinks[(kind, key)];

    /// <summary>The link to a term with how many briefs name it, for the pages that list terms with their counts.</summary>
    public LinkView CountedTermLink(TaxonomyKind kind, TermKey key) => _countedLinks[(kind, key)];

    /// <summary>Links to the terms of one kind a brief names, in the order written (at most <paramref name="max"/>).</summary>
    public IReadOnlyList<LinkView> TermLinks(Brief brief, TaxonomyKind kind, int max = int.MaxValue)
    {
        // A plain loop into an array of the right size: every card of a listing makes three of these (an add at 10,000
        // briefs makes 10,000 cards), and the iterators and growing lists of Take/Select were half of making a card.
        var keys = brief.TermsOf(kind);
        var count = Math.Min(keys.Length, max);
        if (count <= 0) return [];
        var links = new LinkView[count];
        for (var i = 0; i < count; i++) links[i] = _termLinks[(kind, keys[i])];
        return links;
    }

    /// <summary>Cards of a slice of brief ids.</summary>
    public IReadOnlyList<BriefCard> Cards(IEnumerable<int> briefIds) => [.. briefIds.Select(Card)];

    /// <summary>
    /// Pager for page <paramref name="number"/> of <paramref name="total"/> of a listing. Only the first, last and
    /// nearby pages get links: a 1,000-page listing must not put 1,000 links on each of its pages.
    /// </summary>
    public PagerView Pager(string listingPath, int number, int total)
    {
        var pages = new List<PagerLink>();
        for (var n = 1; n <= total; n++)
        {
            if (n == 1 || n == total || Math.Abs(n - number) <= 2)
                pages.Add(new PagerLink(n, Urls.Link(UrlBuilder.PagePath(listingPath, n)), n == number));
        }
        return new PagerView(
            number, total,
            number > 1 ? Urls.Link(UrlBuilder.PagePath(listingPath, number - 1)) : "",
            number < total ? Urls.Link(UrlBuilder.PagePath(listingPath, number + 1)) : "",
            pages);
    }

    /// <summary>
    /// Every year with its briefs and its links, grouped once for all archive pages (each shows every year's links;
    /// grouping the whole site again for each of them made the archive pages of a large site quadratic). The views
    /// are immutable, so the pages share them.
    /// </summary>
    private ArchiveYears YearsForArchive() =>
        LazyInitializer.EnsureInitialized(ref _archiveYears, () =>
        {
            var all = ArchivePaths.Years(_site);
            return new ArchiveYears(all, [.. all
                .Select(y => new ArchiveYearLink(y.Year, y.Ids.Count, Urls.Link(ArchivePaths.Year(y.Year)),
                    [.. y.Ids.GroupBy(id => _site.Briefs[id].Date.Month)
                        .Select(m => new LinkView(Dates.Month(_site.Briefs[m.First()].Date), MonthUrl(y.Year, m.Key, y.Ids.Count), m.Count()))]))]);
        });

    private sealed record ArchiveYears(IReadOnlyList<(int Year, IReadOnlyList<int> Ids)> All, IReadOnlyList<ArchiveYearLink> Links);

    private ArchiveYears? _archiveYears;

    /// <summary>Groups cards by month, keeping their order (newest first).</summary>
    public static IReadOnlyList<MonthGroup> ByMonth(IEnumerable<(Brief Brief, BriefCard Card)> items) =>
        [.. items
            .GroupBy(i => Dates.MonthId(i.Brief.Date))
            .Select(g => new MonthGroup(Dates.Month(g.First().Brief.Date), g.Key, [.. g.Select(i => i.Card)]))];

    /// <summary>
    /// The archive index (<paramref name="year"/> null), one year's page, or (with <paramref name="month"/>) the page of
    /// one month of a year that is split into months (see <see cref="ArchivePaths.IsSplit"/>).
    /// </summary>
    public ArchiveView Archive(int? year, int? month = null)
    {
        var (all, years) = YearsForArchive();
        if (year is null) return new ArchiveView(years, null);
        var ids = all.Single(y => y.Year == year).Ids;
        var months = ids.GroupBy(id => _site.Briefs[id].Date.Month).ToList();
        if (!ArchivePaths.IsSplit(ids.Count))
            return new ArchiveView(years, new YearGroup(year.Value, ids.Count, ByMonth(ids.Select(id => (_site.Briefs[id], Card(id))))));
        var links = years.Single(y => y.Year == year).Months;
        var group = new YearGroup(year.Value, ids.Count, []) { MonthPages = links };
        if (month is null) return new ArchiveView(years, group);
        var at = months.FindIndex(m => m.Key == month);
        var monthIds = months[at].ToList();
        return new ArchiveView(years, group)
        {
            Month = new MonthGroup(Dates.Month(_site.Briefs[monthIds[0]].Date), Dates.MonthId(_site.Briefs[monthIds[0]].Date), Cards(monthIds)),
            NewerMonth = at > 0 ? links[at - 1] : null,
            OlderMonth = at + 1 < links.Count ? links[at + 1] : null,
        };
    }

    /// <summary>A month's link from the archive: its own page in a split year, else its heading on the year's page.</summary>
    private string MonthUrl(int year, int month, int yearCount) =>
        ArchivePaths.IsSplit(yearCount)
            ? Urls.Link(ArchivePaths.Month(year, month))
            : Urls.Link(ArchivePaths.Year(year)) + "#m-" + year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture) + "-" + month.ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A brief's card as an entity's page shows it: without that entity's own chip, which every card there would
    /// repeat. A new object each time, so <c>card_html</c> renders it without keeping it (see TemplateRunner).
    /// </summary>
    public BriefCard CardWithout(int briefId, TaxonomyKind kind, TermKey key)
    {
        var card = Card(briefId);
        var own = _termLinks[(kind, key)];
        return kind switch
        {
            TaxonomyKind.Companies => card with { Companies = [.. card.Companies.Where(l => l != own)], Transient = true },
            TaxonomyKind.People => card with { People = [.. card.People.Where(l => l != own)], Transient = true },
            _ => card with { Topics = [.. card.Topics.Where(l => l != own)], Transient = true },
        };
    }

    /// <summary>Up to <paramref name="count"/> briefs sharing the most entities with a brief (people and companies weigh more than topics).</summary>
    public IReadOnlyList<BriefCard> Related(Brief brief, int count = 5)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var ids = count == 5 ? RelatedIds(brief.Id) : RelatedIdsOf(brief, count);
        var cards = new BriefCard[ids.Count];
        for (var i = 0; i < cards.Length; i++) cards[i] = Card(ids[i]);
        return cards;
    }

    /// <summary>
    /// The ids behind <see cref="Related"/>, best first; the five of a brief are kept (preview and a planned build ask
    /// which briefs' lists changed: ids, no cards). Thread-safe.
    /// </summary>
    private int[] RelatedIdsOf(Brief brief, int count)
    {
        var ids = _ranking.Best(brief, count);
        if (count == 5) Volatile.Write(ref _related[brief.Id], ids);
        return ids;
    }

    /// <summary>
    /// The entities most often named in the same briefs as a term, with how many briefs they share: the first
    /// <paramref name="count"/>, and up to <paramref name="perKind"/> of each kind. One count of the term's briefs
    /// gives both, which a term page shows (counting twice was a tenth of the listing stage).
    /// </summary>
    public (IReadOnlyList<LinkView> CoMentions, IReadOnlyList<LinkGroup> Related) Neighbours(Term term, int count = 12, int perKind = 6)
    {
        var ranked = Ranked(term, Math.Max(count, perKind));
        return ([.. ranked.Take(count).Select(c => c.Link)], ByKind(ranked, perKind));
    }

    private static List<LinkGroup> ByKind(List<(TaxonomyKind Kind, LinkView Link)> ranked, int perKind) =>
        [.. TaxonomyKinds.All
            .Select(kind => new LinkGroup(kind.Key(), kind.Title(), [.. ranked.Where(c => c.Kind == kind).Take(perKind).Select(c => c.Link)]))
            .Where(g => g.Links.Count > 0)];

    /// <summary>
    /// The entities named with <paramref name="term"/>, most shared briefs first, then by name, then in the order
    /// first met: the first <paramref name="keep"/> of each kind, so the first <paramref name="keep"/> of all are
    /// among them. Kept while counting, since sorting every co-mentioned entity (a topic's are most of the site's)
    /// and copying each one's link was most of the cost.
    /// </summary>
    private List<(TaxonomyKind Kind, LinkView Link)> Ranked(Term term, int keep)
    {
        var counts = new Dictionary<(TaxonomyKind, TermKey), int>();
        foreach (var id in term.BriefIds)
        {
            var brief = _site.Briefs[id];
            foreach (var kind in TaxonomyKinds.All)
            {
                foreach (var key in brief.TermsOf(kind))
                {
                    if (kind == term.Kind && key == term.Key) continue;
                    counts[(kind, key)] = counts.GetValueOrDefault((kind, key)) + 1;
                }
            }
        }
        var best = new List<Mention>(3 * keep);
        var kept = new Dictionary<TaxonomyKind, List<Mention>>();
        var order = 0;
        foreach (var ((kind, key), shared) in counts)
        {
            var mention = new Mention(shared, _termLinks[(kind, key)], order++, kind);
            if (!kept.TryGetValue(kind, out var list)) kept[kind] = list = new List<Mention>(keep + 1);
            if (list.Count == keep && Mention.Compare(mention, list[^1]) >= 0) continue;
            var at = list.Count;
            while (at > 0 && Mention.Compare(mention, list[at - 1]) < 0) at--;
            list.Insert(at, mention);
            if (list.Count > keep) list.RemoveAt(keep);
        }
        foreach (var list in kept.Values) best.AddRange(list);
        best.Sort(Mention.Compare);
        return [.. best.Select(m => (m.Kind, m.Link with { Count = m.Shared }))];
    }

    private readonly record struct Mention(int Shared, LinkView Link, int Order, TaxonomyKind Kind)
    {
        public static int Compare(Mention a, Mention b)
        {
            if (a.Shared != b.Shared) return b.Shared.CompareTo(a.Shared);
            var byName = StringComparer.OrdinalIgnoreCase.Compare(a.Link.Name, b.Link.Name);
            return byName != 0 ? byName : a.Order.CompareTo(b.Order);
        }
    }

    /// <summary>Links to companies named in a person's affiliation list (pages when the company has briefs).</summary>
    public IReadOnlyList<LinkView> CompanyLinks(IEnumerable<string> names, EntityCatalog catalog) =>
        [.. names.Select(name =>
        {
            var key = catalog.Resolve(TaxonomyKind.Companies, name);
            return _termLinks.TryGetValue((TaxonomyKind.Companies, key), out var link)
                ? link
                : new LinkView(catalog.Find(TaxonomyKind.Companies, name)?.Name ?? name, "");
        })];

    /// <summary>A document's own image as a link: a site path under the base path, an absolute URL as it is; empty without one.</summary>
    public string ImageLink(SourceDocument source) =>
        _site.Images.TryGetValue(source.RelativePath, out var image) ? LinkTo(image) : "";

    /// <summary>A document's own image as an absolute URL, for social cards and structured data; empty without one.</summary>
    public string ImagePermalink(SourceDocument source) =>
        !_site.Images.TryGetValue(source.RelativePath, out var image) ? ""
        : image.StartsWith('/') ? Urls.Permalink(image) : image;

    /// <summary>A site path under the base path; anything else (an absolute or relative URL) as it is.</summary>
    private string LinkTo(string url) => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? Urls.Link(url) : url;

    /// <inheritdoc/>
    public void Dispose() => _ranking.Dispose();

    /// <summary>
    /// True when <paramref name="card"/>, made for <paramref name="before"/>, is the card <paramref name="brief"/> would
    /// make now, checked without making it: the same document object (title, summary, authors, image text), path and
    /// date (under the same base path: see the constructor), the same author fallback and image link, and term links equal to the ones
    /// its chips show. Making and comparing cost about a quarter of the listing pages an add dated mid-site shifts.
    /// </summary>
    private bool Shows(BriefCard card, Brief before, Brief brief) =>
        ReferenceEquals(brief.Source, before.Source) && brief.Path == before.Path && brief.Date == before.Date
        && card.Author == (brief.Source.Author ?? _site.Settings.Author ?? "")
        && card.Image == ImageLink(brief.Source)
        && ShowsLinks(card.Companies, brief, TaxonomyKind.Companies)
        && ShowsLinks(card.People, brief, TaxonomyKind.People)
        && ShowsLinks(card.Topics, brief, TaxonomyKind.Topics);

    /// <summary>The chips a card shows for one kind are the term links of the brief's first terms of that kind.</summary>
    private bool ShowsLinks(IReadOnlyList<LinkView> chips, Brief brief, TaxonomyKind kind)
    {
        var shown = 0;
        foreach (var key in brief.TermsOf(kind))
        {
            if (shown == ContentCaps.ChipsPerCard) break;
            if (shown >= chips.Count || chips[shown] != _termLinks[(kind, key)]) return false;
            shown++;
        }
        return shown == chips.Count;
    }

    /// <summary>The link <paramref name="links"/> held under <paramref name="key"/> when it equals <paramref name="made"/>, else <paramref name="made"/>.</summary>
    private static LinkView Same(FrozenDictionary<(TaxonomyKind, TermKey), LinkView>? links, (TaxonomyKind, TermKey) key, LinkView made) =>
        links is not null && links.TryGetValue(key, out var link) && link == made ? link : made;

    /// <summary>Equal cards, their link lists compared item by item (a record compares lists by reference).</summary>
    private static bool SameCard(BriefCard a, BriefCard b) =>
        a with { Authors = b.Authors, Companies = b.Companies, People = b.People, Topics = b.Topics } == b
        && a.Authors.SequenceEqual(b.Authors) && a.Companies.SequenceEqual(b.Companies)
        && a.People.SequenceEqual(b.People) && a.Topics.SequenceEqual(b.Topics);

    private BriefCard MakeCard(Brief brief)
    {
        var source = brief.Source;
        return new BriefCard
        {
            Title = source.Title,
            Url = Urls.Link(brief.Path),
            DateIso = Dates.Iso(brief.Date),
            DateText = Dates.Text(brief.Date),
            Summary = source.Summary ?? "",
            SummaryDerived = source.SummaryDerived,
            Author = source.Author ?? _site.Settings.Author ?? "",
            Authors = [.. source.Authors.Select(a => new LinkView(a.Name, a.Url is null ? "" : LinkTo(a.Url)))],
            Image = ImageLink(source),
            ImageAlt = source.Image?.Alt ?? "",
            // A card is repeated on every listing that shows the brief: its chips are capped (the brief's page has all).
            Companies = TermLinks(brief, TaxonomyKind.Companies, ContentCaps.ChipsPerCard),
            People = TermLinks(brief, TaxonomyKind.People, ContentCaps.ChipsPerCard),
            Topics = TermLinks(brief, TaxonomyKind.Topics, ContentCaps.ChipsPerCard),
        };
    }
}
