namespace StaticBriefs.Search;

/// <summary>
/// Builds the postings of a write: per term in use (by sorted rank), the ids of the documents that have it, ascending,
/// with each one's impact (<see cref="SearchIndexWriter.Impact"/>). A remembering builder's write also keeps each
/// posting's frequencies and each document's <see cref="ImpactBasis"/>, so that preview's next write after a content
/// edit patches them (<see cref="Patch"/>): the edited documents' postings are taken out and put in again, the rest
/// copied, and only the impacts that can have changed are computed again. Any edit moves the average field lengths,
/// and so every document's norms a little; a document whose impacts were all far enough from a rounding step for that
/// move keeps them, which is most of them.
/// </summary>
internal static class PostingLists
{
    /// <summary>Most postings are a few occurrences in the body alone: their impact depends on the count only, per document.</summary>
    private const int BodyOnlyCounts = 16;

    /// <summary>Documents tokenized anew up to which a write patches the postings rather than builds them.</summary>
    private const int MaxPatchedDocuments = 64;

    /// <summary>
    /// When a document's norms move by a relative ε (below <see cref="MaxDrift"/>), so does the weighted frequency of each
    /// of its terms, and the scaled impact 31·tf/(k1+tf) moves by at most 31/4·ε·(1+ε)/(1-ε)², under 8ε.
    /// </summary>
    private const double DriftFactor = 8.0;

    private const double MaxDrift = 0.01;

    /// <summary>Room for floating-point rounding in the comparison with a margin.</summary>
    private const double FloatSlack = 1e-9;

    /// <summary>The postings of <paramref name="documents"/> (by id); <paramref name="order"/> gets the term ids in use by rank.</summary>
    /// <param name="documents">The documents, by id.</param>
    /// <param name="sortedTerms">Every term id, in ordinal order of the terms.</param>
    /// <param name="termCount">The size of the term table.</param>
    /// <param name="remember">Keep what a later <see cref="Patch"/> needs.</param>
    /// <param name="order">The term ids in use, by rank.</param>
    internal static Postings Build(IndexedDocument[] documents, int[] sortedTerms, int termCount, bool remember, out int[] order)
    {
        var used = new int[termCount];
        foreach (var document in documents)
        {
            foreach (var termId in document.TermIds) used[termId]++;
        }
        var averages = Averages(documents);
        var starts = Layout(sortedTerms, used, termCount, out order, out var rank);
        var fill = (int[])starts.Clone();
        var ids = new int[starts[^1]];
        var impacts = new byte[starts[^1]];
        var verbatim = new bool[order.Length];
        var frequencies = remember ? new uint[starts[^1]] : null;
        var basis = remember ? new ImpactBasis(new double[documents.Length * SearchFields.Count], new double[documents.Length]) : null;
        var norms = new double[SearchFields.Count];
        Span<double> bodyOnly = stackalloc double[BodyOnlyCounts];
        for (var d = 0; d < documents.Length; d++)
        {
            var document = documents[d];
            Norms(document, averages, norms);
            bodyOnly.Fill(double.NaN);
            var margin = double.MaxValue;
            var termIds = document.TermIds;
            var packedFrequencies = document.Frequencies;
            for (var i = 0; i < termIds.Length; i++)
            {
                var termRank = rank[termIds[i]];
                var slot = fill[termRank]++;
                ids[slot] = document.Id;
                var packed = packedFrequencies[i];
                var body = SearchFields.BodyOnly(packed);
                double scaled;
                if (body > 0 && body < BodyOnlyCounts)
                {
                    ref var known = ref bodyOnly[body];
                    if (double.IsNaN(known)) known = SearchIndexWriter.Scaled(packed, norms);
                    scaled = known;
                }
                else scaled = SearchIndexWriter.Scaled(packed, norms);
                impacts[slot] = SearchIndexWriter.Quantised(scaled);
                if (frequencies is not null) frequencies[slot] = packed;
                if (basis is not null) margin = Math.Min(margin, Margin(scaled));
                if ((packed & SearchFields.Verbatim) != 0) verbatim[termRank] = true;
            }
            if (basis is null) continue;
            norms.CopyTo(basis.Norms.AsSpan(d * SearchFields.Count));
            basis.Margins[d] = margin;
        }
        return new Postings(starts, ids, impacts, verbatim) { Frequencies = frequencies, Basis = basis };
    }

