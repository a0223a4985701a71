using System.Text.Json;
using StaticBriefs.Search;

namespace StaticBriefs.Tests.Search;

public sealed class SearchIndexBuilderTests
{
    [Fact]
    public void Write_produces_meta_shards_docs_and_facets_as_valid_json()
    {
        var sink = Build(SearchFixtures.Small());
        Assert.Contains("search/meta.json", sink.Files.Keys);
        Assert.Contains("search/shards/0.json", sink.Files.Keys);
        Assert.Contains("search/docs/0.json", sink.Files.Keys);
        Assert.Contains("search/dict/0.json", sink.Files.Keys);
        Assert.Contains("search/rdict/0.json", sink.Files.Keys);
        // Eight briefs: every value is in more than a tenth of them, so every list is in facets.json.
        Assert.Contains("search/facets.json", sink.Files.Keys);
        Assert.DoesNotContain(sink.Files.Keys, k => k.StartsWith("search/facets/", StringComparison.Ordinal));
        Assert.All(sink.Files.Keys, path => Assert.StartsWith("search/", path, StringComparison.Ordinal));
        foreach (var (path, bytes) in sink.Files)
        {
            using var json = JsonDocument.Parse(bytes);
            Assert.True(json.RootElement.ValueKind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.String, path);
        }
        using var meta = JsonDocument.Parse(sink.Files["search/meta.json"]);
        Assert.Equal(8, meta.RootElement.GetProperty("documents").GetInt32());
        using var facets = JsonDocument.Parse(sink.Files["search/facets.json"]);
        // Ids count from the oldest brief: the fixture's briefs 0 and 6 (newest first) of 8 are ids 7 and 1.
        Assert.Equal([1, 7], RiceCodec.Decode(facets.RootElement.GetProperty("company").GetProperty("openai").GetString()!, 0));
        Assert.Equal([4], RiceCodec.Decode(facets.RootElement.GetProperty("person").GetProperty("zoe-muller").GetString()!, 0));
        Assert.Equal([4], RiceCodec.Decode(facets.RootElement.GetProperty("topic").GetProperty("people-moves").GetString()!, 0));
        Assert.Equal(6, meta.RootElement.GetProperty("version").GetInt32());
        Assert.Equal("[[2026,0,1],[2025,2,4],[2024,5,7]]", meta.RootElement.GetProperty("years").GetRawText());
    }

    [Fact]
    public void Stats_count_documents_terms_shards_and_bytes()
    {
        var builder = new SearchIndexBuilder();
        foreach (var document in SearchFixtures.Small()) builder.Add(document);
        var sink = new InMemoryOutputSink();
        var stats = builder.Write(sink);
        Assert.Equal(8, stats.Documents);
        Assert.Equal(sink.Files.Keys.Count(k => k.StartsWith("search/shards/", StringComparison.Ordinal)), stats.Shards);
        Assert.Equal(sink.Files.Values.Sum(b => (long)b.Length), stats.Bytes);
        var indexedTerms = 0;
        foreach (var (path, bytes) in sink.Files)
        {
            if (!path.StartsWith("search/shards/", StringComparison.Ordinal)) continue;
            using var shard = JsonDocument.Parse(bytes);
            indexedTerms += shard.RootElement.GetProperty("t").GetArrayLength();
        }
        Assert.Equal(indexedTerms, stats.Terms);
    }

    [Fact]
    public void Bytes_do_not_depend_on_add_order_or_threads()
    {
        var ordered = Build(SearchFixtures.Synthetic(300));
        var shuffled = new SearchIndexBuilder();
        var documents = SearchFixtures.Synthetic(300).Reverse().ToArray();
        Parallel.ForEach(documents, new ParallelOptions { MaxDegreeOfParallelism = 4 }, shuffled.Add);
        shuffled.SetEntities(SearchFixtures.Entities(documents).Reverse());
        var sink = new InMemoryOutputSink();
        shuffled.Write(sink);
        Assert.Equal(ordered.Files.Keys.Order(StringComparer.Ordinal), sink.Files.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in ordered.Files) Assert.True(bytes.AsSpan().SequenceEqual(sink.Files[path]), path);
    }

