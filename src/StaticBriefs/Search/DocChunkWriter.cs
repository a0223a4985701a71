using System.Globalization;

namespace StaticBriefs.Search;

/// <summary>Writes what a result needs to be displayed, <c>chunkSize</c> documents per file (file n holds ids n*chunkSize..).</summary>
internal static class DocChunkWriter
{
    internal static void Write(JsonFiles files, IndexedDocument[] sortedDocuments, int chunkSize)
    {
        for (var i = 0; i < sortedDocuments.Length;)
        {
            var chunk = sortedDocuments[i].Id / chunkSize;
            var j = i;
            while (j < sortedDocuments.Length && sortedDocuments[j].Id / chunkSize == chunk) j++;
            var from = i;
            var to = j;
            files.Write($"search/docs/{chunk.ToString(CultureInfo.InvariantCulture)}.json", writer =>
            {
                writer.WriteStartArray();
                for (var k = from; k < to; k++)
                {
                    var d = sortedDocuments[k];
                    writer.WriteStartObject();
                    writer.WriteNumber("id", d.Id);
                    writer.WriteString("path", d.Path);
                    writer.WriteString("title", d.Title);
                    writer.WriteString("date", d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    writer.WriteString("summary", d.Summary);
                    writer.WriteString("excerpt", d.Excerpt);
                    // Display names of the facet values: search.js shows the values of the top results.
                    WriteNames(writer, "c", d.Companies);
                    WriteNames(writer, "p", d.People);
                    WriteNames(writer, "t", d.Topics);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            });
            i = j;
        }
    }

    private static void WriteNames(System.Text.Json.Utf8JsonWriter writer, string property, System.Collections.Immutable.ImmutableArray<string> names)
    {
        if (names.IsEmpty) return;
        writer.WriteStartArray(property);
        foreach (var name in names) writer.WriteStringValue(name);
        writer.WriteEndArray();
    }
}