    /// <summary>
    /// The postings <see cref="Build"/> makes for <paramref name="documents"/>, from those of the last write (of
    /// <paramref name="before"/>) when only a few documents were tokenized anew, added or removed (matched by id: stable
    /// ids stay with their briefs); null when that does not apply.
    /// </summary>
    /// <param name="documents">The documents, by id.</param>
    /// <param name="before">The documents of the last write, by id.</param>
    /// <param name="state">The last write's postings and shards.</param>
    /// <param name="sortedTerms">Every term id, in ordinal order of the terms.</param>
    /// <param name="termCount">The size of the term table.</param>
    /// <param name="spare">
    /// Postings no write reads any more (those of the write before the last): their arrays are filled when long enough,
    /// rather than 18 MB allocated afresh at 10,000 briefs for every edit (on a fresh allocation the page faults and the
    /// collections it brings on were most of a patch's time).
    /// </param>
    /// <param name="order">The term ids in use, by rank.</param>
    internal static Postings? Patch(IndexedDocument[] documents, IndexedDocument[] before, ShardState state, int[] sortedTerms, int termCount, Postings? spare, out int[] order)
    {
        order = [];
        var old = state.Postings;
        var count = documents.Length;
        if (old.Frequencies is not { } oldFrequencies || old.Basis is not { } basis) return null;
        // Each document's place in the last write (-1: added), and the places of those removed since; both sorted by id.
        var then = new int[count];
        var removed = new List<int>();
        var changed = new List<int>();
        for (int d = 0, p = 0; d < count || p < before.Length;)
        {
            if (d == count || (p < before.Length && before[p].Id < documents[d].Id)) removed.Add(p++);
            else if (p == before.Length || documents[d].Id < before[p].Id)
            {
                then[d] = -1;
                changed.Add(d++);
            }
            else
            {
                var (a, b) = (before[p], documents[d]);
                then[d] = p++;
                if (!(ReferenceEquals(a.TermIds, b.TermIds) && ReferenceEquals(a.Frequencies, b.Frequencies) && ReferenceEquals(a.FieldLengths, b.FieldLengths)))
                    changed.Add(d);
                d++;
            }
            if (changed.Count + removed.Count > MaxPatchedDocuments) return null;
        }

        // The documents whose impacts must be computed again: those tokenized anew, and those whose norms moved too far
        // for the margin of their impacts.
        var averages = Averages(documents);
        var recompute = new bool[count];
        // By id (ids may have gaps: stable ids are slots of a table), the documents whose old postings are taken out.
        var replaced = new bool[Math.Max(count == 0 ? 0 : documents[^1].Id + 1, before.Length == 0 ? 0 : before[^1].Id + 1)];
        foreach (var d in changed)
        {
            recompute[d] = true;
            replaced[documents[d].Id] = true;
        }
        foreach (var p in removed) replaced[before[p].Id] = true;
        var norms = new double[SearchFields.Count];
        var recomputed = changed.Count;
        for (var d = 0; d < count; d++)
        {
            if (recompute[d]) continue;
            Norms(documents[d], averages, norms);
            var drift = 0.0;
            var p = then[d];
            for (var f = 0; f < SearchFields.Count; f++) drift = Math.Max(drift, Math.Abs((norms[f] / basis.Norms[(p * SearchFields.Count) + f]) - 1));
            if (drift < MaxDrift && (DriftFactor * drift) + FloatSlack < basis.Margins[p]) continue;
            recompute[d] = true;
            if (++recomputed > count / 4) return null;
        }

        // Document frequencies and the postings the changed documents now have, by term.
        var used = new int[termCount];
        for (var r = 0; r < state.Order.Length; r++) used[state.Order[r]] = old.Starts[r + 1] - old.Starts[r];
        var touched = new bool[termCount];
        var added = new Dictionary<int, List<(int Id, uint Frequencies)>>();
        foreach (var p in removed)
        {
            foreach (var termId in before[p].TermIds)
            {
                used[termId]--;
                touched[termId] = true;
            }
        }
        foreach (var d in changed)
        {
            if (then[d] >= 0)
            {
                foreach (var termId in before[then[d]].TermIds)
                {
                    used[termId]--;
                    touched[termId] = true;
                }
            }
            var document = documents[d];
            for (var k = 0; k < document.TermIds.Length; k++)
            {
                var termId = document.TermIds[k];
                used[termId]++;
                touched[termId] = true;
                if (!added.TryGetValue(termId, out var list)) added[termId] = list = [];
                list.Add((document.Id, document.Frequencies[k]));
            }
        }
        var starts = Layout(sortedTerms, used, termCount, out order, out var rank);
        var inUse = order.Length;

        // Arrays may be longer than the postings: every reader goes by Starts.
        var ids = Reuse(spare?.Ids, starts[^1]);
        var frequencies = Reuse(spare?.Frequencies, starts[^1]);
        var impacts = Reuse(spare?.Impacts, starts[^1]);
        // Terms whose postings may differ from the last write's: those of the changed documents, and those where an
        // impact computed again came out otherwise.
        var changedTerms = new bool[termCount];
        var verbatim = new bool[inUse];
        for (var r = 0; r < inUse;)
        {
            var termId = order[r];
            var oldRank = termId < state.RankOf.Length ? state.RankOf[termId] : -1;
            var from = oldRank < 0 ? 0 : old.Starts[oldRank];
            var to = oldRank < 0 ? 0 : old.Starts[oldRank + 1];
            if (!touched[termId])
            {
                // A run of untouched terms that were neighbours before too is one block of the old arrays.
                var end = r + 1;
                while (end < inUse && !touched[order[end]] && order[end] < state.RankOf.Length && state.RankOf[order[end]] == oldRank + (end - r)) end++;
                var oldEnd = oldRank + (end - r);
                to = old.Starts[oldEnd];
                Array.Copy(old.Ids, from, ids, starts[r], to - from);
                Array.Copy(oldFrequencies, from, frequencies, starts[r], to - from);
                Array.Copy(old.Impacts, from, impacts, starts[r], to - from);
                Array.Copy(old.Verbatim, oldRank, verbatim, r, end - r);
                r = end;
                continue;
            }
            changedTerms[termId] = true;
            // The old postings less the changed documents', merged by id with their new ones (impacts follow below).
            var fresh = added.GetValueOrDefault(termId) ?? [];
            fresh.Sort(static (x, y) => x.Id.CompareTo(y.Id));
            var slot = starts[r];
            var f = 0;
            for (var p = from; p < to; p++)
            {
                var id = old.Ids[p];
                if (replaced[id]) continue;
                while (f < fresh.Count && fresh[f].Id < id) (ids[slot], frequencies[slot], impacts[slot++]) = (fresh[f].Id, fresh[f++].Frequencies, 0);
                (ids[slot], frequencies[slot], impacts[slot++]) = (id, oldFrequencies[p], old.Impacts[p]);
            }
            while (f < fresh.Count) (ids[slot], frequencies[slot], impacts[slot++]) = (fresh[f].Id, fresh[f++].Frequencies, 0);
            for (var p = starts[r]; p < slot; p++) verbatim[r] |= (frequencies[p] & SearchFields.Verbatim) != 0;
            r++;
        }

        // The basis by the new places: the kept documents' as it was.
        var basisNorms = Reuse(spare?.Basis?.Norms, count * SearchFields.Count);
        var margins = Reuse(spare?.Basis?.Margins, count);
        for (var d = 0; d < count; d++)
        {
            if (recompute[d]) continue;
            Array.Copy(basis.Norms, then[d] * SearchFields.Count, basisNorms, d * SearchFields.Count, SearchFields.Count);
            margins[d] = basis.Margins[then[d]];
        }
        for (var d = 0; d < count; d++)
        {
            if (!recompute[d]) continue;
            var document = documents[d];
            Norms(document, averages, norms);
            var margin = double.MaxValue;
            for (var k = 0; k < document.TermIds.Length; k++)
            {
                var r = rank[document.TermIds[k]];
                var slot = Array.BinarySearch(ids, starts[r], starts[r + 1] - starts[r], document.Id);
                var scaled = SearchIndexWriter.Scaled(document.Frequencies[k], norms);
                var impact = SearchIndexWriter.Quantised(scaled);
                if (impacts[slot] != impact) changedTerms[document.TermIds[k]] = true;
                impacts[slot] = impact;
                margin = Math.Min(margin, Margin(scaled));
            }
            norms.CopyTo(basisNorms.AsSpan(d * SearchFields.Count));
            margins[d] = margin;
        }
        return new Postings(starts, ids, impacts, verbatim) { Frequencies = frequencies, Basis = new ImpactBasis(basisNorms, margins), ChangedTerms = changedTerms };
    }

