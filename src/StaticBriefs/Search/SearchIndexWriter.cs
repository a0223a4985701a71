using System.Globalization;
using System.Text;
using System.Text.Json;

namespace StaticBriefs.Search;

/// <summary>
/// Lays the collected documents out as files for search.js: <c>search/meta.json</c>, and under the folder it names
/// as <c>root</c> (<c>search/&lt;version&gt;/</c>, or <c>search/</c> itself unversioned) postings in
/// <c>shards/N.json</c> (contiguous ranges of sorted terms, with the entity pages each term names), display data in
/// <c>docs/N.json</c>, the typo dictionary in <c>dict/N.json</c> and <c>rdict/N.json</c>, and facet membership in
/// <c>facets.json</c> (values in many briefs) and <c>facets/{kind}/{key}.json</c> (the others, whose lists also ride
/// in the display data of the briefs that carry them).
/// </summary>
internal sealed class SearchIndexWriter
{
    /// <summary>
    /// The layout's version in <c>meta.json</c>. 6: without <c>order</c>, ids are places by date counted from the oldest
    /// brief (rank = documents - 1 - id); 5 counted them from the newest.
    /// </summary>
    internal const int FormatVersion = 6;
    /// <summary>The folder of the index in the site.</summary>
    internal const string Folder = "search/";
    /// <summary>
    /// Shards are small so that a rare word, a name, fetches little beside its own postings; a common word's shard is
    /// its postings, whatever the target. More shards make meta.json longer: 4 KB was the better side of that on a
    /// 10,000-brief site (README, Search index).
    /// </summary>
    internal const int ShardTargetBytes = 4 * 1024;
    internal const double K1 = 1.2, B = 0.75;

    /// <summary>Impacts are stored as 1..MaxImpact, the BM25 term-frequency part scaled to one character.</summary>
    internal const int MaxImpact = 31;

    private readonly IndexedDocument[] _documents;
    private readonly IndexTables _tables;
    private readonly string[] _terms;
    // With stable ids: the documents' ids newest first (the ids they came with are their places by date).
    private readonly int[]? _byDate;
    // Each id the documents came with to the one written.
    private readonly Dictionary<int, int> _writtenIdOf;

    /// <param name="documents">The documents, their ids places by date (0 = newest).</param>
    /// <param name="tables">The builder's tables.</param>
    /// <param name="stableIds">
    /// Write <see cref="StableIds"/> (and the date order beside them); else ids are places by date counted from the
    /// oldest brief (see <see cref="FormatVersion"/>).
    /// </param>
    /// <param name="slots">Where stable ids are worked out (a builder keeps one between writes); null for a fresh one.</param>
    internal SearchIndexWriter(IndexedDocument[] documents, IndexTables tables, bool stableIds = false, StableIds.Memo? slots = null)
    {
        _documents = documents;
        _tables = tables;
        _terms = tables.Terms;
        Array.Sort(_documents, static (a, b) => a.Id.CompareTo(b.Id));
        if (_documents.Length > 0 && _documents[0].Id < 0) throw new InvalidOperationException("Search document ids must not be negative.");
        int[] ids;
        if (stableIds)
        {
            string[] keys = [.. _documents.Select(d => d.IdKey.Length > 0 ? d.IdKey : d.Path)];
            ids = slots is null ? StableIds.Assign(keys) : slots.Assign(keys);
            _byDate = ids;
        }
        else
        {
            // Counted from the oldest, a brief keeps its id when a newer one is added: the day's new brief (the usual
            // edit) then changes its own postings, lists and display file, not every file of the index.
            ids = new int[_documents.Length];
            for (var i = 0; i < ids.Length; i++) ids[i] = ids.Length - 1 - i;
        }
        _writtenIdOf = new Dictionary<int, int>(_documents.Length);
        for (var i = 0; i < _documents.Length; i++)
        {
            _writtenIdOf[_documents[i].Id] = ids[i];
            _documents[i] = _documents[i] with { Id = ids[i] };
        }
        Array.Sort(_documents, static (a, b) => a.Id.CompareTo(b.Id));
    }

