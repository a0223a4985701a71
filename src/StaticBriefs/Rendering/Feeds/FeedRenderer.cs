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
    private readonly System.Collections.Concurrent.ConcurrentBag<FeedEncoders> _encoders = [];

    /// <summary>
    /// The entries of the feeds being written, each brief's made and encoded once (<see cref="SharedEntries"/>). A
    /// cached build hashes each feed's spec (<see cref="IPageMemo.KeyOf"/>) and its hasher remembers an entry by
    /// reference: one object for all the feeds that show a brief is hashed once (an entry made again for each feed held
    /// 300 MiB more in the hasher).
    /// </summary>
    private SharedEntries? _entries;

    /// <summary>
    /// False to write every entry in every feed, as before entries were encoded once: tests compare the two renders.
    /// </summary>
    internal bool CopiesEncodedEntries { get; init; } = true;

    /// <summary>Entries the last render holds still: none once it has written its feeds.</summary>
    internal int LiveEntries => _entries?.Live ?? 0;

    /// <summary>The most entries the last render held at once.</summary>
    internal int PeakEntries => _entries?.Peak ?? 0;

    /// <summary>Writes every feed; <paramref name="rendered"/> supplies the newest briefs' HTML.</summary>
    public int RenderAll(IReadOnlyList<RenderedBrief> rendered, int maxParallelism) =>
        Render(rendered, maxParallelism, siteFeed: true, [.. site.Taxonomies.Values.SelectMany(t => t.ByName)]);

    /// <summary>Writes the feeds <paramref name="scope"/> names.</summary>
    public int RenderSome(IReadOnlyList<RenderedBrief> rendered, RenderScope scope, int maxParallelism) =>
        Render(rendered, maxParallelism, scope.SiteFeed, [.. scope.TermFeeds.Select(t => site.TermOf(t.Kind, t.Key))]);

    private int Render(IReadOnlyList<RenderedBrief> rendered, int maxParallelism, bool siteFeed, List<Term> terms)
    {
        var settings = site.Settings;
        var size = settings.FeedEntries;
        if (!settings.HasEntityFeeds) terms = [];
        // The site feed shows whole briefs; entity feeds show them without their bodies when the settings say so.
        var summary = settings.EntityFeeds != EntityFeeds.Full;
        List<int> newest = siteFeed ? [.. site.Briefs.Take(size).Select(b => b.Id)] : [];
        var entries = _entries = new SharedEntries(site.Briefs.Length);
        // A cached build hashes whole entries; a brief's relations go in front of its content in its entities' feeds.
        var hashed = sink is IPageMemo { KeepsFilesByKey: true };
        foreach (var id in newest) entries.Count(id, summary: false, whole: hashed || !site.Relations.OfBrief(id).IsEmpty);
        foreach (var term in terms)
        {
            foreach (var id in term.BriefIds.Take(size)) entries.Count(id, summary, whole: hashed || !site.Relations.OfBrief(id).IsEmpty);
        }

        if (siteFeed) WriteFeed("/", settings.Title, settings.Description, newest, summary: false, null, rendered);
        // Each worker takes the next term in order: the entries held are those of terms near the walk's front. Split
        // into ranges (the default for a list), each worker's walk would hold its own.
        var partitions = System.Collections.Concurrent.Partitioner.Create(terms, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(partitions, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, term =>
            WriteFeed(term.Path, $"{term.Name} - {settings.Title}",
                term.Entity?.Description ?? $"Briefs naming the {term.Kind.Singular()} {term.Name}.",
                term.BriefIds.Take(size), summary, term, rendered));
        return 2 * (terms.Count + (siteFeed ? 1 : 0));
    }

    /// <summary>
    /// Writes the feed of <paramref name="path"/> (the site's, or <paramref name="term"/>'s, whose entries carry their
    /// relations with it), then lets go of its entries.
    /// </summary>
    private void WriteFeed(string path, string title, string description, IEnumerable<int> ids, bool summary, Term? term,
        IReadOnlyList<RenderedBrief> rendered)
    {
        var shared = _entries!;
        var taken = new List<SharedEntry>();
        var entries = new List<FeedEntry>();
        var encoded = new List<SharedEntry?>();
        foreach (var id in ids)
        {
            var slot = shared.Take(id, summary, () => summary ? SummaryEntry(site.Briefs[id]) : Entry(site.Briefs[id], rendered[id]));
            taken.Add(slot);
            // Read once: another feed may put the entry without its content in its place (it is encoded then).
            var shown = slot.Entry;
            var entry = term is null ? shown : WithRelations(shown, id, term);
            entries.Add(entry);
            // An entry with the term's relations is this feed's own: it is written here, not copied.
            encoded.Add(ReferenceEquals(entry, shown) ? slot : null);
        }
        var settings = site.Settings;
        Write(path, new FeedSpec(title, description, views.Urls.Permalink(path), views.Urls.Permalink(path + "feed.xml"),
            views.Urls.Permalink(path + "feed.json"), settings.Author ?? settings.Title, settings.Language, entries), encoded);
        foreach (var slot in taken) shared.Release(slot);
    }

    /// <summary>
    /// Writes a feed's two files. With a memo (a cached build) a file made from an equal spec by the last build is kept
    /// as it is: the spec is what both writers read, so hashing it costs far less than writing XML and JSON again.
    /// The writers write UTF-8 into a buffer kept for the next feed: a feed holds its briefs' whole HTML, and made as
    /// a string then encoded it was three large objects a file (1 GiB at 10,000 briefs, collected as the oldest kind).
    /// Entries shown in other feeds too are copied as encoded once (made here if no feed has needed them yet).
    /// </summary>
    private void Write(string path, FeedSpec spec, List<SharedEntry?> encoded)
    {
        var atom = path.TrimStart('/') + "feed.xml";
        var json = path.TrimStart('/') + "feed.json";
        // Only where files are kept by key: elsewhere an entry encoded both ways may have let go of its content.
        var key = sink is IPageMemo { KeepsFilesByKey: true } memo ? memo.KeyOf(spec) : null;
        var encoders = _encoders.TryTake(out var idle) ? idle : new FeedEncoders();
        try
        {
            WriteOne(atom, key, encoders.Buffer, output => AtomFeedWriter.Write(spec, output, CopiesEncodedEntries ? [.. encoded.Select(e => e?.Atom(encoders))] : null));
            WriteOne(json, key, encoders.Buffer, output => JsonFeedWriter.Write(spec, output, CopiesEncodedEntries ? [.. encoded.Select(e => e?.Json(encoders))] : null, encoders));
        }
        finally
        {
            _encoders.Add(encoders);
        }
    }

    private void WriteOne(string file, string? key, MemoryStream buffer, Action<Stream> writer)
    {
        var memo = key is null ? null : sink as IPageMemo;
        if (memo is not null && memo.TryKeepFile(file, key!)) return;
        buffer.SetLength(0);
        writer(buffer);
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

    /// <summary>
    /// The entry without the brief's body (<see cref="EntityFeeds.Summary"/>): title, summary and link. Only the site's
    /// newest briefs keep their HTML then (BriefsInFeeds), and it is not read for this.
    /// </summary>
    private FeedEntry SummaryEntry(Brief brief) => MakeEntry(brief, null, linksAbsolute: true);

    private FeedEntry Entry(Brief brief, RenderedBrief rendered) => MakeEntry(brief, rendered.ContentHtml, rendered.LinksAbsolute);

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
