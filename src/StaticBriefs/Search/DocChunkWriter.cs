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
    /// <summary>
    /// Writes the display files of <paramref name="sortedDocuments"/>. With <paramref name="previous"/> (the documents
    /// and facet lists of the write whose files are in place), a file whose briefs show the same fields and the same
    /// facet lists as then is kept rather than written. With <paramref name="embedLists"/> false the lists are left out
    /// (each value's own file has it).
    /// </summary>
    /// <remarks>
    /// Into a versioned folder (<see cref="JsonFiles.Keyed"/>) each file is written with its key (<see cref="DisplayKeys"/>),
    /// and one made from the same briefs, fields and lists as a file of the last version, <paramref name="known"/>, is
    /// taken from there.
    /// </remarks>
    internal static void Write(
        JsonFiles files, IndexedDocument[] sortedDocuments, int chunkSize, FacetLists facets, (IndexedDocument[] Documents, FacetLists Facets)? previous = null,
        bool embedLists = true, KnownFiles? known = null)
    {
        var keys = files.Keyed ? new DisplayKeys(embedLists ? facets : null) : null;
        var starts = Starts(sortedDocuments, chunkSize);
        Dictionary<int, (int From, int To)>? before = null;
        HashSet<string>[]? changedLists = null;
        if (previous is { } then)
        {
            var old = Starts(then.Documents, chunkSize);
            before = new Dictionary<int, (int, int)>(old.Count);
            for (var c = 0; c < old.Count - 1; c++) before[then.Documents[old[c]].Id / chunkSize] = (old[c], old[c + 1]);
            changedLists = ReferenceEquals(facets, then.Facets) || !embedLists ? null : facets.ChangedEmbedded(then.Facets);
        }
        // Thousands of small files: creating them is most of the index stage's time. Writing them in parallel
        // was measured slower here (one directory, so creations serialise), hence a plain loop.
        // A value's list once per file: briefs of one file that share a value find it in the first one's data.
        var written = new HashSet<(int, string)>();
        for (var c = 0; c < starts.Count - 1; c++)
        {
            var from = starts[c];
            var to = starts[c + 1];
            var chunk = sortedDocuments[from].Id / chunkSize;
            var name = $"docs/{chunk.ToString(CultureInfo.InvariantCulture)}.json";
            if (before is not null && before.TryGetValue(chunk, out var range)
                && SameChunk(sortedDocuments.AsSpan(from, to - from), previous!.Value.Documents.AsSpan(range.From, range.To - range.From), facets, changedLists)
                && files.Keep(name))
                continue;
            if (keys is not null)
            {
                // Made later, on another thread, when the last version's file cannot be taken: a set of its own. Its facet
                // keys are only looked up then (FacetLists.KeyOf adds a name it has not met): computing this key met them all.
                files.WriteKeyed(name, keys.Of(sortedDocuments.AsSpan(from, to - from)), known,
                    writer => WriteChunk(writer, sortedDocuments, from, to, embedLists ? facets : null, []));
                continue;
            }
            files.Write(name, writer =>
            {
                written.Clear();
                WriteChunk(writer, sortedDocuments, from, to, embedLists ? facets : null, written);
            });
        }
    }

    private static void WriteChunk(
        Utf8JsonWriter writer, IndexedDocument[] sortedDocuments, int from, int to, FacetLists? facets, HashSet<(int, string)> written)
    {
        writer.WriteStartArray();
        for (var k = from; k < to; k++) WriteDocument(writer, sortedDocuments[k], facets, written);
        writer.WriteEndArray();
    }

    /// <summary>The index of each file's first document, and the count at the end.</summary>
    private static List<int> Starts(IndexedDocument[] sortedDocuments, int chunkSize)
    {
        var starts = new List<int>();
        for (var i = 0; i < sortedDocuments.Length; i++)
        {
            if (i == 0 || sortedDocuments[i].Id / chunkSize != sortedDocuments[i - 1].Id / chunkSize) starts.Add(i);
        }
        starts.Add(sortedDocuments.Length);
        return starts;
    }

    /// <summary>
    /// True when a file of <paramref name="now"/> has the bytes it had with <paramref name="then"/>: the same briefs with
    /// the same fields, none of whose values has a list that changed (<paramref name="changedLists"/>, by kind; null for none).
    /// </summary>
    private static bool SameChunk(ReadOnlySpan<IndexedDocument> now, ReadOnlySpan<IndexedDocument> then, FacetLists facets, HashSet<string>[]? changedLists)
    {
        if (now.Length != then.Length) return false;
        for (var i = 0; i < now.Length; i++)
        {
            var a = now[i];
            var b = then[i];
            if (ReferenceEquals(a, b)) continue;
            if (a.Id != b.Id || !a.Date.EqualsExact(b.Date) || a.Path != b.Path || a.Title != b.Title || a.Summary != b.Summary || a.Excerpt != b.Excerpt)
                return false;
            for (var k = 0; k < FacetLists.Kinds.Length; k++)
            {
                var names = FacetLists.Kinds[k].Names(a);
                if (!names.AsSpan().SequenceEqual(FacetLists.Kinds[k].Names(b).AsSpan())) return false;
            }
        }
        if (changedLists is null) return true;
        foreach (var document in now)
        {
            for (var k = 0; k < FacetLists.Kinds.Length; k++)
            {
                if (changedLists[k].Count == 0) continue;
                foreach (var name in FacetLists.Kinds[k].Names(document))
                {
                    if (changedLists[k].Contains(facets.KeyOf(name))) return false;
                }
            }
        }
        return true;
    }

    private static void WriteDocument(Utf8JsonWriter writer, IndexedDocument d, FacetLists? facets, HashSet<(int, string)> written)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", d.Id);
        writer.WriteString("path", d.Path);
        writer.WriteString("title", d.Title);
        writer.WriteString("date", d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteString("summary", d.Summary);
        writer.WriteString("excerpt", d.Excerpt);
        // Display names of the facet values: search.js shows the values of the top results.
        WriteNames(writer, "c", "cf", d.Companies, 0, facets, written);
        WriteNames(writer, "p", "pf", d.People, 1, facets, written);
        WriteNames(writer, "t", "tf", d.Topics, 2, facets, written);
        WriteNames(writer, "v", "vf", d.Verbs, FacetLists.VerbKind, facets, written);
        writer.WriteEndObject();
    }

    private static void WriteNames(
        Utf8JsonWriter writer, string property, string listsProperty, ImmutableArray<string> names, int kind, FacetLists? facets, HashSet<(int, string)> written)
    {
        if (names.IsEmpty) return;
        writer.WriteStartArray(property);
        foreach (var name in names) writer.WriteStringValue(name);
        writer.WriteEndArray();
        if (facets is null) return;
        var lists = new string[names.Length];
        var any = false;
        for (var i = 0; i < names.Length; i++)
        {
            var key = facets.KeyOf(names[i]);
            lists[i] = written.Add((kind, key)) ? facets.EmbeddedListOfKey(kind, key) : "";
            any |= lists[i].Length > 0;
        }
        if (!any) return;
        writer.WriteStartArray(listsProperty);
        foreach (var list in lists) writer.WriteStringValue(list);
        writer.WriteEndArray();
    }
}
