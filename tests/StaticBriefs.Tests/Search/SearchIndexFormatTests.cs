using System.Text.Json;
using StaticBriefs.Search;

namespace StaticBriefs.Tests.Search;

/// <summary>What the index files hold: field-weighted impacts, the typo dictionary, complete-word flags, entity pages, facet lists.</summary>
public sealed class SearchIndexFormatTests
{
    private static readonly string LongBody = string.Join(' ', Enumerable.Repeat("Plain words fill this long body out.", 120));

    /// <summary>Every shard's terms with their postings (ids and impacts) and verbatim flags.</summary>
    /// <summary>Each term's postings, with ids as the fixtures' places by date (0 = newest; written ids count from the oldest).</summary>
    private static Dictionary<string, (List<int> Ids, List<int> Impacts, bool Verbatim)> Terms(InMemoryOutputSink sink)
    {
        using var meta = JsonDocument.Parse(sink.Files["search/meta.json"]);
        var last = meta.RootElement.GetProperty("documents").GetInt32() - 1;
        var terms = new Dictionary<string, (List<int>, List<int>, bool)>(StringComparer.Ordinal);
        foreach (var (path, bytes) in sink.Files)
        {
            if (!path.StartsWith("search/shards/", StringComparison.Ordinal)) continue;
            using var shard = JsonDocument.Parse(bytes);
            var t = shard.RootElement.GetProperty("t").EnumerateArray().Select(e => e.GetString()!).ToList();
            var p = shard.RootElement.GetProperty("p").EnumerateArray().Select(e => e.GetString()!).ToList();
            var v = shard.RootElement.GetProperty("v").GetString()!;
            for (var i = 0; i < t.Count; i++)
            {
                var impacts = new List<int>();
                var ids = RiceCodec.Decode(p[i], 0, RiceCodec.ImpactBits, impacts);
                var flag = (PostingCodec.Alphabet.IndexOf(v[i / 6], StringComparison.Ordinal) >> (5 - i % 6) & 1) == 1;
                var places = ids.Select(id => last - id).ToList();
                places.Reverse();
                impacts.Reverse();
                terms[t[i]] = (places, impacts, flag);
            }
        }
        return terms;
    }

    private static int ImpactOf(Dictionary<string, (List<int> Ids, List<int> Impacts, bool Verbatim)> terms, string term, int id) =>
        terms[term].Impacts[terms[term].Ids.IndexOf(id)];

    [Fact]
    public void A_title_word_outweighs_the_same_word_said_often_in_a_long_body()
    {
        var sink = SearchIndexBuilderTests.Build([
            SearchFixtures.Doc(0, "Quokka survey results", "2025-01-01", [], [], [], "", LongBody),
            SearchFixtures.Doc(1, "Other news", "2025-01-01", [], [], [], "", LongBody + " quokka quokka quokka"),
        ]);

        var terms = Terms(sink);
        Assert.True(ImpactOf(terms, "quokka", 0) > ImpactOf(terms, "quokka", 1), $"title {ImpactOf(terms, "quokka", 0)}, body {ImpactOf(terms, "quokka", 1)}");
    }

    [Fact]
    public void Headings_count_above_body_text_and_each_field_is_normalised_by_its_own_length()
    {
        var sink = SearchIndexBuilderTests.Build([
            SearchFixtures.Doc(0, "A", "2025-01-01", [], [], [], "", "Short text about otters.") with { Headings = "Otters" },
            SearchFixtures.Doc(1, "B", "2025-01-01", [], [], [], "", "Short text about otters."),
            SearchFixtures.Doc(2, "C", "2025-01-01", [], [], [], "", LongBody + " otters."),
        ]);

        var terms = Terms(sink);
        Assert.True(ImpactOf(terms, "otter", 0) > ImpactOf(terms, "otter", 1));
        Assert.True(ImpactOf(terms, "otter", 1) > ImpactOf(terms, "otter", 2));
    }

    [Fact]
    public void Versions_and_identifiers_are_indexed_whole_as_well_as_split()
    {
        var terms = Terms(SearchIndexBuilderTests.Build([SearchFixtures.Doc(0, "Rustup 1.27.0", "2025-01-01", [], [], [], "", "Call faster_log from node.js.")]));

        Assert.Contains("1.27.0", terms.Keys);
        Assert.Contains("27", terms.Keys);
        Assert.Contains("faster_log", terms.Keys);
        Assert.Contains("faster", terms.Keys);
        Assert.Contains("node.js", terms.Keys);
        Assert.Contains("js", terms.Keys);
    }

