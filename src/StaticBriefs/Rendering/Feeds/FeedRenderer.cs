using StaticBriefs.Model;
using StaticBriefs.Output;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Rendering.Feeds;

/// <summary>
/// Writes the site feeds (Atom and JSON Feed, the newest <see cref="SiteSettings.FeedEntries"/> briefs, 20 by default) and
/// one pair per entity (its newest as many), with full content whose links and images are absolute (feed readers have no
/// page to resolve a root-relative link against); entity feeds carry summaries only, or are not written, as
/// <see cref="SiteSettings.EntityFeeds"/> says.
/// </summary>
public sealed class FeedRenderer(SiteModel site, ViewFactory views, IOutputSink sink)
{
    /// <summary>
    /// Each brief's entry, made once, when feed files are kept by key (a cached build): a brief shows in the site feed
    /// and in each of its entities' feeds, and the key hashes each entry object once however many feeds share it
    /// (entries made again for every feed held 300 MiB more in the hasher's memory). Without a cache nothing is hashed,
    /// and keeping every entry for the whole build would only hold 120-200 MiB more: they are made for each feed then.
    /// Keyed by id, with the HTML each was made from.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, (string? Html, FeedEntry Entry)>? _entries =
        sink is IPageMemo { KeepsFilesByKey: true } ? new() : null;

    private readonly System.Collections.Concurrent.ConcurrentBag<MemoryStream> _buffers = [];


    /// <summary>Writes every feed; <paramref name="rendered"/> supplies the newest briefs' HTML.</summary>
    public int RenderAll(IReadOnlyList<RenderedBrief> rendered, int maxParallelism) =>
        Render(rendered, maxParallelism, siteFeed: true, [.. site.Taxonomies.Values.SelectMany(t => t.ByName)]);

    /// <summary>Writes the feeds <paramref name="scope"/> names.</summary>
    public int RenderSome(IReadOnlyList<RenderedBrief> rendered, RenderScope scope, int maxParallelism) =>
        Render(rendered, maxParallelism, scope.SiteFeed, [.. scope.TermFeeds.Select(t => site.TermOf(t.Kind, t.Key))]);

    private int Render(IReadOnlyList<RenderedBrief> rendered, int maxParallelism, bool siteFeed, List<Term> terms)
    {
        var settings = site.Settings;
        var author = settings.Author ?? settings.Title;
        if (siteFeed)
        {
            var siteEntries = site.Briefs.Take(settings.FeedEntries).Select(b => Entry(b, rendered[b.Id])).ToList();
            Write("/", new FeedSpec(settings.Title, settings.Description, views.Urls.Permalink("/"),
                views.Urls.Permalink("/feed.xml"), views.Urls.Permalink("/feed.json"), author, settings.Language, siteEntries));
        }

        if (!settings.HasEntityFeeds) terms = [];
        var whole = settings.EntityFeeds == EntityFeeds.Full;
        Parallel.ForEach(terms, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, term =>
        {
            var entries = term.BriefIds.Take(settings.FeedEntries)
                .Select(id => WithRelations(whole ? Entry(site.Briefs[id], rendered[id]) : SummaryEntry(site.Briefs[id], rendered[id]), id, term))
                .ToList();
            Write(term.Path, new FeedSpec($"{term.Name} - {settings.Title}",
                term.Entity?.Description ?? $"Briefs naming the {term.Kind.Singular()} {term.Name}.",
                views.Urls.Permalink(term.Path), views.Urls.Permalink(term.Path + "feed.xml"),
                views.Urls.Permalink(term.Path + "feed.json"), author, settings.Language, entries));
        });
        return 2 * (terms.Count + (siteFeed ? 1 : 0));
    }

    /// <summary>
    /// Writes a feed's two files. With a memo (a cached build) a file made from an equal spec by the last build is kept
    /// as it is: the spec is what both writers read, so hashing it costs far less than writing XML and JSON again.
    /// The writers write UTF-8 into a buffer kept for the next feed: a feed holds its briefs' whole HTML, and made as
    /// a string then encoded it was three large objects a file (1 GiB at 10,000 briefs, collected as the oldest kind).
    /// </summary>
    private void Write(string path, FeedSpec spec)
    {
        var atom = path.TrimStart('/') + "feed.xml";
        var json = path.TrimStart('/') + "feed.json";
        var key = sink is IPageMemo memo ? memo.KeyOf(spec) : null;
        var buffer = _buffers.TryTake(out var idle) ? idle : new MemoryStream(256 * 1024);
        try
        {
            WriteOne(atom, key, buffer, AtomFeedWriter.Write, spec);
            WriteOne(json, key, buffer, JsonFeedWriter.Write, spec);
        }
        finally
        {
            _buffers.Add(buffer);
        }
    }

