using System.Text.Json;
using StaticBriefs.Search;

namespace StaticBriefs.Tests.Search;

/// <summary>Ranking, filters, facets, completions and corrections of the real search.js engine, run under node on small indexes.</summary>
public sealed class SearchRankingTests
{
    private static readonly Lazy<InMemoryOutputSink> Index = new(() => SearchIndexBuilderTests.Build(SearchFixtures.Small()));

    private static JsonElement Query(object query) => Query(Index.Value, query);

    private static JsonElement Query(InMemoryOutputSink index, object query)
    {
        using var result = JsSearchRunner.Run(index, [query]);
        return result.RootElement[0].Clone();
    }

    // The hits as places by date (0 = newest): the fixtures' briefs in the order the site lists them.
    private static int[] Ids(JsonElement result) => [.. result.GetProperty("ranks").EnumerateArray().Select(e => e.GetInt32())];

    private static int All(JsonElement result) => result.GetProperty("all").GetInt32();

    private static InMemoryOutputSink IndexOf(params (string Title, string Body)[] briefs) =>
        SearchIndexBuilderTests.Build(briefs.Select((b, i) => SearchFixtures.Doc(i, b.Title, "2025-01-01", [], [], [], "", b.Body)));

    [Fact]
    public void Title_and_entity_matches_rank_above_body_mentions()
    {
        var ids = Ids(Query(new { q = "openai" }));
        Assert.Equal([0, 6], ids[..2].Order());
        Assert.Equal(1, ids[2]);
    }

    [Theory]
    [InlineData("Zoë Müller", 3, false)]
    [InlineData("zoe muller", 3, false)]
    [InlineData("pre-training", 4, false)]
    [InlineData("chips", 5, false)]
    [InlineData("openai partnership", 6, false)]
    [InlineData("anthro", 4, true)]
    [InlineData("quantum", 7, false)]
    public void Known_best_answer_comes_first(string q, int best, bool typing) => Assert.Equal(best, Ids(Query(new { q, typing }))[0]);

    [Fact]
    public void Every_word_is_required_first_and_briefs_with_some_words_follow()
    {
        var result = Query(new { q = "openai partnership" });

        Assert.Equal(1, All(result));
        Assert.Equal(6, Ids(result)[0]);
        Assert.Equal([0, 1], Ids(result)[1..].Order());
    }

    [Fact]
    public void The_last_word_is_completed_only_while_typing()
    {
        Assert.Equal(4, Ids(Query(new { q = "anthro", typing = true }))[0]);
        Assert.Equal(0, Query(new { q = "anthro", typing = false }).GetProperty("total").GetInt32());
    }

    [Fact]
    public void A_word_typed_in_full_is_not_completed()
    {
        var index = IndexOf(("Rust news", "rust"), ("Rustup news", "rustup"), ("Other", "nothing"));

        Assert.Equal([0], Ids(Query(index, new { q = "rust", typing = true })));
        Assert.Equal([0, 1], Ids(Query(index, new { q = "rus", typing = true })).Order());
    }

    [Fact]
    public void A_typed_word_that_only_lost_a_final_s_to_the_stemmer_may_still_be_growing()
    {
        var index = IndexOf(("Parser notes", "a parser"), ("Golf", "on par"), ("Funding news", "funding"), ("Fundingly", "fundingly"));

        Assert.Contains(0, Ids(Query(index, new { q = "pars", typing = true })));        // "pars" is on its way to "parser"
        Assert.Equal([2], Ids(Query(index, new { q = "funding", typing = true })));      // "funding" is a word: not completed
    }

    [Fact]
    public void Completions_count_together_and_below_the_word_meant()
    {
        // "cratesio" is rarer than "crates": scored on its own it would win on rarity, and it sits in a title.
        var index = IndexOf(("Malicious crates removed", "Several crates were malicious. crates crates"),
            ("Malicious code from cratesio", "A malicious upload."), ("Crates everywhere", "crates"), ("More crates", "crates"));

        Assert.Equal(0, Ids(Query(index, new { q = "malicious crates", typing = true }))[0]);
    }

    [Fact]
    public void Of_two_titles_holding_the_query_the_one_it_names_more_fully_comes_first()
    {
        // Both titles hold every word in order; the long one's body repeats them, the short one's never does.
        var index = IndexOf(("Span naming guide for attributes, events and links in practice", "Spans, naming, guide."),
            ("Span naming guide", "A note on telemetry pipelines, exporters, collectors, samplers, processors and receivers."),
            ("Other news", "nothing here at all"), ("More news", "metrics and logs"));

        Assert.Equal([1, 0], Ids(Query(index, new { q = "span naming guide" }))[..2]);
    }

