namespace StaticBriefs.Search;

/// <summary>
/// What a remembering builder's last unversioned write made, so preview's next write can compare against it and write
/// only the files whose bytes change: the files and their lengths, the postings by term (to tell the terms whose
/// postings, impacts or entity pages changed, and to reuse their encoded lengths), the shard cuts, the typo dictionary's
/// pieces, the facet lists and the documents shown. About twice the size of the postings (the last write's and a spare
/// set for the next patch to fill; 18 MB each at 10,000 briefs): the documents and strings are shared with the builder,
/// not copied.
/// </summary>
internal sealed class WrittenIndex
{
    /// <summary>The layout of the last write; null when there was none to compare against (or it was versioned).</summary>
    internal SearchIndexLayout? Layout { get; set; }

    /// <summary>Every file the last write made (relative to <c>search/</c>) with its length.</summary>
    internal IReadOnlyDictionary<string, int> Files { get; set; } = new Dictionary<string, int>();

    internal ShardState? Shards { get; set; }

    /// <summary>
    /// The postings of the write before the last, which nothing reads any more: the next patch fills their arrays
    /// (<see cref="PostingLists.Patch"/>) while comparing against the last write's.
    /// </summary>
    internal Postings? Spare { get; set; }

    internal IReadOnlyList<string> ForwardPieces { get; set; } = [];

    internal IReadOnlyList<string> ReversedPieces { get; set; } = [];

    internal FacetLists? Facets { get; set; }

    /// <summary>The documents of the last write, by id.</summary>
    internal IndexedDocument[] Documents { get; set; } = [];

    /// <summary>Forgets the last write, so the next one writes every file.</summary>
    internal void Clear()
    {
        Layout = null;
        Files = new Dictionary<string, int>();
        Shards = null;
        Spare = null;
        ForwardPieces = [];
        ReversedPieces = [];
        Facets = null;
        Documents = [];
    }
}

/// <summary>
/// The postings and shards of a write: term ids by rank, each term id's rank (-1 when not in use), its encoded postings'
/// length and its entity pages, and each shard's range of ranks.
/// </summary>
internal sealed record ShardState(int[] Order, int[] RankOf, Postings Postings, int[] EncodedLength, List<SearchEntity>?[] Named, (int Start, int End)[] Ranges);
