using System.Globalization;
using System.Text;
using System.Text.Json;
using StaticBriefs.Search;

namespace StaticBriefs.Tests.Search;

/// <summary>
/// A value in many briefs of a large site has a list too long to ride in every display file of a brief carrying it
/// (<see cref="FacetLists.MaxEmbeddedChars"/>): the display data leaves it out, its own file has it, and search.js
/// counts the value from that file, so facet counts are the same.
/// </summary>
public sealed class LongFacetListsTests
{
    // 9,000 briefs, every one saying "common": Bigco in every 12th (750, under a tenth, so not in facets.json), Smallco in
    // every 600th (15, a short list that still rides along).
    private static readonly Lazy<InMemoryOutputSink> Index = new(() => SearchIndexBuilderTests.Build(
        Enumerable.Range(0, 9_000).Select(i => SearchFixtures.Doc(
            i, "Brief " + i.ToString(CultureInfo.InvariantCulture), "2025-01-01",
            i % 600 == 0 ? ["Bigco", "Smallco"] : i % 12 == 0 ? ["Bigco"] : ["Other " + (i % 40).ToString(CultureInfo.InvariantCulture)],
            [], [], "", "common words " + (i % 7).ToString(CultureInfo.InvariantCulture)))));

    private static string File(string suffix) =>
        Encoding.UTF8.GetString(Index.Value.Files.Single(f => f.Key.EndsWith(suffix, StringComparison.Ordinal)).Value);

    private static IEnumerable<JsonElement> DisplayedBriefs() =>
        Index.Value.Files.Where(f => f.Key.Contains("/docs/", StringComparison.Ordinal) || f.Key.StartsWith("docs/", StringComparison.Ordinal))
            .SelectMany(f => JsonDocument.Parse(f.Value).RootElement.EnumerateArray().Select(e => e.Clone()));

    [Fact]
    public void A_long_list_is_left_out_of_the_display_data_and_written_in_its_own_file()
    {
        var bigco = JsonSerializer.Deserialize<string>(File("facets/company/bigco.json"))!;
        var smallco = JsonSerializer.Deserialize<string>(File("facets/company/smallco.json"))!;
        Assert.True(bigco.Length > FacetLists.MaxEmbeddedChars, $"{bigco.Length} characters");
        Assert.True(smallco.Length <= FacetLists.MaxEmbeddedChars, $"{smallco.Length} characters");

        var carrying = DisplayedBriefs().Where(d => d.GetProperty("c").EnumerateArray().Any(c => c.GetString() == "Bigco")).ToList();
        Assert.Equal(750, carrying.Count);
        var lists = carrying.SelectMany(d => d.TryGetProperty("cf", out var cf) ? cf.EnumerateArray().Select(l => l.GetString()) : []).ToList();
        Assert.DoesNotContain(bigco, lists);
        Assert.Contains(smallco, lists);
    }

    [Fact]
    public void Search_counts_a_value_whose_list_is_in_its_own_file_as_one_that_rides_along()
    {
        using var result = JsSearchRunner.Run(Index.Value, [new { q = "common" }]);
        var query = result.RootElement[0];
        var companies = query.GetProperty("facets").GetProperty("companies").EnumerateArray()
            .ToDictionary(c => c[0].GetString()!, c => c[1].GetInt32());

        Assert.Equal(9_000, query.GetProperty("total").GetInt32());
        Assert.Equal(750, companies["Bigco"]);
        Assert.Equal(15, companies["Smallco"]);
        Assert.Contains("facets/company/bigco.json", query.GetProperty("fetched").EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("facets/company/smallco.json", query.GetProperty("fetched").EnumerateObject().Select(p => p.Name));
    }
}
