using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace StaticBriefs.Search;

/// <summary>
/// One facet kind (companies, people or topics): a dictionary of names, most used first, and for each
/// name the documents carrying it, written per id range so a query loads only the ranges it matched.
/// </summary>
internal sealed class FacetTable
{
    private readonly string[] _names;
    private readonly List<int>[] _documents;

    internal FacetTable(IReadOnlyList<IndexedDocument> sortedDocuments, Func<IndexedDocument, ImmutableArray<string>> select)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in sortedDocuments)
        {
            foreach (var name in Distinct(select(document))) counts[name] = counts.GetValueOrDefault(name) + 1;
        }
        var names = counts.Keys.ToArray();
        Array.Sort(names, (a, b) => counts[a] != counts[b] ? counts[b].CompareTo(counts[a]) : string.CompareOrdinal(a, b));
        _names = names;
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++) ids[names[i]] = i;
        _documents = new List<int>[names.Length];
        for (var i = 0; i < names.Length; i++) _documents[i] = [];
        foreach (var document in sortedDocuments)
        {
            foreach (var name in Distinct(select(document))) _documents[ids[name]].Add(document.Id);
        }
    }

    internal void WriteNames(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        foreach (var name in _names) writer.WriteStringValue(name);
        writer.WriteEndArray();
    }

    /// <summary>For each name in dictionary order, its documents with ids in [from, to), Rice-coded.</summary>
    internal void WriteChunk(Utf8JsonWriter writer, int from, int to, StringBuilder scratch)
    {
        writer.WriteStartArray();
        foreach (var list in _documents)
        {
            scratch.Clear();
            var ids = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list);
            var start = LowerBound(ids, from);
            var end = LowerBound(ids, to);
            RiceCodec.Append(scratch, ids[start..end], from);
            writer.WriteStringValue(scratch.ToString());
        }
        writer.WriteEndArray();
    }

    private static int LowerBound(ReadOnlySpan<int> ids, int value)
    {
        var index = ids.BinarySearch(value);
        return index >= 0 ? index : ~index;
    }

    private static IEnumerable<string> Distinct(ImmutableArray<string> names) =>
        names.Where(name => !string.IsNullOrWhiteSpace(name)).Distinct(StringComparer.Ordinal);
}
