using System.Collections.Immutable;
using System.Text;

namespace StaticBriefs.Search;

/// <summary>
/// Writes one small file per facet value, <c>search/facets/{kind}/{key}.json</c>: a JSON string holding
/// the Rice-coded ids of the briefs carrying it. search.js loads only the values it shows (those of the
/// top results) and the ones the reader filters by, so a query never pays for the whole facet table,
/// which for 10,000 briefs is about 90 KB however it is packed.
/// </summary>
internal static class FacetWriter
{
    /// <summary>The URL parameter and folder name of each facet kind, with the names it reads from a document.</summary>
    internal static readonly (string Kind, Func<IndexedDocument, ImmutableArray<string>> Names)[] Kinds =
    [
        ("company", static d => d.Companies),
        ("person", static d => d.People),
        ("topic", static d => d.Topics),
    ];

    internal static void Write(JsonFiles files, IndexedDocument[] sortedDocuments)
    {
        var builder = new StringBuilder();
        foreach (var (kind, names) in Kinds)
        {
            // Names that fold to one key ("Open AI", "OpenAI") share a file: the key is what the URL carries.
            var lists = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (var document in sortedDocuments)
            {
                foreach (var name in names(document))
                {
                    var key = SearchNormalizer.FacetKey(name);
                    if (key.Length == 0) continue;
                    if (!lists.TryGetValue(key, out var ids)) lists[key] = ids = [];
                    if (ids.Count == 0 || ids[^1] != document.Id) ids.Add(document.Id);
                }
            }
            foreach (var (key, ids) in lists)
            {
                builder.Clear();
                RiceCodec.Append(builder, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids), 0);
                var packed = builder.ToString();
                files.Write($"facets/{kind}/{key}.json", writer => writer.WriteStringValue(packed));
            }
        }
    }
}