    [Fact]
    public void Versions_and_identifiers_match_whole_and_as_written_longer()
    {
        var index = IndexOf(("Rust 1.27.0 released", "The 1.27.0 release."), ("Rust 1.27.1 released", "A point release, 1.27.1."),
            ("Rust 1.2.7", "An old one."), ("Node.js support", "Works with Node.js now."), ("Node news", "js tooling"));

        Assert.Equal([0], Ids(Query(index, new { q = "rust 1.27.0" }))[..All(Query(index, new { q = "rust 1.27.0" }))]);
        Assert.Equal([0, 1], Ids(Query(index, new { q = "rust 1.27" }))[..2].Order());
        Assert.Equal(2, All(Query(index, new { q = "rust 1.27" })));
        Assert.Equal([3], Ids(Query(index, new { q = "node.js" })));
        Assert.Equal([3, 4], Ids(Query(index, new { q = "node js" })).Order());
    }

    [Fact]
    public void A_misspelt_word_is_corrected_and_results_are_shown_for_the_correction()
    {
        var result = Query(new { q = "nvidai" });

        Assert.Equal("nvidia", result.GetProperty("shown").GetString());
        Assert.Equal([1, 5], Ids(result).Order());
    }

    [Theory]
    [InlineData("nvdiia chips", "nvidia chips")]   // a swap of neighbours counts as one edit
    [InlineData("bvidia", "nvidia")]               // the first letter wrong: found in the backwards dictionary
    [InlineData("quantumm", "quantum")]
    [InlineData("openai yuo", "openai you")]       // a stop word misspelt is left out, as the stop word would be
    public void Corrections_reach_the_whole_dictionary_within_the_bounded_distance(string q, string shown) =>
        Assert.Equal(shown, Query(new { q }).GetProperty("shown").GetString());

    /// <summary>About 4,000 made-up words, each in one brief, every first letter alike: a typo dictionary of some 38 KB, and "chips".</summary>
    private static readonly Lazy<InMemoryOutputSink> ManyRareWords = new(() =>
    {
        var random = new Random(7);
        string Word(char first) => first + new string([.. Enumerable.Range(0, 6 + random.Next(4)).Select(_ => (char)('a' + random.Next(26)))]);
        var bodies = Enumerable.Range(0, 20).Select(b => string.Join(' ', Enumerable.Range(0, 200).Select(w => Word((char)('a' + (b * 200 + w) % 26)))));
        return IndexOf([("Chips", "chips are made"), .. bodies.Select(body => ("Other", body))]);
    });

    [Fact]
    public void A_rare_word_fetches_one_small_shard()
    {
        var fetched = Query(ManyRareWords.Value, new { q = "chips" }).GetProperty("fetched").EnumerateObject()
            .Where(p => p.Name.StartsWith("shards/", StringComparison.Ordinal)).ToList();

        Assert.Single(fetched);
        Assert.InRange(fetched[0].Value.GetInt32(), 1, 4 * 1024 + 512);
    }

