/*
 * StaticBriefs search: runs in the browser against the index the build writes under BASE/search/.
 * Vanilla ES2017, no dependencies, no requests outside the site. This file is the core (normalise, load,
 * score), exposed as window.StaticBriefsSearch; search-ui.js is the page and the header box. The core also runs
 * under node with an injected fetch: require('search.js').createEngine({ base, fetchJson }).
 *
 * Index files (SearchIndexWriter, format 6): meta.json (shard and dictionary keys, year runs over ranks by date, the
 * ids in date order when they are not places by date from the oldest (order, orderBits bits each), and root: the folder
 * of the rest, named by their hash, so one deploy's files are never mixed with another's), then under root
 * shards/N.json (sorted terms with Rice-coded postings carrying a BM25F impact, and the entity pages each term
 * names), docs/N.json (display data of docChunk briefs from N*docChunk, with the facet lists of their values),
 * dict/N.json and rdict/N.json (the typo dictionary, forwards and backwards), facets.json (lists of values in many
 * briefs, when there are such) and facets/KIND/KEY.json (the others).
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
  var STOP_LIST = ('a an and are as at be but by for from has have he her his i in into is it its of on or our ' +
    'she that the their them they this to was we were will with you').split(' ');
  var STOP = new Set(STOP_LIST);
  var MAX_TOKEN = 40;
  var MARK = /^\p{Mn}$/u;
  var WORD = /^[\p{L}\p{Nd}\p{Mc}]$/u;
  /** Kinds of words(): a word alone, a part of a compound, the compound whole ("1.27.0", "node.js"). */
  var SINGLE = 0, PART = 1, WHOLE = 2;

  function isAsciiAlnum(c) { return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122); }

  /**
   * Twin of SearchTokenizer: folded words of a text before stop words and stemming, as [word, kind]. Words longer
   * than MAX_TOKEN are left out. Parts joined by '.' or '_' (a letter or digit after it) are followed by the whole.
   */
  function words(text, limit) {
    text = String(text);
    var max = limit || MAX_TOKEN;
    var out = [], w = '', whole = '', parts = 0, fits = true;
    var end = function (sep, at) {
      if (!w) return;
      var over = w.length > max;
      if (parts === 0) { whole = ''; fits = true; }
      parts++;
      if (over) fits = false;
      else if (fits) { if (whole.length + w.length > MAX_TOKEN) fits = false; else whole += w; }
      var joined = !over && (sep === '.' || sep === '_') && at + 1 < text.length && isAsciiAlnum(text.charCodeAt(at + 1));
      var inRun = parts, pending = false;
      if (joined) { if (fits && whole.length < MAX_TOKEN) whole += sep; else fits = false; }
      else { parts = 0; pending = inRun > 1 && fits; }
      if (over) parts = 0;
      else {
        out.push([w, joined || inRun > 1 ? PART : SINGLE]);
        if (pending) out.push([whole, WHOLE]);
      }
      w = '';
    };
    // "OpenAI's" is "openai": an apostrophe then a lone s ends the word. Other apostrophes just vanish.
    var possessive = function (i) {
      return (text.charCodeAt(i) | 32) === 115 && (i + 1 === text.length || (text.charCodeAt(i + 1) < 128 && !isAsciiAlnum(text.charCodeAt(i + 1))));
    };
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c < 128) {
        if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) w += text[i];
        else if (c >= 65 && c <= 90) w += String.fromCharCode(c | 32);
        else if (c !== 39 || !w) end(text[i], i);
        else if (possessive(i + 1)) { i++; end('', i); }
        continue;
      }
      if (c === 0x2019 && w) {
        if (possessive(i + 1)) { i++; end('', i); }
        continue;
      }
      var ch = String.fromCodePoint(text.codePointAt(i));
      i += ch.length - 1;
      var folded = FOLD.get(ch);
      if (folded !== undefined) { w += folded; continue; }
      if (MARK.test(ch)) continue;
      if (!WORD.test(ch)) { end('', i); continue; }
      w += ch.toLowerCase();
    }
    end('', text.length);
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

  /** The term of one word read by words(): compounds whole stay as they are; stop words give ''. */
  function termOf(pair) {
    if (pair[1] === WHOLE) return pair[0];
    return STOP.has(pair[0]) ? '' : stem(pair[0]);
  }

  /** Search terms of a text, as SearchNormalizer.Tokens (a compound's parts, then the compound). */
  function tokens(text) {
    return words(text).map(termOf).filter(function (t) { return t !== ''; });
  }

  /** Key of a facet value in URLs and file names, as SearchNormalizer.FacetKey: "Andrej Karpathy" -> "andrej-karpathy". */
  function facetKey(name) {
    return words(name || '').filter(function (p) { return p[1] !== WHOLE; }).map(function (p) { return p[0]; }).join('-');
  }

  /** One word's term, as SearchNormalizer.Normalize: folded pieces joined and stemmed ("GPT-4o" -> "gpt4o"). */
  function normalize(word) {
    var joined = words(word, Infinity).filter(function (p) { return p[1] !== WHOLE; }).map(function (p) { return p[0]; }).join('');
    return joined.length > MAX_TOKEN ? '' : stem(joined);
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

  /**
   * meta.json with byRank (ids newest first) and rankOf (id -> rank): the ids are places by date counted from the
   * oldest (so a new brief moves no other's id) unless meta.json sends their order (an unversioned index keeps each
   * brief's id from edit to edit, so its ids are not by date).
   */
  function ranked(m) {
    if (!m || m.byRank) return m;
    var n = m.documents, byRank = new Int32Array(n), i, j;
    if (m.order) {
      var bits = m.orderBits, bit = 0;
      for (i = 0; i < n; i++) {
        var v = 0;
        for (j = 0; j < bits; j++, bit++) v = v * 2 + ((DIGITS[m.order.charCodeAt((bit / 6) | 0)] >> (5 - bit % 6)) & 1);
        byRank[i] = v;
      }
    } else {
      for (i = 0; i < n; i++) byRank[i] = n - 1 - i;
    }
    var max = -1;
    byRank.forEach(function (id) { if (id > max) max = id; });
    var rankOf = new Int32Array(max + 1).fill(-1);
    byRank.forEach(function (id, r) { rankOf[id] = r; });
    m.byRank = byRank;
    m.rankOf = rankOf;
    return m;
  }

  /** Last index whose key is <= s (keys sorted, keys[0] === ''). */
  function floorIndex(keys, s) {
    var lo = 0, hi = keys.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (keys[mid] <= s) lo = mid; else hi = mid - 1; }
    return lo;
  }

  /** Indexes of the pieces (shards or dictionary pieces) that may hold terms from lo to hi. */
  function pieceRange(keys, lo, hi) {
    var out = [];
    for (var i = floorIndex(keys, lo), last = floorIndex(keys, hi); i <= last; i++) out.push(i);
    return out;
  }

  /**
   * Optimal string alignment distance (Damerau-Levenshtein where a swap of neighbours counts as one edit), or
   * max + 1 as soon as it must exceed max.
   */
  function editDistance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var before = null, prev = [], cur;
    for (var j = 0; j <= b.length; j++) prev[j] = j;
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2] + 1);
        cur[j] = v;
        if (v < best) best = v;
      }
      if (best > max) return max + 1;
      before = prev;
      prev = cur;
    }
    return prev[b.length];
  }

  /** Edits a misspelt word may be from the word meant: none under 3 letters, one up to 7, two from 8. */
  function maxEdits(word) { return word.length < 3 ? 0 : word.length < 8 ? 1 : 2; }

  /** Facet kinds: URL parameter (also the index folder), field in the display data, name in results. */
  var FACETS = [
    { param: 'company', field: 'c', kind: 'companies' },
    { param: 'person', field: 'p', kind: 'people' },
    { param: 'topic', field: 't', kind: 'topics' },
    { param: 'verb', field: 'v', kind: 'verbs' }
  ];
  var KIND_OF_LETTER = { c: 'company', p: 'person', t: 'topic' };
  var IMPACT_BITS = 5;
  /**
   * A word being typed is completed from at most this many shards (SearchIndexWriter's 4 KB each: 24 KB, as three 8 KB
   * shards before); beyond, it matches as typed.
   */
  var MAX_PREFIX_SHARDS = 6;
  /**
   * A word's completions (of a word being typed, or of a version: "5.1" for 5.1.0) and the word itself are scored as
   * one term, whose briefs are all of theirs; a completion counts this share of what the word itself would.
   */
  var COMPLETION_FACTOR = 0.8;
  /**
   * The first results are scored again once their titles are loaded (they are, to be shown): a brief whose title has
   * every query word gains TITLE_FACTOR of its score (in proportion to the square of the share of words it has), and
   * ORDER_FACTOR more when they stand side by side in the title in the query's order, and up to COVER_FACTOR more
   * for the share of the title's own words the query names: of two titles holding the query, the one it spells out
   * more fully is the one a reader is naming ("how to name your spans" beside "... span attributes").
   */
  var TITLE_FACTOR = 0.5, ORDER_FACTOR = 0.2, COVER_FACTOR = 0.3;
  /** Facet values are gathered from this many top results, at most MAX_FACET_VALUES per kind. */
  var FACET_SOURCE = 10;
  var MAX_FACET_VALUES = 12;
  var MAX_ENTITIES = 4;

  /**
   * A misspelt word's first letter is looked up whole up to this many dictionary pieces (DictionaryWriter's 2 KB each:
   * 16 KB), beyond that only its first two letters.
   */
  var MAX_LETTER_PIECES = 8;
  /** Bit length of a count, as the dictionary stores a word's briefs. */
  var BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

  /**
   * The search core. opts.base: URL of the index folder ending in "/" (e.g. "/search/");
   * opts.fetchJson(url, signal) -> Promise of parsed JSON. Files are fetched once and cached; a fetch aborted by
   * its query is forgotten, so the next query fetches it again.
   */
  function createEngine(opts) {
    var cache = new Map();
    var remember = function (key, make) {
      if (!cache.has(key)) {
        var promise = make();
        cache.set(key, promise);
        promise.catch(function () { if (cache.get(key) === promise) cache.delete(key); });
      }
      return cache.get(key);
    };
    // Another query's abort must not fail this one: an aborted shared fetch is started again with this query's signal.
    var retrying = async function (make, signal) {
      for (;;) {
        try { return await make(); } catch (err) {
          if ((signal && signal.aborted) || !err || err.name !== 'AbortError') throw err;
        }
      }
    };
    var meta = function (signal) {
      return retrying(function () { return remember('meta.json', function () { return Promise.resolve(opts.fetchJson(opts.base + 'meta.json', signal)).then(ranked); }); }, signal);
    };
    // Every other file lives under the root meta.json names, so all of one query's files come from one build.
    var load = function (path, signal) {
      return retrying(function () {
        return remember(path, function () {
          return meta(signal).then(function (m) { return opts.fetchJson(opts.base + (m.root || '') + path, signal); });
        });
      }, signal);
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
    var shard = function (i, signal) { return load('shards/' + i + '.json', signal).then(function (s) { return { index: i, data: s }; }); };
    var bundle = function (signal) {
      return meta(signal).then(function (m) { return m.facetBundle ? load('facets.json', signal) : {}; });
    };

    /** Ids of the briefs carrying a facet value: from facets.json, a loaded brief's data, or the value's own file. */
    async function facetIds(param, key, docs, signal) {
      if (!key) return [];
      var shared = await bundle(signal);
      if (shared[param] && shared[param][key] !== undefined) return riceIds(shared[param][key], 0);
      var field = FACETS.filter(function (f) { return f.param === param; })[0].field;
      for (var id in docs || {}) {
        var d = docs[id], names = d[field] || [], lists = d[field + 'f'] || [];
        for (var i = 0; i < names.length; i++) if (lists[i] && facetKey(names[i]) === key) return riceIds(lists[i], 0);
      }
      // A value no brief carries has no file: that is an empty list, not an error.
      return load('facets/' + param + '/' + encodeURIComponent(key) + '.json', signal)
        .then(function (text) { return riceIds(text, 0); }, function (err) { if (err && err.name === 'AbortError') throw err; return []; });
    }

    /** Index of term in a loaded shard, or -1. */
    function indexOf(s, term) {
      var t = s.data.t, lo = 0, hi = t.length - 1;
      while (lo <= hi) { var mid = (lo + hi) >> 1; if (t[mid] === term) return mid; if (t[mid] < term) lo = mid + 1; else hi = mid - 1; }
      return -1;
    }

    /** True when a term of a loaded shard is a word of some brief as it is (shard field v, six terms a character). */
    function verbatim(s, index) {
      var v = s.data.v || '';
      return ((DIGITS[v.charCodeAt((index / 6) | 0)] >> (5 - index % 6)) & 1) === 1;
    }

    /** Entity entries of one term of a loaded shard: [[kind letter, name, path, briefs]]. */
    function entitiesOf(s, index) {
      return (s.data.e || []).filter(function (e) { return e[0] === index; }).map(function (e) { return e.slice(1); });
    }

    /**
     * Query words: { term, surface, prefix, parts, stopLike }. A compound ("1.27.0") is one word with its parts as a
     * fallback; while typing, the last word (not yet followed by a space) also matches as a prefix.
     */
    function parseQuery(q, typing) {
      var list = words(q || ''), out = [], parts = [];
      var single = function (w) { if (!STOP.has(w)) out.push({ term: stem(w), surface: w }); };
      // Parts of a compound too long to keep whole are words of their own.
      var flush = function (keep) { parts.splice(0, parts.length - keep).forEach(single); };
      list.forEach(function (p) {
        if (p[1] === PART) { parts.push(p[0]); return; }
        if (p[1] === WHOLE) {
          var own = p[0].split(/[._]/).length;
          flush(own);
          out.push({ term: p[0], surface: p[0], parts: parts.filter(function (w) { return !STOP.has(w); }).map(stem) });
          parts = [];
          return;
        }
        flush(0);
        single(p[0]);
      });
      flush(0);
      if (typing && out.length && /[\p{L}\p{Nd}]$/u.test(String(q))) out[out.length - 1].prefix = out[out.length - 1].surface;
      return out;
    }

    /** Every term of the loaded shards in [lo, hi]. */
    function termsBetween(loaded, lo, hi, visit) {
      loaded.forEach(function (s) {
        s.data.t.forEach(function (t, i) { if (t >= lo && t <= hi) visit(s, i, t); });
      });
    }

    function idf(m, df) { return Math.log(1 + (m.documents - df + 0.5) / (df + 0.5)); }

    /** Postings of a shard entry as a Map id -> impact share (0..1]. */
    function postings(m, packed) {
      var impacts = [], ids = riceIds(packed, 0, IMPACT_BITS, impacts), out = new Map();
      for (var k = 0; k < ids.length; k++) out.set(ids[k], impacts[k] / m.maxImpact);
      return out;
    }

    /**
     * Scores one query word: { hits: Map id -> score, terms (matched, for marks), entities, prefix }. A word being typed
     * is completed unless it is complete (a word of the briefs as it is). The word and its completions (terms it
     * begins; for a version: "5.1" for 5.1.0) are one term: one weight from
     * all their briefs together, so a rare completion never outweighs the word meant, and in each brief the word
     * itself counts fully, a completion COMPLETION_FACTOR of that.
     */
    async function matchWord(m, word, signal) {
      var wanted = [floorIndex(m.shards, word.term)];
      var version = /[._]/.test(word.term) || /^\d/.test(word.term);
      if (version) pieceRange(m.shards, word.term + '.', word.term + '.\uffff').forEach(function (i) { if (wanted.indexOf(i) < 0) wanted.push(i); });
      var loaded = await Promise.all(wanted.map(function (i) { return shard(i, signal); }));
      var at = indexOf(loaded[0], word.term);
      var prefix = word.prefix || null;
      // A word being typed is complete, and not completed, when briefs have it as it is ("rust", not "weav"), or when
      // stemming took an ending off it ("funding"), but for a lone final s: "pars" may be becoming "parser".
      var complete = at >= 0 && prefix && prefix.length >= 3 &&
        (word.term === prefix ? verbatim(loaded[0], at) : word.term !== prefix.slice(0, -1) || prefix.slice(-1) !== 's');
      if (complete) prefix = null;
      if (prefix) {
        var range = pieceRange(m.shards, prefix, prefix + '\uffff');
        var more = range.filter(function (i) { return wanted.indexOf(i) < 0; });
        if (range.length <= MAX_PREFIX_SHARDS) loaded = loaded.concat(await Promise.all(more.map(function (i) { return shard(i, signal); })));
        else prefix = null; // too broad to complete yet: match the word as typed
      }
      var result = { hits: new Map(), terms: [], entities: [], prefix: prefix };
      var shares = new Map();
      var add = function (s, i, t, factor) {
        result.terms.push(t);
        result.entities = result.entities.concat(entitiesOf(s, i));
        postings(m, s.data.p[i]).forEach(function (share, id) {
          var value = share * factor;
          if (!(shares.get(id) >= value)) shares.set(id, value);
        });
      };
      if (at >= 0) add(loaded[0], at, word.term, 1);
      var completion = function (s, i, t) { if (t !== word.term && result.terms.indexOf(t) < 0) add(s, i, t, COMPLETION_FACTOR); };
      if (version) termsBetween(loaded, word.term + '.', word.term + '.\uffff', completion);
      if (prefix) termsBetween(loaded, prefix, prefix + '\uffff', completion);
      var weight = idf(m, shares.size);
      shares.forEach(function (share, id) { result.hits.set(id, weight * share); });
      return result;
    }

    /** Parsed pieces of the typo dictionary: [[word, size class]]. */
    function dictionaryPiece(folder, i, signal) {
      return remember(folder + '#' + i, function () {
        return load(folder + '/' + i + '.json', signal).then(function (text) {
          var out = [], previous = '';
          if (text) text.split(' ').forEach(function (entry) {
            var shared = BASE36.indexOf(entry[0]);
            previous = previous.slice(0, shared) + entry.slice(2);
            out.push([previous, BASE36.indexOf(entry[1])]);
          });
          return out;
        });
      });
    }

    /**
     * Pieces of a dictionary holding words that start like word: its first letter's, or its first two letters' when
     * they are more than MAX_LETTER_PIECES.
     */
    function piecesFor(keys, word) {
      var range = pieceRange(keys, word[0], word[0] + '\uffff');
      return range.length <= MAX_LETTER_PIECES ? range : pieceRange(keys, word.slice(0, 2), word.slice(0, 2) + '\uffff');
    }

    /**
     * The indexed word closest to a word that matches nothing, within maxEdits (a swap counts as one): looked for
     * among the words of its first letter, then, when none is close, among those of its last letter (read backwards),
     * so a wrong first letter is found too. Ties go to the word in more briefs. Null when none is close enough.
     */
    async function correction(m, word, signal) {
      var w = word.surface, max = maxEdits(w);
      if (!max || /[\d._]/.test(w) || !m.dict) return null;
      var best = null;
      var consider = function (candidate, size, distance) {
        if (distance > max || candidate === w) return;
        if (!best || distance < best.distance || (distance === best.distance && size > best.size)) best = { word: candidate, size: size, distance: distance };
      };
      var look = async function (keys, folder, key, backwards) {
        var pieces = await Promise.all(piecesFor(keys, key).map(function (i) { return dictionaryPiece(folder, i, signal); }));
        pieces.forEach(function (piece) {
          piece.forEach(function (entry) {
            var candidate = backwards ? entry[0].split('').reverse().join('') : entry[0];
            consider(candidate, entry[1], editDistance(w, candidate, best ? Math.min(best.distance, max) : max));
          });
        });
      };
      await look(m.dict, 'dict', w, false);
      if (!best && m.rdict) await look(m.rdict, 'rdict', w.split('').reverse().join(''), true);
      return best;
    }

    /**
     * The stop word a short misspelt word is one edit from ("yuo": you), or null. Stop words are the most common
     * words of all, so they win over an indexed word as far away: the word is then left out, as the stop word is.
     */
    function stopLike(word) {
      var w = word.surface;
      if (w.length > 4 || /[\d._]/.test(w)) return null;
      return STOP_LIST.filter(function (s) { return s.length >= 2 && editDistance(w, s, 1) <= 1; })[0] || null;
    }

    function yearRuns(m, ids, out) {
      m.years.forEach(function (run) {
        var n = 0;
        ids.forEach(function (id) { var r = m.rankOf[id]; if (r >= run[1] && r <= run[2]) n++; });
        var last = out[out.length - 1];
        if (last && last[0] === run[0]) last[1] += n; else if (n) out.push([run[0], n]);
      });
      return out;
    }

    function inYear(m, id, year) {
      var r = m.rankOf[id];
      return m.years.some(function (run) { return String(run[0]) === String(year) && r >= run[1] && r <= run[2]; });
    }

    function allIds(m) {
      var all = [];
      m.years.forEach(function (run) { for (var r = run[1]; r <= run[2]; r++) all.push(m.byRank[r]); });
      return all;
    }

    /** The terms of a name as the index has them: words stemmed, compounds whole, no stop words. */
    function nameTerms(name) {
      var out = [];
      words(name).forEach(function (p) {
        if (p[1] === WHOLE) out.push(p[0]);
        else if (p[1] === SINGLE && !STOP.has(p[0])) out.push(stem(p[0]));
      });
      return out;
    }

    /**
     * Entity pages the query names: every word of the query is in the name ("karpathy"), or every word of the name is
     * in the query ("openai partnership"). Each is listed under its name's words in the shards the query loaded.
     */
    function matchEntities(per) {
      var byPath = new Map();
      per.forEach(function (r) { r.entities.forEach(function (e) { byPath.set(e[2], e); }); });
      var out = [];
      byPath.forEach(function (e) {
        var terms = nameTerms(e[1]);
        var inName = function (r) { return r.terms.some(function (t) { return terms.indexOf(t) >= 0; }); };
        var inQuery = function (t) { return per.some(function (r) { return r.terms.indexOf(t) >= 0; }); };
        if (terms.length && (per.every(inName) || terms.every(inQuery))) out.push({ kind: KIND_OF_LETTER[e[0]], name: e[1], path: e[2], briefs: e[3] });
      });
      out.sort(function (a, b) { return b.briefs - a.briefs || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0); });
      return out.slice(0, MAX_ENTITIES);
    }

    function throwIfAborted(signal) {
      if (signal && signal.aborted) { var err = new Error('aborted'); err.name = 'AbortError'; throw err; }
    }

    /**
     * Runs a query. options: { company, person, topic, verb (names or keys: verb=joins), year, typing (the last word may be
     * incomplete), signal (AbortSignal), docs (how many of the first results to load display data for, default 10) }.
     * Returns { total, all, hits: [{ id, score, all, rank (by date, 0 = newest) }], docs, words, corrections:
     * [{ from, to }] (a word taken for a stop word is left out), shown (the query as run, when corrected), entities,
     * matched: { terms, prefixes } }.
     * Briefs with every word come first (all = true); briefs with only some follow when there are few of the first.
     */
    async function search(q, options) {
      options = options || {};
      var signal = options.signal;
      var parsed = parseQuery(q || '', !!options.typing);
      var active = FACETS.filter(function (f) { return options[f.param]; });
      var result = { total: 0, all: 0, hits: [], docs: {}, words: parsed.length, corrections: [], shown: null, entities: [], matched: { terms: [], prefixes: [] } };
      if (!parsed.length && !active.length && !options.year) return result;
      var m = await meta(signal);
      var per = await Promise.all(parsed.map(function (w) { return matchWord(m, w, signal); }));
      throwIfAborted(signal);
      // A compound found nowhere whole falls back to its parts; a word found nowhere to its closest spelling.
      for (var i = parsed.length - 1; i >= 0; i--) {
        if (per[i].hits.size || !parsed[i].parts || parsed[i].parts.length < 2) continue;
        var partWords = parsed[i].parts.map(function (t) { return { term: t, surface: t }; });
        var partHits = await Promise.all(partWords.map(function (w) { return matchWord(m, w, signal); }));
        parsed.splice.apply(parsed, [i, 1].concat(partWords));
        per.splice.apply(per, [i, 1].concat(partHits));
      }
      for (i = parsed.length - 1; i >= 0; i--) {
        if (per[i].hits.size) continue;
        var fix = await correction(m, parsed[i], signal);
        var stop = stopLike(parsed[i]);
        if (stop && (!fix || fix.distance >= 1)) {
          result.corrections.unshift({ from: parsed[i].surface, to: stop });
          parsed.splice(i, 1);
          per.splice(i, 1);
          continue;
        }
        if (!fix) continue;
        result.corrections.unshift({ from: parsed[i].surface, to: fix.word });
        parsed[i] = { term: stem(fix.word), surface: fix.word };
        per[i] = await matchWord(m, parsed[i], signal);
      }
      throwIfAborted(signal);
      if (result.corrections.length) {
        // The query as run, in the reader's words: each corrected word replaced, the others (stop words too) kept.
        var fixes = new Map(result.corrections.map(function (c) { return [c.from, c.to]; }));
        result.shown = words(q).filter(function (p) { return p[1] !== PART; }).map(function (p) { return fixes.get(p[0]) || p[0]; }).join(' ');
      }
      per.forEach(function (r) {
        result.matched.terms = result.matched.terms.concat(r.terms);
        if (r.prefix) result.matched.prefixes.push(r.prefix);
      });
      result.words = parsed.length;
      var required = (await Promise.all(active.map(function (f) { return facetIds(f.param, facetKey(options[f.param]), null, signal); })))
        .map(function (ids) { return new Set(ids); });
      var keep = function (id) {
        return (!options.year || inYear(m, id, options.year)) && required.every(function (set) { return set.has(id); });
      };
      var hits = [];
      if (parsed.length) {
        var counts = new Map(), scores = new Map();
        per.forEach(function (r) {
          r.hits.forEach(function (score, id) {
            counts.set(id, (counts.get(id) || 0) + 1);
            scores.set(id, (scores.get(id) || 0) + score);
          });
        });
        counts.forEach(function (n, id) {
          if (keep(id)) hits.push({ id: id, score: scores.get(id), n: n, all: n === parsed.length, rank: m.rankOf[id] });
        });
        // Every word first (the promise of the status line), then briefs with some of the words, by score: rare words
        // found count more than many common ones.
        hits.sort(function (a, b) { return (b.all ? 1 : 0) - (a.all ? 1 : 0) || b.score - a.score || a.rank - b.rank; });
        result.entities = active.length || options.year ? [] : matchEntities(per);
      } else {
        var candidates = required.length ? Array.from(required[0]) : allIds(m);
        candidates.forEach(function (id) { if (keep(id)) hits.push({ id: id, score: 0, n: 0, all: true, rank: m.rankOf[id] }); });
        // Newest first.
        hits.sort(function (a, b) { return a.rank - b.rank; });
      }
      var all = 0;
      while (all < hits.length && hits[all].all) all++;
      result.all = all;
      result.total = hits.length;
      result.hits = hits.map(function (h) { return { id: h.id, score: h.score, all: h.all, rank: h.rank }; });
      throwIfAborted(signal);
      var want = options.docs === undefined ? 10 : options.docs;
      result.docs = await documents(result.hits.slice(0, want).map(function (h) { return h.id; }), signal);
      if (parsed.length) rescoreByTitle(result, parsed, per, Math.min(want, all));
      return result;
    }

    /**
     * Second look at the first results, whose display data is loaded anyway: a title holding the query's words is the
     * best sign a reader wants that brief ("compiler performance survey results" is a title, not a topic), and
     * BM25F's single saturation lets a few body mentions weigh as much as a title word. Only the briefs with every
     * word are reordered, among themselves.
     */
    function rescoreByTitle(result, parsed, per, count) {
      if (count < 2) return;
      var head = result.hits.slice(0, count);
      head.forEach(function (hit) {
        var d = result.docs[hit.id];
        if (!d) return;
        // The title's words in order, a compound standing for its parts, as the query's words are.
        var title = [], run = -1;
        words(d.title).forEach(function (p) {
          if (p[1] === WHOLE) { title.splice(run, Infinity, p[0]); run = -1; return; }
          if (p[1] === PART && run < 0) run = title.length;
          if (p[1] === SINGLE) run = -1;
          if (!STOP.has(p[0])) title.push(stem(p[0]));
        });
        var at = parsed.map(function (w, i) {
          var matches = function (t) { return t === w.term || per[i].terms.indexOf(t) >= 0; };
          for (var k = 0; k < title.length; k++) if (matches(title[k])) return k;
          return -1;
        });
        var found = at.filter(function (k) { return k >= 0; }).length;
        var together = 0;
        for (var i = 0; i + 1 < at.length; i++) if (at[i] >= 0 && at[i + 1] === at[i] + 1) together++;
        var share = found / parsed.length;
        var named = title.filter(function (t) {
          return parsed.some(function (w, i) { return t === w.term || per[i].terms.indexOf(t) >= 0; });
        }).length;
        var cover = title.length ? named / title.length : 0;
        hit.score *= 1 + TITLE_FACTOR * share * share + (at.length > 1 ? ORDER_FACTOR * together / (at.length - 1) : 0) +
          COVER_FACTOR * cover;
      });
      head.sort(function (a, b) { return b.score - a.score || a.rank - b.rank; });
      result.hits.splice.apply(result.hits, [0, count].concat(head));
    }

    /** Display data of documents by id: { id: { id, path, title, date, summary, excerpt, c, p, t, v, cf, pf, tf, vf } }. */
    async function documents(ids, signal) {
      if (!ids.length) return {};
      var m = await meta(signal);
      var chunks = Array.from(new Set(ids.map(function (id) { return Math.floor(id / m.docChunk); })));
      var files = await Promise.all(chunks.map(function (n) { return load('docs/' + n + '.json', signal); }));
      var byId = {};
      files.forEach(function (f) { f.forEach(function (d) { byId[d.id] = d; }); });
      return byId;
    }

    /**
     * Facet counts over the whole result set for the values of the top results and the selected ones:
     * { companies: [[name, count, key]], people, topics, verbs (of relations), years: [[year, count]] }, most briefs first, ties in the
     * order of the results. The lists come with the results' data or from facets.json: about one file for all.
     */
    async function facets(result, filters, signal) {
      filters = filters || {};
      var docs = result.docs || {};
      if (!result.hits.length && !FACETS.some(function (f) { return filters[f.param]; })) return { companies: [], people: [], topics: [], verbs: [], years: [] };
      var m = await meta(signal);
      // Counts follow what the list shows as matching: the briefs with every word when there are any.
      var ids = result.hits.slice(0, result.all || result.hits.length).map(function (h) { return h.id; });
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
        var lists = await Promise.all(keys.map(function (key) { return facetIds(f.param, key, docs, signal); }));
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

  var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

  /** "2024-07-16" as the site's pages write it: "16 July 2024". */
  function formatDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(iso));
    return m ? parseInt(m[3], 10) + ' ' + MONTHS[parseInt(m[2], 10) - 1] + ' ' + m[1] : String(iso);
  }

  /** 12345 as "12,345". */
  function formatCount(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }

  var api = {
    normalize: normalize, tokens: tokens, facetKey: facetKey, createEngine: createEngine, riceIds: riceIds,
    editDistance: editDistance, formatDate: formatDate, formatCount: formatCount
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  // search-ui.js drives the page with it; tests reach the same functions through this global.
  if (typeof window !== 'undefined') window.StaticBriefsSearch = api;
})(this);
