using StaticBriefs.Search;

namespace StaticBriefs.Tests.Search;

/// <summary>
/// Counting looks each distinct word up in the build's word table once a worker, however often it repeats (in a
/// document's fields or in later documents); the index is the same as when every word was looked up.
/// </summary>
public sealed class DocumentWordsTests
{
    [Fact]
    public void A_word_repeated_across_fields_and_documents_is_looked_up_in_the_table_once()
    {
        var builder = new SearchIndexBuilder();
        var body = string.Join(' ', Enumerable.Repeat("rust compiler rust borrow checker compiler", 200));
        builder.Add(SearchFixtures.Doc(0, "Rust compiler", "2025-01-01", [], [], [], "The borrow checker", body));

        // rust, compiler, the, borrow, checker: each once, though the body alone says them 1,200 times.
        Assert.Equal(5, builder.TableLookups);

        builder.Add(SearchFixtures.Doc(1, "Rust again", "2025-01-02", [], [], [], "", "rust rust rust"));

        // The next document (counted on this thread, so with the same cache) looks up only the word it is first to say.
        Assert.Equal(6, builder.TableLookups);
    }

    [Fact]
    public void A_workers_word_cache_starts_again_past_its_limit_and_the_index_still_finds_every_word()
    {
        var builder = new SearchIndexBuilder();
        var distinct = WordCache.MaxWords + 5_000;
        var dump = string.Join(' ', Enumerable.Range(0, distinct).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        builder.Add(SearchFixtures.Doc(0, "Dump", "2025-01-01", [], [], [], "", dump));
        builder.Add(SearchFixtures.Doc(1, "Short", "2025-01-02", [], [], [], "", "w1 w70000 a few words"));

        Assert.InRange(builder.CachedWords, 1, WordCache.MaxWords);
        // w1 was dropped with the full cache, so it is looked up again; the later words are still held.
        Assert.Equal(distinct + 2 + 4, builder.TableLookups);
    }

    [Fact]
    public void A_document_counted_with_the_tables_a_long_one_left_gets_the_index_it_gets_counted_first()
    {
        // A worker's term counts are cleared and kept for its next document: nothing of the last may remain in them.
        var longOne = SearchFixtures.Doc(0, "Long", "2025-01-01", ["Anthropic"], [], [], "Many words",
            string.Join(' ', Enumerable.Range(0, 3_000).Select(i => "term" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var shortOne = SearchFixtures.Doc(1, "Short", "2025-01-02", [], [], ["Chips"], "", "term7 borrow checker term7 rust");
        var after = new SearchIndexBuilder();
        after.Add(longOne);
        after.Add(shortOne);
        var first = new SearchIndexBuilder();
        first.Add(shortOne);
        first.Add(longOne);

        AssertSameIndex(after, first);
    }

    [Fact]
    public void Documents_counted_on_many_threads_give_the_index_one_thread_gives()
    {
        var documents = SearchFixtures.Synthetic(400).ToList();
        var serial = new SearchIndexBuilder();
        foreach (var document in documents) serial.Add(document);
        var parallel = new SearchIndexBuilder();
        Parallel.ForEach(documents, new ParallelOptions { MaxDegreeOfParallelism = 4 }, parallel.Add);

        AssertSameIndex(serial, parallel);
        Assert.True(parallel.TableLookups < documents.Sum(d => d.BodyText.Split(' ').Length) / 2);
    }

    /// <summary>The two builders write the same files, byte for byte.</summary>
    private static void AssertSameIndex(SearchIndexBuilder expected, SearchIndexBuilder actual)
    {
        var one = new InMemoryOutputSink();
        expected.Write(one);
        var other = new InMemoryOutputSink();
        actual.Write(other);

        Assert.Equal(one.Files.Keys.Order(StringComparer.Ordinal), other.Files.Keys.Order(StringComparer.Ordinal));
        Assert.All(one.Files, pair => Assert.Equal(pair.Value, other.Files[pair.Key]));
    }
}
