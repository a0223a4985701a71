using StaticBriefs.Model;
using StaticBriefs.Rendering;
using StaticBriefs.Rendering.Feeds;
using StaticBriefs.Rendering.Markdown;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Incremental;

/// <summary>What a partial rebuild renders, removes and carries over after an edit (see <see cref="EditPlanner"/>).</summary>
/// <param name="Scope">The pages and files to render again (ids are the new site's).</param>
/// <param name="NewIds">Each old brief id whose brief is still published, with its new id.</param>
/// <param name="Removed">Output files the new site no longer makes.</param>
/// <param name="ContentOnly">
/// True when every changed brief kept its place, terms and card: the search index's facets and ids stand.
/// </param>
/// <param name="BriefIds">The new site's brief ids by source path.</param>
internal sealed record EditPlan(
    RenderScope Scope, IReadOnlyDictionary<int, int> NewIds, IReadOnlySet<string> Removed, bool ContentOnly,
    IReadOnlyDictionary<string, int> BriefIds);

/// <summary>
/// The dependency map of a briefing site, read off the site model before and after an edit rather than stored:
/// which pages show which briefs and entities follows from the model (a brief's page shows its neighbours and related
/// briefs; listings show slices of a date-ordered list; an entity's pages show its briefs, co-mentions, relations and
/// affiliations). Comparing the two models by source path finds every page whose inputs changed; each of those is
/// then fingerprinted and rendered only when its view differs, so the plan may be generous but never short.
/// </summary>
internal static class EditPlanner
{
    /// <summary>The plan, or null when the edit changes something every page shows (the full build handles it).</summary>
    public static EditPlan? Plan(
        SiteModel before, ViewFactory beforeViews, SiteModel after, ViewFactory afterViews, SiteEdit edit, MarkdownRenderer markdown,
        IReadOnlyList<RenderedBrief> renderedBefore, IReadOnlyDictionary<string, int>? idsBefore = null)
    {
        if (!SameEntityNames(before, after) || !before.Redirects.SequenceEqual(after.Redirects)) return null;
        var model = new ModelDiff(before, after, idsBefore);
        if (model.TermRenamed) return null;

        // The briefs that changed, split by what they can change: their own page and feeds only, or their place too.
        var moved = new HashSet<int>();
        var content = new HashSet<int>();
        var linksChanged = model.TermsAddedOrRemoved;
        foreach (var path in edit.ChangedPaths)
        {
            var then = model.OldId(path);
            var now = model.NewId(path);
            linksChanged |= before.PathsBySource.GetValueOrDefault(path) != after.PathsBySource.GetValueOrDefault(path)
                || before.Unpublished.GetValueOrDefault(path) != after.Unpublished.GetValueOrDefault(path);
            if (now is not { } id) continue;
            if (then is { } old && SamePlace(before.Briefs[old], after.Briefs[id], beforeViews.Card(old), afterViews.Card(id), before, after))
                content.Add(id);
            else moved.Add(id);
        }
        var removedBriefs = before.Briefs.Length - model.IdMap().Count;
        var contentOnly = moved.Count == 0 && removedBriefs == 0 && !edit.EntitiesChanged;

        var terms = TermsToRender(model, moved, edit);
        var briefs = new HashSet<int>(content);
        briefs.UnionWith(moved);
        if (!contentOnly)
        {
            briefs.UnionWith(model.WithNewNeighbours(moved));
            briefs.UnionWith(model.WithNewRelated(beforeViews, afterViews, moved));
        }
        // The briefs whose text may read differently: feeds carry it.
        var changedForFeeds = new HashSet<int>(content);
        changedForFeeds.UnionWith(moved);
        if (linksChanged)
        {
            // A brief added, moved or deleted, or an entity name added or gone, can change how other bodies link: each
            // body's recorded link look-ups are asked again (on every core: there are as many as briefs; those of bodies
            // left in the cache's pack are read first, a window of records at a time).
            var stale = new bool[after.Briefs.Length];
            markdown.PrepareChecks(Enumerable.Range(0, stale.Length).Where(id => !briefs.Contains(id))
                .Select(id => after.Briefs[id].Source).Select(s => (s.BodySource, s.RelativePath, s.BodyFirstLine)));
            Parallel.For(0, stale.Length, id =>
            {
                var source = after.Briefs[id].Source;
                stale[id] = !briefs.Contains(id) && !markdown.IsCurrent(source.BodySource, source.RelativePath, source.BodyFirstLine);
            });
            for (var id = 0; id < stale.Length; id++)
            {
                if (!stale[id]) continue;
                briefs.Add(id);
                changedForFeeds.Add(id);
            }
        }
        // A brief a feed shows now keeps its HTML for it; one that was in no feed before has none yet.
        foreach (var id in FeedRenderer.BriefsInFeeds(after))
        {
            if (model.OldId(after.Briefs[id].Source.RelativePath) is { } old && !renderedBefore[old].HasContent) briefs.Add(id);
        }
        var scope = new RenderScope
        {
            Briefs = briefs,
            HomePages = contentOnly ? [] : model.ChangedSlices(moved),
            HomePagesChanged = contentOnly ? [] : model.ShiftedSlices(),
            TermPages = terms.ToDictionary(t => t, t => (IReadOnlySet<int>)AllPages(after.TermOf(t.Kind, t.Key).Count, after.Settings.PageSize)),
            TermPagesChanged = contentOnly ? new Dictionary<(TaxonomyKind, TermKey), IReadOnlySet<int>>()
                : terms.ToDictionary(t => t, t => (IReadOnlySet<int>)model.ShiftedTermPages(t.Kind, t.Key)),
            TermData = terms,
            TermFeeds = TermFeeds(model, terms, changedForFeeds),
            TermIndexes = contentOnly ? [] : model.KindsWithNewCounts(),
            ArchiveYears = contentOnly ? [] : model.ChangedYears(moved),
            ArchiveYearPagesChanged = contentOnly ? [] : model.YearPagesShifted(),
            ArchiveIndex = !contentOnly,
            SiteFeed = model.TopChanged(model.NewIds(Enumerable.Range(0, Math.Min(before.Settings.FeedEntries, before.Briefs.Length))),
                Enumerable.Range(0, Math.Min(after.Settings.FeedEntries, after.Briefs.Length)), changedForFeeds),
            Sitemap = !contentOnly || edit.ChangedPaths.Any(p => model.OldId(p) is { } o && model.NewId(p) is { } n
                && before.Briefs[o].Source.Updated != after.Briefs[n].Source.Updated),
            DocPages = linksChanged && after.Pages.Length > 0,
        };
        var removed = contentOnly ? [] : PageFiles.Removed(model);
        return new EditPlan(scope, model.IdMap(), removed, contentOnly, model.AfterIds);
    }

