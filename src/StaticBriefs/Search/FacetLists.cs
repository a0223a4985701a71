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
/// opened from a URL, and for a value whose list is too long to ride along (<see cref="MaxEmbeddedChars"/>). Relation verbs are few (seven at most) and each may be in many briefs: those in more than a
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

    /// <summary>Per kind: the keys in ordinal order, and each key's packed list.</summary>
    private readonly (string[] Keys, Dictionary<string, string> Packed)[] _lists;

    /// <summary>Per kind: each key's brief ids, ascending (what the packed lists encode), for <see cref="Patch"/>.</summary>
    private readonly Dictionary<string, int[]>[] _ids;

    private readonly HashSet<(int Kind, string Key)> _bundled;

    private readonly Dictionary<string, string>? _keys;

    private FacetLists(
        (string[] Keys, Dictionary<string, string> Packed)[] lists, Dictionary<string, int[]>[] ids, int documents, Dictionary<string, string>? keys)
    {
        _lists = lists;
        _ids = ids;
        // Which lists are common depends on the number of briefs they were made from.
        _bundled = Bundle(lists, ids, documents);
        _keys = keys;
    }

    /// <param name="sortedDocuments">The documents by id.</param>
    /// <param name="keys">Facet keys by name, filled as names are met; a builder keeps one between writes.</param>
    internal static FacetLists Build(IndexedDocument[] sortedDocuments, Dictionary<string, string>? keys = null)
    {
        var lists = new (string[] Keys, Dictionary<string, string> Packed)[Kinds.Length];
        var ids = new Dictionary<string, int[]>[Kinds.Length];
        var builder = new StringBuilder();
        for (var k = 0; k < Kinds.Length; k++)
        {
            // Names that fold to one key ("Open AI", "OpenAI") share a list: the key is what the URL carries.
            var members = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (var document in sortedDocuments) AddMember(members, document, k, keys);
            var sorted = members.Keys.ToArray();
            Array.Sort(sorted, StringComparer.Ordinal);
            lists[k] = (sorted, new Dictionary<string, string>(sorted.Length, StringComparer.Ordinal));
            ids[k] = new Dictionary<string, int[]>(sorted.Length, StringComparer.Ordinal);
            foreach (var key in sorted)
            {
                ids[k][key] = [.. members[key]];
                lists[k].Packed[key] = Pack(builder, ids[k][key]);
            }
        }
        return new FacetLists(lists, ids, sortedDocuments.Length, keys);
    }

    /// <summary>
    /// The lists <see cref="Build"/> makes for <paramref name="after"/>, from <paramref name="previous"/> (made for
    /// <paramref name="before"/>; both by id): only the values of the briefs added, removed or carrying other values
    /// are listed again, rather than every value of every brief (a third of an add's index write at 10,000 briefs).
    /// <paramref name="previous"/> itself when no brief's values changed; null when many did (build them whole).
    /// </summary>
    internal static FacetLists? Patch(FacetLists previous, IndexedDocument[] before, IndexedDocument[] after, Dictionary<string, string>? keys)
    {
        const int maxChanged = 64;
        if (!ReferenceEquals(previous._keys, keys)) return null;
        // The briefs whose values may differ, by id: as they were (gone or changed) and as they are (new or changed).
        var then = new List<IndexedDocument>();
        var now = new List<IndexedDocument>();
        for (int a = 0, b = 0; a < before.Length || b < after.Length;)
        {
            if (b == after.Length || (a < before.Length && before[a].Id < after[b].Id)) then.Add(before[a++]);
            else if (a == before.Length || after[b].Id < before[a].Id) now.Add(after[b++]);
            else
            {
                if (!SameValues(before[a], after[b]))
                {
                    then.Add(before[a]);
                    now.Add(after[b]);
                }
                a++;
                b++;
            }
            if (then.Count + now.Count > maxChanged) return null;
        }
        if (then.Count == 0 && now.Count == 0) return previous;

        var gone = then.Select(d => d.Id).ToHashSet();
        var lists = new (string[] Keys, Dictionary<string, string> Packed)[Kinds.Length];
        var ids = new Dictionary<string, int[]>[Kinds.Length];
        var builder = new StringBuilder();
        for (var k = 0; k < Kinds.Length; k++)
        {
            // The values the changed briefs carried or carry, with the briefs now carrying each.
            var touched = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (var document in then)
            {
                foreach (var name in Kinds[k].Names(document))
                {
                    var key = KeyOf(name, keys);
                    if (key.Length > 0 && !touched.ContainsKey(key)) touched[key] = [];
                }
            }
            foreach (var document in now) AddMember(touched, document, k, keys);
            var (oldKeys, oldPacked) = previous._lists[k];
            var packed = new Dictionary<string, string>(oldPacked, StringComparer.Ordinal);
            var members = new Dictionary<string, int[]>(previous._ids[k], StringComparer.Ordinal);
            var keysChanged = false;
            foreach (var (key, added) in touched)
            {
                var kept = members.TryGetValue(key, out var old) ? old.Where(id => !gone.Contains(id)) : [];
                int[] list = [.. kept.Concat(added).Order()];
                if (list.Length == 0)
                {
                    keysChanged |= members.Remove(key);
                    packed.Remove(key);
                    continue;
                }
                keysChanged |= old is null;
                members[key] = list;
                packed[key] = Pack(builder, list);
            }
            string[] sorted = keysChanged ? [.. members.Keys.Order(StringComparer.Ordinal)] : oldKeys;
            lists[k] = (sorted, packed);
            ids[k] = members;
        }
        return new FacetLists(lists, ids, after.Length, keys);
    }

    /// <summary>
    /// Adds <paramref name="document"/>'s id to the list of every key its values of kind <paramref name="kind"/> fold to,
    /// once a key (documents come in id order, so a repeat is the last id).
    /// </summary>
    private static void AddMember(Dictionary<string, List<int>> members, IndexedDocument document, int kind, Dictionary<string, string>? keys)
    {
        foreach (var name in Kinds[kind].Names(document))
        {
            var key = KeyOf(name, keys);
            if (key.Length == 0) continue;
            if (!members.TryGetValue(key, out var list)) members[key] = list = [];
            if (list.Count == 0 || list[^1] != document.Id) list.Add(document.Id);
        }
    }

    private static string Pack(StringBuilder builder, int[] ids)
    {
        builder.Clear();
        RiceCodec.Append(builder, ids, 0);
        return builder.ToString();
    }

    /// <summary>
    /// The values in <c>facets.json</c>: common relation verbs (in more than a tenth of the briefs) always, and the common
    /// entities that fit its budget, those whose lists cost most (briefs times bytes) first.
    /// </summary>
    private static HashSet<(int, string)> Bundle((string[] Keys, Dictionary<string, string> Packed)[] lists, Dictionary<string, int[]>[] ids, int documents)
    {
        var common = documents / 10;
        var bundled = new HashSet<(int, string)>();
        var costs = new List<(long Cost, int Kind, string Key, int Bytes)>();
        for (var k = 0; k < lists.Length; k++)
        {
            foreach (var key in lists[k].Keys)
            {
                var count = ids[k][key].Length;
                if (count <= common) continue;
                var packed = lists[k].Packed[key];
                if (k == VerbKind) bundled.Add((k, key));
                else costs.Add(((long)count * packed.Length, k, key, packed.Length + key.Length + 6));
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
        return bundled;
    }

    /// <summary>True when both documents carry the same values of every kind.</summary>
    private static bool SameValues(IndexedDocument a, IndexedDocument b)
    {
        if (ReferenceEquals(a, b)) return true;
        foreach (var (_, names) in Kinds)
        {
            if (!names(a).AsSpan().SequenceEqual(names(b).AsSpan())) return false;
        }
        return true;
    }

    /// <summary>The facet key of <paramref name="name"/> (<see cref="SearchNormalizer.FacetKey"/>), remembered when the lists were built with a table of keys.</summary>
    internal string KeyOf(string name) => KeyOf(name, _keys);

    private static string KeyOf(string name, Dictionary<string, string>? keys)
    {
        if (keys is null) return SearchNormalizer.FacetKey(name);
        ref var key = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(keys, name, out var known);
        if (!known) key = SearchNormalizer.FacetKey(name);
        return key!;
    }

    /// <summary>True when some values are in <c>facets.json</c>.</summary>
    internal bool Bundled => _bundled.Count > 0;

    /// <summary>
    /// The longest packed list (in characters) that rides in the display data. A value in many briefs of a large site
    /// (3,000 of 100,000) has a list of a kilobyte or more, and it rode in every display file of a brief carrying it:
    /// 13 KB a brief at 100,000 briefs, 1.3 GB of the index, the same bytes in each file a page of results loads. Past
    /// this, search.js fetches the value's own file once instead (<c>facetIds</c>). At 10,000 briefs the longest list is
    /// under 400 characters, so a site that size embeds them all as before.
    /// </summary>
    internal const int MaxEmbeddedChars = 512;

    /// <summary>
    /// The packed list of the value with key <paramref name="key"/> of kind <paramref name="kind"/> as the display data
    /// carries it: "" when it is in <c>facets.json</c>, there is none, or it is longer than <see cref="MaxEmbeddedChars"/>.
    /// </summary>
    internal string EmbeddedListOfKey(int kind, string key)
    {
        var list = OwnFileListOfKey(kind, key);
        return list.Length > MaxEmbeddedChars ? "" : list;
    }

    /// <summary>The packed list in the value's own file, or "" when it is in <c>facets.json</c> or there is none.</summary>
    private string OwnFileListOfKey(int kind, string key) =>
        key.Length == 0 || _bundled.Contains((kind, key)) || !_lists[kind].Packed.TryGetValue(key, out var packed) ? "" : packed;

    /// <summary>
    /// The keys (by kind) whose list in the display data differs from <paramref name="previous"/>'s: a brief carrying
    /// none of them shows the same lists as before.
    /// </summary>
    internal HashSet<string>[] ChangedEmbedded(FacetLists previous)
    {
        var changed = new HashSet<string>[Kinds.Length];
        for (var k = 0; k < Kinds.Length; k++)
        {
            changed[k] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var key in _lists[k].Keys)
            {
                if (EmbeddedListOfKey(k, key) != previous.EmbeddedListOfKey(k, key)) changed[k].Add(key);
            }
            foreach (var key in previous._lists[k].Keys)
            {
                if (!_lists[k].Packed.ContainsKey(key) && previous.EmbeddedListOfKey(k, key).Length > 0) changed[k].Add(key);
            }
        }
        return changed;
    }

    /// <summary>
    /// Writes <c>facets.json</c> (when some value is in it) and a file per value not in it. With <paramref name="previous"/>
    /// (the lists whose files are in place), a value's file is kept when its list is the same.
    /// </summary>
    internal void Write(JsonFiles files, FacetLists? previous = null)
    {
        if (Bundled) files.Write("facets.json", writer =>
        {
            writer.WriteStartObject();
            for (var k = 0; k < Kinds.Length; k++)
            {
                // A site without common relation verbs keeps the bytes it had before verbs were a facet.
                if (k == VerbKind && !_bundled.Any(b => b.Kind == VerbKind)) continue;
                writer.WriteStartObject(Kinds[k].Kind);
                foreach (var key in _lists[k].Keys)
                {
                    var packed = _lists[k].Packed[key];
                    if (_bundled.Contains((k, key))) writer.WriteString(key, packed);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        });
        for (var k = 0; k < Kinds.Length; k++)
        {
            foreach (var key in _lists[k].Keys)
            {
                var packed = _lists[k].Packed[key];
                if (_bundled.Contains((k, key))) continue;
                var name = $"facets/{Kinds[k].Kind}/{key}.json";
                if (previous is not null && previous.OwnFileListOfKey(k, key) == packed && files.Keep(name)) continue;
                files.Write(name, writer => writer.WriteStringValue(packed));
            }
        }
    }
}