    [Fact]
    public void A_misspelt_word_fetches_the_dictionary_pieces_of_its_first_letter_not_the_whole_dictionary()
    {
        var index = ManyRareWords.Value;
        using var meta = JsonDocument.Parse(index.Files["search/meta.json"]);
        var keys = meta.RootElement.GetProperty("dict").EnumerateArray().Select(e => e.GetString()!).ToList();
        var whole = index.Files.Where(f => f.Key.StartsWith("search/dict/", StringComparison.Ordinal)).Sum(f => f.Value.Length);

        var result = Query(index, new { q = "chipz" });

        Assert.Equal("chips", result.GetProperty("shown").GetString());
        var pieces = result.GetProperty("fetched").EnumerateObject().Where(p => p.Name.StartsWith("dict/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pieces);
        foreach (var piece in pieces)
        {
            var i = int.Parse(piece.Name["dict/".Length..^".json".Length], System.Globalization.CultureInfo.InvariantCulture);
            // The piece's words run from its key to the next piece's: that range meets the words that start with c.
            Assert.True(string.CompareOrdinal(keys[i], "c\uffff") <= 0 && (i + 1 == keys.Count || string.CompareOrdinal(keys[i + 1], "c") > 0), piece.Name);
        }
        var fetched = pieces.Sum(p => p.Value.GetInt32());
        Assert.True(fetched * 5 < whole, $"{fetched} of {whole} dictionary bytes");
    }

    [Fact]
    public void A_word_too_far_from_every_indexed_word_is_not_corrected()
    {
        var result = Query(new { q = "xqzvw" });

        Assert.Equal(0, result.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("shown").ValueKind);
    }

    [Fact]
    public void Entity_pages_the_query_names_are_listed()
    {
        var entities = Query(new { q = "openai" }).GetProperty("entities").EnumerateArray().ToList();
        Assert.Equal(["OpenAI"], entities.Select(e => e.GetProperty("name").GetString()));
        Assert.Equal("company", entities[0].GetProperty("kind").GetString());
        Assert.Equal("/companies/openai/", entities[0].GetProperty("path").GetString());
        Assert.Equal(2, entities[0].GetProperty("briefs").GetInt32());

        var person = Query(new { q = "altman", typing = true }).GetProperty("entities").EnumerateArray().Single();
        Assert.Equal("Sam Altman", person.GetProperty("name").GetString());
        Assert.Empty(Query(new { q = "quantum" }).GetProperty("entities").EnumerateArray());
    }

    [Fact]
    public void Facet_counts_follow_the_query()
    {
        var facets = Query(new { q = "openai" }).GetProperty("facets");
        Assert.Equal("[[\"OpenAI\",2],[\"Microsoft\",1],[\"Nvidia\",1]]", facets.GetProperty("companies").GetRawText());
        Assert.Equal("[[\"Sam Altman\",2],[\"Satya Nadella\",1],[\"Jensen Huang\",1]]", facets.GetProperty("people").GetRawText());
        Assert.Equal("[[2026,2],[2024,1]]", facets.GetProperty("years").GetRawText());
    }

    [Fact]
    public void Filters_narrow_the_results()
    {
        Assert.Equal([6], Ids(Query(new { q = "openai", company = "Microsoft" })));
        Assert.Equal([1, 5], Ids(Query(new { q = "", topic = "Chips" })));
        Assert.Equal([2, 3, 4], Ids(Query(new { q = "", year = "2025" })));
        Assert.Empty(Ids(Query(new { q = "openai", year = "2025" })));
    }

    [Fact]
    public void An_empty_query_without_filters_loads_nothing_and_returns_nothing()
    {
        var result = Query(new { q = "" });
        Assert.Equal(0, result.GetProperty("total").GetInt32());
        Assert.Empty(result.GetProperty("fetched").EnumerateObject());
    }

    [Fact]
    public void Filters_accept_a_display_name_or_its_key_and_an_unknown_value_finds_nothing()
    {
        Assert.Equal([3], Ids(Query(new { q = "", person = "zoe-muller" })));
        Assert.Equal([3], Ids(Query(new { q = "", person = "Zoë Müller" })));
        Assert.Equal([2], Ids(Query(new { q = "", company = "mistral-ai" })));
        Assert.Empty(Ids(Query(new { q = "", company = "no-such-company" })));
    }

    [Fact]
    public void A_query_with_its_facets_fetches_meta_its_shard_its_briefs_and_one_facet_file_at_most()
    {
        var fetched = Query(new { q = "quantum" }).GetProperty("fetched").EnumerateObject().Select(p => p.Name).ToList();
        // The fixture's brief 7, the oldest of 8: id 0.
        Assert.Equal(["docs/0.json"], fetched.Where(p => p.StartsWith("docs/", StringComparison.Ordinal)));
        Assert.DoesNotContain(fetched, p => p.StartsWith("facets/", StringComparison.Ordinal));
        Assert.InRange(fetched.Count, 3, 4);
    }

    [Fact]
    public void On_a_larger_index_one_query_fetches_about_ten_files_however_many_facet_values_it_shows()
    {
        var index = SearchIndexBuilderTests.Build(SearchFixtures.Synthetic(1500));

        foreach (var q in (string[])["model", "research open", "training data chips"])
        {
            var result = Query(index, new { q, typing = true });
            var fetched = result.GetProperty("fetched").EnumerateObject().Select(p => p.Name).ToList();
            Assert.True(result.GetProperty("facets").GetProperty("companies").GetArrayLength() > 3, q);
            Assert.DoesNotContain(fetched, p => p.StartsWith("facets/", StringComparison.Ordinal));
            Assert.InRange(fetched.Count, 1, 15);
        }
    }
}