    [Fact]
    public void Terms_are_flagged_when_some_brief_has_them_as_a_word_as_it_is()
    {
        var terms = Terms(SearchIndexBuilderTests.Build([SearchFixtures.Doc(0, "Weaver", "2025-01-01", [], [], [], "", "weaving weaves rust 1.2.0")]));

        Assert.True(terms["weaver"].Verbatim);
        Assert.True(terms["rust"].Verbatim);
        Assert.True(terms["1.2.0"].Verbatim);
        Assert.False(terms["weav"].Verbatim); // only the stem of "weaving" and "weaves"
    }

    /// <summary>Reads a dictionary piece's front-coded entries back: (word, size class).</summary>
    private static List<(string Word, int Size)> Piece(string text)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var entries = new List<(string, int)>();
        var previous = "";
        if (text.Length == 0) return entries;
        foreach (var entry in text.Split(' '))
        {
            previous = previous[..digits.IndexOf(entry[0], StringComparison.Ordinal)] + entry[2..];
            entries.Add((previous, digits.IndexOf(entry[1], StringComparison.Ordinal)));
        }
        return entries;
    }

    private static List<(string Word, int Size)> Dictionary(InMemoryOutputSink sink, string folder) =>
        [.. sink.Files.Where(f => f.Key.StartsWith($"search/{folder}/", StringComparison.Ordinal))
            .OrderBy(f => int.Parse(Path.GetFileNameWithoutExtension(f.Key), System.Globalization.CultureInfo.InvariantCulture))
            .SelectMany(f => { using var json = JsonDocument.Parse(f.Value); return Piece(json.RootElement.GetString()!); })];

    [Fact]
    public void The_typo_dictionary_holds_every_word_of_three_letters_or_more_unstemmed_forwards_and_backwards()
    {
        var sink = SearchIndexBuilderTests.Build(SearchFixtures.Small());

        var forward = Dictionary(sink, "dict");
        var words = forward.Select(e => e.Word).ToList();
        Assert.Equal(words.Order(StringComparer.Ordinal), words);
        Assert.Contains("nvidia", words);
        Assert.Contains("releases", words); // as written, not the stem "releas"
        Assert.DoesNotContain("the", words); // stop words are not corrected to
        Assert.DoesNotContain(words, w => w.Length < 3 || w.Any(char.IsDigit));
        Assert.Equal(2, forward.Single(e => e.Word == "nvidia").Size); // in 2 briefs: bit length 2
        var backward = Dictionary(sink, "rdict").Select(e => new string([.. e.Word.Reverse()])).Order(StringComparer.Ordinal);
        Assert.Equal(words, backward);
    }

    [Fact]
    public void Dictionary_pieces_are_bounded_and_keyed_like_shards()
    {
        var sink = SearchIndexBuilderTests.Build(SearchFixtures.Synthetic(800));
        using var meta = JsonDocument.Parse(sink.Files["search/meta.json"]);
        var keys = meta.RootElement.GetProperty("dict").EnumerateArray().Select(e => e.GetString()!).ToList();

        Assert.True(keys.Count > 1, "several pieces");
        for (var i = 0; i < keys.Count; i++)
        {
            var text = JsonDocument.Parse(sink.Files[$"search/dict/{i}.json"]).RootElement.GetString()!;
            Assert.True(text.Length <= DictionaryWriter.PieceTargetBytes + 64, $"piece {i}: {text.Length}");
            var entries = Piece(text);
            Assert.All(entries, e => Assert.True(string.CompareOrdinal(e.Word, keys[i]) >= 0 && (i + 1 == keys.Count || string.CompareOrdinal(e.Word, keys[i + 1]) < 0), e.Word));
        }
    }

    [Fact]
    public void Shards_name_the_entity_pages_of_their_terms()
    {
        var sink = SearchIndexBuilderTests.Build(SearchFixtures.Small());
        var found = new List<string>();
        foreach (var (path, bytes) in sink.Files.Where(f => f.Key.StartsWith("search/shards/", StringComparison.Ordinal)))
        {
            using var shard = JsonDocument.Parse(bytes);
            var t = shard.RootElement.GetProperty("t").EnumerateArray().Select(e => e.GetString()!).ToList();
            if (!shard.RootElement.TryGetProperty("e", out var entities)) continue;
            foreach (var e in entities.EnumerateArray())
            {
                found.Add($"{t[e[0].GetInt32()]}:{e[1].GetString()}:{e[2].GetString()}:{e[3].GetString()}:{e[4].GetInt32()}");
            }
        }

        Assert.Contains("altman:p:Sam Altman:/people/sam-altman/:2", found);
        Assert.Contains("sam:p:Sam Altman:/people/sam-altman/:2", found);
        Assert.Contains("openai:c:OpenAI:/companies/openai/:2", found);
    }

    [Fact]
    public void A_word_many_names_share_lists_only_the_entities_with_most_briefs()
    {
        var documents = Enumerable.Range(0, 30).Select(i => SearchFixtures.Doc(i, $"Brief {i}", "2025-01-01",
            [$"Name{i} Labs"], [], [], "", "text")).ToList();
        documents.Add(SearchFixtures.Doc(30, "Brief 30", "2025-01-01", ["Name0 Labs"], [], [], "", "text"));
        var sink = SearchIndexBuilderTests.Build(documents);

        var labs = new List<string>();
        foreach (var (_, bytes) in sink.Files.Where(f => f.Key.StartsWith("search/shards/", StringComparison.Ordinal)))
        {
            using var shard = JsonDocument.Parse(bytes);
            var t = shard.RootElement.GetProperty("t").EnumerateArray().Select(e => e.GetString()!).ToList();
            if (!shard.RootElement.TryGetProperty("e", out var entities)) continue;
            labs.AddRange(entities.EnumerateArray().Where(e => t[e[0].GetInt32()] == "lab").Select(e => e[2].GetString()!));
        }
        Assert.Equal(ShardWriter.MaxEntitiesPerTerm, labs.Count);
        Assert.Equal("Name0 Labs", labs[0]);
    }

    [Fact]
    public void Facet_lists_ride_with_the_briefs_and_only_values_in_many_briefs_are_shared()
    {
        // 40 briefs: "Common" is in all of them (over a tenth), each "Rare n" in one.
        var documents = Enumerable.Range(0, 40).Select(i => SearchFixtures.Doc(i, $"Brief {i}", "2025-01-01",
            ["Common", $"Rare {i}"], [], [], "", "text")).ToList();
        var sink = SearchIndexBuilderTests.Build(documents);

        using var bundle = JsonDocument.Parse(sink.Files["search/facets.json"]);
        Assert.Equal(["common"], bundle.RootElement.GetProperty("company").EnumerateObject().Select(p => p.Name));
        Assert.Equal(40, RiceCodec.Decode(bundle.RootElement.GetProperty("company").GetProperty("common").GetString()!, 0).Count);
        using var doc = JsonDocument.Parse(sink.Files["search/docs/7.json"]);
        var lists = doc.RootElement[0].GetProperty("cf").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal("", lists[0]); // in facets.json
        Assert.Equal([7], RiceCodec.Decode(lists[1], 0));
        Assert.Contains("search/facets/company/rare-7.json", sink.Files.Keys);
        Assert.DoesNotContain("search/facets/company/common.json", sink.Files.Keys);
        using var meta = JsonDocument.Parse(sink.Files["search/meta.json"]);
        Assert.True(meta.RootElement.GetProperty("facetBundle").GetBoolean());
    }

    [Fact]
    public void A_display_file_of_several_briefs_carries_each_list_once()
    {
        var documents = Enumerable.Range(0, 40).Select(i => SearchFixtures.Doc(i, $"Brief {i}", "2025-01-01",
            [$"Pair {i / 2}"], [], [], "", "text")).ToList();
        var builder = new SearchIndexBuilder();
        foreach (var document in documents) builder.Add(document);
        var sink = new InMemoryOutputSink();
        builder.Write(sink, new SearchIndexLayout(false, 4));

        using var file = JsonDocument.Parse(sink.Files["search/docs/0.json"]);
        var lists = file.RootElement.EnumerateArray().Select(d => d.TryGetProperty("cf", out var cf) ? cf[0].GetString()! : "").ToList();
        Assert.Equal([0, 1], RiceCodec.Decode(lists[0], 0));
        Assert.Equal("", lists[1]); // the same value: its list is in the brief before
        Assert.Equal([2, 3], RiceCodec.Decode(lists[2], 0));
    }

    [Fact]
    public void The_snippet_comes_from_the_opening_prose_when_the_body_gives_one()
    {
        var sink = SearchIndexBuilderTests.Build([SearchFixtures.Doc(0, "T", "2025-01-01", [], [], [], "", "Summary | Table | glued in") with { Lead = "Clean opening prose." }]);

        using var doc = JsonDocument.Parse(sink.Files["search/docs/0.json"]);
        Assert.Equal("Clean opening prose.", doc.RootElement[0].GetProperty("excerpt").GetString());
    }
}
