namespace StaticBriefs.Search;

/// <summary>What <c>SearchIndexBuilder.Write</c> produced: documents, distinct terms, shard files and total bytes.</summary>
public sealed record SearchIndexStats(int Documents, int Terms, int Shards, long Bytes)
{
    /// <summary>The folder of the index's files below <c>search/</c>, e.g. <c>3f2a1b9c0d4e/</c>; empty when unversioned.</summary>
    public string Root { get; init; } = "";

    /// <summary>
    /// When the write was compared with the builder's last one (preview's unversioned rebuilds) and wrote only the files
    /// that changed: the site-relative paths of files that write made and this one does not, for the caller to remove.
    /// Null when the write was not compared with an earlier one.
    /// </summary>
    public IReadOnlyList<string>? Stale { get; init; }

    /// <summary>True when the postings were patched from the last write's rather than built whole.</summary>
    public bool PostingsPatched { get; init; }

    /// <summary>Display files found made from the same briefs and lists in the last version, so taken from there (<see cref="KnownFiles"/>).</summary>
    public int DisplayFilesKnown { get; init; }
}