    private void WriteOne(string file, string? key, MemoryStream buffer, Action<FeedSpec, Stream> writer, FeedSpec spec)
    {
        var memo = key is null ? null : sink as IPageMemo;
        if (memo is not null && memo.TryKeepFile(file, key!)) return;
        buffer.SetLength(0);
        writer(spec, buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (memo is not null) memo.WriteFile(file, bytes, key!);
        else sink.WriteBytes(file, bytes);
    }

    /// <summary>
    /// The ids of the briefs some feed shows whole: the site's newest, and each entity's newest when entity feeds carry
    /// whole briefs (their HTML is kept).
    /// </summary>
    public static HashSet<int> BriefsInFeeds(SiteModel site)
    {
        var size = site.Settings.FeedEntries;
        var ids = new HashSet<int>(Enumerable.Range(0, Math.Min(size, site.Briefs.Length)));
        if (site.Settings.EntityFeeds != EntityFeeds.Full) return ids;
        foreach (var taxonomy in site.Taxonomies.Values)
        {
            foreach (var term in taxonomy.ByName) ids.UnionWith(term.BriefIds.Take(size));
        }
        return ids;
    }

    /// <summary>
    /// The entry as <paramref name="term"/>'s feed shows it: with the relations of the brief that involve the term,
    /// listed above its content too, so a reader sees "Andrej Karpathy joins Anthropic" whatever the body says.
    /// </summary>
    private FeedEntry WithRelations(FeedEntry entry, int briefId, Term term)
    {
        var relations = site.Relations.OfBrief(briefId);
        if (relations.IsEmpty) return entry;
        var involved = relations.Where(r => Involves(r.Subject, term) || Involves(r.Object, term)).Select(Relation).ToList();
        if (involved.Count == 0) return entry;
        return entry with
        {
            Relations = involved,
            ContentHtml = entry.ContentHtml is null ? null : RelationsHtml(involved) + entry.ContentHtml,
        };
    }

    private static bool Involves(Model.Relations.RelationEnd end, Term term) => end.Kind == term.Kind && end.Key == term.Key;

    private FeedRelation Relation(Model.Relations.Relation relation) =>
        new(End(relation.Subject), Model.Relations.RelationVerbs.Text(relation.Verb), End(relation.Object), relation.Role, relation.Date);

    private FeedRelationEnd End(Model.Relations.RelationEnd end) =>
        end.Kind is { } kind && site.Taxonomies[kind].ByKey.TryGetValue(end.Key, out var term)
            ? new FeedRelationEnd(kind.Singular(), end.Name, views.Urls.Permalink(term.Path))
            : new FeedRelationEnd(end.Kind?.Singular() ?? "text", end.Name, null);

    private static string RelationsHtml(List<FeedRelation> relations)
    {
        var html = new System.Text.StringBuilder("<ul class=\"relations\">");
        foreach (var relation in relations) html.Append("<li>").Append(System.Net.WebUtility.HtmlEncode(relation.Text)).Append("</li>");
        return html.Append("</ul>\n").ToString();
    }

    /// <summary>The entry without the brief's body (<see cref="EntityFeeds.Summary"/>): title, summary and link.</summary>
    private FeedEntry SummaryEntry(Brief brief, RenderedBrief rendered)
    {
        // Only the site's newest briefs keep their HTML then (BriefsInFeeds): theirs is left out here.
        var entry = Entry(brief, rendered);
        return entry.ContentHtml is null ? entry : entry with { ContentHtml = null };
    }

    private FeedEntry Entry(Brief brief, RenderedBrief rendered)
    {
        var contentHtml = rendered.ContentHtml;
        if (_entries is null) return MakeEntry(brief, contentHtml, rendered.LinksAbsolute);
        if (_entries.TryGetValue(brief.Id, out var made) && ReferenceEquals(made.Html, contentHtml)) return made.Entry;
        var entry = MakeEntry(brief, contentHtml, rendered.LinksAbsolute);
        _entries[brief.Id] = (contentHtml, entry);
        return entry;
    }

    private FeedEntry MakeEntry(Brief brief, string? contentHtml, bool linksAbsolute)
    {
        if (contentHtml is not null && !linksAbsolute) contentHtml = FeedHtml.Absolute(contentHtml, views.Urls.Permalink("/"));
        var card = views.Card(brief.Id);
        var categories = new List<FeedCategory>();
        foreach (var kind in TaxonomyKinds.All)
        {
            var scheme = views.Urls.Permalink(site[kind].Path);
            foreach (var key in brief.TermsOf(kind))
            {
                var term = site.TermOf(kind, key);
                categories.Add(new FeedCategory(term.Slug, term.Name, kind.Key(), scheme));
            }
        }
        return new FeedEntry(card.Title, views.Urls.Permalink(brief.Path), brief.Date, brief.Source.Updated ?? brief.Date,
            card.Summary, contentHtml, card.Author, categories);
    }
}
