using System.Collections.Concurrent;

namespace StaticBriefs.Search;

/// <summary>
/// Collects the search index during a build: <see cref="Add"/> from any render worker, then one
/// <c>Write</c> that lays out the sharded index under <c>search/</c> for search.js. Preview keeps one
/// builder across rebuilds: adding a brief again replaces its earlier document.
/// </summary>
public sealed class SearchIndexBuilder
{
    /// <summary>Characters of body text kept for the result snippet.</summary>
    internal const int ExcerptLength = 300;

    private readonly Dictionary<string, int> _termIds;
    // Kept token sets' lexicon numbers to these tables and back; shared with the tables.
    private readonly LexiconMaps _lexiconMaps;
    // Folded word -> (its term, or -1 for a stop word; its id in the typo dictionary's table, or -1; whether the term
    // is the word itself, unstemmed).
    private readonly ConcurrentDictionary<string, (int Term, int Word, bool Verbatim)> _wordIds;
    private readonly ConcurrentDictionary<string, (int Term, int Word, bool Verbatim)>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    // The words each worker has met (see Count): one cache a worker at a time, taken for a document and put back after it.
    private readonly ConcurrentBag<WordCache> _wordCaches = [];

    // A document's term counts and words, kept for the next document once read: made afresh for each, they grew
    // (and were copied) to each long post's vocabulary, 6% of what a 750-post blog's build allocated. Cleared, they
    // enumerate in the order of adding again, so the index is the same.
    private readonly ConcurrentBag<(Dictionary<int, uint> Counts, HashSet<int> Words)> _counters = [];
    private const int MaxPooledTerms = 16_384;
    private readonly List<string> _dictionaryWords;
    private readonly List<string> _terms;
    private readonly Dictionary<int, IndexedDocument> _documents = [];
    private readonly Lock _gate;
    private readonly ConcurrentDictionary<UInt128, IndexedDocument>? _tokens;
    private readonly ConcurrentDictionary<UInt128, IndexedDocument>? _previousTokens;
    // Terms and dictionary words only ever grow, so their sorted orders are kept with them, and so are the words spelt
    // backwards, each dictionary word's term and the facet keys of names.
    private readonly OrdinalOrder _termOrder;
    private readonly OrdinalOrder _wordOrder;
    private readonly OrdinalOrder _reversedOrder;
    private readonly List<string> _reversedWords;
    private readonly List<int> _dictionaryTerms;
    private readonly Dictionary<string, string> _facetKeys;
    // Stable ids of the last write, by path: kept from builder to builder like the tables (one write at a time).
    private readonly StableIds.Memo _slots;
    // What the last write made, for the next to compare against: only a remembering builder (preview's) has it.
    private readonly WrittenIndex? _written;
    private IReadOnlyList<SearchEntity> _entities = [];
    private Dictionary<string, List<SearchEntity>>? _entitiesByTerm;
    private int _tokenized;
    private long _tableLookups;

    /// <summary>Creates an empty builder; use one per build.</summary>
    public SearchIndexBuilder()
    {
        _termIds = new(StringComparer.Ordinal);
        _lexiconMaps = new();
        _wordIds = new(StringComparer.Ordinal);
        _dictionaryWords = [];
        _terms = [];
        _gate = new();
        _wordLookup = _wordIds.GetAlternateLookup<ReadOnlySpan<char>>();
        _termOrder = new();
        _wordOrder = new();
        _reversedOrder = new();
        _reversedWords = [];
        _dictionaryTerms = [];
        _facetKeys = new(StringComparer.Ordinal);
        _slots = new();
    }

    private SearchIndexBuilder(SearchIndexBuilder previous)
    {
        // The term table only grows, so the new builder can share it; terms no document uses are left out on write.
        _termIds = previous._termIds;
        _lexiconMaps = previous._lexiconMaps;
        _wordIds = previous._wordIds;
        _dictionaryWords = previous._dictionaryWords;
        _terms = previous._terms;
        _gate = previous._gate;
        _entities = previous._entities;
        _entitiesByTerm = previous._entitiesByTerm;
        _wordLookup = _wordIds.GetAlternateLookup<ReadOnlySpan<char>>();
        _termOrder = previous._termOrder;
        _wordOrder = previous._wordOrder;
        _reversedOrder = previous._reversedOrder;
        _reversedWords = previous._reversedWords;
        _dictionaryTerms = previous._dictionaryTerms;
        _facetKeys = previous._facetKeys;
        _slots = previous._slots;
        _tokens = new();
        _previousTokens = previous._tokens ?? new();
        // A full build writes every file: it starts a fresh record of what it made.
        _written = new();
    }

