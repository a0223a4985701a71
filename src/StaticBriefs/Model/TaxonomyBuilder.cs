using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using StaticBriefs.Text;

namespace StaticBriefs.Model;

/// <summary>Computes every taxonomy once from the whole brief set: term -> briefs (newest first), names, slugs, sort orders.</summary>
public static class TaxonomyBuilder
{
    /// <summary>Builds the three taxonomies; <paramref name="unknown"/> holds each brief's tags no entity has, by brief id.</summary>
    public static ImmutableDictionary<TaxonomyKind, Taxonomy> Build(
        ImmutableArray<Brief> briefs, IReadOnlyList<ImmutableArray<UnknownTag>> unknown, EntityCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(unknown);
        // The kinds share nothing: each is built on its own core.
        var built = new Taxonomy[TaxonomyKinds.All.Length];
        Parallel.For(0, built.Length, i => built[i] = BuildOne(TaxonomyKinds.All[i], briefs, unknown, catalog));
        return TaxonomyKinds.All.Select((kind, i) => (kind, i)).ToImmutableDictionary(k => k.kind, k => built[k.i]);
    }

    private static Taxonomy BuildOne(TaxonomyKind kind, ImmutableArray<Brief> briefs, IReadOnlyList<ImmutableArray<UnknownTag>> unknown, EntityCatalog catalog)
    {
        // Counted first, so each term's ids go straight into an array of its size (growing lists cost copies and
        // collections at 10,000 briefs, after every preview edit).
        var slots = new Dictionary<TermKey, Members>();
        foreach (var brief in briefs)
        {
            foreach (var key in brief.TermsOf(kind))
            {
                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(slots, key, out _);
                (slot ??= new Members()).Count++;
            }
        }
        foreach (var slot in slots.Values) slot.Ids = new int[slot.Count];
        var spellings = new Dictionary<TermKey, Dictionary<string, int>>();
        foreach (var brief in briefs)
        {
            foreach (var key in brief.TermsOf(kind))
            {
                var slot = slots[key];
                slot.Ids[slot.Filled++] = brief.Id;
            }
            // A known entity is named by its data; only the spellings of other names are counted.
            foreach (var tag in unknown[brief.Id])
            {
                if (tag.Kind != kind) continue;
                if (!spellings.TryGetValue(tag.Key, out var counts)) spellings[tag.Key] = counts = new(StringComparer.Ordinal);
                counts[tag.Mention.Name] = counts.GetValueOrDefault(tag.Mention.Name) + 1;
            }
        }

        var usedSlugs = new HashSet<string>(StringComparer.Ordinal);
        var terms = new List<Term>(slots.Count);
        // Slugs are handed out in key order so a collision always resolves the same way.
        foreach (var key in slots.Keys.OrderBy(k => k.Value, StringComparer.Ordinal))
        {
            var entity = catalog.Find(kind, key.Value) ?? FindByKey(catalog, kind, key);
            var name = entity?.Name ?? MostUsed(spellings[key]);
            var slug = Slugger.Slugify(name);
            if (!usedSlugs.Add(slug))
            {
                slug = slug + "-" + Slugger.StableHash(key.Value)[..6];
                usedSlugs.Add(slug);
            }
            // Brief ids are assigned newest first, so ascending ids are newest-first order.
            terms.Add(new Term { Kind = kind, Key = key, Name = name, Slug = slug, BriefIds = ImmutableCollectionsMarshal.AsImmutableArray(slots[key].Ids), Entity = entity });
        }

        var byName = terms
            .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(t => t.Key.Value, StringComparer.Ordinal)
            .ToImmutableArray();
        var byCount = terms
            .OrderByDescending(t => t.Count)
            .ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(t => t.Key.Value, StringComparer.Ordinal)
            .ToImmutableArray();
        return new Taxonomy { Kind = kind, ByName = byName, ByCount = byCount, ByKey = terms.ToFrozenDictionary(t => t.Key) };
    }

    /// <summary>One term's brief ids while they are gathered.</summary>
    private sealed class Members
    {
        public int Count;
        public int Filled;
        public int[] Ids = [];
    }

    private static EntityDefinition? FindByKey(EntityCatalog catalog, TaxonomyKind kind, TermKey key) =>
        catalog.Entities.FirstOrDefault(e => e.Kind == kind && TermKey.From(e.Name) == key);

    /// <summary>The spelling most briefs use; ties go to the ordinally smallest so the choice is reproducible.</summary>
    private static string MostUsed(Dictionary<string, int> counts) =>
        counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key;
}
