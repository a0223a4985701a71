using System.Collections.Frozen;
using System.Runtime.InteropServices;
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

    private readonly ThreadLocal<Scratch> _scratch;
    private readonly Lazy<FrozenDictionary<(TaxonomyKind, TermKey), TermLists>> _terms;
    private int _wideWalks;

    /// <param name="site">The site whose briefs are ranked.</param>
    /// <param name="ticks">Each brief's date in UTC ticks, by id, when known already (a site that differs only in content).</param>
    /// <param name="minWide">The fewest briefs a wide term lists.</param>
    public RelatedRanking(SiteModel site, long[]? ticks = null, int minWide = MinWide)
    {
        Ticks = ticks ?? [.. site.Briefs.Select(b => b.Date.UtcTicks)];
        _scratch = new ThreadLocal<Scratch>(() => new Scratch(site.Briefs.Length));
        _terms = new(() => TermsOf(site, Ticks, minWide), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Each brief's date in UTC ticks, by id.</summary>
    public long[] Ticks { get; }

    /// <summary>How many rankings so far had to walk their wide terms' lists (the bound was not beaten).</summary>
    public int WideWalks => Volatile.Read(ref _wideWalks);

    /// <summary>The ids of up to <paramref name="count"/> briefs related to <paramref name="brief"/>, best first.</summary>
    public int[] Best(Brief brief, int count)
    {
        // A wide term's list (a generated topic is on 3,400 of 100,000 briefs, and a brief names 1-3) is not walked at
        // first: walking them cost each brief thousands of entries, a share of the site, so the step grew with the
        // square of the site. The briefs the narrow terms reach look their wide terms up in bit sets instead, and the
        // rest of the site can score at most the wide terms' weights together (its bound): when the count-th best
        // already beats that, nobody else can enter, and the wide lists are never walked.
        if (count <= 0) return [];
        var scratch = _scratch.Value!;
        var bound = Split(brief, scratch);
        if (scratch.Narrow.Count <= MaxTallied && Tally(brief, count, scratch, bound) is { } tallied) return tallied;
        return Scatter(brief, count, scratch, bound);
    }

    // The most narrow lists tallied in bytes (3 each at most, so a total fits); a brief naming more is scored by scattering.
    private const int MaxTallied = 80;

    /// <summary>
    /// Sorts the brief's terms into the scratch's narrow lists and wide bit sets (with their weights); returns the
    /// bound, what the wide terms weigh together.
    /// </summary>
    private int Split(Brief brief, Scratch scratch)
    {
        var terms = _terms.Value;
        scratch.Wide.Clear();
        scratch.Narrow.Clear();
        var bound = 0;
        foreach (var kind in TaxonomyKinds.All)
        {
            var weight = Weight(kind);
            foreach (var key in brief.TermsOf(kind))
            {
                var lists = terms[(kind, key)];
                if (lists.Members is { } members)
                {
                    scratch.Wide.Add((members, weight));
                    bound += weight;
                }
                else scratch.Narrow.Add((lists.Ids, lists.Ticks!, weight));
            }
        }
        return bound;
    }

    /// <summary>
    /// The ranking in two passes over the narrow lists, keeping the best few as it goes: the first adds each list's
    /// weight to its briefs' bytes in a site-sized tally (a quarter of the scatter's array of ints, so it stays in the
    /// cache), the second reads each brief's total back once, where its date sits beside its id, and clears it. At
    /// 100,000 briefs of a fixed cast a brief's narrow lists hold about 2,400 entries: scattering into an array of
    /// ints and reading the touched entries back four times was 8% of the build's samples, merging the lists by id
    /// half that. Returns null when the wide lists must be walked (the bound is not beaten); the scatter does that.
    /// </summary>
    private int[]? Tally(Brief brief, int count, Scratch scratch, int bound)
    {
        var narrow = CollectionsMarshal.AsSpan(scratch.Narrow);
        var wide = CollectionsMarshal.AsSpan(scratch.Wide);
        var tally = scratch.Tally;
        var self = brief.Id;
        foreach (ref readonly var list in narrow)
        {
            var weight = (byte)list.Weight;
            foreach (var id in list.Ids) tally[id] += weight;
        }
        // The brief's own entries are left out by clearing its byte, which no list reads back then.
        tally[self] = 0;
        var best = new (int Score, long Distance, int Id)[count];
        var filled = 0;
        var reached = 0;
        var selfTicks = Ticks[self];
        foreach (ref readonly var list in narrow)
        {
            var ids = list.Ids;
            var dates = list.Ticks;
            for (var i = 0; i < ids.Length; i++)
            {
                var id = ids[i];
                int score = tally[id];
                if (score == 0) continue;
                tally[id] = 0;
                reached++;
                if (!wide.IsEmpty) score += WideScore(wide, id);
                if (filled == count && score < best[count - 1].Score) continue;
                Keep(best, ref filled, (score, Math.Abs(dates[i] - selfTicks), id));
            }
        }
        // The scatter's test, in its terms: fewer reached than asked for, or the count-th best score (its histogram
        // caps scores at the top bucket) not above what a brief only the wide terms reach could score.
        if (!wide.IsEmpty && (reached < count || Math.Min(best[count - 1].Score, TopBucket) <= bound)) return null;
        return IdsOf(best, filled);
    }

    /// <summary>
    /// Puts <paramref name="candidate"/> in its place among the best so far (<paramref name="filled"/> of them, in
    /// <see cref="Compare"/> order), dropping the last when all places are taken; one that would come last is left out.
    /// </summary>
    private static void Keep(Span<(int Score, long Distance, int Id)> best, ref int filled, (int Score, long Distance, int Id) candidate)
    {
        if (filled == best.Length && Compare(candidate, best[^1]) >= 0) return;
        var place = filled < best.Length ? filled++ : best.Length - 1;
        while (place > 0 && Compare(candidate, best[place - 1]) < 0)
        {
            best[place] = best[place - 1];
            place--;
        }
        best[place] = candidate;
    }

    private static int[] IdsOf(ReadOnlySpan<(int Score, long Distance, int Id)> best, int filled)
    {
        var ids = new int[filled];
        for (var i = 0; i < filled; i++) ids[i] = best[i].Id;
        return ids;
    }

    /// <summary>
    /// The ranking by scattering: each narrow list's briefs scored in a site-sized array, then the wide terms added
    /// by bit set, and their lists walked when the best so far do not beat the bound.
    /// </summary>
    private int[] Scatter(Brief brief, int count, Scratch scratch, int bound)
    {
        foreach (var (ids, _, weight) in scratch.Narrow)
        {
            foreach (var other in ids)
            {
                if (other == brief.Id) continue;
                if (scratch.Scores[other] == 0) scratch.Touched.Add(other);
                scratch.Scores[other] += weight;
            }
        }
        if (scratch.Wide.Count > 0)
        {
            var wide = CollectionsMarshal.AsSpan(scratch.Wide);
            foreach (var id in scratch.Touched) scratch.Scores[id] += WideScore(wide, id);
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
    private static int WideScore(ReadOnlySpan<(ulong[] Members, int Weight)> wideOfBrief, int id)
    {
        var score = 0;
        foreach (ref readonly var term in wideOfBrief)
        {
            if ((term.Members[id >> 6] & (1UL << id)) != 0) score += term.Weight;
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
                    scratch.Scores[other] = WideScore(CollectionsMarshal.AsSpan(scratch.Wide), other);
                }
            }
        }
    }

    /// <summary>
    /// Each term's lists: a bit set for the terms listing more than one brief in <see cref="WideShare"/> (at most
    /// WideShare times the terms a brief has on average, each a bit per brief, so they stay small: 1.6 MB at 100,000
    /// briefs of two topics); for the rest, their briefs' dates beside their ids. The tally reads a candidate's date
    /// from there, in the order it walks: read from the site-wide array by id, a date was a cache miss for most of the
    /// 2,400 entries a brief's lists hold at 100,000 briefs, and a fifth of the ranking's samples.
    /// </summary>
    private static FrozenDictionary<(TaxonomyKind, TermKey), TermLists> TermsOf(SiteModel site, long[] ticks, int minWide)
    {
        var terms = new Dictionary<(TaxonomyKind, TermKey), TermLists>();
        var words = (site.Briefs.Length + 63) >> 6;
        foreach (var kind in TaxonomyKinds.All)
        {
            foreach (var term in site[kind].ByKey.Values)
            {
                var ids = ImmutableCollectionsMarshal.AsArray(term.BriefIds)!;
                if (ids.Length * WideShare <= site.Briefs.Length || ids.Length < minWide)
                {
                    var dates = new long[ids.Length];
                    for (var i = 0; i < ids.Length; i++) dates[i] = ticks[ids[i]];
                    terms[(kind, term.Key)] = new TermLists(ids, dates, null);
                    continue;
                }
                var members = new ulong[words];
                foreach (var id in ids) members[id >> 6] |= 1UL << id;
                terms[(kind, term.Key)] = new TermLists(ids, null, members);
            }
        }
        return terms.ToFrozenDictionary();
    }

    /// <summary>A term's briefs: ids ascending, and either their dates (a narrow term) or a bit set (a wide one).</summary>
    private sealed record TermLists(int[] Ids, long[]? Ticks, ulong[]? Members);

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
        var best = new (int Score, long Distance, int Id)[count];
        var filled = 0;
        foreach (var id in scratch.Touched)
        {
            var score = scratch.Scores[id];
            scratch.Scores[id] = 0;
            if (score >= threshold) Keep(best, ref filled, (score, Math.Abs(Ticks[id] - Ticks[brief.Id]), id));
        }
        scratch.Touched.Clear();
        return IdsOf(best, filled);
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

        /// <summary>The narrow lists' weights a brief shares, for <see cref="Tally"/>: zeros between rankings.</summary>
        public byte[] Tally { get; } = new byte[briefs];

        public List<int> Touched { get; } = [];

        public int[] Histogram { get; } = new int[TopBucket + 1];

        /// <summary>The wide terms of the brief being ranked: members and weight.</summary>
        public List<(ulong[] Members, int Weight)> Wide { get; } = [];

        /// <summary>The narrow terms of the brief being ranked: their briefs' ids (ascending), dates and weight.</summary>
        public List<(int[] Ids, long[] Ticks, int Weight)> Narrow { get; } = [];
    }
}
