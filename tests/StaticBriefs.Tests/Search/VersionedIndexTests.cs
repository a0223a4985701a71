using System.Text.Json;
using StaticBriefs.Search;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Search;

public sealed class VersionedIndexTests
{
    private static InMemoryOutputSink Write(IEnumerable<SearchDocument> documents, SearchIndexLayout layout) => SearchFixtures.WriteIndex(documents, layout);

    private static string Root(InMemoryOutputSink sink)
    {
        using var meta = JsonDocument.Parse(sink.Files["search/meta.json"]);
        return meta.RootElement.GetProperty("root").GetString()!;
    }

    [Fact]
    public void Versioned_index_puts_every_file_but_meta_under_the_folder_meta_names()
    {
        var sink = Write(SearchFixtures.Small(), new SearchIndexLayout(true, 1));

        var root = Root(sink);
        Assert.Matches("^[0-9a-f]{12}/$", root);
        Assert.All(sink.Files.Keys.Where(k => k != "search/meta.json"), k => Assert.StartsWith("search/" + root, k, StringComparison.Ordinal));
        Assert.Contains("search/" + root + "shards/0.json", sink.Files.Keys);
        Assert.Contains("search/" + root + "docs/0.json", sink.Files.Keys);
        Assert.Contains("search/" + root + "facets.json", sink.Files.Keys);
        Assert.Contains("search/" + root + "dict/0.json", sink.Files.Keys);
    }

    [Fact]
    public void The_version_is_the_content_the_same_documents_the_same_folder_any_change_a_new_one()
    {
        var first = Root(Write(SearchFixtures.Small(), new SearchIndexLayout(true, 1)));
        var again = Root(Write(SearchFixtures.Small().Reverse(), new SearchIndexLayout(true, 1)));
        var edited = SearchFixtures.Small().Select(d => d.Id == 3 ? d with { Title = d.Title + " (updated)" } : d);
        var changed = Root(Write(edited, new SearchIndexLayout(true, 1)));
        var regrouped = Root(Write(SearchFixtures.Small(), new SearchIndexLayout(true, 4)));

        Assert.Equal(first, again);
        Assert.NotEqual(first, changed);
        Assert.NotEqual(first, regrouped);
    }

    [Fact]
    public void Search_js_finds_the_same_results_in_every_layout()
    {
        var queries = new object[] { new { q = "openai" }, new { q = "anthropic hires" }, new { q = "", company = "openai" } };
        using var flat = JsSearchRunner.Run(Write(SearchFixtures.Small(), SearchIndexLayout.Flat), queries);
        using var versioned = JsSearchRunner.Run(Write(SearchFixtures.Small(), new SearchIndexLayout(true, 1)), queries);
        using var grouped = JsSearchRunner.Run(Write(SearchFixtures.Small(), new SearchIndexLayout(true, 8)), queries);

        for (var i = 0; i < queries.Length; i++)
        {
            var expected = Summary(flat.RootElement[i]);
            Assert.NotEqual("[]", expected[..2]);
            Assert.Equal(expected, Summary(versioned.RootElement[i]));
            Assert.Equal(expected, Summary(grouped.RootElement[i]));
        }
        Assert.All(versioned.RootElement[0].GetProperty("fetched").EnumerateObject(), f =>
            Assert.True(f.Name == "meta.json" || f.Name.Contains('/', StringComparison.Ordinal), f.Name));
    }

    [Fact]
    public void Documents_per_file_groups_display_data()
    {
        var documents = SearchFixtures.Synthetic(100).ToList();

        var sink = Write(documents, new SearchIndexLayout(true, 8));

        var root = Root(sink);
        Assert.Equal(13, sink.Files.Keys.Count(k => k.StartsWith("search/" + root + "docs/", StringComparison.Ordinal)));
        using var meta = JsonDocument.Parse(sink.Files["search/meta.json"]);
        Assert.Equal(8, meta.RootElement.GetProperty("docChunk").GetInt32());
        using var chunk = JsonDocument.Parse(sink.Files["search/" + root + "docs/12.json"]);
        Assert.Equal([96, 97, 98, 99], chunk.RootElement.EnumerateArray().Select(d => d.GetProperty("id").GetInt32()));
    }

