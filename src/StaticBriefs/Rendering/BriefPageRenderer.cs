using StaticBriefs.Diagnostics;
using StaticBriefs.Model;
using StaticBriefs.Model.Relations;
using StaticBriefs.Output;
using StaticBriefs.Rendering.Markdown;
using StaticBriefs.Rendering.Theme;
using StaticBriefs.Rendering.Views;
using StaticBriefs.Search;

namespace StaticBriefs.Rendering;

/// <summary>
/// The brief pass: for each brief, in parallel, markdown -> page HTML -> sink, and its search document to the index.
/// Nothing of a page is kept after it is written, so memory does not grow with the site.
/// </summary>
public sealed class BriefPageRenderer(
    SiteModel site, ViewFactory views, SiteView siteView, TemplateRunner templates,
    MarkdownRenderer markdown, IOutputSink sink, SearchIndexBuilder search, DiagnosticBag diagnostics)
{
    /// <summary>Briefs in the site-wide feed.</summary>
    public const int FeedSize = 20;

    private readonly Relations.RelationViews _relations = new(site, views);
    private readonly string _siteRoot = views.Urls.Permalink("/");
    private readonly bool _bodiesKept = markdown.Memo is not null;
    /// <summary>Draws each brief's social card, or null when the site turned them off (or they cannot be drawn).</summary>
    public Social.SocialImages? Social { get; init; }

    // Only the briefs some feed shows keep their HTML, so memory does not grow with the site.
    private readonly HashSet<int> _inFeeds = Feeds.FeedRenderer.BriefsInFeeds(site);

    /// <summary>Sections from which a brief shows its contents (beside the text on wide screens).</summary>
    public const int SectionsForContents = 3;

    /// <summary>Reading time from which the contents also show on phones, where they sit above the text.</summary>
    public const int MinutesForContentsOnPhones = 3;

    /// <summary>Renders every brief page; the result is indexed by brief id.</summary>
    public RenderedBrief[] RenderAll(int maxParallelism)
    {
        var results = new RenderedBrief[site.Briefs.Length];
        Parallel.For(0, site.Briefs.Length, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism },
            i => results[i] = Render(site.Briefs[i]));
        return results;
    }

    /// <summary>Renders the pages of <paramref name="ids"/> only, into their slots of <paramref name="results"/>.</summary>
    public void RenderSome(IReadOnlyCollection<int> ids, RenderedBrief[] results, int maxParallelism) =>
        Parallel.ForEach(ids, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism },
            id => results[id] = Render(site.Briefs[id]));

    private RenderedBrief Render(Brief brief)
    {
        var source = brief.Source;
        var body = markdown.Render(source.BodySource, source.RelativePath, source.BodyFirstLine, diagnostics);
        var card = views.Card(brief.Id) with { ReadingMinutes = body.ReadingMinutes };
        var permalink = views.Urls.Permalink(brief.Path);
        var updated = source.Updated is { } u ? Dates.Iso(u) : null;
        var sources = SourceLinkFilter.SafeSources(source, diagnostics);
        var view = new BriefView
        {
            Card = card,
            Content = new TrustedHtml(body.Html),
            Toc = body.Toc,
            Sources = sources,
            SourceLinks = [.. sources.Select(SourceView.From)],
            // Beside the text a contents list costs nothing; above it on a phone it only earns its place on a longer read.
            ShowToc = body.Toc.Length >= SectionsForContents,
            TocOnPhones = body.ReadingMinutes >= MinutesForContentsOnPhones,
            UpdatedIso = updated ?? "",
            UpdatedText = source.Updated is { } u2 ? Dates.Text(u2) : "",
            Previous = brief.Id + 1 < site.Briefs.Length ? views.Card(brief.Id + 1) : null,
            Next = brief.Id > 0 ? views.Card(brief.Id - 1) : null,
            Related = views.Related(brief),
            Extra = source.Extra,
            Companies = views.TermLinks(brief, TaxonomyKind.Companies),
            People = views.TermLinks(brief, TaxonomyKind.People),
            Topics = views.TermLinks(brief, TaxonomyKind.Topics),
            Relations = _relations.OfBrief(brief),
        };
        var page = new PageView
        {
            Kind = "brief",
            Title = source.Title,
            Description = source.Summary ?? "",
            Url = card.Url,
            Permalink = permalink,
            Image = views.ImagePermalink(source),
            ImageAlt = card.ImageAlt,
            OgType = "article",
            JsonLd = new TrustedHtml(JsonLd.Article(card, permalink, site.Settings.Title, updated, views.ImagePermalink(source), views.Urls)),
            Feeds = SiteFeeds.Links(views.Urls, site.Settings.Title),
        };
        page = WithImage(page, brief, card);
        PageWriter.Write(templates, sink, UrlBuilder.FileFor(brief.Path), "brief",
            PageGlobals.Create(siteView, page, "brief", view), brief.Path, diagnostics);

        search.Add(SearchDocumentOf(site, brief, view.Companies, view.People, view.Topics, body.PlainText) with
        {
            Headings = body.Headings,
            Lead = body.Lead,
        });
        if (!_inFeeds.Contains(brief.Id)) return new RenderedBrief(brief.Id, null, body.WordCount);
        // Where the cache keeps the body's HTML the brief shares that string (a copy with absolute links would double
        // what preview holds: 130 MiB more at 10,000 briefs); elsewhere only the copy feeds read is kept.
        return _bodiesKept
            ? new RenderedBrief(brief.Id, body.Html, body.WordCount)
            : RenderedBrief.Compact(brief.Id, Feeds.FeedHtml.Absolute(body.Html, _siteRoot), body.WordCount, linksAbsolute: true);
    }

    /// <summary>
    /// A brief's search document without its body's headings and lead; a cached build restores the index of briefs it
    /// does not render from this and the key of the text they were tokenized from.
    /// </summary>
    internal static SearchDocument SearchDocumentOf(
        SiteModel site, Brief brief, IEnumerable<LinkView> companies, IEnumerable<LinkView> people, IEnumerable<LinkView> topics, string bodyText) =>
        new(brief.Id, brief.Path, brief.Source.Title, brief.Source.Summary ?? "", brief.Date,
            [.. companies.Select(c => c.Name)], [.. people.Select(c => c.Name)], [.. topics.Select(c => c.Name)], bodyText)
        {
            Verbs = [.. site.Relations.OfBrief(brief.Id).Select(r => r.Verb).Distinct().Order().Select(v => v.Text())],
            Source = brief.Source.RelativePath,
        };

    /// <summary>
    /// The page's <c>og:image</c>: the brief's own image when its front matter names one (resolved in the model, see
    /// <see cref="Model.ImageResolver"/>), else its generated card.
    /// </summary>
    private PageView WithImage(PageView page, Brief brief, BriefCard card)
    {
        if (page.Image.Length > 0 || Social is null) return page;
        var path = Social.Publish(brief, card, sink);
        return page with
        {
            Image = views.Urls.Permalink(path),
            ImageAlt = card.Title,
            ImageWidth = Rendering.Social.SocialCard.Width,
            ImageHeight = Rendering.Social.SocialCard.Height,
        };
    }
}
