using System.Collections.Immutable;
using StaticBriefs.Model;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Incremental;

/// <summary>
/// Two site models, before and after an edit, compared by what stays stable across them: a brief's source path (its id
/// is its place by date, which an added or moved brief shifts) and an entity's key. Every question is answered in one
/// pass over the briefs or the entities, with no rendering.
/// </summary>
internal sealed class ModelDiff
{
    private readonly IReadOnlyDictionary<string, int> _oldIds;
    private readonly IReadOnlyDictionary<string, int> _newIds;

    /// <param name="before">The site before the edit.</param>
    /// <param name="after">The site after it.</param>
    /// <param name="oldIds">The old site's brief ids by source path, when known (preview keeps them).</param>
    public ModelDiff(SiteModel before, SiteModel after, IReadOnlyDictionary<string, int>? oldIds = null)
    {
        Before = before;
        After = after;
        // Made when first asked: most look-ups find a brief where the other model has it (PlaceOf), without either.
        _oldIds = oldIds ?? LiveState.BriefIdsOf(before);
        _newIds = LiveState.BriefIdsOf(after);
        foreach (var taxonomy in after.Taxonomies.Values)
        {
            foreach (var term in taxonomy.ByName)
            {
                if (!before[term.Kind].ByKey.TryGetValue(term.Key, out var old)) continue;
                TermRenamed |= old.Name != term.Name || old.Slug != term.Slug;
            }
        }
        TermsAddedOrRemoved = TaxonomyKinds.All.Any(k =>
            before[k].ByName.Length != after[k].ByName.Length || after[k].ByName.Any(t => !before[k].ByKey.ContainsKey(t.Key)));
    }

    public SiteModel Before { get; }

    public SiteModel After { get; }

    /// <summary>An entity kept its key but not its name or slug (its links on every page change).</summary>
    public bool TermRenamed { get; }

    /// <summary>An entity gained its first brief or lost its last (entity auto-links may change in any body).</summary>
    public bool TermsAddedOrRemoved { get; }

    /// <summary>The new site's brief ids by source path.</summary>
    public IReadOnlyDictionary<string, int> AfterIds => _newIds;

    public int? OldId(string sourcePath) => _oldIds.TryGetValue(sourcePath, out var id) ? id : null;

    /// <summary>
    /// The new id of the brief from <paramref name="sourcePath"/>: looked for near its old place first (an edited
    /// brief mostly stays there or moves a few places), by path only when it is not there.
    /// </summary>
    public int? NewId(string sourcePath) => OldId(sourcePath) is { } old
        ? PlaceOf(After.Briefs, sourcePath, old, _newIds) is var id and >= 0 ? id : null
        : _newIds.TryGetValue(sourcePath, out var found) ? found : null;

    /// <summary>Old ids mapped to new ids; a brief no longer published maps to -1.</summary>
    public IEnumerable<int> NewIds(IEnumerable<int> oldIds)
    {
        var newOf = NewOf;
        return oldIds.Select(id => newOf[id]);
    }

    /// <summary>Each old id whose brief is still published, with its new id.</summary>
    public Dictionary<int, int> IdMap() => _idMap ??= MakeIdMap();

    private Dictionary<int, int>? _idMap;
    private int[]? _newOf;
    private int[]? _oldOf;

    /// <summary>The new id of each old id (-1: no longer published); made once (see <see cref="Places"/>).</summary>
    public int[] NewOf => _newOf ??= Places(Before.Briefs, After.Briefs, _newIds);

    /// <summary>The old id of each new id (-1: newly published).</summary>
    public int[] OldOf => _oldOf ??= Places(After.Briefs, Before.Briefs, _oldIds);

