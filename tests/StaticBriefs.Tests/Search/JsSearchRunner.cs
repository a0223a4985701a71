using System.Text.Json;

namespace StaticBriefs.Tests.Search;

/// <summary>Runs search.js's engine under node against an index written to disk, with a file-reading fetch.</summary>
internal static class JsSearchRunner
{
    /// <summary>
    /// Runs each query (<c>{ q, company, person, topic, year }</c>) in a fresh engine and returns, per query,
    /// <c>{ total, ids, facets, suggestion, fetched: { path: bytes } }</c>.
    /// </summary>
    public static JsonDocument Run(InMemoryOutputSink sink, IEnumerable<object> queries)
    {
        using var folder = SearchTestSupport.TempDirectory();
        var dir = folder.Path;
        sink.SaveTo(dir);
        var script = $$"""
            const fs = require('fs');
            const s = require({{JsonSerializer.Serialize(SearchTestSupport.SearchJs)}});
            const base = {{JsonSerializer.Serialize(Path.Combine(dir, "search") + "/")}};
            const queries = {{JsonSerializer.Serialize(queries)}};
            (async () => {
              const out = [];
              for (const query of queries) {
                const fetched = {};
                const engine = s.createEngine({ base, fetchJson: async url => {
                  const text = fs.readFileSync(url, 'utf8');
                  fetched[url.slice(base.length)] = Buffer.byteLength(text);
                  return JSON.parse(text);
                } });
                const r = await engine.search(query.q, query);
                const docs = await engine.documents(r.hits.slice(0, 10).map(h => h.id));
                const f = await engine.facets(r, docs, query);
                const pairs = list => list.map(e => [e[0], e[1]]);
                out.push({ total: r.total, ids: r.hits.map(h => h.id), titles: r.hits.slice(0, 10).map(h => docs[h.id].title),
                  facets: { companies: pairs(f.companies), people: pairs(f.people), topics: pairs(f.topics), years: f.years },
                  suggestion: r.suggestion, fetched });
              }
              console.log(JSON.stringify(out));
            })().catch(e => { console.error(e); process.exit(1); });
            """;
        return JsonDocument.Parse(SearchTestSupport.RunNode(script, dir));
    }
}
