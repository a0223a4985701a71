using System.Text.Json;

namespace StaticBriefs.Tests.Search;

/// <summary>Runs search.js's engine under node against an index written to disk, with a file-reading fetch.</summary>
internal static class JsSearchRunner
{
    /// <summary>
    /// Runs each query (<c>{ q, typing, company, person, topic, verb, year }</c>; typing: the last word may be incomplete, as
    /// while typing) in a fresh engine and returns, per query, <c>{ total, all, ids, ranks (each hit's place by date, 0 = newest), titles, paths, facets, shown,
    /// corrections, entities, fetched: { path: bytes } }</c>.
    /// </summary>
    public static JsonDocument Run(InMemoryOutputSink sink, IEnumerable<object> queries)
    {
        using var folder = SearchTestSupport.TempDirectory();
        sink.SaveTo(folder.Path);
        return Run(folder.Path, queries);
    }

    /// <summary>As <see cref="Run(InMemoryOutputSink, IEnumerable{object})"/> on a built site in <paramref name="siteDirectory"/>.</summary>
    public static JsonDocument Run(string siteDirectory, IEnumerable<object> queries)
    {
        var script = $$"""
            const fs = require('fs');
            const s = require({{JsonSerializer.Serialize(SearchTestSupport.SearchJs)}});
            const base = {{JsonSerializer.Serialize(Path.Combine(siteDirectory, "search") + "/")}};
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
                const r = await engine.search(query.q, Object.assign({}, query, { typing: !!query.typing }));
                const f = await engine.facets(r, query);
                const pairs = list => list.map(e => [e[0], e[1]]);
                const first = r.hits.slice(0, 10);
                out.push({ total: r.total, all: r.all, ids: r.hits.map(h => h.id), ranks: r.hits.map(h => h.rank), titles: first.map(h => r.docs[h.id].title),
                  paths: first.map(h => r.docs[h.id].path),
                  facets: { companies: pairs(f.companies), people: pairs(f.people), topics: pairs(f.topics), verbs: pairs(f.verbs), years: f.years },
                  shown: r.shown, corrections: r.corrections, entities: r.entities, fetched });
              }
              console.log(JSON.stringify(out));
            })().catch(e => { console.error(e); process.exit(1); });
            """;
        return JsonDocument.Parse(SearchTestSupport.RunNode(script, siteDirectory));
    }
}
