using System.Collections.Concurrent;

namespace StaticBriefs.Search;

/// <summary>
/// Collects the search index during a build: <see cref="Add"/> from any render worker, then one
/// <c>Write</c> that lays out the sharded index under <c>search/</c> for search.js. Preview keeps one
/// builder across rebuilds: adding a brief again replaces its earlier document.
/// </summary>
public sealed class SearchIndexBuilder
{
    /// <summary>Field weights: a word in the title counts as four in the body.</summary>
    internal const int TitleWeight = 4, EntityWeight = 3, SummaryWeight = 2, BodyWeight = 1;

    /// <summary>Characters of body text kept for the result snippet.</summary>
    internal const int ExcerptLength = 300;

    private readonly Dictionary<string, int> _termIds;
    private readonly ConcurrentDictionary<string, int> _wordIds;
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private readonly List<string> _terms;
    private readonly Dictionary<int, IndexedDocument> _documents = [];
    private readonly Lock _gate;
    private readonly ConcurrentDictionary<UInt128, IndexedDocument>? _tokens;
    private readonly ConcurrentDictionary<UInt128, IndexedDocument>? _previousTokens;
    private int _tokenized;

    /// <summary>Creates an empty builder; use one per build.</summary>
    public SearchIndexBuilder()
    {
        _termIds = new(StringComparer.Ordinal);
        _wordIds = new(StringComparer.Ordinal);
        _terms = [];
        _gate = new();
        _wordLookup = _wordIds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private SearchIndexBuilder(SearchIndexBuilder previous)
    {
        // The term table only grows, so the new builder can share it; terms no document uses are left out on write.
        _termIds = previous._termIds;
        _wordIds = previous._wordIds;
        _terms = previous._terms;
        _gate = previous._gate;
        _wordLookup = _wordIds.GetAlternateLookup<ReadOnlySpan<char>>();
        _tokens = new();
        _previousTokens = previous._tokens ?? new();
    }

    /// <summary>
    /// A builder for preview's next full rebuild: empty, but a document whose text is unchanged (whatever its id now)
    /// reuses the tokens it had, since tokenizing every body again is most of the index's cost.
    /// </summary>
    public static SearchIndexBuilder ContinueFrom(SearchIndexBuilder previous) => new(previous);

    /// <summary>Documents this builder tokenized (rather than took from the builder it continues).</summary>
    internal int Tokenized => _tokenized;

    /// <summary>A builder that remembers tokens for <see cref="ContinueFrom"/> (preview's first build).</summary>
    public static SearchIndexBuilder Remembering() => new(new SearchIndexBuilder());

    /// <summary>Tokenizes <paramref name="document"/> and keeps its compact form, replacing any earlier one with its id. Thread-safe.</summary>
    public void Add(SearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var key = _tokens is null ? default : TextKey(document);
        if (_previousTokens is not null && (_previousTokens.TryGetValue(key, out var known) || _tokens!.TryGetValue(key, out known)))
        {
            var reused = known with
            {
                Id = document.Id,
                Path = document.Path,
                Title = document.Title,
                Summary = document.Summary,
                Date = document.Date,
                Companies = OrEmpty(document.Companies),
                People = OrEmpty(document.People),
                Topics = OrEmpty(document.Topics),
            };
            _tokens![key] = reused;
            lock (_gate) _documents[reused.Id] = reused;
            return;
        }
        Interlocked.Increment(ref _tokenized);
        // A fresh map per document rather than a per-thread static one: no shared mutable state, at ~1% of Add's cost.
        var counts = new Dictionary<int, int>(256);
        var length = Count(document.Title, TitleWeight, counts);
        foreach (var names in (ReadOnlySpan<System.Collections.Immutable.ImmutableArray<string>>)[document.Companies, document.People, document.Topics])
        {
            if (names.IsDefault) continue;
            foreach (var name in names) length += Count(name, EntityWeight, counts);
        }
        length += Count(document.Summary, SummaryWeight, counts);
        length += Count(document.BodyText, BodyWeight, counts);

        var termIds = new int[counts.Count];
        var weights = new int[counts.Count];
        var i = 0;
        foreach (var (termId, weight) in counts)
        {
            termIds[i] = termId;
            weights[i++] = weight;
        }
        var indexed = new IndexedDocument(document.Id, document.Path, document.Title, document.Summary, document.Date,
            OrEmpty(document.Companies), OrEmpty(document.People), OrEmpty(document.Topics),
            ExcerptMaker.Make(document.BodyText, ExcerptLength), termIds, weights, length);
        if (_tokens is not null) _tokens[key] = indexed;
        lock (_gate) _documents[indexed.Id] = indexed;
    }

    /// <summary>A 128-bit hash of everything tokenized: same key, same tokens and excerpt.</summary>
    private static UInt128 TextKey(SearchDocument document)
    {
        var hash = new System.IO.Hashing.XxHash128();
        void Add(string? text)
        {
            var value = text ?? "";
            hash.Append(BitConverter.GetBytes(value.Length));
            hash.Append(System.Runtime.InteropServices.MemoryMarshal.AsBytes(value.AsSpan()));
        }
        Add(document.Title);
        Add(document.Summary);
        foreach (var names in (ReadOnlySpan<System.Collections.Immutable.ImmutableArray<string>>)[document.Companies, document.People, document.Topics])
        {
            hash.Append(BitConverter.GetBytes(names.IsDefault ? -1 : names.Length));
            if (!names.IsDefault) foreach (var name in names) Add(name);
        }
        Add(document.BodyText);
        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>Writes the index under <c>search/</c>; bytes depend only on the documents added, not their order.</summary>
    /// <param name="sink">Where the files go.</param>
    /// <param name="changedDocuments">
    /// When given, only these documents changed since the last write, and none of their companies, people or topics:
    /// facet files are skipped and only their display files are written. Postings and shards are always whole,
    /// since one document's length moves every score's normalisation.
    /// </param>
    public SearchIndexStats Write(Output.IOutputSink sink, IReadOnlySet<int>? changedDocuments = null) =>
        Write(sink, SearchIndexLayout.Flat, changedDocuments);

    /// <summary>Writes the index in <paramref name="layout"/>; versioned, every file is written whatever changed.</summary>
    public SearchIndexStats Write(Output.IOutputSink sink, SearchIndexLayout layout, IReadOnlySet<int>? changedDocuments = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        IndexedDocument[] documents;
        string[] terms;
        lock (_gate)
        {
            documents = [.. _documents.Values];
            terms = [.. _terms];
        }
        return new SearchIndexWriter(documents, terms).Write(sink, layout, changedDocuments);
    }

    private int Count(string? text, int weight, Dictionary<int, int> counts)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        Span<char> buffer = stackalloc char[SearchNormalizer.MaxTokenLength + 8];
        var pos = 0;
        var tokens = 0;
        int length;
        while ((length = SearchNormalizer.NextWord(text, ref pos, buffer)) >= 0)
        {
            // Most words repeat: the folded word maps straight to its term id (or to "stop word"),
            // so stop-word check, stemming and the term lookup run once per distinct word per build.
            if (!_wordLookup.TryGetValue(buffer[..length], out var termId)) termId = AddWord(buffer[..length]);
            if (termId < 0) continue;
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, termId, out _) += weight;
            tokens++;
        }
        return tokens * weight;
    }

    private int AddWord(Span<char> word)
    {
        var key = new string(word);
        var length = SearchNormalizer.TermOf(word);
        var termId = length == 0 ? -1 : TermId(word[..length]);
        _wordIds.TryAdd(key, termId);
        return termId;
    }

    private int TermId(ReadOnlySpan<char> term)
    {
        var text = new string(term);
        lock (_gate)
        {
            if (_termIds.TryGetValue(text, out var id)) return id;
            id = _terms.Count;
            _terms.Add(text);
            _termIds[text] = id;
            return id;
        }
    }

    private static System.Collections.Immutable.ImmutableArray<string> OrEmpty(System.Collections.Immutable.ImmutableArray<string> names) =>
        names.IsDefault ? [] : names;
}