    /// <summary>
    /// The id in <paramref name="to"/> of each brief of <paramref name="from"/> (-1: not there), found by source path.
    /// Two models an edit apart hold the same briefs in the same order but a few: each brief is looked for first where
    /// the one before it was found, one place on (all briefs after an added or removed one are one place off), then
    /// near there, and by path (<paramref name="byPath"/>) only when not found near. Looking every brief up by path,
    /// and making the new model's table of paths to do so, was a tenth of planning a cached edit at 10,000 briefs.
    /// </summary>
    internal static int[] Places(ImmutableArray<Brief> from, ImmutableArray<Brief> to, IReadOnlyDictionary<string, int> byPath)
    {
        var places = new int[from.Length];
        var shift = 0;
        for (var i = 0; i < from.Length; i++)
        {
            var path = from[i].Source.RelativePath;
            var guess = i + shift;
            var found = (uint)guess < (uint)to.Length && string.Equals(to[guess].Source.RelativePath, path, StringComparison.Ordinal)
                ? to[guess].Id
                : PlaceOf(to, path, guess, byPath);
            places[i] = found;
            if (found >= 0) shift = found - i;
        }
        return places;
    }

    /// <summary>How far either side of a guess a brief is looked for before it is looked up by path.</summary>
    private const int Near = 64;

    /// <summary>
    /// The id of the brief from <paramref name="path"/> in <paramref name="briefs"/>, looked for near <paramref name="guess"/>
    /// first, while the table by path is not made yet (once it is, a look-up there is cheaper than the search); -1 when none.
    /// </summary>
    private static int PlaceOf(ImmutableArray<Brief> briefs, string path, int guess, IReadOnlyDictionary<string, int> byPath)
    {
        for (var d = 0; d <= Near && byPath is not BriefIds { Made: true }; d++)
        {
            foreach (var at in (ReadOnlySpan<int>)[guess - d, guess + d])
            {
                if ((uint)at < (uint)briefs.Length && string.Equals(briefs[at].Source.RelativePath, path, StringComparison.Ordinal)) return briefs[at].Id;
                if (d == 0) break;
            }
        }
        return byPath.TryGetValue(path, out var id) ? id : -1;
    }

    private Dictionary<int, int> MakeIdMap()
    {
        var newOf = NewOf;
        var map = new Dictionary<int, int>(newOf.Length);
        for (var old = 0; old < newOf.Length; old++)
        {
            if (newOf[old] >= 0) map[old] = newOf[old];
        }
        return map;
    }

    /// <summary>True when the new site's brief at <paramref name="id"/> is the old site's at <paramref name="old"/> (both may be past the end).</summary>
    private bool SameBriefAt(int id, int old)
    {
        var newIn = id >= 0 && id < After.Briefs.Length;
        var oldIn = old >= 0 && old < Before.Briefs.Length;
        return newIn && oldIn ? OldOf[id] == old : newIn == oldIn;
    }

    /// <summary>True when two id lists (both in new ids) differ, or the new one holds a changed brief.</summary>
    public bool TopChanged(IEnumerable<int> thenAsNewIds, IEnumerable<int> now, IReadOnlySet<int> changed)
    {
        var list = now.ToList();
        return !thenAsNewIds.SequenceEqual(list) || list.Any(changed.Contains);
    }

    /// <summary>Briefs whose previous or next brief is another one now, or one that <paramref name="moved"/>.</summary>
    public IEnumerable<int> WithNewNeighbours(IReadOnlySet<int> moved)
    {
        var oldOf = OldOf;
        for (var id = 0; id < oldOf.Length; id++)
        {
            if (oldOf[id] is var old && old < 0) continue;
            if (!SameBriefAt(id - 1, old - 1) || !SameBriefAt(id + 1, old + 1) || moved.Contains(id - 1) || moved.Contains(id + 1))
                yield return id;
        }
    }

    /// <summary>
    /// Briefs whose related list changed, or names a brief that moved. Only briefs sharing an entity with a brief that
    /// moved, was added or was removed (before or after) can score differently, so only those are compared.
    /// </summary>
    public IEnumerable<int> WithNewRelated(ViewFactory beforeViews, ViewFactory afterViews, IReadOnlySet<int> moved)
    {
        var candidates = new HashSet<int>();
        foreach (var id in moved) AddMembers(candidates, After, After.Briefs[id], null);
        var newOf = NewOf;
        for (var then = 0; then < newOf.Length; then++)
        {
            if (newOf[then] < 0 || moved.Contains(newOf[then])) AddMembers(candidates, Before, Before.Briefs[then], this);
        }
        var oldOf = OldOf;
        // Thousands of candidates when a brief in a large topic moves, each scoring its related briefs before and after:
        // compared on every core (the lists are kept per factory, thread-safe).
        var ids = candidates.Where(id => !moved.Contains(id) && oldOf[id] >= 0).ToArray();
        var changed = new bool[ids.Length];
        Parallel.For(0, ids.Length, i =>
        {
            var related = afterViews.RelatedIds(ids[i]);
            changed[i] = related.Any(moved.Contains) || !NewIds(beforeViews.RelatedIds(oldOf[ids[i]])).SequenceEqual(related);
        });
        for (var i = 0; i < ids.Length; i++)
        {
            if (changed[i]) yield return ids[i];
        }
    }