    /// <summary>
    /// <paramref name="spare"/> when it holds <paramref name="length"/> items, else a new array with a little room, so
    /// that the next edits' added briefs fit in it too.
    /// </summary>
    private static T[] Reuse<T>(T[]? spare, int length) => spare is not null && spare.Length >= length ? spare : new T[length + (length / 64)];

    /// <summary>
    /// The flat layout of postings: the terms in use (<paramref name="used"/> counts their documents) by rank in
    /// <paramref name="order"/>, each term's rank, and where each rank's postings start (one more entry, the total).
    /// </summary>
    private static int[] Layout(int[] sortedTerms, int[] used, int termCount, out int[] order, out int[] rank)
    {
        var inUse = 0;
        foreach (var termId in sortedTerms)
        {
            if (used[termId] > 0) inUse++;
        }
        order = new int[inUse];
        rank = new int[termCount];
        var starts = new int[inUse + 1];
        var next = 0;
        foreach (var termId in sortedTerms)
        {
            if (used[termId] == 0) continue;
            order[next] = termId;
            rank[termId] = next;
            starts[next + 1] = starts[next] + used[termId];
            next++;
        }
        return starts;
    }

    /// <summary>Each field's average length over the documents (at least 1).</summary>
    private static double[] Averages(IndexedDocument[] documents)
    {
        var averages = new double[SearchFields.Count];
        foreach (var document in documents)
        {
            for (var f = 0; f < SearchFields.Count; f++) averages[f] += document.FieldLengths[f];
        }
        for (var f = 0; f < SearchFields.Count; f++) averages[f] = documents.Length == 0 ? 1.0 : Math.Max(1.0, averages[f] / documents.Length);
        return averages;
    }

    /// <summary>The weight of one occurrence in each field of <paramref name="document"/>, normalised by the field's length (BM25F).</summary>
    private static void Norms(IndexedDocument document, double[] averages, double[] norms)
    {
        for (var f = 0; f < SearchFields.Count; f++)
        {
            var b = SearchFields.LengthNormalisation[f];
            norms[f] = SearchFields.Weights[f] / (1 - b + b * document.FieldLengths[f] / averages[f]);
        }
    }

    /// <summary>How far a scaled impact is from the nearest step of its rounding (below 1.5 it is 1 and above 30.5 it is 31 whatever).</summary>
    private static double Margin(double scaled)
    {
        const double first = 1.5, last = SearchIndexWriter.MaxImpact - 0.5;
        if (scaled < first) return first - scaled;
        if (scaled >= last) return scaled - last;
        var below = Math.Floor(scaled - 0.5) + 0.5;
        return Math.Min(scaled - below, below + 1 - scaled);
    }
}
