using System.Collections.Immutable;
using System.Text;

namespace StaticBriefs.Search;

/// <summary>
/// Which briefs carry each facet value (company, person, topic, relation verb), Rice-coded, and where each list is stored so that a
/// query counts its facets without a file per value. Facet values shown come from the top results, so their lists
/// travel with those results: a value's list rides in the display data of every brief carrying it. A value in more
/// than a tenth of the briefs would then come several times in one page of results, so those (the most repeated
/// first) go into one shared <c>facets.json</c> of at most <see cref="BundleBytes"/> instead, written only when
/// some value needs it. Values not in it also get a file of their own, <c>facets/{kind}/{key}.json</c>, for a filter
/// opened from a URL. Relation verbs are few (seven at most) and each may be in many briefs: those in more than a
/// tenth of the briefs are always in <c>facets.json</c>, outside the budget of the entities, so a verb's long list
/// never rides in the display data and never pushes an entity's list out of the bundle.
/// </summary>
internal sealed class FacetLists
{
    /// <summary>The shared file's budget: it is part of the first query's bytes.</summary>
    internal const int BundleBytes = 8 * 1024;

    /// <summary>The URL parameter and folder name of each facet kind, with the names it reads from a document.</summary>
    internal static readonly (string Kind, Func<IndexedDocument, ImmutableArray<string>> Names)[] Kinds =
    [
        ("company", static d => d.Companies),
        ("person", static d => d.People),
        ("topic", static d => d.Topics),
        ("verb", static d => d.Verbs),
    ];

    /// <summary>The index of the relation verbs in <see cref="Kinds"/>.</summary>
    internal const int VerbKind = 3;

    private readonly SortedDictionary<string, string>[] _lists;
    private readonly HashSet<(int Kind, string Key)> _bundled;

    private FacetLists(SortedDictionary<string, string>[] lists, HashSet<(int, string)> bundled)
    {
        _lists = lists;
        _bundled = bundled;
    }

    internal static FacetLists Build(IndexedDocument[] sortedDocuments)
    {
        var lists = new SortedDictionary<string, string>[Kinds.Length];
        var costs = new List<(long Cost, int Kind, string Key, int Bytes)>();
        var bundled = new HashSet<(int, string)>();
        var common = sortedDocuments.Length / 10;
        var builder = new StringBuilder();
        for (var k = 0; k < Kinds.Length; k++)
        {
            // Names that fold to one key ("Open AI", "OpenAI") share a list: the key is what the URL carries.
            var ids = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (var document in sortedDocuments)
            {
                foreach (var name in Kinds[k].Names(document))
                {
                    var key = SearchNormalizer.FacetKey(name);
                    if (key.Length == 0) continue;
                    if (!ids.TryGetValue(key, out var list)) ids[key] = list = [];
                    if (list.Count == 0 || list[^1] != document.Id) list.Add(document.Id);
                }
            }
            lists[k] = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, list) in ids)
            {
                builder.Clear();
                RiceCodec.Append(builder, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list), 0);
                var packed = builder.ToString();
                lists[k][key] = packed;
                if (list.Count <= common) continue;
                if (k == VerbKind) bundled.Add((k, key));
                else costs.Add(((long)list.Count * packed.Length, k, key, packed.Length + key.Length + 6));
            }
        }
        costs.Sort(static (a, b) => b.Cost != a.Cost ? b.Cost.CompareTo(a.Cost) : a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : string.CompareOrdinal(a.Key, b.Key));
        var bytes = 0;
        foreach (var (_, kind, key, size) in costs)
        {
            if (bytes + size > BundleBytes) continue;
            bundled.Add((kind, key));
            bytes += size;
        }
        return new FacetLists(lists, bundled);
    }

    /// <summary>The packed list of <paramref name="name"/> of kind <paramref name="kind"/>, or "" when it is in <c>facets.json</c>.</summary>
    internal string EmbeddedList(int kind, string name)
    {
        var key = SearchNormalizer.FacetKey(name);
        return key.Length == 0 || _bundled.Contains((kind, key)) || !_lists[kind].TryGetValue(key, out var packed) ? "" : packed;
    }

    /// <summary>True when some values are in <c>facets.json</c>.</summary>
    internal bool Bundled => _bundled.Count > 0;

    /// <summary>Writes <c>facets.json</c> (when some value is in it) and a file per value not in it.</summary>
    internal void Write(JsonFiles files)
    {
        if (Bundled) files.Write("facets.json", writer =>
        {
            writer.WriteStartObject();
            for (var k = 0; k < Kinds.Length; k++)
            {
                // A site without common relation verbs keeps the bytes it had before verbs were a facet.
                if (k == VerbKind && !_bundled.Any(b => b.Kind == VerbKind)) continue;
                writer.WriteStartObject(Kinds[k].Kind);
                foreach (var (key, packed) in _lists[k])
                {
                    if (_bundled.Contains((k, key))) writer.WriteString(key, packed);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        });
        for (var k = 0; k < Kinds.Length; k++)
        {
            foreach (var (key, packed) in _lists[k])
            {
                if (!_bundled.Contains((k, key))) files.Write($"facets/{Kinds[k].Kind}/{key}.json", writer => writer.WriteStringValue(packed));
            }
        }
    }
}