    [Fact]
    public void After_a_deploy_replaces_the_index_the_engine_starts_over_on_the_new_one_never_mixing_them()
    {
        using var folder = SearchTestSupport.TempDirectory();
        var old = Write(SearchFixtures.Small(), new SearchIndexLayout(true, 1));
        var renamed = SearchFixtures.Small().Select(d => d with { Title = "NEW " + d.Title });
        var fresh = Write(renamed, new SearchIndexLayout(true, 1));
        old.SaveTo(folder.Path);
        var oldFolder = Path.Combine(folder.Path, "search", Root(old));
        // The new version's files are there already, as a deploy uploads them; meta.json changes mid-query.
        foreach (var (path, bytes) in fresh.Files)
        {
            if (path == "search/meta.json") continue;
            var full = Path.Combine(folder.Path, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
        var script = $$"""
            const fs = require('fs');
            const s = require({{JsonSerializer.Serialize(SearchTestSupport.SearchJs)}});
            const base = {{JsonSerializer.Serialize(Path.Combine(folder.Path, "search") + "/")}};
            const engine = s.createEngine({ base, fetchJson: async url => JSON.parse(fs.readFileSync(url, 'utf8')) });
            (async () => {
              const r = await engine.search('openai', { docs: 0 });
              // The deploy: the old version's folder is gone, meta.json names the new one.
              fs.rmSync({{JsonSerializer.Serialize(oldFolder)}}, { recursive: true });
              fs.writeFileSync(base + 'meta.json', {{JsonSerializer.Serialize(fresh.Text("search/meta.json"))}});
              let failed = false;
              try { await engine.documents(r.hits.map(h => h.id)); } catch (e) { failed = true; }
              const changed = await engine.refresh();
              const again = await engine.search('openai', {});
              console.log(JSON.stringify({ failed, changed, titles: again.hits.map(h => again.docs[h.id].title) }));
            })().catch(e => { console.error(e); process.exit(1); });
            """;
        using var result = JsonDocument.Parse(SearchTestSupport.RunNode(script, folder.Path));

        Assert.True(result.RootElement.GetProperty("failed").GetBoolean(), "the old version's files are gone");
        Assert.True(result.RootElement.GetProperty("changed").GetBoolean());
        var titles = result.RootElement.GetProperty("titles").EnumerateArray().Select(t => t.GetString()!).ToList();
        Assert.NotEmpty(titles);
        Assert.All(titles, t => Assert.StartsWith("NEW ", t, StringComparison.Ordinal));
    }

    [Fact]
    public void A_built_site_writes_a_versioned_index_with_the_documents_per_file_setting()
    {
        using var site = TestSite.CopyOf(RepoPaths.SampleInput);
        site.Write("_site.yml", File.ReadAllText(Path.Combine(RepoPaths.SampleInput, "_site.yml")) + "search:\n  docs_per_file: 8\n");

        site.BuildOk();

        using var meta = JsonDocument.Parse(site.ReadOutput("search/meta.json"));
        var root = meta.RootElement.GetProperty("root").GetString()!;
        Assert.Equal(8, meta.RootElement.GetProperty("docChunk").GetInt32());
        var documents = meta.RootElement.GetProperty("documents").GetInt32();
        Assert.True(documents > 8, $"{documents} documents");
        Assert.Equal((documents + 7) / 8, site.OutputFiles().Count(f => f.StartsWith("search/" + root + "docs/", StringComparison.Ordinal)));
        Assert.Equal(["search/index.html", "search/meta.json"], site.OutputFiles().Where(f => f.StartsWith("search/", StringComparison.Ordinal) && !f.StartsWith("search/" + root, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("search:\n  docs_per_file: 0\n", "'search.docs_per_file' must be a whole number from 1 to 100")]
    [InlineData("search: 8\n", "'search' must be a section")]
    public void Bad_search_settings_are_reported(string yaml, string message)
    {
        using var site = TestSite.CopyOf(RepoPaths.SampleInput);
        site.Write("_site.yml", "title: X\n" + yaml);

        var result = site.Build();

        Assert.Contains(result.Diagnostics, d => d.Code == "SB008" && d.File == "_site.yml" && d.Message.StartsWith(message, StringComparison.Ordinal));
    }

    private static string Summary(JsonElement result) =>
        JsonSerializer.Serialize(new { ids = result.GetProperty("ids"), titles = result.GetProperty("titles") });
}
