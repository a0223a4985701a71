using System.Text.Json;
using StaticBriefs.Search;

namespace StaticBriefs.Tests.Search;

public sealed class StableIdsTests
{
    private static readonly SearchIndexLayout Stable = new(false, 1) { StableIds = true };

    private static List<string> Paths(int count) => [.. Enumerable.Range(0, count).Select(i => $"/briefs/brief-{i * 7919 % 100_003}/")];

    [Fact]
    public void Ids_are_distinct_slots_of_the_table_and_depend_only_on_the_set_of_paths()
    {
        var paths = Paths(1000);
        var ids = StableIds.Assign(paths);
        var shuffled = paths.OrderBy(p => p.GetHashCode(StringComparison.Ordinal)).ToList();
        var again = StableIds.Assign(shuffled);

        Assert.Equal(1000, ids.Distinct().Count());
        Assert.All(ids, id => Assert.InRange(id, 0, StableIds.Capacity(1000) - 1));
        for (var i = 0; i < shuffled.Count; i++) Assert.Equal(ids[paths.IndexOf(shuffled[i])], again[i]);
    }

    [Fact]
    public void The_table_grows_in_steps_so_most_adds_keep_its_size()
    {
        Assert.Equal(64, StableIds.Capacity(1));
        Assert.Equal(16_384, StableIds.Capacity(10_000));
        Assert.Equal(StableIds.Capacity(10_000), StableIds.Capacity(10_900));
        Assert.InRange(StableIds.Capacity(100_000), 150_000, 170_000);
        Assert.Equal(14, StableIds.Bits(16_384));
        Assert.Equal(7, StableIds.Bits(65));
    }

    [Fact]
    public void Adding_or_removing_a_brief_moves_few_other_ids()
    {
        var paths = Paths(1000);
        var before = Ids(paths);
        var added = Ids([.. paths, "/briefs/a-new-brief/"]);
        var removed = Ids([.. paths.Where((_, i) => i != 500)]);

        // Ids by date would move every brief between the new one and the end; slots move those whose probe ran through.
        Assert.InRange(paths.Count(p => before[p] != added[p]), 0, 10);
        Assert.InRange(paths.Where((_, i) => i != 500).Count(p => before[p] != removed[p]), 0, 10);
    }

    [Fact]
    public void Kept_ids_are_what_a_fresh_assignment_gives_for_the_same_set_in_another_order_and_for_a_new_set()
    {
        var memo = new StableIds.Memo();
        var paths = Paths(300);
        var reordered = paths.AsEnumerable().Reverse().ToList();
        var added = paths.Append("/briefs/new/").ToList();
        var swapped = paths.Take(299).Append("/briefs/other/").ToList();

        foreach (var set in (List<string>[])[paths, reordered, added, swapped, paths])
            Assert.Equal(StableIds.Assign(set), memo.Assign(set));
    }

    [Fact]
    public void Packed_ids_read_back()
    {
        int[] ids = [0, 16_383, 5, 9_999, 1, 8_192];

        var packed = StableIds.Pack(ids, 14);

        Assert.Equal((ids.Length * 14 + 5) / 6, packed.Length);
        Assert.Equal(ids, StableIds.Unpack(packed, ids.Length, 14));
    }

    [Fact]
    public void A_date_edit_rewrites_only_meta_and_the_dated_briefs_display_file()
    {
        var documents = SearchFixtures.Synthetic(60).ToList();
        // The brief at place 40 now dated newest: the places by date of all before it move down one.
        var redated = Redated(documents, 40, documents[0].Date.AddDays(1));

        var stableBefore = Write(documents, Stable);
        var stableAfter = Write(redated, Stable);
        var byDateBefore = Write(documents, SearchIndexLayout.Flat);
        var byDateAfter = Write(redated, SearchIndexLayout.Flat);

        var stableChanged = Changed(stableBefore, stableAfter);
        Assert.Equal(2, stableChanged.Count);
        Assert.Contains("search/meta.json", stableChanged);
        Assert.Contains(stableChanged, f => f.StartsWith("search/docs/", StringComparison.Ordinal));
        // With ids by date the same edit renumbers 41 briefs, and every file holding their ids changes.
        Assert.True(Changed(byDateBefore, byDateAfter).Count > 40);
    }

