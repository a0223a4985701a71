using System.Collections.Concurrent;

namespace StaticBriefs.Search;

/// <summary>Collects search documents during rendering and writes the sharded index (being built on the search branch).</summary>
public sealed class SearchIndexBuilder
{
    private readonly ConcurrentBag<int> _ids = [];

    /// <summary>Adds a document; thread-safe.</summary>
    public void Add(SearchDocument document) => _ids.Add(document.Id);

    /// <summary>Writes the index files.</summary>
    public SearchIndexStats Write(Output.IOutputSink sink) => new(_ids.Count, 0, 0, 0);
}

/// <summary>Figures about a written index.</summary>
public sealed record SearchIndexStats(int Documents, int Terms, int Shards, long Bytes);
