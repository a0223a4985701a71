namespace StaticBriefs.Benchmarks.Relevance;

/// <summary>One line of <c>tests/RealContent/queries.tsv</c>: a query a reader would type and the post they want.</summary>
/// <param name="Blog">The blog's folder under the real-content root.</param>
/// <param name="Kind">known-item, typo, prefix, topical or version.</param>
/// <param name="Query">The text typed.</param>
/// <param name="Expected">The best post, relative to the blog's <c>posts/</c> folder.</param>
internal sealed record RelevanceQuery(string Blog, string Kind, string Query, string Expected)
{
    /// <summary>Reads the TSV (header line first; columns blog, kind, query, expected, note).</summary>
    public static List<RelevanceQuery> Read(string path)
    {
        var queries = new List<RelevanceQuery>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var columns = line.Split('\t');
            queries.Add(new RelevanceQuery(columns[0], columns[1], columns[2], columns[3]));
        }
        return queries;
    }
}

/// <summary>What one engine gave for one query.</summary>
/// <param name="Urls">Result URLs in rank order (site paths), briefs only, at most ten.</param>
/// <param name="Total">Results the engine reported.</param>
/// <param name="Bytes">Bytes fetched for the query in a fresh browser context, search scripts included.</param>
/// <param name="Milliseconds">From the input event to the first result drawn (or to "no results").</param>
/// <param name="GzipBytes">The same responses as a host that compresses would send them: each body gzipped at the
/// default level, or as served when that is smaller (Pagefind's index files are gzipped already).</param>
internal sealed record QueryOutcome(IReadOnlyList<string> Urls, int Total, long Bytes, double Milliseconds, long GzipBytes)
{
    /// <summary>1-based rank of <paramref name="url"/> in the first ten, 0 when absent.</summary>
    public int RankOf(string url)
    {
        for (var i = 0; i < Urls.Count && i < 10; i++)
        {
            if (Urls[i] == url) return i + 1;
        }
        return 0;
    }
}
