/*
 * StaticBriefs search: runs in the browser against the index the build writes under BASE/search/.
 * Vanilla ES2017, no dependencies, no requests outside the site. This file is the core (normalise, load,
 * score), exposed as window.StaticBriefsSearch; search-ui.js is the page behaviour. The core also runs
 * under node with an injected fetch: require('search.js').createEngine({ base, fetchJson }).
 *
 * Index files (SearchIndexWriter): meta.json (shard keys, year runs, and root: the folder of the rest, named by
 * their hash, so one deploy's files are never mixed with another's), then under root shards/N.json (sorted terms
 * with Rice-coded postings), docs/N.json (display data of docChunk briefs from N*docChunk), facets/KIND/KEY.json
 * (ids of one value).
 */
(function (root) {
  'use strict';

  // Same table as CharacterFolding.Table in C# (a test compares them): target, then what folds to it.
  var FOLD_TABLE = '0０ 1１¹ 2２² 3３³ 4４ 5５ 6６ 7７ 8８ 9９ aÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎǞǟǠǡǺǻȀȁȂȃȦȧḀḁẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặＡａ aeæÆ bḂḃḄḅḆḇＢｂ cÇçĆćĈĉĊċČčḈḉＣｃ dĎďḊḋḌḍḎḏḐḑḒḓＤｄđĐðÐ dzǄǅǆǱǲǳ eÈÉÊËèéêëĒēĔĕĖėĘęĚěȄȅȆȇȨȩḔḕḖḗḘḙḚḛḜḝẸẹẺẻẼẽẾếỀềỂểỄễỆệＥｅ fḞḟＦｆ ffﬀ ffiﬃ fflﬄ fiﬁ flﬂ gĜĝĞğĠġĢģǦǧǴǵḠḡＧｇ hĤĥȞȟḢḣḤḥḦḧḨḩḪḫẖＨｈħĦ iÌÍÎÏìíîïĨĩĪīĬĭĮįİǏǐȈȉȊȋḬḭḮḯỈỉỊịＩｉı ijĲĳ jĴĵǰＪｊ kĶķǨǩḰḱḲḳḴḵＫｋ lĹĺĻļĽľḶḷḸḹḺḻḼḽＬｌłŁ ljǇǈǉ mḾḿṀṁṂṃＭｍ nÑñŃńŅņŇňǸǹṄṅṆṇṈṉṊṋＮｎ njǊǋǌ oÒÓÔÕÖòóôõöŌōŎŏŐőƠơǑǒǪǫǬǭȌȍȎȏȪȫȬȭȮȯȰȱṌṍṎṏṐṑṒṓỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợＯｏøØ oeœŒ pṔṕṖṗＰｐ qＱｑ rŔŕŖŗŘřȐȑȒȓṘṙṚṛṜṝṞṟＲｒ sŚśŜŝŞşŠšſȘșṠṡṢṣṤṥṦṧṨṩẛＳｓ ssßẞ stﬅﬆ tŢţŤťȚțṪṫṬṭṮṯṰṱẗＴｔ thþÞ uÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųƯưǓǔǕǖǗǘǙǚǛǜȔȕȖȗṲṳṴṵṶṷṸṹṺṻỤụỦủỨứỪừỬửỮữỰựＵｕ vṼṽṾṿＶｖ wŴŵẀẁẂẃẄẅẆẇẈẉẘＷｗ xẊẋẌẍＸｘ yÝýÿŶŷŸȲȳẎẏẙỲỳỴỵỶỷỸỹＹｙ zŹźŻżŽžẐẑẒẓẔẕＺｚ';
  var FOLD = new Map();
  FOLD_TABLE.split(' ').forEach(function (group) {
    var target = /^[a-z0-9]+/.exec(group)[0];
    for (var ch of group.slice(target.length)) FOLD.set(ch, target);
  });
  var STOP = new Set(('a an and are as at be but by for from has have he her his i in into is it its of on or our ' +
    'she that the their them they this to was we were will with you').split(' '));
  var MAX_TOKEN = 40;
  var MARK = /^\p{Mn}$/u;
  var WORD = /^[\p{L}\p{Nd}\p{Mc}]$/u;

  /** Folded words of a text before stop words and stemming; null for words too long to keep. */
  function words(text) {
    text = String(text);
    var out = [];
    var w = '';
    var push = function () { if (w) out.push(w.length > MAX_TOKEN ? null : w); w = ''; };
    // "OpenAI's" is "openai": an apostrophe then a lone s ends the word. Other apostrophes just vanish.
    var possessive = function (i) {
      return (text.charCodeAt(i) | 32) === 115 && (i + 1 === text.length || (text.charCodeAt(i + 1) < 128 && !/[A-Za-z0-9]/.test(text[i + 1])));
    };
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c < 128) {
        if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) w += text[i];
        else if (c >= 65 && c <= 90) w += String.fromCharCode(c | 32);
        else if (c !== 39 || !w) push();
        else if (possessive(i + 1)) { i++; push(); }
        continue;
      }
      if (c === 0x2019 && w) {
        if (possessive(i + 1)) { i++; push(); }
        continue;
      }
      var ch = String.fromCodePoint(text.codePointAt(i));
      i += ch.length - 1;
      var folded = FOLD.get(ch);
      if (folded !== undefined) { w += folded; continue; }
      if (MARK.test(ch)) continue;
      if (!WORD.test(ch)) { push(); continue; }
      w += ch.toLowerCase();
    }
    push();
    return out;
  }

  function undouble(w) {
    var last = w[w.length - 1];
    return w.length >= 2 && last === w[w.length - 2] && 'aeioulsz'.indexOf(last) < 0 ? w.slice(0, -1) : w;
  }

  /** Twin of SearchStemmer.Stem: plurals, -ing, -ed, final e. */
  function stem(w) {
    if (w.length <= 3 || !/^[a-z]+$/.test(w) || w === 'news' || w === 'series' || w === 'species') return w;
    if (/ies$/.test(w) && w.length > 4) w = w.slice(0, -3) + 'y';
    else if (/(sses|ches|shes|xes)$/.test(w)) w = w.slice(0, -2);
    else if (/s$/.test(w) && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
    var n = w.length;
    if (/ing$/.test(w) && n - 3 >= 3 && /[aeiouy]/.test(w.slice(0, n - 3))) w = undouble(w.slice(0, n - 3));
    else if (/ied$/.test(w) && n > 4) w = w.slice(0, -3) + 'y';
    else if (/ed$/.test(w) && !/eed$/.test(w) && n - 2 >= 3 && /[aeiouy]/.test(w.slice(0, n - 2))) w = undouble(w.slice(0, n - 2));
    if (w.length >= 5 && w[w.length - 1] === 'e') w = w.slice(0, -1);
    return w;
  }

  /** Search terms of a text, as SearchNormalizer.Tokens. */
  function tokens(text) {
    return words(text).filter(function (w) { return w !== null && !STOP.has(w); }).map(stem);
  }

  /** Key of a facet value in URLs and file names, as SearchNormalizer.FacetKey: "Andrej Karpathy" -> "andrej-karpathy". */
  function facetKey(name) {
    return words(name || '').filter(function (w) { return w !== null; }).join('-');
  }

  /** One word's term, as SearchNormalizer.Normalize. */
  function normalize(word) {
    var parts = words(word);
    var joined = parts.indexOf(null) >= 0 ? null : parts.join('');
    return joined === null || joined.length > MAX_TOKEN ? '' : stem(joined);
  }

  var DIGITS = new Int8Array(128).fill(-1);
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('').forEach(function (ch, i) { DIGITS[ch.charCodeAt(0)] = i; });

  /**
   * Reads a RiceCodec list: k, count, then per id the gap's unary quotient, k low bits and payloadBits
   * bits of payload, 6 bits a character. Returns the ids; payloads go to the optional array.
   */
  function riceIds(text, start, payloadBits, payloads) {
    var ids = [];
    if (!text) return ids;
    var k = DIGITS[text.charCodeAt(0)], pos = 1, count = 0, d;
    do { d = DIGITS[text.charCodeAt(pos++)]; count = count * 32 + (d & 31); } while (d >= 32);
    var bitPos = pos * 6;
    var bit = function () { var b = (DIGITS[text.charCodeAt((bitPos / 6) | 0)] >> (5 - bitPos % 6)) & 1; bitPos++; return b; };
    var prev = start - 1;
    for (var i = 0; i < count; i++) {
      var gap = 0, j;
      while (bit() === 1) gap++;
      for (j = 0; j < k; j++) gap = gap * 2 + bit();
      ids.push(prev = prev + gap + 1);
      if (payloadBits) {
        var v = 0;
        for (j = 0; j < payloadBits; j++) v = v * 2 + bit();
        payloads.push(v);
      }
    }
    return ids;
  }

  /** Last index whose key is <= s (keys sorted, keys[0] === ''). */
  function floorIndex(keys, s) {
    var lo = 0, hi = keys.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (keys[mid] <= s) lo = mid; else hi = mid - 1; }
    return lo;
  }

  function editDistance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev = [], cur = [];
    for (var j = 0; j <= b.length; j++) prev[j] = j;
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      for (j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
    return prev[b.length];
  }

  /** Facet kinds: URL parameter (also the index folder), field in the display data, name in results. */
  var FACETS = [
    { param: 'company', field: 'c', kind: 'companies' },
    { param: 'person', field: 'p', kind: 'people' },
    { param: 'topic', field: 't', kind: 'topics' }
  ];
  var IMPACT_BITS = 5;
  var MAX_PREFIX_SHARDS = 3;
  var PREFIX_FACTOR = 0.6;
  /** Facet values are gathered from this many top results, at most MAX_FACET_VALUES per kind. */
  var FACET_SOURCE = 10;
  var MAX_FACET_VALUES = 16;

  /**
   * The search core. opts.base: URL of the index folder ending in "/" (e.g. "/search/");
   * opts.fetchJson(url) -> Promise of parsed JSON. Files are fetched once and cached.
   */
  function createEngine(opts) {
    var cache = new Map();
    var meta = function () {
      if (!cache.has('meta.json')) cache.set('meta.json', Promise.resolve(opts.fetchJson(opts.base + 'meta.json')));
      return cache.get('meta.json');
    };
    // Every other file lives under the root meta.json names, so all of one query's files come from one build.
    var load = function (path) {
      if (!cache.has(path)) cache.set(path, meta().then(function (m) { return opts.fetchJson(opts.base + (m.root || '') + path); }));
      return cache.get(path);
    };
    /**
     * After a failed load: reads meta.json again and, when a deploy has replaced the index since (another root),
     * forgets every file of the old one. Resolves true when the caller should run its query again.
     */
    async function refresh() {
      var before = await meta().catch(function () { return null; });
      cache.delete('meta.json');
      var after = await meta().catch(function () { return null; });
      if (!after || (before && before.root === after.root)) return false;
      cache.clear();
      cache.set('meta.json', Promise.resolve(after));
      return true;
    }
    var shard = function (i) { return load('shards/' + i + '.json').then(function (s) { return { index: i, data: s }; }); };
    // A value no brief carries has no file: that is an empty list, not an error.
    var facetIds = function (param, key) {
      if (!key) return Promise.resolve([]);
      return load('facets/' + param + '/' + encodeURIComponent(key) + '.json')
        .then(function (text) { return riceIds(text, 0); }, function () { return []; });
    };

    function postingsOf(s, term) {
      var t = s.data.t, lo = 0, hi = t.length - 1;
      while (lo <= hi) { var mid = (lo + hi) >> 1; if (t[mid] === term) return s.data.p[mid]; if (t[mid] < term) lo = mid + 1; else hi = mid - 1; }
      return null;
    }

    /** Query words: [{ term, prefix }] where prefix is the folded unstemmed last word while it is being typed. */
    function parseQuery(q) {
      var raw = words(q).filter(function (w) { return w !== null && !STOP.has(w); });
      var typing = /[\p{L}\p{Nd}]$/u.test(String(q));
      return raw.map(function (w, i) { return { term: stem(w), prefix: typing && i === raw.length - 1 && w.length >= 2 ? w : null }; });
    }

    async function matchWord(m, word, shards) {
      var first = floorIndex(m.shards, word.term);
      var wanted = [first];
      if (word.prefix) {
        var a = floorIndex(m.shards, word.prefix), b = floorIndex(m.shards, word.prefix + '\uffff');
        if (b - a < MAX_PREFIX_SHARDS) {
          for (var i = a; i <= b; i++) if (wanted.indexOf(i) < 0) wanted.push(i);
        } else {
          word.prefix = null; // too broad to expand yet: match the word as typed
        }
      }
      var loaded = await Promise.all(wanted.map(shard));
      loaded.forEach(function (s) { shards.set(s.index, s); });
      var hits = new Map();
      var expansions = [];
      var add = function (packed, factor, term) {
        var impacts = [];
        var ids = riceIds(packed, 0, IMPACT_BITS, impacts);
        var df = ids.length;
        var idf = Math.log(1 + (m.documents - df + 0.5) / (df + 0.5));
        for (var k = 0; k < ids.length; k++) {
          var score = factor * idf * (impacts[k] / m.maxImpact) * (m.k1 + 1);
          if (!(hits.get(ids[k]) >= score)) hits.set(ids[k], score);
        }
        expansions.push(term);
      };
      var exact = postingsOf(shards.get(first), word.term);
      if (exact !== null) add(exact, 1, word.term);
      if (word.prefix) loaded.forEach(function (s) {
        s.data.t.forEach(function (t, i) { if (t !== word.term && t.startsWith(word.prefix)) add(s.data.p[i], PREFIX_FACTOR, t); });
      });
      return { hits: hits, expansions: expansions };
    }

    function yearRuns(m, ids, out) {
      m.years.forEach(function (run) {
        var n = 0;
        ids.forEach(function (id) { if (id >= run[1] && id <= run[2]) n++; });
        var last = out[out.length - 1];
        if (last && last[0] === run[0]) last[1] += n; else if (n) out.push([run[0], n]);
      });
      return out;
    }

    function inYear(m, id, year) {
      return m.years.some(function (run) { return String(run[0]) === String(year) && id >= run[1] && id <= run[2]; });
    }

    /**
     * Runs a query. filters: { company, person, topic (names or keys), year }, all optional.
     * Returns { total, hits: [{ id, score }], matched: { terms, prefixes }, suggestion }.
     */
    async function search(q, filters) {
      filters = filters || {};
      var parsed = parseQuery(q || '');
      var active = FACETS.filter(function (f) { return filters[f.param]; });
      var matched = { terms: [], prefixes: [] };
      if (!parsed.length && !active.length && !filters.year) return { total: 0, hits: [], matched: matched, suggestion: null };
      var m = await meta();
      var shards = new Map();
      var scores = null;
      var per = [];
      var lists = Promise.all(active.map(function (f) { return facetIds(f.param, facetKey(filters[f.param])); }));
      if (parsed.length) {
        per = await Promise.all(parsed.map(function (w) { return matchWord(m, w, shards); }));
        per.forEach(function (r, i) { matched.terms = matched.terms.concat(r.expansions); if (parsed[i].prefix) matched.prefixes.push(parsed[i].prefix); });
        scores = combine(per, true);
        if (scores.size === 0 && per.length > 1) scores = combine(per, false);
      }
      var required = (await lists).map(function (ids) { return new Set(ids); });
      var candidates;
      if (scores) candidates = Array.from(scores.keys());
      else if (required.length) candidates = Array.from(required[0]);
      else candidates = allIds(m);
      var hits = [];
      candidates.forEach(function (id) {
        if (filters.year && !inYear(m, id, filters.year)) return;
        if (required.every(function (set) { return set.has(id); })) hits.push({ id: id, score: scores ? scores.get(id) : 0 });
      });
      hits.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
      // A word found nowhere (even when the others found something) gets a did-you-mean.
      var suggestion = per.some(function (r) { return r.hits.size === 0; }) ? suggest(parsed, shards) : null;
      return { total: hits.length, hits: hits, matched: matched, suggestion: suggestion };
    }

    function allIds(m) {
      var all = [];
      m.years.forEach(function (run) { for (var id = run[1]; id <= run[2]; id++) all.push(id); });
      return all;
    }

    /** AND: documents with every word, scores summed. OR: any word (fallback when AND finds nothing). */
    function combine(per, all) {
      var out = new Map();
      per.forEach(function (r, i) {
        r.hits.forEach(function (score, id) {
          if (all && i > 0 && !out.has(id)) return;
          out.set(id, (out.get(id) || 0) + score);
        });
        if (all && i > 0) out.forEach(function (_, id) { if (!r.hits.has(id)) out.delete(id); });
      });
      return out;
    }

    /** Closest indexed term (edit distance, within the shards already loaded) for each word with no match. */
    function suggest(parsed, shards) {
      var changed = false;
      var out = parsed.map(function (w) {
        var best = null, bestDistance = w.term.length > 4 ? 2 : 1;
        shards.forEach(function (s) {
          if (s.data.t.indexOf(w.term) >= 0) { best = w.term; bestDistance = -1; }
          if (bestDistance < 0) return;
          s.data.t.forEach(function (t) {
            var d = editDistance(w.term, t, bestDistance);
            if (d <= bestDistance && (best === null || d < bestDistance || t < best)) { best = t; bestDistance = d; }
          });
        });
        if (best !== null && best !== w.term) changed = true;
        return best || w.term;
      });
      return changed ? out.join(' ') : null;
    }

    /** Display data of documents by id: { id: { id, path, title, date, summary, excerpt, c, p, t } }. */
    async function documents(ids) {
      if (!ids.length) return {};
      var m = await meta();
      var chunks = Array.from(new Set(ids.map(function (id) { return Math.floor(id / m.docChunk); })));
      var files = await Promise.all(chunks.map(function (n) { return load('docs/' + n + '.json'); }));
      var byId = {};
      files.forEach(function (f) { f.forEach(function (d) { byId[d.id] = d; }); });
      return byId;
    }

    /**
     * Facet counts over the whole result set for the values of the top results (docs: their display
     * data) and the selected ones: { companies: [[name, count, key]], people, topics, years: [[year, count]] },
     * most briefs first, ties in the order of the results. Only those values' id lists are fetched, never a table of every value.
     */
    async function facets(result, docs, filters) {
      filters = filters || {};
      if (!result.hits.length && !FACETS.some(function (f) { return filters[f.param]; })) return { companies: [], people: [], topics: [], years: [] };
      var m = await meta();
      var ids = result.hits.map(function (h) { return h.id; });
      var inResult = new Set(ids);
      var out = { years: yearRuns(m, ids, []) };
      await Promise.all(FACETS.map(async function (f) {
        var names = new Map();
        result.hits.slice(0, FACET_SOURCE).forEach(function (h) {
          ((docs[h.id] || {})[f.field] || []).forEach(function (name) {
            var key = facetKey(name);
            if (key && !names.has(key) && names.size < MAX_FACET_VALUES) names.set(key, name);
          });
        });
        var selected = facetKey(filters[f.param]);
        if (selected && !names.has(selected)) names.set(selected, String(filters[f.param]));
        var keys = Array.from(names.keys());
        var lists = await Promise.all(keys.map(function (key) { return facetIds(f.param, key); }));
        var counts = keys.map(function (key, i) {
          var n = 0;
          lists[i].forEach(function (id) { if (inResult.has(id)) n++; });
          return [names.get(key), n, key, i];
        });
        counts.sort(function (a, b) { return b[1] - a[1] || a[3] - b[3]; });
        out[f.kind] = counts.map(function (c) { return c.slice(0, 3); });
      }));
      return out;
    }

    return { meta: meta, search: search, documents: documents, facets: facets, parseQuery: parseQuery, refresh: refresh };
  }

  var api = { normalize: normalize, tokens: tokens, facetKey: facetKey, createEngine: createEngine, riceIds: riceIds };
  if (typeof module === 'object' && module.exports) module.exports = api;
  // search-ui.js drives the page with it; tests reach the same functions through this global.
  if (typeof window !== 'undefined') window.StaticBriefsSearch = api;
})(this);
