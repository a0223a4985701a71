using StaticBriefs.Model;

namespace StaticBriefs.Rendering.Views;

/// <summary>
/// Ranks the briefs related to a brief: those sharing the most entities with it (a company or person counts 3, a topic
/// 1), then the closest in time, then the lower id. Thread-safe; one scratch array a thread.
/// </summary>
internal sealed class RelatedRanking : IDisposable
{
    private const int CompanyOrPersonWeight = 3, TopicWeight = 1;

    // Scores at or above this share one bucket of the histogram that finds the lowest score still in the running.
    private const int TopBucket = 63;

    private readonly SiteModel _site;
    private readonly ThreadLocal<Scratch> _scratch;

    /// <param name="site">The site whose briefs are ranked.</param>
    /// <param name="ticks">Each brief's date in UTC ticks, by id, when known already (a site that differs only in content).</param>
    public RelatedRanking(SiteModel site, long[]? ticks = null)
    {
        _site = site;
        Ticks = ticks ?? [.. site.Briefs.Select(b => b.Date.UtcTicks)];
        _scratch = new ThreadLocal<Scratch>(() => new Scratch(site.Briefs.Length));
    }

    /// <summary>Each brief's date in UTC ticks, by id.</summary>
    public long[] Ticks { get; }

    /// <summary>The ids of up to <paramref name="count"/> briefs related to <paramref name="brief"/>, best first.</summary>
    public int[] Best(Brief brief, int count)
    {
        // Scores live in one reused array per thread; only the touched entries are read back and reset. Walking every
        // shared topic's list (a tenth of the site each) is most of the work, and is not the cost it seems: skipping the
        // wide topics' lists when the briefs sharing a company or person were enough (bit sets for the topics' members)
        // left a 10,000- and a 100,000-brief build's time here unchanged (0.98% and 4.4% of samples, against 0.93% and
        // 4.4%): the few hundred scattered look-ups into a cold score array cost what the long sequential lists did.
        var scratch = _scratch.Value!;
        foreach (var kind in TaxonomyKinds.All)
        {
            var weight = kind == TaxonomyKind.Topics ? TopicWeight : CompanyOrPersonWeight;
            foreach (var key in brief.TermsOf(kind))
            {
                foreach (var other in _site.TermOf(kind, key).BriefIds)
                {
                    if (other == brief.Id) continue;
                    if (scratch.Scores[other] == 0) scratch.Touched.Add(other);
                    scratch.Scores[other] += weight;
                }
            }
        }
        return Pick(brief, scratch, count);
    }

    /// <summary>
    /// The lowest score that can make the best <paramref name="count"/>: the count-th best score (capped at the top
    /// bucket), or 1 when fewer than that many briefs score 2 or more.
    /// </summary>
    private static int Threshold(Scratch scratch, int count)
    {
        var histogram = scratch.Histogram;
        Array.Clear(histogram);
        foreach (var id in scratch.Touched) histogram[Math.Min(scratch.Scores[id], TopBucket)]++;
        var threshold = TopBucket;
        for (var seen = 0; threshold > 1 && seen + histogram[threshold] < count; threshold--) seen += histogram[threshold];
        return threshold;
    }

    /// <summary>
    /// The best <paramref name="count"/> of the scored briefs; most share one topic and can never make the top few, so
    /// only those at or above the threshold pay for the date comparison. Leaves the scratch clear.
    /// </summary>
    private int[] Pick(Brief brief, Scratch scratch, int count)
    {
        var threshold = Threshold(scratch, count);
        var best = new List<(int Score, long Distance, int Id)>(count + 1);
        foreach (var id in scratch.Touched)
        {
            var score = scratch.Scores[id];
            scratch.Scores[id] = 0;
            if (score < threshold) continue;
            var candidate = (score, Math.Abs(Ticks[id] - Ticks[brief.Id]), id);
            if (best.Count == count && Compare(candidate, best[^1]) >= 0) continue;
            var at = 0;
            while (at < best.Count && Compare(candidate, best[at]) >= 0) at++;
            best.Insert(at, candidate);
            if (best.Count > count) best.RemoveAt(count);
        }
        scratch.Touched.Clear();
        var ids = new int[best.Count];
        for (var i = 0; i < ids.Length; i++) ids[i] = best[i].Id;
        return ids;
    }

    /// <summary>Higher score first, then the brief closest in time, then the lower id, so the choice is reproducible.</summary>
    private static int Compare((int Score, long Distance, int Id) a, (int Score, long Distance, int Id) b)
    {
        if (a.Score != b.Score) return b.Score.CompareTo(a.Score);
        if (a.Distance != b.Distance) return a.Distance.CompareTo(b.Distance);
        return a.Id.CompareTo(b.Id);
    }

    /// <inheritdoc/>
    public void Dispose() => _scratch.Dispose();

    /// <summary>
    /// One thread's scratch: a score per brief and which are set (reused: a list grown to 128 KB per brief at 100,000
    /// briefs was 10 GB allocated in all), and the histogram of <see cref="Threshold"/>.
    /// </summary>
    private sealed class Scratch(int briefs)
    {
        public int[] Scores { get; } = new int[briefs];

        public List<int> Touched { get; } = [];

        public int[] Histogram { get; } = new int[TopBucket + 1];
    }
}
