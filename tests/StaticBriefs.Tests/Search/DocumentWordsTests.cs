using StaticBriefs.Search;

namespace StaticBriefs.Tests.Search;

/// <summary>
/// Counting a document looks each of its distinct words up in the build's word table once, however often it repeats
/// (and whichever field repeats it); the index is the same as when every word was looked up.
/// </summary>
public sealed class DocumentWordsTests
{
    [Fact]
    public void A_word_repeated_across_a_documents_fields_is_looked_up_in_the_table_once_a_document()
    {
        var builder = new SearchIndexBuilder();
        var body = string.Join(' ', Enumerable.Repeat("rust compiler rust borrow checker compiler", 200));
        builder.Add(SearchFixtures.Doc(0, "Rust compiler", "2025-01-01", [], [], [], "The borrow checker", body));

        // rust, compiler, the, borrow, checker: each once, though the body alone says them 1,200 times.
        Assert.Equal(5, builder.TableLookups);

        builder.Add(SearchFixtures.Doc(1, "Rust again", "2025-01-02", [], [], [], "", "rust rust rust"));

        // The next document looks its own words up again (rust, again): what it kept is cleared between documents.
        Assert.Equal(7, builder.TableLookups);
    }

    [Fact]
    public void The_word_map_of_a_document_of_tens_of_thousands_of_words_is_not_kept_for_the_next()
    {
        var builder = new SearchIndexBuilder();
        var dump = string.Join(' ', Enumerable.Range(0, 20_000).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        builder.Add(SearchFixtures.Doc(0, "Dump", "2025-01-01", [], [], [], "", dump));

        Assert.Equal(0, builder.KeptWordMaps);

        builder.Add(SearchFixtures.Doc(1, "Short", "2025-01-02", [], [], [], "", "a few words"));

        Assert.Equal(1, builder.KeptWordMaps);
    }

    [Fact]
    public void Documents_counted_on_many_threads_give_the_index_one_thread_gives()
    {
        var documents = SearchFixtures.Synthetic(400).ToList();
        var serial = new SearchIndexBuilder();
        foreach (var document in documents) serial.Add(document);
        var parallel = new SearchIndexBuilder();
        Parallel.ForEach(documents, new ParallelOptions { MaxDegreeOfParallelism = 4 }, parallel.Add);

        var one = new InMemoryOutputSink();
        serial.Write(one);
        var many = new InMemoryOutputSink();
        parallel.Write(many);

        Assert.Equal(one.Files.Keys.Order(StringComparer.Ordinal), many.Files.Keys.Order(StringComparer.Ordinal));
        Assert.All(one.Files, pair => Assert.Equal(pair.Value, many.Files[pair.Key]));
        Assert.True(parallel.TableLookups < documents.Sum(d => d.BodyText.Split(' ').Length) / 2);
    }
}