    /// <summary>Pages 1..n of a listing of <paramref name="count"/> briefs.</summary>
    private static HashSet<int> AllPages(int count, int pageSize) => [.. Enumerable.Range(1, Math.Max(1, (count + pageSize - 1) / pageSize))];

    /// <summary>
    /// True when a brief stays where it was: same id, date, terms, relations and card, so only its own page, the
    /// feeds that carry its text and the search index show the edit.
    /// </summary>
    private static bool SamePlace(Brief then, Brief now, BriefCard oldCard, BriefCard newCard, SiteModel before, SiteModel after)
    {
        if (then.Id != now.Id || then.Path != now.Path || then.Date != now.Date || then.Date.Offset != now.Date.Offset) return false;
        foreach (var kind in TaxonomyKinds.All)
        {
            if (!then.TermsOf(kind).SequenceEqual(now.TermsOf(kind))) return false;
        }
        if (!before.Relations.OfBrief(then.Id).SequenceEqual(after.Relations.OfBrief(now.Id))) return false;
        var hasher = new ViewHasher();
        return hasher.Hash(oldCard) == hasher.Hash(newCard);
    }

    /// <summary>Entity names and aliases decide how every tag resolves: a change there takes the full build.</summary>
    private static bool SameEntityNames(SiteModel before, SiteModel after)
    {
        static IEnumerable<string> Names(SiteModel site) => site.Entities
            .Select(e => $"{e.Kind}\u0001{e.Name}\u0001{string.Join('\u0002', e.Aliases)}")
            .Order(StringComparer.Ordinal);
        return Names(before).SequenceEqual(Names(after), StringComparer.Ordinal);
    }