    [Fact]
    public void A_new_slug_keeps_the_briefs_id_when_its_source_file_is_known()
    {
        var documents = SearchFixtures.Synthetic(40).Select(d => d with { Source = "briefs" + d.Path.TrimEnd('/') + ".md" }).ToList();
        var reslugged = documents.Select((d, i) => i == 20 ? d with { Path = "/briefs/a-new-slug/" } : d).ToList();

        var changed = Changed(Write(documents, Stable), Write(reslugged, Stable));
        var withoutSource = Changed(Write(documents.Select(d => d with { Source = "" }), Stable), Write(reslugged.Select(d => d with { Source = "" }), Stable));

        // Its display file shows the new path; no id moved, so no posting, facet list or other brief's file changed.
        Assert.Equal(["search/docs/"], changed.Select(f => f[..12]).Distinct());
        Assert.Single(changed);
        // Found from the path, the id moves: its postings and lists change with it.
        Assert.Contains(withoutSource, f => f.StartsWith("search/shards/", StringComparison.Ordinal));
    }

    [Fact]
    public void Search_js_finds_the_same_briefs_in_the_same_order_with_stable_ids_as_with_ids_by_date()
    {
        // Ten days apart, so the briefs span three years.
        var documents = SearchFixtures.Synthetic(80).Select(d => d with { Date = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero).AddDays(-10 * d.Id) }).ToList();
        var queries = new object[]
        {
            new { q = "model training" }, new { q = "chips" }, new { q = "", year = "2026" }, new { q = "data", year = "2025" },
            new { q = "", company = documents[3].Companies[0] }, new { q = "market", topic = documents[5].Topics[0] },
        };

        using var byDate = JsSearchRunner.Run(Write(documents, SearchIndexLayout.Flat), queries);
        using var stable = JsSearchRunner.Run(Write(documents, Stable), queries);

        for (var i = 0; i < queries.Length; i++)
        {
            var expected = Summary(byDate.RootElement[i]);
            Assert.NotEqual(0, byDate.RootElement[i].GetProperty("total").GetInt32());
            Assert.Equal(expected, Summary(stable.RootElement[i]));
        }
        // The ids differ (else this compares nothing): stable ids are slots, not places by date.
        Assert.NotEqual(byDate.RootElement[0].GetProperty("ids").GetRawText(), stable.RootElement[0].GetProperty("ids").GetRawText());
    }

    private static Dictionary<string, int> Ids(List<string> paths)
    {
        var ids = StableIds.Assign(paths);
        return paths.Select((p, i) => (p, ids[i])).ToDictionary(x => x.p, x => x.Item2);
    }

    /// <summary>The documents with one dated anew and every id its place by date again, as a site numbers them.</summary>
    private static List<SearchDocument> Redated(List<SearchDocument> documents, int index, DateTimeOffset date)
    {
        var changed = documents.Select((d, i) => i == index ? d with { Date = date } : d).ToList();
        return [.. changed.OrderByDescending(d => d.Date).ThenBy(d => d.Path, StringComparer.Ordinal).Select((d, i) => d with { Id = i })];
    }

    private static InMemoryOutputSink Write(IEnumerable<SearchDocument> documents, SearchIndexLayout layout) => SearchFixtures.WriteIndex(documents, layout);

    private static List<string> Changed(InMemoryOutputSink a, InMemoryOutputSink b) =>
        [.. a.Files.Keys.Union(b.Files.Keys).Where(f => !a.Files.TryGetValue(f, out var x) || !b.Files.TryGetValue(f, out var y) || !x.AsSpan().SequenceEqual(y))];

    private static string Summary(JsonElement result) => JsonSerializer.Serialize(new
    {
        total = result.GetProperty("total"),
        paths = result.GetProperty("paths"),
        years = result.GetProperty("facets").GetProperty("years"),
        companies = result.GetProperty("facets").GetProperty("companies"),
    });
}
