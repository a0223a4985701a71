using System.Globalization;
using System.Text.Json;
using StaticBriefs.Search;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Search;

/// <summary>The verbs of a brief's relations as a search facet: in the index files, and filtered by search.js.</summary>
public sealed class RelationVerbFacetTests
{
    /// <summary>Ten briefs: 0-3 report someone joining (0 and 2 also leaving), 4 an investment, the rest nothing.</summary>
    private static IEnumerable<SearchDocument> Moves() =>
        Enumerable.Range(0, 10).Select(i => SearchFixtures.Doc(i, $"Lab news {i}", i < 5 ? "2026-03-01" : "2025-03-01",
            ["Anthropic"], [], [], "", "lab news") with
        {
            Verbs = i switch
            {
                0 or 2 => ["joins", "leaves"],
                1 or 3 => ["joins"],
                4 => ["invests in"],
                8 => ["joins"],
                _ => [],
            },
        });

    private static JsonElement Query(InMemoryOutputSink index, object query)
    {
        using var result = JsSearchRunner.Run(index, [query]);
        return result.RootElement[0].Clone();
    }

    // The hits as places by date (0 = newest): the fixtures' briefs in the order the site lists them.
    private static int[] Ids(JsonElement result) => [.. result.GetProperty("ranks").EnumerateArray().Select(e => e.GetInt32())];

    [Fact]
    public void A_briefs_verbs_are_in_its_display_data_and_common_ones_in_the_shared_file()
    {
        var sink = SearchIndexBuilderTests.Build(Moves());

        // Ten briefs, ids counted from the oldest: the fixture's brief k is id 9 - k.
        using var doc = JsonDocument.Parse(sink.Files["search/docs/9.json"]);
        Assert.Equal("[\"joins\",\"leaves\"]", doc.RootElement[0].GetProperty("v").GetRawText());
        Assert.False(sink.Text("search/docs/3.json").Contains("\"v\"", StringComparison.Ordinal), "no relations, no field");
        using var bundle = JsonDocument.Parse(sink.Files["search/facets.json"]);
        var verbs = bundle.RootElement.GetProperty("verb");
        Assert.Equal([1, 6, 7, 8, 9], RiceCodec.Decode(verbs.GetProperty("joins").GetString()!, 0));
        Assert.Equal([7, 9], RiceCodec.Decode(verbs.GetProperty("leaves").GetString()!, 0));
        // In one brief of ten, not over a tenth: its own file, and its list rides with the brief.
        Assert.False(verbs.TryGetProperty("invests-in", out _));
        Assert.Equal([5], RiceCodec.Decode(JsonSerializer.Deserialize<string>(sink.Files["search/facets/verb/invests-in.json"])!, 0));
        using var investing = JsonDocument.Parse(sink.Files["search/docs/5.json"]);
        Assert.Equal([5], RiceCodec.Decode(investing.RootElement[0].GetProperty("vf")[0].GetString()!, 0));
    }

    [Fact]
    public void A_site_without_relations_writes_no_verb_section()
    {
        var sink = SearchIndexBuilderTests.Build(SearchFixtures.Small());

        using var bundle = JsonDocument.Parse(sink.Files["search/facets.json"]);
        Assert.False(bundle.RootElement.TryGetProperty("verb", out _));
        Assert.DoesNotContain(sink.Files.Keys, k => k.StartsWith("search/facets/verb/", StringComparison.Ordinal));
    }

    [Fact]
    public void Verb_lists_never_push_an_entitys_list_out_of_the_shared_file()
    {
        // 60 companies each in about a quarter of 2,000 briefs: more lists than the shared file's budget holds.
        static IEnumerable<SearchDocument> Corpus(bool withVerbs)
        {
            var random = new Random(7);
            for (var i = 0; i < 2000; i++)
            {
                var companies = Enumerable.Range(0, 60).Where(_ => random.Next(4) == 0).Select(c => "Company " + c.ToString(CultureInfo.InvariantCulture)).ToArray();
                string[] verbs = random.Next(3) switch { 0 => ["joins"], 1 => ["joins", "leaves"], _ => ["acquires"] };
                var document = SearchFixtures.Doc(i, $"Brief {i}", "2025-01-01", companies, [], [], "", "text");
                yield return withVerbs ? document with { Verbs = [.. verbs] } : document;
            }
        }

        var without = SearchIndexBuilderTests.Build(Corpus(withVerbs: false));
        var with = SearchIndexBuilderTests.Build(Corpus(withVerbs: true));

        using var before = JsonDocument.Parse(without.Files["search/facets.json"]);
        using var after = JsonDocument.Parse(with.Files["search/facets.json"]);
        Assert.True(before.RootElement.GetProperty("company").EnumerateObject().Count() < 60, "the fixture must overflow the budget");
        Assert.Equal(before.RootElement.GetProperty("company").GetRawText(), after.RootElement.GetProperty("company").GetRawText());
        Assert.Equal(["acquires", "joins", "leaves"], after.RootElement.GetProperty("verb").EnumerateObject().Select(p => p.Name));
        // Common, so shared: never repeated in the display data of every brief that reports one.
        Assert.DoesNotContain("\"vf\"", with.Text("search/docs/0.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void Search_filters_by_a_verb_alone_with_a_query_and_with_a_year()
    {
        var index = SearchIndexBuilderTests.Build(Moves());

        Assert.Equal([0, 1, 2, 3, 8], Ids(Query(index, new { q = "", verb = "joins" })));
        Assert.Equal([0, 1, 2, 3], Ids(Query(index, new { q = "", verb = "joins", year = "2026" })));
        Assert.Equal([8], Ids(Query(index, new { q = "lab", verb = "joins", year = "2025" })));
        Assert.Equal([4], Ids(Query(index, new { q = "", verb = "invests-in" })));
        Assert.Equal([4], Ids(Query(index, new { q = "", verb = "invests in" })));
        Assert.Empty(Ids(Query(index, new { q = "", verb = "acquires" })));
    }

    [Fact]
    public void Verb_facet_counts_follow_the_query()
    {
        var index = SearchIndexBuilderTests.Build(Moves());

        var verbs = Query(index, new { q = "lab", year = "2026" }).GetProperty("facets").GetProperty("verbs");
        Assert.Equal("[[\"joins\",4],[\"leaves\",2],[\"invests in\",1]]", verbs.GetRawText());
        var filtered = Query(index, new { q = "lab", verb = "leaves" }).GetProperty("facets").GetProperty("verbs");
        Assert.Equal("[[\"joins\",2],[\"leaves\",2]]", filtered.GetRawText());
    }

    [Fact]
    public void A_built_site_indexes_the_verbs_of_each_briefs_relations()
    {
        using var site = RelationSite.Create();
        site.BuildOk();

        using var result = JsSearchRunner.Run(site.OutputDirectory, [new { q = "", verb = "joins" }, new { q = "", verb = "founds" }, new { q = "karpathy", verb = "leaves" }]);
        var runs = result.RootElement.EnumerateArray().ToList();
        Assert.Equal(["Andrej Karpathy joins Anthropic"], runs[0].GetProperty("titles").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["Karpathy founds Eureka Labs"], runs[1].GetProperty("titles").EnumerateArray().Select(t => t.GetString()));
        // The joins brief reports Jan Leike leaving too; its verbs come once each, in the documented order.
        Assert.Equal("[[\"joins\",1],[\"leaves\",1]]", runs[2].GetProperty("facets").GetProperty("verbs").GetRawText());
    }
}
