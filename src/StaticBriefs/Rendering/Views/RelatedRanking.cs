using System.Collections.Frozen;
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

    // A term listing more than one brief in this many is wide (see Best), when it lists at least MinWide briefs: a
    // short list costs less to walk than a bit set the size of the site costs to make.
    private const int WideShare = 64;

    /// <summary>The fewest briefs a wide term lists, unless a test asks for fewer.</summary>
    public const int MinWide = 256;

    private readonly SiteModel _site;
    private readonly ThreadLocal<Scratch> _scratch;
    private readonly Lazy<FrozenDictionary<(TaxonomyKind, TermKey), ulong[]>> _wideTerms;
    private int _wideWalks;

    /// <param name="site">The site whose briefs are ranked.</param>
    /// <param name="ticks">Each brief's date in UTC ticks, by id, when known already (a site that differs only in content).</param>
    /// <param name="minWide">The fewest briefs a wide term lists.</param>
    public RelatedRanking(SiteModel site, long[]? ticks = null, int minWide = MinWide)
    {
        _site = site;
        Ticks = ticks ?? [.. site.Briefs.Select(b => b.Date.UtcTicks)];
        _scratch = new ThreadLocal<Scratch>(() => new Scratch(site.Briefs.Length));
        _wideTerms = new(() => WideTerms(site, minWide), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Each brief's date in UTC ticks, by id.</summary>
    public long[] Ticks { get; }

    /// <summary>How many rankings so far had to walk their wide terms' lists (the bound was not beaten).</summary>
    public int WideWalks => Volatile.Read(ref _wideWalks);

    /// <summary>The ids of up to <paramref name="count"/> briefs related to <paramref name="brief"/>, best first.</summary>
    public int[] Best(Brief brief, int count)
    {
        // Scores live in one reused array per thread; only the touched entries are read back and reset. A narrow term's
        // list is walked. A wide one's (a generated topic is on 3,400 of 100,000 briefs, and a brief names 1-3) is not,
        // at first: walking them cost each brief thousands of entries, a share of the site, so the step grew with the
        // square of the site (7% of a 100,000-brief build's samples). The briefs the narrow terms reached look their
        // wide terms up in bit sets instead, and the rest of the site can score at most the wide terms' weights together
        // (its bound): when the count-th best already beats that, nobody else can enter, and the wide lists are never
        // walked.
        var scratch = _scratch.Value!;
        var wide = _wideTerms.Value;
        var wideOfBrief = scratch.Wide;
        wideOfBrief.Clear();
        var bound = 0;
        foreach (var kind in TaxonomyKinds.All)
        {
            var weight = Weight(kind);
            foreach (var key in brief.TermsOf(kind))
            {
                if (wide.TryGetValue((kind, key), out var members))
                {
                    wideOfBrief.Add((members, weight));
                    bound += weight;
                    continue;
                }
                foreach (var other in _site.TermOf(kind, key).BriefIds)
                {
                    if (other == brief.Id) continue;
                    if (scratch.Scores[other] == 0) scratch.Touched.Add(other);
                    scratch.Scores[other] += weight;
                }
            }
        }
        if (wideOfBrief.Count > 0)
        {
            foreach (var id in scratch.Touched) scratch.Scores[id] += WideScore(wideOfBrief, id);
            if (scratch.Touched.Count < count || Threshold(scratch, count) <= bound)
            {
                WalkWide(brief, scratch);
                Interlocked.Increment(ref _wideWalks);
            }
        }
        return Pick(brief, scratch, count);
    }

    /// <summary>How much one shared term of <paramref name="kind"/> weighs.</summary>
    private static int Weight(TaxonomyKind kind) => kind == TaxonomyKind.Topics ? TopicWeight : CompanyOrPersonWeight;

    /// <summary>What the wide terms add to <paramref name="id"/>'s score.</summary>
    private static int WideScore(List<(ulong[] Members, int Weight)> wideOfBrief, int id)
    {
        var score = 0;
        foreach (var (members, weight) in wideOfBrief)
        {
            if ((members[id >> 6] & (1UL << id)) != 0) score += weight;
        }
        return score;
    }

    /// <summary>
    /// The briefs only the wide terms reach, for when the best so far do not beat the bound: each one scored in full
    /// (by the bit sets) the first time it is seen, since no narrow term reached it.
    /// </summary>
    private void WalkWide(Brief brief, Scratch scratch)
    {
        foreach (var (members, _) in scratch.Wide)
        {
            for (var word = 0; word < members.Length; word++)
            {
                for (var bits = members[word]; bits != 0; bits &= bits - 1)
                {
                    var other = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                    if (other == brief.Id || scratch.Scores[other] != 0) continue;
                    scratch.Touched.Add(other);
                    scratch.Scores[other] = WideScore(scratch.Wide, other);
                }
            }
        }
    }

    /// <summary>
    /// Bit sets of the terms listing more than one brief in <see cref="WideShare"/>: at most WideShare times the
    /// terms a brief has on average, each a bit per brief, so they stay small (1.6 MB at 100,000 briefs of two topics).
    /// </summary>
    private static FrozenDictionary<(TaxonomyKind, TermKey), ulong[]> WideTerms(SiteModel site, int minWide)
    {
        var wide = new Dictionary<(TaxonomyKind, TermKey), ulong[]>();
        var words = (site.Briefs.Length + 63) >> 6;
        foreach (var kind in TaxonomyKinds.All)
        {
            foreach (var term in site[kind].ByKey.Values)
            {
                if (term.BriefIds.Length * WideShare <= site.Briefs.Length || term.BriefIds.Length < minWide) continue;
                var members = new ulong[words];
                foreach (var id in term.BriefIds) members[id >> 6] |= 1UL << id;
                wide[(kind, term.Key)] = members;
            }
        }
        return wide.ToFrozenDictionary();
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

        /// <summary>The wide terms of the brief being ranked: members and weight.</summary>
        public List<(ulong[] Members, int Weight)> Wide { get; } = [];
    }
}