    /// <summary>The same tables and remembered tokens, with <paramref name="documents"/> as its documents.</summary>
    private SearchIndexBuilder(SearchIndexBuilder previous, Dictionary<int, IndexedDocument> documents) : this(previous)
    {
        _tokens = previous._tokens;
        _previousTokens = previous._previousTokens;
        _documents = documents;
        // Preview's partial rebuild writes over the files the last write made.
        _written = previous._written;
        // A cached build's partial rebuild keeps the tokens of the briefs it adds for the build after it.
        Memo = previous.Memo;
    }

    /// <summary>
    /// Sorts the terms and dictionary words known so far, so that the next write sorts only those added after this and
    /// merges them in (see <see cref="OrdinalOrder"/>). A cached build calls it once the index is restored, beside the
    /// edit's planning: sorting the 48,000 terms and 2 x 40,000 words of 10,000 briefs at the write took 20-55 ms of the
    /// index's path, which decides when the build ends.
    /// </summary>
    public void SortTables()
    {
        string[] terms, words, reversed;
        lock (_gate)
        {
            terms = [.. _terms];
            words = [.. _dictionaryWords];
            reversed = [.. _reversedWords];
        }
        Parallel.Invoke(() => _termOrder.Of(terms), () => _wordOrder.Of(words), () => _reversedOrder.Of(reversed));
    }

    /// <summary>How many terms are sorted so far (for tests).</summary>
    internal int SortedTerms => _termOrder.Count;

    /// <summary>
    /// This builder's documents under their new ids, for preview's partial rebuild after briefs were added, removed or
    /// dated anew (ids are positions by date, so the others shift): a document whose old id is not in
    /// <paramref name="newIds"/> is left out. The briefs that changed are added again after this.
    /// </summary>
    public SearchIndexBuilder Renumbered(IReadOnlyDictionary<int, int> newIds)
    {
        ArgumentNullException.ThrowIfNull(newIds);
        var documents = new Dictionary<int, IndexedDocument>();
        lock (_gate)
        {
            foreach (var (id, document) in _documents)
            {
                if (newIds.TryGetValue(id, out var now)) documents[now] = document with { Id = now };
            }
        }
        return new SearchIndexBuilder(this, documents);
    }

    /// <summary>
    /// A builder for preview's next full rebuild: empty, but a document whose text is unchanged (whatever its id now)
    /// reuses the tokens it had, since tokenizing every body again is most of the index's cost.
    /// </summary>
    public static SearchIndexBuilder ContinueFrom(SearchIndexBuilder previous) => new(previous);

    /// <summary>Tokens kept across builds (a cached build's); null when none are.</summary>
    internal ITokenMemo? Memo { get; init; }

    /// <summary>What the last write made, kept by a remembering builder (and those continuing it); null otherwise.</summary>
    internal WrittenIndex? Written => _written;

    /// <summary>Documents this builder tokenized (rather than took from the builder it continues).</summary>
    internal int Tokenized => _tokenized;

    /// <summary>How many times counting looked a word up in the build's word table (once a distinct word a worker; for tests).</summary>
    internal long TableLookups => Interlocked.Read(ref _tableLookups);

    /// <summary>How many words the workers' caches hold (for tests).</summary>
    internal int CachedWords => _wordCaches.Sum(c => c.Count);

    /// <summary>A builder that remembers tokens for <see cref="ContinueFrom"/> (preview's first build).</summary>
    public static SearchIndexBuilder Remembering() => new(new SearchIndexBuilder());

