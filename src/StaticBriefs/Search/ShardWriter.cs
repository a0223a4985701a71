using System.Globalization;
using System.Text;
using System.Text.Json;

namespace StaticBriefs.Search;

/// <summary>
/// Cuts the sorted term list into contiguous shards of about <see cref="SearchIndexWriter.ShardTargetBytes"/>.
/// A shard's key is the shortest prefix of its first term that sorts after the previous shard's last term,
/// so search.js finds a term's shard by binary search, and a prefix's terms in the run of shards whose
/// ranges overlap [prefix, prefix + U+FFFF]. One very common term may make a shard larger than the target.
/// <c>v</c> marks, six terms a character (base64url, first term in the highest bit), the terms that some brief has as a
/// word as it is ("rust"), not only as the stem of others ("weav" of "weaver", "weaving"): a word being typed that is
/// such a term is complete, and is not expanded. Each shard also lists the entity pages whose names contain its terms
/// (<c>e</c>: term index, kind letter, name, path, briefs), at most <see cref="MaxEntitiesPerTerm"/> a term (those
/// in most briefs: a word many names share, "labs", would otherwise list them all), so a query finds matching
/// companies, people and topics in the files it loads anyway.
/// </summary>
internal static class ShardWriter
{
    /// <summary>Entity pages listed under one term; search shows a few.</summary>
    internal const int MaxEntitiesPerTerm = 8;

    /// <summary>
    /// Cuts and writes the shards; returns their keys. With <paramref name="previous"/> (the last write's, whose files
    /// are in place) a shard of the same terms whose postings, impacts, verbatim flags and entity pages are all as they
    /// were is kept rather than encoded and written again: its bytes would be the same.
    /// </summary>
    /// <param name="files">Where the shards go.</param>
    /// <param name="terms">The term table.</param>
    /// <param name="order">Term ids in use by rank.</param>
    /// <param name="postings">Their postings by rank.</param>
    /// <param name="named">Entity pages by term id (null for none).</param>
    /// <param name="previous">The last write's postings and shards, whose files are in place; null to write every shard.</param>
    /// <param name="state">What the next write compares against.</param>
    internal static List<string> Write(
        JsonFiles files, string[] terms, int[] order, Postings postings, List<SearchEntity>?[] named, ShardState? previous, out ShardState state)
    {
        var count = order.Length;
        // A clean write encodes every term once and cuts by those lengths; an incremental one encodes the terms whose ids
        // changed, keeps the length of the others (impacts have a fixed width) and encodes those of the shards it writes.
        var encoded = new string?[count];
        var encodedLength = new int[terms.Length];
        // Terms whose postings, impacts, flag or entity pages differ from the last write's (or that it did not have).
        var changed = previous is null ? null : new bool[count];
        var ranges = new List<(int Start, int End)>();
        var builder = new StringBuilder();
        var size = 0;
        var start = 0;
        // A clean write encodes every term, each on its own: on every core, which the pages beside the index have left
        // by then (a cached date edit at 10,000 briefs: shards and dictionary 48 -> 34 ms, medians of 12 runs).
        if (previous is null)
            Parallel.For(0, count, () => new StringBuilder(), (r, _, local) => { encoded[r] = Encode(local, postings, r); return local; }, _ => { });
        for (var r = 0; r < count; r++)
        {
            var termId = order[r];
            int length;
            if (previous is null) length = encoded[r]!.Length;
            else
            {
                var before = termId < previous!.RankOf.Length ? previous.RankOf[termId] : -1;
                if (before >= 0 && postings.ChangedTerms is { } patched && !patched[termId])
                {
                    // Patched postings say which terms changed; the others only need their entity pages compared.
                    length = previous.EncodedLength[termId];
                    changed![r] = !SameNamed(previous, termId, named);
                }
                else if (before >= 0 && SameIds(previous.Postings, before, postings, r))
                {
                    length = previous.EncodedLength[termId];
                    changed![r] = !SameRest(previous, before, postings, r, named);
                }
                else
                {
                    length = (encoded[r] = Encode(builder, postings, r)).Length;
                    changed![r] = true;
                }
            }
            encodedLength[termId] = length;
            var entry = terms[termId].Length + length + 6;
            if (named[termId] is { } entities) foreach (var entity in entities) entry += entity.Name.Length + entity.Path.Length + 24;
            if (size > 0 && size + entry > SearchIndexWriter.ShardTargetBytes)
            {
                ranges.Add((start, r));
                start = r;
                size = 0;
            }
            size += entry;
        }
        // An index without terms still has its one (empty) shard.
        if (count > start || ranges.Count == 0) ranges.Add((start, count));

        var keys = new List<string>(ranges.Count);
        for (var s = 0; s < ranges.Count; s++)
        {
            var (first, end) = ranges[s];
            keys.Add(s == 0 || end == first ? string.Empty : Separator(terms[order[ranges[s - 1].End - 1]], terms[order[first]]));
            var name = $"shards/{s.ToString(CultureInfo.InvariantCulture)}.json";
            if (previous is not null && Unchanged(previous, s, order, first, end, changed!) && files.Keep(name)) continue;
            files.Write(name, writer => WriteShard(writer, terms, order, first, end, postings, named, encoded, builder));
        }
        var rankOf = new int[terms.Length];
        Array.Fill(rankOf, -1);
        for (var r = 0; r < count; r++) rankOf[order[r]] = r;
        state = new ShardState(order, rankOf, postings, encodedLength, named, [.. ranges]);
        return keys;
    }