    /// <param name="sink">Where the files go.</param>
    /// <param name="layout">Versioned or not, documents per display file.</param>
    /// <param name="changedDocuments">See <see cref="SearchIndexBuilder.Write(Output.IOutputSink, IReadOnlySet{int}?)"/>.</param>
    /// <param name="memo">
    /// A remembering builder's record of its last write: when that write was unversioned in the same layout, its files
    /// are in place, so only files whose bytes change are written (and <see cref="SearchIndexStats.Stale"/> names those
    /// no longer made). Updated to this write.
    /// </param>
    /// <param name="earlierVersion">
    /// The last build's version folder (<c>search/&lt;hash&gt;/</c>), when versioned: files equal to its own are linked to
    /// them where the sink can (<see cref="Output.ILinkingSink"/>).
    /// </param>
    internal SearchIndexStats Write(
        Output.IOutputSink sink, SearchIndexLayout layout, IReadOnlySet<int>? changedDocuments = null, WrittenIndex? memo = null, string? earlierVersion = null)
    {
        // Versioned, every file is made in memory first: its folder is named by their hash, so all must be rewritten.
        var scratch = sink as Output.IScratchSink;
        using var versioned = layout.Versioned ? new VersionedFiles(scratch) : null;
        if (changedDocuments is not null)
            changedDocuments = changedDocuments.Select(id => _writtenIdOf.GetValueOrDefault(id, -1)).Where(id => id >= 0).ToHashSet();
        var previous = versioned is null && memo?.Layout == layout ? memo : null;
        using var files = versioned is null ? new JsonFiles(sink, Folder, previous?.Files) : new JsonFiles(versioned, "");
        var chunkSize = Math.Max(1, layout.DocsPerFile);
        // Lists ride in the display data of the briefs carrying their value (a query's facet counts then cost no more
        // requests), except with stable ids: an edit there rewrites a handful of files, where a brief added to or removed
        // from a value in hundreds of briefs would rewrite all of theirs. search.js then reads the value's own file.
        var embedLists = !layout.StableIds;
        int[] order = [];
        // Versioned, nothing earlier is patched: the display files (facet lists, then the briefs' data) need nothing the
        // postings, shards and dictionary make, so they are made at once on another core, into their own memory, and
        // added after the others (the version hashes the files in the order made, as one thread would make them).
        // The last version's display files made from the same briefs, fields and lists are taken from there (KnownFiles).
        var lastVersion = versioned is not null && earlierVersion is not null && sink is Output.ILinkingSink linking ? new KnownFiles(linking, earlierVersion) : null;
        var display = versioned is not null ? Task.Run(() =>
        {
            var made = new VersionedFiles(scratch);
            using var madeFiles = new JsonFiles(made, "");
            return (Facets: WriteDisplay(madeFiles, chunkSize, embedLists, lastVersion), Files: made, madeFiles.Bytes);
        }) : null;
        var postings = (previous is { Shards: { } lastShards } ? PostingLists.Patch(_documents, previous.Documents, lastShards, _tables.TermOrder, _terms.Length, previous.Spare, out order) : null)
            ?? PostingLists.Build(_documents, _tables.TermOrder, _terms.Length, memo is not null && versioned is null, out order);
        var shardKeys = ShardWriter.Write(files, _terms, order, postings, _tables.Named, previous?.Shards, out var shardState);
        var shardCount = shardKeys.Count;
        var dictionary = DictionaryWriter.Write(files, _tables.Words, _tables.WordOrder, _tables.ReversedWords, _tables.ReversedOrder,
            WordBriefs(order, postings), previous?.ForwardPieces ?? [], previous?.ReversedPieces ?? [], out var forwardPieces, out var reversedPieces);
        FacetLists facets;
        long displayBytes = 0;
        if (display is not null)
        {
            (facets, var displayFiles, displayBytes) = display.GetAwaiter().GetResult();
            versioned!.Append(displayFiles);
        }
        else if (previous is not null)
        {
            // Unchanged briefs and values keep their files; with the same ids carrying the same values (only content
            // changed) the lists are the ones already written, else those of the values the changed briefs carry are
            // made again (FacetLists.Patch).
            facets = previous.Facets is not { } known ? FacetLists.Build(_documents, _tables.FacetKeys)
                : changedDocuments is not null ? known
                : FacetLists.Patch(known, previous.Documents, _documents, _tables.FacetKeys) ?? FacetLists.Build(_documents, _tables.FacetKeys);
            if (!ReferenceEquals(facets, previous.Facets)) facets.Write(files, previous.Facets);
            else KeepFacetFiles(files, previous.Files);
            DocChunkWriter.Write(files, _documents, chunkSize, facets, previous.Facets is { } before ? (previous.Documents, before) : null, embedLists);
        }
        else if (changedDocuments is null)
        {
            facets = WriteDisplay(files, chunkSize, embedLists);
        }
        else
        {
            facets = FacetLists.Build(_documents, _tables.FacetKeys);
            var chunks = changedDocuments.Select(id => id / chunkSize).ToHashSet();
            DocChunkWriter.Write(files, [.. _documents.Where(d => chunks.Contains(d.Id / chunkSize))], chunkSize, facets, embedLists: embedLists);
        }
        var root = "";
        if (versioned is not null)
        {
            root = versioned.Version() + "/";
            versioned.CopyTo(sink, Folder + root, earlierVersion);
        }
        using var meta = new JsonFiles(sink, Folder);
        meta.Write("meta.json", writer => WriteMeta(writer, shardKeys, dictionary, facets.Bundled, order.Length, chunkSize, root));
        var stale = previous is null ? null : files.Stale();
        if (memo is not null)
        {
            if (versioned is not null || (previous is null && changedDocuments is not null)) memo.Clear();
            else
            {
                memo.Layout = layout;
                memo.Files = files.Made;
                // The last write's postings are read by no later write: the next patch may fill their arrays.
                memo.Spare = memo.Shards?.Postings;
                memo.Shards = shardState;
                memo.ForwardPieces = forwardPieces;
                memo.ReversedPieces = reversedPieces;
                memo.Facets = facets;
                memo.Documents = _documents;
            }
        }
        return new SearchIndexStats(_documents.Length, order.Length, shardCount, files.Bytes + displayBytes + meta.Bytes)
        {
            Root = root,
            Stale = stale,
            PostingsPatched = postings.ChangedTerms is not null,
            DisplayFilesKnown = lastVersion?.Found ?? 0,
        };
    }

