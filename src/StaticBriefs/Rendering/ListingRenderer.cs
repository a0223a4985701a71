using StaticBriefs.Diagnostics;
using StaticBriefs.Model;
using StaticBriefs.Output;
using StaticBriefs.Rendering.Markdown;
using StaticBriefs.Rendering.Theme;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Rendering;

/// <summary>
/// The listing pass: home pages, entity pages and indexes, archive, documentation pages, search and 404.
/// Each page is an independent job, so the pass runs them in parallel.
/// </summary>
public sealed class ListingRenderer(
    SiteModel site, ViewFactory views, SiteView siteView, TemplateRunner templates,
    MarkdownRenderer markdown, IOutputSink sink, DiagnosticBag diagnostics)
{
    private readonly EntityCatalog _catalog = new(site.Entities);
    private readonly Relations.RelationViews _relations = new(site, views);
    private readonly Affiliations _affiliations = new(site, views);

    /// <summary>Names on an entity index page's "most named" list.</summary>
    private const int TopTerms = 12;

    /// <summary>Renders only the listing pages that <paramref name="scope"/> names (a partial rebuild in preview).</summary>
    public int RenderSome(RenderScope scope, int maxParallelism)
    {
        var jobs = new List<Action>();
        var pageSize = site.Settings.PageSize;
        var homePages = Math.Max(1, (site.Briefs.Length + pageSize - 1) / pageSize);
        foreach (var number in scope.HomePages) jobs.Add(() => Home(number, homePages, scope.HomePagesChanged.Contains(number)));
        foreach (var ((kind, key), numbers) in scope.TermPages)
        {
            var term = site.TermOf(kind, key);
            var changed = scope.TermPagesChanged.GetValueOrDefault((kind, key));
            jobs.Add(() => TermPages(term, numbers, changed));
        }
        foreach (var year in scope.ArchiveYears) jobs.Add(() => ArchiveYear(year, scope.ArchiveYearPagesChanged.Contains(year)));
        foreach (var year in scope.ArchiveYearPagesChanged.Where(y => !scope.ArchiveYears.Contains(y))) jobs.Add(() => ArchiveYear(year, changed: true, months: false));
        if (scope.ArchiveIndex) jobs.Add(ArchiveIndex);
        foreach (var kind in scope.TermIndexes) jobs.Add(() => TermsIndex(site[kind]));
        if (scope.DocPages) jobs.AddRange(site.Pages.Select(doc => (Action)(() => DocPage(doc))));
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, job => job());
        return jobs.Count;
    }

    /// <summary>Renders every listing page; returns how many pages were written.</summary>
    public int RenderAll(int maxParallelism)
    {
        var jobs = new List<Action>();
        var pageSize = site.Settings.PageSize;
        var homePages = Math.Max(1, (site.Briefs.Length + pageSize - 1) / pageSize);
        for (var n = 1; n <= homePages; n++)
        {
            var number = n;
            jobs.Add(() => Home(number, homePages));
        }
        foreach (var taxonomy in site.Taxonomies.Values.OrderBy(t => t.Kind))
        {
            jobs.Add(() => TermsIndex(taxonomy));
            foreach (var term in taxonomy.ByName) jobs.Add(() => TermPages(term));
        }
        foreach (var doc in site.Pages) jobs.Add(() => DocPage(doc));
        jobs.Add(ArchiveIndex);
        foreach (var (year, _) in ArchivePaths.Years(site)) jobs.Add(() => ArchiveYear(year));
        jobs.Add(Search);
        jobs.Add(NotFound);
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, job => job());
        return jobs.Count;
    }

    private void Write(string layout, string sitePath, PageView page, string? name, object? value, string? file = null, bool changed = false)
    {
        PageWriter.Write(templates, sink, file ?? UrlBuilder.FileFor(sitePath), layout,
            PageGlobals.Create(siteView, page, name, value), sitePath, diagnostics, changed);
    }

    private PageView Page(string kind, string title, string sitePath, string description = "") => new()
    {
        Kind = kind,
        Title = title,
        Description = description.Length > 0 ? description : site.Settings.Description,
        Url = views.Urls.Link(sitePath),
        Permalink = views.Urls.Permalink(sitePath),
        Feeds = SiteFeeds.Links(views.Urls, site.Settings.Title),
    };

    private void Home(int number, int total, bool changed = false)
    {
        var path = UrlBuilder.PagePath("/", number);
        var ids = Enumerable.Range((number - 1) * site.Settings.PageSize, Math.Min(site.Settings.PageSize, site.Briefs.Length - ((number - 1) * site.Settings.PageSize)));
        var title = number == 1 ? site.Settings.Title : $"{site.Settings.Title}, page {number}";
        var page = Page("home", title, path) with
        {
            JsonLd = number == 1 ? new TrustedHtml(JsonLd.WebSite(site.Settings.Title, site.Settings.Description, views.Urls.Permalink("/"))) : TrustedHtml.Empty,
        };
        var cards = views.Cards(ids);
        // The first page sets the newest brief apart as its lead; the rest sit under date headings.
        var lead = number == 1 && cards.Count > 0 ? cards[0] : null;
        var rest = ids.Skip(lead is null ? 0 : 1).Select(id => (site.Briefs[id], views.Card(id))).ToList();
        Write("home", path, page, "list", new ListView(cards, views.Pager("/", number, total))
        {
            Lead = lead,
            Sections = DateSections.Of(rest),
        }, changed: changed);
    }

    private void TermsIndex(Taxonomy taxonomy)
    {
        var byName = taxonomy.ByName.Select(t => views.CountedTermLink(t.Kind, t.Key)).ToList();
        var view = new TermsView(taxonomy.Kind.Key(), taxonomy.Kind.Title(), byName,
            [.. taxonomy.ByCount.Select(t => views.CountedTermLink(t.Kind, t.Key))])
        {
            Top = taxonomy.ByName.Length > (TopTerms * 2) ? [.. taxonomy.ByCount.Take(TopTerms).Select(t => views.CountedTermLink(t.Kind, t.Key))] : [],
            Letters = [.. byName
                .GroupBy(l => Initial(l.Name))
                .OrderBy(g => g.Key == "#" ? "~" : g.Key, StringComparer.Ordinal)
                .Select(g => new LetterGroup(g.Key, "letter-" + (g.Key == "#" ? "other" : g.Key.ToLowerInvariant()), [.. g]))],
        };
        Write("terms", taxonomy.Path, Page("terms", taxonomy.Kind.Title(), taxonomy.Path,
            $"Every {taxonomy.Kind.Singular()} named in {site.Settings.Title}, with how many briefs name it."), "terms", view);
    }

    /// <summary>"A".."Z" for a name starting with a Latin letter (accents folded), else "#".</summary>
    private static string Initial(string name)
    {
        var folded = Text.CharacterFolding.FoldText(name.TrimStart()).Normalize(System.Text.NormalizationForm.FormD);
        var first = folded.Length > 0 ? char.ToUpperInvariant(folded[0]) : '#';
        return char.IsAsciiLetterUpper(first) ? first.ToString() : "#";
    }

    /// <summary>All pages of one term (or those <paramref name="only"/> names) in one job, so co-mentions are computed once.</summary>
    private void TermPages(Term term, IReadOnlySet<int>? only = null, IReadOnlySet<int>? changed = null)
    {
        var pages = Math.Max(1, (term.Count + site.Settings.PageSize - 1) / site.Settings.PageSize);
        var (coMentions, related) = views.Neighbours(term);
        for (var number = 1; number <= pages; number++)
        {
            if (only is null || only.Contains(number)) TermPage(term, number, pages, coMentions, related, changed?.Contains(number) ?? false);
        }
    }

    private void TermPage(Term term, int number, int total, IReadOnlyList<LinkView> coMentions, IReadOnlyList<LinkGroup> related, bool changed = false)
    {
        var path = UrlBuilder.PagePath(term.Path, number);
        var ids = term.BriefIds.Skip((number - 1) * site.Settings.PageSize).Take(site.Settings.PageSize).ToList();
        var entity = term.Entity;
        var feeds = site.Settings.HasEntityFeeds;
        var view = new TermView
        {
            Name = term.Name,
            Kind = term.Kind.Key(),
            KindSingular = term.Kind.Singular(),
            KindTitle = term.Kind.Title(),
            KindUrl = views.Urls.Link(site.Taxonomies[term.Kind].Path),
            Count = term.Count,
            Description = entity?.Description ?? "",
            Website = entity?.Website ?? "",
            Briefs = views.Cards(ids),
            // Each card leaves out the entity's own chip: every card on the page would repeat it.
            Timeline = DateSections.Of([.. ids.Select(id => (site.Briefs[id], views.CardWithout(id, term.Kind, term.Key)))]),
            Pager = views.Pager(term.Path, number, total),
            CoMentions = coMentions,
            Related = related,
            PeopleNow = term.Kind == TaxonomyKind.Companies ? _affiliations.PeopleNowAt(term.Key) : [],
            PeopleBefore = term.Kind == TaxonomyKind.Companies ? _affiliations.PeopleFormerlyAt(term.Key) : [],
            CompaniesInBriefs = term.Kind == TaxonomyKind.People && entity is not null
                ? Affiliations.CompaniesInBriefs(term, OwnCompanies(entity), site, views)
                : [],
            Chart = number == 1 ? ActivityChart.For(term, site, "activity") : null,
            CurrentCompanies = entity is null ? [] : views.CompanyLinks(entity.Current, _catalog),
            // A company left twice (two stints, or an alias and its name) is one company to the reader.
            PastCompanies = entity is null ? [] : [.. views.CompanyLinks(entity.Past, _catalog).Distinct()],
            // Career lines and flows describe the entity, not the page of its timeline: page 1 only.
            Relations = number == 1 ? _relations.OfTerm(term) : null,
            FeedUrl = feeds ? views.Urls.Link(term.Path + "feed.xml") : "",
            JsonFeedUrl = feeds ? views.Urls.Link(term.Path + "feed.json") : "",
        };
        var title = number == 1 ? term.Name : $"{term.Name}, page {number}";
        var description = entity?.Description is { Length: > 0 } d ? d : $"Briefs naming the {term.Kind.Singular()} {term.Name}.";
        var permalink = views.Urls.Permalink(term.Path);
        var page = Page("term", title, path, description) with
        {
            JsonLd = new TrustedHtml(JsonLd.Entity(term.Kind, term.Name, entity?.Description ?? "", entity?.Website ?? "", permalink)),
        };
        // Without entity feeds the page offers the site's, as every other page does.
        if (feeds)
        {
            page = page with
            {
                Feeds = [
                    new FeedLink($"{term.Name} (Atom)", view.FeedUrl, "application/atom+xml"),
                    new FeedLink($"{term.Name} (JSON Feed)", view.JsonFeedUrl, "application/feed+json"),
                ],
            };
        }
        Write("term", path, page, "term", view, changed: changed);
    }

    /// <summary>A person's companies, now and before, as the keys their briefs tag.</summary>
    private HashSet<TermKey> OwnCompanies(EntityDefinition person) =>
        [.. person.Current.Concat(person.Past).Select(name => _catalog.Resolve(TaxonomyKind.Companies, name))];

    private void DocPage(DocPage doc)
    {
        var source = doc.Source;
        var body = markdown.Render(source.BodySource, source.RelativePath, source.BodyFirstLine, diagnostics);
        Write("page", doc.Path, Page("page", source.Title, doc.Path, source.Summary ?? "") with
        {
            Image = views.ImagePermalink(source),
            ImageAlt = source.Image?.Alt ?? "",
        }, "doc",
            new DocView(source.Title, new TrustedHtml(body.Html), body.Toc, source.Extra));
    }

    private void ArchiveIndex() =>
        Write("archive", ArchivePaths.Index, Page("archive", "Archive", ArchivePaths.Index, $"Every brief in {site.Settings.Title}, by year and month."),
            "archive", views.Archive(null));

    /// <summary>
    /// A year's archive page (written without a fingerprint when <paramref name="changed"/>), and its month pages when the
    /// year is split into months, unless not <paramref name="months"/>.
    /// </summary>
    private void ArchiveYear(int year, bool changed = false, bool months = true)
    {
        var path = ArchivePaths.Year(year);
        var yearText = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var view = views.Archive(year);
        Write("archive", path, Page("archive", "Archive " + yearText, path, $"Every brief of {yearText} in {site.Settings.Title}, by month."),
            "archive", view, changed: changed);
        if (!months || view.Year!.MonthPages.Count == 0) return;
        foreach (var month in ArchivePaths.Years(site).Single(y => y.Year == year).Ids.Select(id => site.Briefs[id].Date.Month).Distinct())
        {
            var monthView = views.Archive(year, month);
            var monthPath = ArchivePaths.Month(year, month);
            Write("archive", monthPath, Page("archive", "Archive " + monthView.Month!.Label, monthPath,
                $"Every brief of {monthView.Month.Label} in {site.Settings.Title}."), "archive", monthView);
        }
    }

    private void Search() =>
        Write("search", "/search/", Page("search", "Search", "/search/", $"Search every brief in {site.Settings.Title}."), null, null);

    private void NotFound() =>
        Write("404", "/404.html", Page("404", "Page not found", "/404.html") with { NoIndex = true }, null, null, "404.html");
}