    /// <summary>The postings of the term of rank <paramref name="rank"/>, Rice-coded with their impacts.</summary>
    private static string Encode(StringBuilder builder, Postings postings, int rank)
    {
        builder.Clear();
        var from = postings.Starts[rank];
        var to = postings.Starts[rank + 1];
        RiceCodec.Append(builder, postings.Ids.AsSpan(from, to - from), 0, postings.Impacts.AsSpan(from, to - from), RiceCodec.ImpactBits);
        return builder.ToString();
    }

    private static void WriteShard(
        Utf8JsonWriter writer, string[] terms, int[] order, int first, int end, Postings postings, List<SearchEntity>?[] named,
        string?[] encoded, StringBuilder builder)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("t");
        for (var r = first; r < end; r++) writer.WriteStringValue(terms[order[r]]);
        writer.WriteEndArray();
        writer.WriteStartArray("p");
        for (var r = first; r < end; r++) writer.WriteStringValue(encoded[r] ?? Encode(builder, postings, r));
        writer.WriteEndArray();
        writer.WriteString("v", Bitmap(postings.Verbatim.AsSpan(first, end - first)));
        var any = false;
        for (var r = first; r < end; r++)
        {
            if (named[order[r]] is not { } entities) continue;
            if (!any)
            {
                writer.WriteStartArray("e");
                any = true;
            }
            foreach (var entity in entities)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(r - first);
                writer.WriteStringValue(entity.Kind[..1]);
                writer.WriteStringValue(entity.Name);
                writer.WriteStringValue(entity.Path);
                writer.WriteNumberValue(entity.Briefs);
                writer.WriteEndArray();
            }
        }
        if (any) writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>True when shard <paramref name="shard"/> of the last write had the same terms, none of them <paramref name="changed"/>.</summary>
    private static bool Unchanged(ShardState previous, int shard, int[] order, int first, int end, bool[] changed)
    {
        if (shard >= previous.Ranges.Length) return false;
        var (before, beforeEnd) = previous.Ranges[shard];
        return beforeEnd - before == end - first
            && !changed.AsSpan(first, end - first).Contains(true)
            && order.AsSpan(first, end - first).SequenceEqual(previous.Order.AsSpan(before, end - first));
    }

    /// <summary>With the same ids: whether the impacts, the verbatim flag and the entity pages are the same too.</summary>
    private static bool SameRest(ShardState previous, int oldRank, Postings postings, int rank, List<SearchEntity>?[] named)
    {
        var old = previous.Postings;
        if (old.Verbatim[oldRank] != postings.Verbatim[rank]) return false;
        if (!old.Impacts.AsSpan(old.Starts[oldRank], old.Starts[oldRank + 1] - old.Starts[oldRank])
            .SequenceEqual(postings.Impacts.AsSpan(postings.Starts[rank], postings.Starts[rank + 1] - postings.Starts[rank])))
            return false;
        return SameNamed(previous, previous.Order[oldRank], named);
    }

    private static bool SameNamed(ShardState previous, int termId, List<SearchEntity>?[] named)
    {
        var then = termId < previous.Named.Length ? previous.Named[termId] : null;
        var now = named[termId];
        return ReferenceEquals(then, now) || (then is not null && now is not null && then.SequenceEqual(now));
    }

    private static bool SameIds(Postings before, int oldRank, Postings after, int rank) =>
        before.Ids.AsSpan(before.Starts[oldRank], before.Starts[oldRank + 1] - before.Starts[oldRank])
            .SequenceEqual(after.Ids.AsSpan(after.Starts[rank], after.Starts[rank + 1] - after.Starts[rank]));

    /// <summary>Flags as base64url characters of six, most significant bit first.</summary>
    internal static string Bitmap(ReadOnlySpan<bool> flags)
    {
        var text = new StringBuilder((flags.Length + 5) / 6);
        for (var i = 0; i < flags.Length; i += 6)
        {
            var value = 0;
            for (var b = 0; b < 6; b++) value = (value << 1) | (i + b < flags.Length && flags[i + b] ? 1 : 0);
            text.Append(PostingCodec.Alphabet[value]);
        }
        return text.ToString();
    }

    /// <summary>The shortest prefix of <paramref name="first"/> that sorts after <paramref name="previousLast"/>.</summary>
    internal static string Separator(string previousLast, string first)
    {
        var common = 0;
        while (common < previousLast.Length && common < first.Length && previousLast[common] == first[common]) common++;
        return first[..Math.Min(first.Length, common + 1)];
    }
}
