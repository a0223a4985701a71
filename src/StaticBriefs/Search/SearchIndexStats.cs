namespace StaticBriefs.Search;

/// <summary>What <see cref="SearchIndexBuilder.Write"/> produced: documents, distinct terms, shard files and total bytes.</summary>
public sealed record SearchIndexStats(int Documents, int Terms, int Shards, long Bytes);