    /// <summary>Adds the briefs sharing an entity with <paramref name="brief"/> (as new ids when <paramref name="map"/> is given).</summary>
    private static void AddMembers(HashSet<int> into, SiteModel site, Brief brief, ModelDiff? map)
    {
        foreach (var kind in TaxonomyKinds.All)
        {
            foreach (var key in brief.TermsOf(kind))
            {
                var members = site.TermOf(kind, key).BriefIds;
                foreach (var id in map is null ? members : map.NewIds(members)) if (id >= 0) into.Add(id);
            }
        }
    }

    /// <summary>Home pages whose slice of briefs changed (all of them when the number of pages did: each names the last).</summary>
    public HashSet<int> ChangedSlices(IReadOnlySet<int> moved)
    {
        var pageSize = After.Settings.PageSize;
        var pagesAfter = Math.Max(1, (After.Briefs.Length + pageSize - 1) / pageSize);
        var pagesBefore = Math.Max(1, (Before.Briefs.Length + pageSize - 1) / pageSize);
        if (pagesAfter != pagesBefore) return [.. Enumerable.Range(1, pagesAfter)];
        var pages = new HashSet<int>();
        for (var id = 0; id < After.Briefs.Length; id++)
        {
            if (moved.Contains(id) || !SameBriefAt(id, id)) pages.Add((id / pageSize) + 1);
        }
        return pages;
    }

    /// <summary>
    /// Home pages on which some place links to another brief page than before, or is filled or emptied (a brief added,
    /// removed or moved past it): their HTML differs. A brief whose file was renamed keeps its URL and its place.
    /// </summary>
    public HashSet<int> ShiftedSlices() =>
        ShiftedPages(Before.Briefs.Length, After.Briefs.Length, id => Before.Briefs[id].Path, id => After.Briefs[id].Path);

    /// <summary>As <see cref="ShiftedSlices"/>, the pages of an entity's listing (none for an entity new or gone).</summary>
    public HashSet<int> ShiftedTermPages(TaxonomyKind kind, TermKey key)
    {
        if (!Before[kind].ByKey.TryGetValue(key, out var then) || !After[kind].ByKey.TryGetValue(key, out var now)) return [];
        return ShiftedPages(then.Count, now.Count, i => Before.Briefs[then.BriefIds[i]].Path, i => After.Briefs[now.BriefIds[i]].Path);
    }

    /// <summary>Pages (from 1) of the new list on which some place holds another URL than before, or is filled or emptied.</summary>
    private HashSet<int> ShiftedPages(int countBefore, int countAfter, Func<int, string> pathBefore, Func<int, string> pathAfter)
    {
        var pageSize = After.Settings.PageSize;
        var pages = new HashSet<int>();
        var pagesAfter = (countAfter + pageSize - 1) / pageSize;
        for (var at = 0; at < Math.Max(countAfter, countBefore); at++)
        {
            var page = (at / pageSize) + 1;
            if (page > pagesAfter) break;
            if (at >= countAfter || at >= countBefore || pathAfter(at) != pathBefore(at)) pages.Add(page);
        }
        return pages;
    }

    /// <summary>Kinds of entity with an entity added, removed or named by another number of briefs.</summary>
    public HashSet<TaxonomyKind> KindsWithNewCounts() =>
        [.. TaxonomyKinds.All.Where(kind =>
            Before[kind].ByName.Length != After[kind].ByName.Length
            || After[kind].ByName.Any(t => !Before[kind].ByKey.TryGetValue(t.Key, out var old) || old.Count != t.Count))];

