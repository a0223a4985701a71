using System.Text.Json;

namespace StaticBriefs.Tests.Search;

/// <summary>Ranking, filters, facets and suggestions of the real search.js engine, run under node on a small index.</summary>
public sealed class SearchRankingTests
{
    private static readonly Lazy<InMemoryOutputSink> Index = new(() => SearchIndexBuilderTests.Build(SearchFixtures.Small()));

    private static JsonElement Query(object query)
    {
        using var result = JsSearchRunner.Run(Index.Value, [query]);
        return result.RootElement[0].Clone();
    }

    private static int[] Ids(JsonElement result) => [.. result.GetProperty("ids").EnumerateArray().Select(e => e.GetInt32())];

    [Fact]
    public void Title_and_entity_matches_rank_above_body_mentions()
    {
        var ids = Ids(Query(new { q = "openai " }));
        Assert.Equal([0, 6], ids[..2].Order());
        Assert.Equal([0, 6, 1], ids.Length == 3 ? [.. ids[..2].Order(), ids[2]] : ids);
    }

    [Theory]
    [InlineData("Zoë Müller ", 3)]
    [InlineData("zoe muller ", 3)]
    [InlineData("pre-training ", 4)]
    [InlineData("chips ", 5)]
    [InlineData("openai partnership ", 6)]
    [InlineData("anthro", 4)]
    [InlineData("quantum", 7)]
    public void Known_best_answer_comes_first(string q, int best) => Assert.Equal(best, Ids(Query(new { q }))[0]);

    [Fact]
    public void Words_are_combined_with_and()
    {
        Assert.Equal([6], Ids(Query(new { q = "openai partnership" })));
    }

    [Fact]
    public void Facet_counts_follow_the_query()
    {
        var facets = Query(new { q = "openai " }).GetProperty("facets");
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
    public void A_misspelt_word_gets_the_closest_indexed_term_as_suggestion()
    {
        var result = Query(new { q = "nvidai " });
        Assert.Equal(0, result.GetProperty("total").GetInt32());
        Assert.Equal("nvidia", result.GetProperty("suggestion").GetString());
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
    public void A_query_fetches_only_the_facet_values_of_its_results()
    {
        var fetched = Query(new { q = "quantum" }).GetProperty("fetched").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["facets/topic/research.json"], fetched.Where(p => p.StartsWith("facets/", StringComparison.Ordinal)));
        Assert.Equal(["docs/7.json"], fetched.Where(p => p.StartsWith("docs/", StringComparison.Ordinal)));
    }
}