    /// <summary>Tokenizes <paramref name="document"/> and keeps its compact form, replacing any earlier one with its id. Thread-safe.</summary>
    public void Add(SearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var key = _tokens is null && Memo is null ? default : TextKey(document);
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
                Verbs = OrEmpty(document.Verbs),
                TextKey = key,
                IdKey = IdKeyOf(document),
            };
            _tokens![key] = reused;
            lock (_gate) _documents[reused.Id] = reused;
            return;
        }
        if (Memo?.Find(key) is { } stored)
        {
            Keep(key, Restore(document, stored));
            return;
        }
        Interlocked.Increment(ref _tokenized);
        var (counts, words) = _counters.TryTake(out var counter) ? counter : (new Dictionary<int, uint>(256), new HashSet<int>());
        var lengths = new int[SearchFields.Count];
        var lookups = 0;
        var seen = _wordCaches.TryTake(out var idle) ? idle : new WordCache();
        lengths[SearchFields.Title] = Count(document.Title, SearchFields.Title, counts, words, seen, ref lookups);
        foreach (var names in (ReadOnlySpan<System.Collections.Immutable.ImmutableArray<string>>)[document.Companies, document.People, document.Topics])
        {
            if (names.IsDefault) continue;
            foreach (var name in names) lengths[SearchFields.Entities] += Count(name, SearchFields.Entities, counts, words, seen, ref lookups);
        }
        lengths[SearchFields.Summary] = Count(document.Summary, SearchFields.Summary, counts, words, seen, ref lookups);
        lengths[SearchFields.Headings] = Count(document.Headings, SearchFields.Headings, counts, words, seen, ref lookups);
        lengths[SearchFields.Body] = Count(document.BodyText, SearchFields.Body, counts, words, seen, ref lookups);
        _wordCaches.Add(seen);
        Interlocked.Add(ref _tableLookups, lookups);

        var termIds = new int[counts.Count];
        var frequencies = new uint[counts.Count];
        var i = 0;
        foreach (var (termId, packed) in counts)
        {
            termIds[i] = termId;
            frequencies[i++] = packed;
        }
        var excerpt = ExcerptMaker.Make(document.Lead.Length > 0 ? document.Lead : document.BodyText, ExcerptLength);
        var indexed = new IndexedDocument(document.Id, document.Path, document.Title, document.Summary, document.Date,
            OrEmpty(document.Companies), OrEmpty(document.People), OrEmpty(document.Topics),
            excerpt, termIds, frequencies, lengths)
        { WordIds = [.. words], Verbs = OrEmpty(document.Verbs), IdKey = IdKeyOf(document) };
        // One huge document's tables would cost every later one their clearing: those are let go.
        if (counts.Count <= MaxPooledTerms)
        {
            counts.Clear();
            words.Clear();
            _counters.Add((counts, words));
        }
        if (Memo is { } memo) memo.Store(key, Stored(memo.Lexicon, termIds, frequencies, indexed.WordIds, lengths, excerpt));
        Keep(key, indexed);
    }

    private void Keep(UInt128 key, IndexedDocument indexed)
    {
        indexed = indexed with { TextKey = key };
        if (_tokens is not null) _tokens[key] = indexed;
        lock (_gate) _documents[indexed.Id] = indexed;
    }

    /// <summary>
    /// Adds a document whose text a previous build tokenized under <paramref name="key"/> (<see cref="TextKeys"/>), from
    /// the tokens the memo keeps: <paramref name="document"/> needs only its display fields. False when the memo has none.
    /// Their use is not noted in the memo (<see cref="ITokenMemo.Peek"/>): the caller notes a whole restore's.
    /// </summary>
    internal bool TryRestore(SearchDocument document, UInt128 key)
    {
        if (Memo?.Peek(key) is not { } stored) return false;
        Keep(key, Restore(document, stored));
        return true;
    }

    /// <summary>Each document's id and the key of the text it was tokenized from (<see cref="TryRestore"/>).</summary>
    internal IReadOnlyList<(int Id, UInt128 Key)> TextKeys()
    {
        lock (_gate) return [.. _documents.Values.Select(d => (d.Id, d.TextKey))];
    }

    /// <summary>
    /// A document from stored tokens, its terms and words entered into this builder's tables as tokenizing its text
    /// would have (the same calls, so the tables hold what a build without the memo makes). A lexicon number met
    /// before is a look-up in an array (<see cref="LexiconMap"/>), not a string hashed again.
    /// </summary>
    private IndexedDocument Restore(SearchDocument document, TokenizedText stored)
    {
        var termIds = new int[stored.Terms.Length];
        var wordIds = new int[stored.Words.Length];
        var count = 0;
        // One lock per document rather than per term: the terms of a cached build are nearly all known already.
        lock (_gate)
        {
            var map = _lexiconMaps.For(stored.Lexicon);
            for (var i = 0; i < termIds.Length; i++)
            {
                ref var slot = ref map.TermSlot(stored.Terms[i]);
                if (slot == 0) slot = TermIdLocked(stored.Lexicon[stored.Terms[i]]) + 1;
                termIds[i] = slot - 1;
            }
            foreach (var number in stored.Words)
            {
                ref var slot = ref map.WordSlot(number);
                if (slot == 0) slot = WordOf(stored.Lexicon[number]) + 2;
                if (slot >= 2) wordIds[count++] = slot - 2;
            }
        }
        // The stored arrays are never written to (documents are replaced, not changed), so they are shared, not copied.
        return new IndexedDocument(document.Id, document.Path, document.Title, document.Summary, document.Date,
            OrEmpty(document.Companies), OrEmpty(document.People), OrEmpty(document.Topics),
            stored.Excerpt, termIds, stored.Frequencies, stored.FieldLengths)
        { WordIds = count == wordIds.Length ? wordIds : wordIds[..count], Verbs = OrEmpty(document.Verbs), IdKey = IdKeyOf(document) };
    }

    /// <summary>A stored dictionary word's id in this builder's table, entered as tokenizing would; -1 when it has none.</summary>
    private int WordOf(string word)
    {
        if (!_wordLookup.TryGetValue(word, out var ids))
        {
            if (word.Length > SearchTokenizer.BufferLength) return -1;
            Span<char> buffer = stackalloc char[SearchTokenizer.BufferLength];
            word.AsSpan().CopyTo(buffer);
            ids = AddWord(buffer[..word.Length], whole: false).Ids;
        }
        return ids.Word;
    }

    /// <summary>A term's id, entered when new; the caller holds the gate.</summary>
    private int TermIdLocked(string term)
    {
        if (_termIds.TryGetValue(term, out var id)) return id;
        id = _terms.Count;
        _terms.Add(term);
        _termIds[term] = id;
        return id;
    }

    /// <summary>A tokenized document's terms and words as numbers of <paramref name="lexicon"/>, for the memo.</summary>
    private TokenizedText Stored(Lexicon lexicon, int[] termIds, uint[] frequencies, int[] wordIds, int[] lengths, string excerpt)
    {
        var terms = new int[termIds.Length];
        var words = new int[wordIds.Length];
        lock (_gate)
        {
            var map = _lexiconMaps.For(lexicon);
            for (var i = 0; i < terms.Length; i++) terms[i] = map.NumberOfTerm(termIds[i], _terms);
            for (var i = 0; i < words.Length; i++) words[i] = map.NumberOfWord(wordIds[i], _dictionaryWords);
        }
        return new TokenizedText(lexicon, terms, frequencies, words, lengths, excerpt);
    }

    /// <summary>
    /// The companies, people and topics with a page (name, path, briefs): search lists those matching a query above
    /// the briefs. Kept for later writes until set again.
    /// </summary>
    public void SetEntities(IEnumerable<SearchEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        List<SearchEntity> list = [.. entities];
        if (list.SequenceEqual(_entities)) return;
        _entities = list;
        _entitiesByTerm = null;
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
        Add(document.Headings);
        Add(document.Lead);
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

    /// <summary>
    /// Writes the index in <paramref name="layout"/>; versioned, every file is written whatever changed, those equal to
    /// the files of <paramref name="earlierVersion"/> (the last build's <c>search/&lt;hash&gt;/</c>) as links to them
    /// where the sink can.
    /// </summary>
    public SearchIndexStats Write(Output.IOutputSink sink, SearchIndexLayout layout, IReadOnlySet<int>? changedDocuments = null, string? earlierVersion = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        IndexedDocument[] documents;
        string[] terms;
        string[] words;
        string[] reversed;
        int[] wordTerms;
        List<SearchEntity>?[] named;
        var byTerm = _entitiesByTerm ??= SearchIndexWriter.EntitiesByTerm(_entities);
        lock (_gate)
        {
            documents = [.. _documents.Values];
            terms = [.. _terms];
            words = [.. _dictionaryWords];
            reversed = [.. _reversedWords];
            wordTerms = [.. _dictionaryTerms];
            named = new List<SearchEntity>?[terms.Length];
            foreach (var (term, entities) in byTerm)
            {
                if (_termIds.TryGetValue(term, out var id) && id < named.Length) named[id] = entities;
            }
        }
        var tables = new IndexTables(terms, _termOrder.Of(terms), named, words, reversed, wordTerms, _wordOrder.Of(words), _reversedOrder.Of(reversed), _facetKeys);
        return new SearchIndexWriter(documents, tables, layout.StableIds, _slots).Write(sink, layout, changedDocuments, _written, earlierVersion);
    }

    /// <summary>
    /// Counts <paramref name="text"/>'s terms into <paramref name="counts"/> for <paramref name="field"/>, and its
    /// dictionary words into <paramref name="words"/>; returns its length in words. A word is looked up in the build's
    /// table once a document (<paramref name="seen"/> keeps what it found): a post repeats its words, and the table of a
    /// code-heavy blog's every word lies far out of the processor's caches (the look-ups were 40% of indexing the Rust
    /// blog, 750 posts).
    /// </summary>
    private int Count(string? text, int field, Dictionary<int, uint> counts, HashSet<int> words, WordCache seen, ref int lookups)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        Span<char> word = stackalloc char[SearchTokenizer.BufferLength];
        Span<char> whole = stackalloc char[SearchTokenizer.BufferLength];
        var reader = new SearchTokenizer(text, word, whole);
        var tokens = 0;
        while (reader.MoveNext())
        {
            var current = reader.Current;
            // Most words repeat: the folded word maps straight to its term id (or to "stop word"),
            // so stop-word check, stemming and the term lookup run once per distinct word per build.
            if (!seen.TryGet(current, out var hash, out var ids))
            {
                lookups++;
                if (!_wordLookup.TryGetValue(current, out var known, out ids)) (known, ids) = AddWord(current, reader.Kind == TokenKind.Whole);
                seen.Add(known, hash, ids);
            }
            if (reader.Kind != TokenKind.Whole) tokens++;
            var termId = ids.Term;
            if (termId < 0) continue;
            if (ids.Word >= 0) words.Add(ids.Word);
            ref var packed = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, termId, out _);
            SearchFields.Increment(ref packed, field);
            if (ids.Verbatim) packed |= SearchFields.Verbatim;
        }
        return tokens;
    }

    /// <summary>Adds a word to the build's table (unless another thread just did) and returns it as kept there, with its ids.</summary>
    private (string Key, (int Term, int Word, bool Verbatim) Ids) AddWord(Span<char> word, bool whole)
    {
        var key = new string(word);
        // Words for the typo dictionary: letters only, three or more (numbers and versions are not corrected).
        var dictionary = !whole && key.Length >= 3 && key.AsSpan().IndexOfAny(NotDictionaryChars) < 0;
        var length = whole ? word.Length : SearchNormalizer.TermOf(word);
        var termId = length == 0 ? -1 : TermId(word[..length]);
        var verbatim = length == key.Length;
        if (dictionary && termId >= 0)
        {
            lock (_gate)
            {
                if (_wordIds.TryGetValue(key, out var known)) return (key, known);
                var entry = (termId, _dictionaryWords.Count, verbatim);
                _dictionaryWords.Add(key);
                _reversedWords.Add(DictionaryWriter.Reverse(key));
                _dictionaryTerms.Add(termId);
                _wordIds[key] = entry;
                return (key, entry);
            }
        }
        return (key, _wordIds.GetOrAdd(key, (termId, -1, verbatim)));
    }

    private static readonly System.Buffers.SearchValues<char> NotDictionaryChars = System.Buffers.SearchValues.Create("0123456789._");

    private int TermId(ReadOnlySpan<char> term)
    {
        var text = new string(term);
        lock (_gate) return TermIdLocked(text);
    }

    private static string IdKeyOf(SearchDocument document) => document.Source.Length > 0 ? document.Source : document.Path;

    private static System.Collections.Immutable.ImmutableArray<string> OrEmpty(System.Collections.Immutable.ImmutableArray<string> names) =>
        names.IsDefault ? [] : names;
}
