using System.Collections.Immutable;
using StaticBriefs.Search;

namespace StaticBriefs.Tests.Search;

/// <summary>
/// Facet lists patched from the last write's (<see cref="FacetLists.Patch"/>) after briefs are added, removed or given
/// other values: the same lists, bundle and files as lists built whole, with the untouched values' lists carried over.
/// </summary>
public sealed class FacetListsPatchTests
{
    private static readonly string[] Companies = ["Acme", "Globex", "Initech", "Open AI", "OpenAI", "Umbrella", "Hooli", "Vandelay"];
    private static readonly string[] People = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Edsger Dijkstra"];
    private static readonly string[] Topics = ["Funding", "Hiring", "Layoffs", "Mergers", "Chips", "Cloud"];
    private static readonly string[] Verbs = ["acquired", "hired", "invested in"];

    private static IndexedDocument Document(int id, Random random)
    {
        // The first value of each pool is common (in most briefs): it goes to facets.json, the others ride in their files.
        static ImmutableArray<string> Pick(Random random, string[] pool, int most) =>
            [.. pool.Where((_, i) => i == 0 ? random.Next(4) > 0 : random.Next(pool.Length) < most).Distinct()];
        return new IndexedDocument(id, $"/briefs/b{id}/", $"Brief {id}", "", DateTimeOffset.UnixEpoch, Pick(random, Companies, 2),
            Pick(random, People, 1), Pick(random, Topics, 2), "", [], [], [0, 0, 0, 0, 0])
        { Verbs = Pick(random, Verbs, 1) };
    }

    private static Dictionary<string, string> Files(FacetLists lists)
    {
        var sink = new InMemoryOutputSink();
        using (var files = new JsonFiles(sink, "search/")) lists.Write(files);
        return sink.Files.ToDictionary(f => f.Key, f => System.Text.Encoding.UTF8.GetString(f.Value));
    }

    private static void AssertSame(FacetLists expected, FacetLists actual, IndexedDocument[] documents)
    {
        Assert.Equal(expected.Bundled, actual.Bundled);
        Assert.Equal(Files(expected), Files(actual));
        for (var k = 0; k < FacetLists.Kinds.Length; k++)
        {
            foreach (var name in documents.SelectMany(d => FacetLists.Kinds[k].Names(d)).Distinct())
                Assert.Equal(expected.EmbeddedListOfKey(k, expected.KeyOf(name)), actual.EmbeddedListOfKey(k, actual.KeyOf(name)));
        }
    }

    [Fact]
    public void Adds_deletes_and_value_edits_patch_to_the_lists_a_whole_build_makes()
    {
        var random = new Random(11);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var documents = Enumerable.Range(0, 300).Where(i => i % 7 != 3).Select(i => Document(i, random)).ToArray();
        var lists = FacetLists.Build(documents, keys);
        for (var round = 0; round < 60; round++)
        {
            var next = documents.ToDictionary(d => d.Id);
            for (var change = random.Next(1, 6); change > 0; change--)
            {
                var id = random.Next(320);
                switch (random.Next(3))
                {
                    case 0: next.Remove(id); break;
                    case 1: next[id] = Document(id, random); break;
                    default:
                        if (next.TryGetValue(id, out var kept)) next[id] = kept with { Topics = kept.Topics.Add($"New topic {round}") };
                        break;
                }
            }
            var after = next.Values.OrderBy(d => d.Id).ToArray();

            var patched = FacetLists.Patch(lists, documents, after, keys);

            Assert.NotNull(patched);
            AssertSame(FacetLists.Build(after, new Dictionary<string, string>(StringComparer.Ordinal)), patched, after);
            (documents, lists) = (after, patched);
        }
    }

    [Fact]
    public void A_patch_carries_the_lists_of_values_no_changed_brief_carries_and_rebuilds_only_the_others()
    {
        var random = new Random(5);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var documents = Enumerable.Range(0, 200).Select(i => Document(i, random)).ToArray();
        var lists = FacetLists.Build(documents, keys);
        var edited = documents[50] with { Companies = ["Brand New Corp"], Topics = ["Funding"] };
        var after = documents.Select(d => d.Id == 50 ? edited : d).ToArray();

        var patched = FacetLists.Patch(lists, documents, after, keys)!;

        var touched = documents[50].Companies.Concat(edited.Companies).Select(lists.KeyOf).ToHashSet();
        foreach (var company in Companies.Where(c => !touched.Contains(lists.KeyOf(c)) && lists.EmbeddedListOfKey(0, lists.KeyOf(c)).Length > 0))
            Assert.Same(lists.EmbeddedListOfKey(0, lists.KeyOf(company)), patched.EmbeddedListOfKey(0, patched.KeyOf(company)));
        Assert.NotEqual("", patched.EmbeddedListOfKey(0, patched.KeyOf("Brand New Corp")));
        AssertSame(FacetLists.Build(after), patched, after);
    }

    [Fact]
    public void Unchanged_values_give_the_same_lists_and_many_changed_briefs_leave_it_to_a_whole_build()
    {
        var random = new Random(3);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var documents = Enumerable.Range(0, 200).Select(i => Document(i, random)).ToArray();
        var lists = FacetLists.Build(documents, keys);

        // New records with the same values (a body edit, ids renumbered in place) change no list.
        Assert.Same(lists, FacetLists.Patch(lists, documents, [.. documents.Select(d => d with { Title = "Retitled" })], keys));
        // Every id moved by one (ids by date after an add at the top): too many to patch.
        Assert.Null(FacetLists.Patch(lists, documents, [.. documents.Select(d => d with { Id = d.Id + 1 })], keys));
        // Lists made with another table of keys are not patched from.
        Assert.Null(FacetLists.Patch(lists, documents, documents, new Dictionary<string, string>(StringComparer.Ordinal)));
    }
}