    /// <summary>
    /// Entities whose pages (all of them: co-mentions, charts and relations sit on them) and data files may change:
    /// those with new members, those named by a brief that moved, those whose entity data changed (and the companies a
    /// changed person is or was at), and those in a relation that was added, removed or changed.
    /// </summary>
    private static HashSet<(TaxonomyKind Kind, TermKey Key)> TermsToRender(ModelDiff model, HashSet<int> moved, SiteEdit edit)
    {
        var (before, after) = (model.Before, model.After);
        var terms = model.TermsWithNewMembers();
        foreach (var id in moved)
        {
            foreach (var kind in TaxonomyKinds.All)
            {
                foreach (var key in after.Briefs[id].TermsOf(kind)) terms.Add((kind, key));
            }
        }
        var relations = new List<Model.Relations.Relation>();
        foreach (var path in edit.ChangedPaths)
        {
            if (model.OldId(path) is { } old) relations.AddRange(before.Relations.OfBrief(old));
            if (model.NewId(path) is { } now) relations.AddRange(after.Relations.OfBrief(now));
        }
        if (edit.EntitiesChanged)
        {
            // Relations the data files give (dated affiliations) that differ, and entities whose data differ.
            var then = before.Relations.All.Where(r => r.BriefId is null).Select(ModelDiff.Shown).ToHashSet();
            var now = after.Relations.All.Where(r => r.BriefId is null).Select(ModelDiff.Shown).ToHashSet();
            then.SymmetricExceptWith(now);
            relations.AddRange(then);
            terms.UnionWith(model.TermsWithNewData());
        }
        foreach (var relation in relations)
        {
            foreach (var end in (ReadOnlySpan<Model.Relations.RelationEnd>)[relation.Subject, relation.Object])
            {
                if (end.Kind is { } kind && after[kind].ByKey.ContainsKey(end.Key)) terms.Add((kind, end.Key));
            }
        }
        terms.RemoveWhere(t => !after[t.Kind].ByKey.ContainsKey(t.Key));
        return terms;
    }

    /// <summary>Entity feeds whose entity changed or whose newest entries did: members, order, or the text of one of them.</summary>
    private static HashSet<(TaxonomyKind Kind, TermKey Key)> TermFeeds(
        ModelDiff model, HashSet<(TaxonomyKind Kind, TermKey Key)> terms, HashSet<int> changed)
    {
        // Every entity whose pages are rendered again gets its feeds written again too (its description heads them);
        // the sink keeps those that come out the same.
        var feeds = new HashSet<(TaxonomyKind, TermKey)>(terms);
        var candidates = new HashSet<(TaxonomyKind Kind, TermKey Key)>();
        foreach (var id in changed)
        {
            foreach (var kind in TaxonomyKinds.All)
            {
                foreach (var key in model.After.Briefs[id].TermsOf(kind)) candidates.Add((kind, key));
            }
        }
        foreach (var (kind, key) in candidates)
        {
            var now = model.After.TermOf(kind, key).BriefIds.Take(model.After.Settings.FeedEntries);
            var then = model.Before[kind].ByKey.TryGetValue(key, out var old) ? model.NewIds(old.BriefIds.Take(model.Before.Settings.FeedEntries)) : [];
            if (model.TopChanged(then, now, changed)) feeds.Add((kind, key));
        }
        return feeds;
    }
}
