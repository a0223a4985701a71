using System.Globalization;
using System.Text;

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

    internal static List<string> Write(JsonFiles files, string[] terms, int[] order, Postings postings, Dictionary<string, List<SearchEntity>> entities)
    {
        var keys = new List<string>();
        var shardTerms = new List<string>();
        var shardPostings = new List<string>();
        var shardVerbatim = new List<bool>();
        var shardEntities = new List<(int Index, SearchEntity Entity)>();
        var size = 0;
        var builder = new StringBuilder();
        string? previousLast = null;

        void Flush(bool evenIfEmpty)
        {
            if (shardTerms.Count == 0 && !evenIfEmpty) return;
            keys.Add(previousLast is null ? string.Empty : Separator(previousLast, shardTerms[0]));
            previousLast = shardTerms.Count > 0 ? shardTerms[^1] : null;
            var name = (keys.Count - 1).ToString(CultureInfo.InvariantCulture);
            files.Write($"shards/{name}.json", writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartArray("t");
                foreach (var term in shardTerms) writer.WriteStringValue(term);
                writer.WriteEndArray();
                writer.WriteStartArray("p");
                foreach (var packed in shardPostings) writer.WriteStringValue(packed);
                writer.WriteEndArray();
                writer.WriteString("v", Bitmap(shardVerbatim));
                if (shardEntities.Count > 0)
                {
                    writer.WriteStartArray("e");
                    foreach (var (index, entity) in shardEntities)
                    {
                        writer.WriteStartArray();
                        writer.WriteNumberValue(index);
                        writer.WriteStringValue(entity.Kind[..1]);
                        writer.WriteStringValue(entity.Name);
                        writer.WriteStringValue(entity.Path);
                        writer.WriteNumberValue(entity.Briefs);
                        writer.WriteEndArray();
                    }
                    writer.WriteEndArray();
                }
                writer.WriteEndObject();
            });
            shardTerms.Clear();
            shardPostings.Clear();
            shardVerbatim.Clear();
            shardEntities.Clear();
            size = 0;
        }

        for (var r = 0; r < order.Length; r++)
        {
            builder.Clear();
            var from = postings.Starts[r];
            var to = postings.Starts[r + 1];
            RiceCodec.Append(builder, postings.Ids.AsSpan(from, to - from), 0, postings.Impacts.AsSpan(from, to - from), RiceCodec.ImpactBits);
            var term = terms[order[r]];
            var entry = term.Length + builder.Length + 6;
            entities.TryGetValue(term, out var named);
            if (named is not null) foreach (var entity in named) entry += entity.Name.Length + entity.Path.Length + 24;
            if (size > 0 && size + entry > SearchIndexWriter.ShardTargetBytes) Flush(false);
            if (named is not null) foreach (var entity in named) shardEntities.Add((shardTerms.Count, entity));
            shardTerms.Add(term);
            shardPostings.Add(builder.ToString());
            shardVerbatim.Add(postings.Verbatim[r]);
            size += entry;
        }
        Flush(keys.Count == 0); // an index without terms still has its one (empty) shard
        return keys;
    }

    /// <summary>Flags as base64url characters of six, most significant bit first.</summary>
    internal static string Bitmap(List<bool> flags)
    {
        var text = new StringBuilder((flags.Count + 5) / 6);
        for (var i = 0; i < flags.Count; i += 6)
        {
            var value = 0;
            for (var b = 0; b < 6; b++) value = (value << 1) | (i + b < flags.Count && flags[i + b] ? 1 : 0);
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
