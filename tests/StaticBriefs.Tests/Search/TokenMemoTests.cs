using System.Collections.Concurrent;
using StaticBriefs.Search;

namespace StaticBriefs.Tests.Search;

/// <summary>
/// A builder given tokens stored by an earlier build (<see cref="ITokenMemo"/>, the build cache's) tokenizes only the
/// documents whose text changed, and writes exactly what a builder that tokenized everything writes.
/// </summary>
public sealed class TokenMemoTests
{
    private sealed class Memo : ITokenMemo
    {
        public ConcurrentDictionary<UInt128, TokenizedText> Stored { get; } = new();

        public Lexicon Lexicon { get; } = new();

        public TokenizedText? Find(UInt128 key) => Stored.TryGetValue(key, out var tokens) ? tokens : null;

        public void Store(UInt128 key, TokenizedText tokens) => Stored[key] = tokens;
    }

    [Fact]
    public void A_builder_with_stored_tokens_tokenizes_only_changed_text_and_writes_what_a_fresh_one_does()
    {
        var documents = SearchFixtures.Synthetic(200).ToList();
        var memo = new Memo();
        var first = new SearchIndexBuilder { Memo = memo };
        Parallel.ForEach(documents, new ParallelOptions { MaxDegreeOfParallelism = 4 }, first.Add);
        Assert.Equal(documents.Count, first.Tokenized);
        Assert.Equal(documents.Count, memo.Stored.Count);

        // Ids move (a new brief on top), one body changes: a new builder, as the next process would make.
        var next = documents.Select(d => d with { Id = d.Id + 1 }).ToList();
        next[5] = next[5] with { BodyText = next[5].BodyText + " walrus quokka" };
        next.Insert(0, documents[0] with { Id = 0, Path = "/briefs/new/", Title = "A new brief", BodyText = "Fresh text about marmots." });
        var cached = new SearchIndexBuilder { Memo = memo };
        Parallel.ForEach(next, new ParallelOptions { MaxDegreeOfParallelism = 4 }, cached.Add);
        var fresh = new SearchIndexBuilder();
        foreach (var document in next) fresh.Add(document);

        Assert.Equal(2, cached.Tokenized);
        var expected = new InMemoryOutputSink();
        fresh.Write(expected);
        var actual = new InMemoryOutputSink();
        cached.Write(actual);
        Assert.Equal(expected.Files.Keys.Order(StringComparer.Ordinal), actual.Files.Keys.Order(StringComparer.Ordinal));
        foreach (var (file, bytes) in expected.Files) Assert.True(bytes.AsSpan().SequenceEqual(actual.Files[file]), file + " differs");
    }
}