    /// <summary>The facet lists and every brief's display file, written whole to <paramref name="files"/>.</summary>
    private FacetLists WriteDisplay(JsonFiles files, int chunkSize, bool embedLists, KnownFiles? known = null)
    {
        var facets = FacetLists.Build(_documents, _tables.FacetKeys);
        facets.Write(files);
        DocChunkWriter.Write(files, _documents, chunkSize, facets, embedLists: embedLists, known: known);
        return facets;
    }

    /// <summary>Keeps the facet files of the last write: its lists are this write's.</summary>
    private static void KeepFacetFiles(JsonFiles files, IReadOnlyDictionary<string, int> previous)
    {
        foreach (var file in previous.Keys)
        {
            if (file == "facets.json" || file.StartsWith("facets/", StringComparison.Ordinal)) files.Keep(file);
        }
    }

    /// <summary>
    /// BM25F: the field frequencies, each weighted and normalised by its field's length, summed, then saturated once
    /// (tf / (k1 + tf)) and scaled to 1..31.
    /// </summary>
    internal static byte Impact(uint frequencies, ReadOnlySpan<double> norms) => Quantised(Scaled(frequencies, norms));

    /// <summary>The impact before rounding: the saturated, weighted term frequency times <see cref="MaxImpact"/>.</summary>
    internal static double Scaled(uint frequencies, ReadOnlySpan<double> norms)
    {
        var tf = 0.0;
        for (var f = 0; f < SearchFields.Count; f++) tf += SearchFields.Frequency(frequencies, f) * norms[f];
        return tf / (K1 + tf) * MaxImpact;
    }

    /// <summary>A scaled impact rounded (half away from zero) into 1..<see cref="MaxImpact"/>.</summary>
    internal static byte Quantised(double scaled)
    {
        // Math.Round(scaled, MidpointRounding.AwayFromZero), without the C library's modf it calls, for every posting of
        // every cached build (a third of building the postings). For 0 <= scaled <= MaxImpact, scaled - whole is exact
        // (Sterbenz), the fraction modf gives; anything below 1.5 (negative, NaN) clamps to 1 both ways, anything above 31 to 31.
        if (scaled >= MaxImpact) return MaxImpact;
        var whole = (int)scaled;
        if (scaled - whole >= 0.5) whole++;
        return (byte)Math.Clamp(whole, 1, MaxImpact);
    }