    /// <summary>
    /// Archive years whose briefs changed, or hold a brief that moved: their year page and month pages are rendered.
    /// </summary>
    public HashSet<int> ChangedYears(IReadOnlySet<int> moved)
    {
        var before = ArchivePaths.Years(Before).ToDictionary(y => y.Year, y => y.Ids);
        var years = new HashSet<int>();
        foreach (var (year, ids) in ArchivePaths.Years(After))
        {
            if (ids.Any(moved.Contains) || !before.TryGetValue(year, out var old) || !NewIds(old).SequenceEqual(ids)) years.Add(year);
        }
        return years;
    }

    /// <summary>
    /// Every archive year when a year came or went, else none: each year's page lists all the years, so each differs from
    /// the last build's; a month page shows its own year's briefs only, and stands.
    /// </summary>
    public HashSet<int> YearPagesShifted()
    {
        var before = ArchivePaths.Years(Before).Select(y => y.Year).ToHashSet();
        var after = ArchivePaths.Years(After).Select(y => y.Year).ToHashSet();
        return before.SetEquals(after) ? [] : after;
    }

    /// <summary>Entities that are new, or whose briefs are not the same briefs in the same order.</summary>
    public HashSet<(TaxonomyKind Kind, TermKey Key)> TermsWithNewMembers()
    {
        var terms = new HashSet<(TaxonomyKind, TermKey)>();
        foreach (var taxonomy in After.Taxonomies.Values)
        {
            foreach (var term in taxonomy.ByName)
            {
                if (!Before[term.Kind].ByKey.TryGetValue(term.Key, out var old) || !SameMembers(old, term)) terms.Add((term.Kind, term.Key));
            }
        }
        return terms;
    }

    private bool SameMembers(Term before, Term after)
    {
        if (before.Count != after.Count) return false;
        // The same brief is the one of the same source file: through the ids' map, not the two briefs' paths (a string
        // compare after two look-ups into 10,000 briefs, for every member of every entity).
        var newOf = NewOf;
        for (var i = 0; i < after.Count; i++)
        {
            if (newOf[before.BriefIds[i]] != after.BriefIds[i]) return false;
        }
        return true;
    }

    /// <summary>
    /// Entities whose data (description, website, affiliations) changed, and the companies a changed person is or was
    /// at: company pages list the people now and formerly there.
    /// </summary>
    public HashSet<(TaxonomyKind Kind, TermKey Key)> TermsWithNewData()
    {
        var hasher = new ViewHasher();
        var terms = new HashSet<(TaxonomyKind, TermKey)>();
        var catalogs = (Before: new EntityCatalog(Before.Entities), After: new EntityCatalog(After.Entities));
        var oldDefinitions = Before.Entities.ToLookup(e => (e.Kind, e.Name));
        foreach (var entity in After.Entities)
        {
            var old = oldDefinitions[(entity.Kind, entity.Name)].ToList();
            if (old.Count == 1 && hasher.Hash(Shown(old[0])) == hasher.Hash(Shown(entity))) continue;
            terms.Add((entity.Kind, catalogs.After.Resolve(entity.Kind, entity.Name)));
            if (entity.Kind != TaxonomyKind.People) continue;
            foreach (var company in entity.Current.Concat(entity.Past).Concat(old.SelectMany(o => o.Current.Concat(o.Past))))
                terms.Add((TaxonomyKind.Companies, catalogs.After.Resolve(TaxonomyKind.Companies, company)));
        }
        return terms;
    }

    /// <summary>
    /// An entity as pages show it: where it is written in its data file only serves messages, and an entry added above
    /// it moves every later one without changing what they say.
    /// </summary>
    private static EntityDefinition Shown(EntityDefinition entity) => entity with
    {
        Line = 0,
        Column = 0,
        AliasPositions = [],
        Affiliations = [.. entity.Affiliations.Select(a => a with { At = default })],
    };

    /// <summary>A relation as pages show it (see <see cref="Shown(EntityDefinition)"/>).</summary>
    public static Model.Relations.Relation Shown(Model.Relations.Relation relation) => relation with { At = default };
}
