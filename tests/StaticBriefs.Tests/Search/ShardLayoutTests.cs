using System.Globalization;
using System.Text.Json;
using StaticBriefs.Search;

namespace StaticBriefs.Tests.Search;

/// <summary>The shard layout search.js relies on: sorted ranges, bounded sizes, and every prefix's terms in the shards it loads.</summary>
public sealed class ShardLayoutTests
{
    private static readonly Lazy<(string[] Keys, List<(string[] Terms, string[] Postings, int Bytes)> Shards, InMemoryOutputSink Sink)> Layout = new(Load);

    [Fact]
    public void Shards_are_bounded_unless_a_single_term_fills_one()
    {
        var (_, shards, _) = Layout.Value;
        Assert.True(shards.Count > 5, $"expected several shards, got {shards.Count}");
        foreach (var (terms, postings, bytes) in shards)
        {
            var largest = postings.Max(p => p.Length) + terms.Max(t => t.Length) + 16;
            Assert.True(bytes <= SearchIndexWriter.ShardTargetBytes + largest, $"shard of {bytes} bytes starting at {terms[0]}");
        }
    }

    [Fact]
    public void Each_term_lies_in_the_shard_its_key_range_names()
    {
        var (keys, shards, _) = Layout.Value;
        Assert.Equal(string.Empty, keys[0]);
        for (var i = 0; i < shards.Count; i++)
        {
            foreach (var term in shards[i].Terms) Assert.Equal(i, Floor(keys, term));
        }
    }

    [Fact]
    public void All_terms_of_a_prefix_are_in_the_shard_range_the_prefix_maps_to()
    {
        var (keys, shards, _) = Layout.Value;
        var all = shards.SelectMany((s, i) => s.Terms.Select(t => (Term: t, Shard: i))).ToList();
        var prefixes = all.Where(x => x.Term.Length >= 3).Select(x => x.Term[..2]).Concat(all.Where(x => x.Term.Length >= 4).Select(x => x.Term[..3])).Distinct().ToList();
        foreach (var prefix in prefixes)
        {
            var first = Floor(keys, prefix);
            var last = Floor(keys, prefix + "\uffff");
            foreach (var (term, shard) in all)
            {
                if (term.StartsWith(prefix, StringComparison.Ordinal)) Assert.InRange(shard, first, last);
            }
        }
    }

    [Fact]
    public void Postings_decode_to_ascending_ids_with_impacts_in_range()
    {
        var (_, shards, sink) = Layout.Value;
        using var meta = JsonDocument.Parse(sink.Files["search/meta.json"]);
        var documents = meta.RootElement.GetProperty("documents").GetInt32();
        var model = shards.SelectMany(s => s.Terms.Zip(s.Postings)).Single(x => x.First == "model").Second;
        var impacts = new List<int>();
        var ids = RiceCodec.Decode(model, 0, RiceCodec.ImpactBits, impacts);
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.InRange(id, 0, documents - 1));
        Assert.All(impacts, impact => Assert.InRange(impact, 1, SearchIndexWriter.MaxImpact));
        Assert.True(ids.Count > documents / 2, "a common word appears in most documents");
        // Rice-coded gaps of a common word plus 5-bit impacts: under one character (6 bits) and a half per posting.
        Assert.True(model.Length < ids.Count * 1.5, $"{model.Length} characters for {ids.Count} postings");
    }

    private static int Floor(string[] keys, string term)
    {
        var index = -1;
        for (var i = 0; i < keys.Length && string.CompareOrdinal(keys[i], term) <= 0; i++) index = i;
        return index;
    }

    private static (string[], List<(string[], string[], int)>, InMemoryOutputSink) Load()
    {
        var sink = SearchIndexBuilderTests.Build(SearchFixtures.Synthetic(600));
        using var meta = JsonDocument.Parse(sink.Files["search/meta.json"]);
        var keys = meta.RootElement.GetProperty("shards").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var shards = new List<(string[], string[], int)>();
        for (var i = 0; i < keys.Length; i++)
        {
            var bytes = sink.Files["search/shards/" + i.ToString(CultureInfo.InvariantCulture) + ".json"];
            using var shard = JsonDocument.Parse(bytes);
            shards.Add(([.. shard.RootElement.GetProperty("t").EnumerateArray().Select(e => e.GetString()!)],
                [.. shard.RootElement.GetProperty("p").EnumerateArray().Select(e => e.GetString()!)], bytes.Length));
        }
        return (keys, shards, sink);
    }
}
