using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace StaticBriefs.Search;

/// <summary>
/// Writes what a result needs to be displayed, <c>chunkSize</c> documents per file (file n holds ids n*chunkSize..):
/// path, title, ISO date, summary, snippet, its companies, people, topics and relation verbs (<c>c</c>, <c>p</c>, <c>t</c>,
/// <c>v</c>), and beside each the packed list of briefs carrying that value (<c>cf</c>, <c>pf</c>, <c>tf</c>, <c>vf</c>; "" when it is in
/// <c>facets.json</c> or in an earlier brief of the same file), from which search.js counts the facets of a query.
/// </summary>
internal static class DocChunkWriter
{
    internal static void Write(JsonFiles files, IndexedDocument[] sortedDocuments, int chunkSize, FacetLists facets)
    {
        var starts = new List<int>();
        for (var i = 0; i < sortedDocuments.Length; i++)
        {
            if (i == 0 || sortedDocuments[i].Id / chunkSize != sortedDocuments[i - 1].Id / chunkSize) starts.Add(i);
        }
        starts.Add(sortedDocuments.Length);
        // Thousands of small files: creating them is most of the index stage's time. Writing them in parallel
        // was measured slower here (one directory, so creations serialise), hence a plain loop.
        for (var c = 0; c < starts.Count - 1; c++)
        {
            var from = starts[c];
            var to = starts[c + 1];
            var chunk = sortedDocuments[from].Id / chunkSize;
            files.Write($"docs/{chunk.ToString(CultureInfo.InvariantCulture)}.json", writer =>
            {
                // A value's list once per file: briefs of one file that share a value find it in the first one's data.
                var written = new HashSet<(int, string)>();
                writer.WriteStartArray();
                for (var k = from; k < to; k++) WriteDocument(writer, sortedDocuments[k], facets, written);
                writer.WriteEndArray();
            });
        }
    }

    private static void WriteDocument(Utf8JsonWriter writer, IndexedDocument d, FacetLists facets, HashSet<(int, string)> written)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", d.Id);
        writer.WriteString("path", d.Path);
        writer.WriteString("title", d.Title);
        writer.WriteString("date", d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteString("summary", d.Summary);
        writer.WriteString("excerpt", d.Excerpt);
        // Display names of the facet values: search.js shows the values of the top results.
        WriteNames(writer, "c", d.Companies, 0, facets, written);
        WriteNames(writer, "p", d.People, 1, facets, written);
        WriteNames(writer, "t", d.Topics, 2, facets, written);
        WriteNames(writer, "v", d.Verbs, FacetLists.VerbKind, facets, written);
        writer.WriteEndObject();
    }

    private static void WriteNames(Utf8JsonWriter writer, string property, ImmutableArray<string> names, int kind, FacetLists facets, HashSet<(int, string)> written)
    {
        if (names.IsEmpty) return;
        writer.WriteStartArray(property);
        foreach (var name in names) writer.WriteStringValue(name);
        writer.WriteEndArray();
        var lists = names.Select(name => written.Add((kind, SearchNormalizer.FacetKey(name))) ? facets.EmbeddedList(kind, name) : "").ToArray();
        if (lists.All(l => l.Length == 0)) return;
        writer.WriteStartArray(property + "f");
        foreach (var list in lists) writer.WriteStringValue(list);
        writer.WriteEndArray();
    }
}