    /// <summary>
    /// Entity pages by the terms of their names (those in most briefs first, at most
    /// <see cref="ShardWriter.MaxEntitiesPerTerm"/> a term), for the shard of each term.
    /// </summary>
    internal static Dictionary<string, List<SearchEntity>> EntitiesByTerm(IReadOnlyList<SearchEntity> entities)
    {
        var byTerm = new Dictionary<string, List<SearchEntity>>(StringComparer.Ordinal);
        var ordered = entities.OrderByDescending(e => e.Briefs).ThenBy(e => e.Kind, StringComparer.Ordinal)
            .ThenBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Path, StringComparer.Ordinal);
        foreach (var entity in ordered)
        {
            foreach (var term in SearchNormalizer.NameTerms(entity.Name))
            {
                if (!byTerm.TryGetValue(term, out var list)) byTerm[term] = list = [];
                if (list.Count < ShardWriter.MaxEntitiesPerTerm) list.Add(entity);
            }
        }
        return byTerm;
    }

    /// <summary>
    /// Per typo-dictionary word (by id), the number of briefs its term is in, or 0 when no brief uses the word: those
    /// are left out.
    /// </summary>
    private int[] WordBriefs(int[] order, Postings postings)
    {
        var briefs = new int[_tables.Words.Count];
        foreach (var document in _documents)
        {
            foreach (var word in document.WordIds) briefs[word] = 1;
        }
        var termBriefs = new int[_terms.Length];
        for (var r = 0; r < order.Length; r++) termBriefs[order[r]] = postings.Starts[r + 1] - postings.Starts[r];
        var wordTerms = _tables.WordTerms;
        for (var w = 0; w < briefs.Length; w++)
        {
            if (briefs[w] > 0) briefs[w] = termBriefs[wordTerms[w]];
        }
        return briefs;
    }

    private void WriteMeta(Utf8JsonWriter writer, IReadOnlyList<string> shardKeys, DictionaryKeys dictionary, bool facetBundle, int termCount, int chunkSize, string root)
    {
        writer.WriteStartObject();
        writer.WriteNumber("version", FormatVersion);
        // Where the other files are, relative to meta.json: "<hash>/" when versioned, "" when not.
        writer.WriteString("root", root);
        writer.WriteNumber("documents", _documents.Length);
        writer.WriteNumber("terms", termCount);
        writer.WriteNumber("k1", K1);
        writer.WriteNumber("maxImpact", MaxImpact);
        writer.WriteNumber("docChunk", chunkSize);
        // Whether facets.json exists: without it every facet list is in the briefs' data or its own file.
        writer.WriteBoolean("facetBundle", facetBundle);
        writer.WriteStartArray("shards");
        foreach (var key in shardKeys) writer.WriteStringValue(key);
        writer.WriteEndArray();
        writer.WriteStartArray("dict");
        foreach (var key in dictionary.Forward) writer.WriteStringValue(key);
        writer.WriteEndArray();
        writer.WriteStartArray("rdict");
        foreach (var key in dictionary.Reversed) writer.WriteStringValue(key);
        writer.WriteEndArray();
        // Ranks newest first: the ids counted back from the last when they are places by date; else the ids in that
        // order, packed.
        IReadOnlyList<IndexedDocument> byDate;
        if (_byDate is not null)
        {
            var bits = StableIds.Bits(StableIds.Capacity(_documents.Length));
            writer.WriteNumber("orderBits", bits);
            writer.WriteString("order", StableIds.Pack(_byDate, bits));
            var at = _documents.ToDictionary(d => d.Id);
            byDate = [.. _byDate.Select(id => at[id])];
        }
        else
        {
            byDate = [.. _documents.Reverse()];
        }
        // Years as runs over ranks: a handful of entries.
        writer.WriteStartArray("years");
        for (var i = 0; i < byDate.Count;)
        {
            var year = byDate[i].Date.Year;
            var j = i;
            while (j + 1 < byDate.Count && byDate[j + 1].Date.Year == year) j++;
            writer.WriteStartArray();
            writer.WriteNumberValue(year);
            writer.WriteNumberValue(i);
            writer.WriteNumberValue(j);
            writer.WriteEndArray();
            i = j + 1;
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}

/// <summary>
/// Postings of all terms by sorted rank: <c>Ids[Starts[r]..Starts[r+1]]</c> with matching impacts, and per term whether
/// some brief has it as a word as it is.
/// </summary>
internal sealed record Postings(int[] Starts, int[] Ids, byte[] Impacts, bool[] Verbatim)
{
    /// <summary>Each posting's packed frequencies, kept by a remembering builder's write so the next can patch the postings.</summary>
    public uint[]? Frequencies { get; init; }

    /// <summary>With <see cref="Frequencies"/>: what each document's impacts were computed from (see <see cref="PostingLists"/>).</summary>
    public ImpactBasis? Basis { get; init; }

    /// <summary>
    /// When patched from the last write's postings: by term id, whether its postings may differ from those (a term not
    /// marked has the same ids, impacts and flag).
    /// </summary>
    public bool[]? ChangedTerms { get; init; }
}

/// <summary>
/// Per document (by id, ids 0..n-1): the field norms its impacts were last computed with, and how far the nearest of
/// them was from a rounding step (in scaled units), so a later write can tell the documents whose impacts cannot have
/// changed.
/// </summary>
internal sealed record ImpactBasis(double[] Norms, double[] Margins);

/// <summary>
/// The builder's tables as a write sees them: terms with their ordinal order and entity pages (by term id), the typo
/// dictionary's words (and spelt backwards) with their orders and terms, and the facet keys of names met so far.
/// </summary>
internal sealed record IndexTables(
    string[] Terms, int[] TermOrder, List<SearchEntity>?[] Named,
    IReadOnlyList<string> Words, IReadOnlyList<string> ReversedWords, int[] WordTerms, int[] WordOrder, int[] ReversedOrder,
    Dictionary<string, string>? FacetKeys);