    [Fact]
    public void Tables_sorted_before_more_documents_arrive_write_the_bytes_of_a_builder_that_sorted_at_the_write()
    {
        var all = SearchFixtures.Synthetic(300).ToList();
        var sorted = new SearchIndexBuilder();
        foreach (var document in all.Take(200)) sorted.Add(document);
        Assert.Equal(0, sorted.SortedTerms);
        sorted.SortTables();
        var known = sorted.SortedTerms;
        Assert.True(known > 0);
        // The last hundred bring terms the sort did not see; the write merges them in.
        foreach (var document in all.Skip(200)) sorted.Add(document);
        sorted.SetEntities(SearchFixtures.Entities(all));
        var sink = new InMemoryOutputSink();
        sorted.Write(sink);
        Assert.True(sorted.SortedTerms > known);

        var expected = Build(all);
        Assert.Equal(expected.Files.Keys.Order(StringComparer.Ordinal), sink.Files.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in expected.Files) Assert.True(bytes.AsSpan().SequenceEqual(sink.Files[path]), path);
    }

    [Fact]
    public void Only_a_short_excerpt_of_the_body_is_written_but_all_of_it_is_searchable()
    {
        var sink = Build(SearchFixtures.Small());
        // The newest of the 8 briefs: ids count from the oldest.
        using var docs = JsonDocument.Parse(sink.Files["search/docs/7.json"]);
        var first = docs.RootElement[0];
        Assert.Equal("/briefs/0/", first.GetProperty("path").GetString());
        Assert.Equal("2026-03-02", first.GetProperty("date").GetString());
        Assert.Equal("[\"OpenAI\"]", first.GetProperty("c").GetRawText());
        Assert.False(sink.Text("search/docs/0.json").Contains("\"c\"", StringComparison.Ordinal), "no companies, no field");
        Assert.True(first.GetProperty("excerpt").GetString()!.Length <= SearchIndexBuilder.ExcerptLength + 1);
        Assert.DoesNotContain(sink.Files, f => f.Key.StartsWith("search/docs/", StringComparison.Ordinal) && sink.Text(f.Key).Contains("lateonlyword", StringComparison.Ordinal));
        Assert.Contains(sink.Files, f => f.Key.StartsWith("search/shards/", StringComparison.Ordinal) && sink.Text(f.Key).Contains("\"lateonlyword\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Adding_a_document_again_replaces_it_and_the_index_equals_one_built_from_the_new_version_alone()
    {
        var documents = SearchFixtures.Small();
        var edited = documents[0] with { Title = "Zyxwvut headline", BodyText = "Entirely new words: quokka marmot." };
        var preview = new SearchIndexBuilder();
        foreach (var document in documents) preview.Add(document);
        preview.Add(edited);
        var fresh = new SearchIndexBuilder();
        foreach (var document in documents.Skip(1).Prepend(edited)) fresh.Add(document);

        // Words only the old version had are gone too, not left as terms without postings.
        AssertWritesTheSame(fresh, preview);
    }

    [Fact]
    public void A_continued_builder_tokenizes_only_changed_text_even_when_ids_move_and_writes_what_a_fresh_one_does()
    {
        var documents = SearchFixtures.Small();
        var first = SearchIndexBuilder.Remembering();
        foreach (var document in documents) first.Add(document);
        // A new brief at the top shifts every id by one; one old brief's body changes.
        var shifted = documents.Select(d => d with { Id = d.Id + 1 }).ToList();
        shifted[2] = shifted[2] with { BodyText = shifted[2].BodyText + " walrus" };
        var added = documents[0] with { Id = 0, Path = "/briefs/new/", Title = "A new brief", BodyText = "Fresh text." };

        var next = SearchIndexBuilder.ContinueFrom(first);
        foreach (var document in shifted.Prepend(added)) next.Add(document);
        var fresh = new SearchIndexBuilder();
        foreach (var document in shifted.Prepend(added)) fresh.Add(document);

        Assert.Equal(2, next.Tokenized);
        AssertWritesTheSame(fresh, next);
    }

    /// <summary>Both builders write the same files with the same bytes.</summary>
    private static void AssertWritesTheSame(SearchIndexBuilder expectedBuilder, SearchIndexBuilder actualBuilder)
    {
        var expected = new InMemoryOutputSink();
        expectedBuilder.Write(expected);
        var actual = new InMemoryOutputSink();
        actualBuilder.Write(actual);
        Assert.Equal(expected.Files.Keys.Order(StringComparer.Ordinal), actual.Files.Keys.Order(StringComparer.Ordinal));
        foreach (var (file, bytes) in expected.Files) Assert.True(bytes.AsSpan().SequenceEqual(actual.Files[file]), file + " differs");
    }

    [Fact]
    public void Writing_only_changed_documents_skips_facets_and_other_display_files()
    {
        var builder = new SearchIndexBuilder();
        foreach (var document in SearchFixtures.Small()) builder.Add(document);
        var id = SearchFixtures.Small()[1].Id;
        var sink = new InMemoryOutputSink();

        builder.Write(sink, new HashSet<int> { id });

        Assert.DoesNotContain(sink.Files.Keys, f => f.StartsWith("search/facets/", StringComparison.Ordinal));
        // Written ids count from the oldest of the 8 briefs.
        Assert.Equal([$"search/docs/{7 - id}.json"], sink.Files.Keys.Where(f => f.StartsWith("search/docs/", StringComparison.Ordinal)));
        Assert.Contains("search/meta.json", sink.Files.Keys);
    }

    [Fact]
    public void An_empty_index_still_has_meta_one_shard_and_an_empty_dictionary()
    {
        var sink = new InMemoryOutputSink();
        var stats = new SearchIndexBuilder().Write(sink);
        Assert.Equal(new[] { "search/dict/0.json", "search/meta.json", "search/rdict/0.json", "search/shards/0.json" }, sink.Files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1, stats.Shards);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(1023)]
    [InlineData(1_000_000)]
    public void Packed_integers_round_trip(int value)
    {
        var builder = new System.Text.StringBuilder();
        PostingCodec.Append(builder, value);
        PostingCodec.Append(builder, 7);
        Assert.Equal([value, 7], PostingCodec.Decode(builder.ToString()));
    }

    [Theory]
    [InlineData(0, new[] { 0 })]
    [InlineData(100, new[] { 100, 101, 102, 200, 5000 })]
    [InlineData(0, new[] { 3, 9, 10, 11, 40, 41, 42, 43, 44, 9999 })]
    public void Rice_coded_id_lists_round_trip(int start, int[] ids)
    {
        var builder = new System.Text.StringBuilder();
        RiceCodec.Append(builder, ids, start);
        Assert.Equal(ids, RiceCodec.Decode(builder.ToString(), start));
    }

    [Theory]
    [InlineData(0, new[] { 0 }, new[] { 31 })]
    [InlineData(0, new[] { 0, 1, 2, 3, 9, 500 }, new[] { 1, 31, 7, 16, 1, 2 })]
    public void Rice_coded_postings_round_trip_with_their_impacts(int start, int[] ids, int[] impacts)
    {
        var builder = new System.Text.StringBuilder();
        RiceCodec.Append(builder, ids, start, [.. impacts.Select(i => (byte)i)], RiceCodec.ImpactBits);
        var decoded = new List<int>();
        Assert.Equal(ids, RiceCodec.Decode(builder.ToString(), start, RiceCodec.ImpactBits, decoded));
        Assert.Equal(impacts, decoded);
    }

    internal static InMemoryOutputSink Build(IEnumerable<SearchDocument> documents)
    {
        var builder = new SearchIndexBuilder();
        var list = documents.ToList();
        foreach (var document in list) builder.Add(document);
        builder.SetEntities(SearchFixtures.Entities(list));
        var sink = new InMemoryOutputSink();
        builder.Write(sink);
        return sink;
    }
}
