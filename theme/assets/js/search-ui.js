/*
 * StaticBriefs search, page behaviour: the header box's "/" shortcut and the search page, on top of the
 * core in search.js (window.StaticBriefsSearch). Scripts are deferred and load in file-name order
 * (this one first), so it starts on DOMContentLoaded, when every deferred script has run.
 *
 * Every page: <html data-base="/"> (the site's base path) and in the header
 *   <form role="search" action="BASE/search/" class="site-search">
 *     <input type="search" name="q" id="site-search-input" aria-label="Search briefs"></form>
 *   Pressing "/" outside a text field focuses the search input.
 * The search page (BASE/search/, theme/layouts/search.sbn) also has:
 *   <form id="search-form" role="search" action=""><input id="search-input" name="q" type="search"
 *     aria-label="Search briefs" autocomplete="off"> ...</form>
 *   <div id="search-status" role="status" aria-live="polite"></div>
 *   <div id="search-facets"></div>
 *   <ol id="search-results"></ol>  (aria-busy="true" while a query or its facets load)
 * URL parameters: q, and company, person, topic (facet keys, e.g. company=openai), year.
 */
(function () {
  'use strict';

  // Everything here touches the DOM; text goes in only through textContent.
  var PARAMS = { company: 'companies', person: 'people', topic: 'topics', year: 'years' };
  var FACET_LABELS = { companies: 'Companies', people: 'People', topics: 'Topics', years: 'Year' };
  var PAGE = 10;
  var FACETS_SHOWN = 8;
  /** Typing replaces the current history entry; a new burst of typing after this pause adds one. */
  var SETTLE_MS = 1000;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function isTyping(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  /** Appends text to parent, wrapping words whose term matched the query in <mark>. */
  function highlight(parent, text, matcher) {
    var re = /[\p{L}\p{Nd}\p{Mc}\p{Mn}'\u2019]+/gu, last = 0, m;
    while ((m = re.exec(text)) !== null) {
      if (!window.StaticBriefsSearch.tokens(m[0]).some(matcher)) continue;
      if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      parent.appendChild(el('mark', null, m[0]));
      last = m.index + m[0].length;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  /** Part of the excerpt around its first match, so the snippet shows why the result matched. */
  function snippetText(text, matcher) {
    var re = /[\p{L}\p{Nd}\p{Mc}\p{Mn}'\u2019]+/gu, m;
    while ((m = re.exec(text)) !== null) {
      if (!window.StaticBriefsSearch.tokens(m[0]).some(matcher)) continue;
      if (m.index < 120) return text;
      var start = text.lastIndexOf(' ', m.index - 40);
      return '\u2026 ' + text.slice(start < 0 ? m.index : start + 1);
    }
    return text;
  }

  function startUi(api) {
    var html = document.documentElement;
    var base = (html.dataset.base || '/').replace(/\/?$/, '/');
    document.addEventListener('keydown', function (e) {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      var box = document.getElementById('search-input') || document.getElementById('site-search-input');
      if (!box) return;
      e.preventDefault();
      box.focus();
      box.select();
    });

    var form = document.getElementById('search-form');
    var input = document.getElementById('search-input');
    var status = document.getElementById('search-status');
    var facetBox = document.getElementById('search-facets');
    var list = document.getElementById('search-results');
    if (!form || !input || !status || !facetBox || !list) return;

    var engine = api.createEngine({
      base: base + 'search/',
      fetchJson: function (url) {
        return fetch(url).then(function (r) { if (!r.ok) throw new Error(url + ': ' + r.status); return r.json(); });
      }
    });
    var state = {};
    var seq = 0;
    var timer = 0;
    var shown = PAGE;
    var settled = true; // the current history entry is one to come back to
    var settleTimer = 0;

    function readUrl() {
      var params = new URLSearchParams(location.search);
      state = { q: params.get('q') || '' };
      Object.keys(PARAMS).forEach(function (p) { state[p] = params.get(p) || ''; });
      input.value = state.q;
    }

    function urlFor(s) {
      var params = new URLSearchParams();
      if (s.q) params.set('q', s.q);
      Object.keys(PARAMS).forEach(function (p) { if (s[p]) params.set(p, s[p]); });
      var query = params.toString();
      return location.pathname + (query ? '?' + query : '');
    }

    /** Runs the current state: results first, then facets; focusAt: index of a result link to focus after. */
    async function run(focusAt) {
      var mine = ++seq;
      var result, docs;
      list.setAttribute('aria-busy', 'true');
      // Twice at most: a deploy between reading meta.json and a later file removes that file, and then the query
      // runs again, whole, on the new index (never results of one index with documents of another).
      for (var attempt = 0; ; attempt++) {
        try {
          result = await engine.search(state.q, state);
          docs = await engine.documents(result.hits.slice(0, shown).map(function (h) { return h.id; }));
          break;
        } catch (err) {
          if (attempt === 0 && await engine.refresh().catch(function () { return false; })) continue;
          if (mine === seq) { status.textContent = 'Search is unavailable right now.'; list.setAttribute('aria-busy', 'false'); }
          return;
        }
      }
      if (mine !== seq) return; // a newer query is on its way
      renderResults(result, docs);
      if (focusAt !== undefined && links()[focusAt]) links()[focusAt].focus();
      var facets = null;
      if (result.total || Object.keys(PARAMS).some(function (p) { return state[p]; })) {
        try { facets = await engine.facets(result, docs, state); } catch (err) { facets = null; }
      }
      if (mine !== seq) return;
      facetBox.textContent = '';
      if (facets) renderFacets(facets);
      list.setAttribute('aria-busy', 'false');
    }

    function renderResults(result, docs) {
      list.textContent = '';
      list.dataset.query = state.q; // which query the list shows (tests and the benchmark wait on it)
      status.textContent = '';
      var terms = new Set(result.matched.terms);
      var matcher = function (t) {
        return terms.has(t) || result.matched.prefixes.some(function (p) { return t.startsWith(p); });
      };
      var filtered = Object.keys(PARAMS).some(function (p) { return state[p]; });
      if (!state.q.trim() && !filtered) { facetBox.textContent = ''; status.textContent = 'Type to search the briefs.'; return; }
      if (result.total === 0) status.textContent = 'No briefs match ' +
        (state.q.trim() ? '\u201c' + state.q.trim() + '\u201d' + (filtered ? ' with these filters' : '') : 'these filters') + '. ';
      else status.textContent = result.total + (result.total === 1 ? ' brief' : ' briefs') +
        (state.q.trim() ? ' for \u201c' + state.q.trim() + '\u201d' : '') + '. ';
      if (result.suggestion) {
        status.appendChild(document.createTextNode('Did you mean '));
        var link = el('a', 'search-suggestion', result.suggestion);
        link.href = urlFor(Object.assign({}, state, { q: result.suggestion }));
        link.addEventListener('click', function (e) { e.preventDefault(); go({ q: result.suggestion }, true); });
        status.appendChild(link);
        status.appendChild(document.createTextNode('?'));
      }
      result.hits.slice(0, shown).forEach(function (hit) {
        var d = docs[hit.id];
        if (!d) return;
        var li = el('li', 'search-result');
        var title = el('a', 'search-result-link');
        title.href = base + d.path.replace(/^\//, '');
        highlight(title, d.title, matcher);
        var heading = el('h2', 'search-result-title');
        heading.appendChild(title);
        li.appendChild(heading);
        var time = el('time', 'search-result-date', d.date);
        time.dateTime = d.date;
        li.appendChild(time);
        if (d.summary) highlight(li.appendChild(el('p', 'search-result-summary')), d.summary, matcher);
        if (d.excerpt) highlight(li.appendChild(el('p', 'search-result-snippet')), snippetText(d.excerpt, matcher), matcher);
        list.appendChild(li);
      });
      if (result.total > shown) {
        var li = el('li', 'search-more');
        var more = el('button', 'search-more-button', 'Show more results');
        more.type = 'button';
        more.addEventListener('click', function () { var at = shown; shown += PAGE; run(at); });
        li.appendChild(more);
        list.appendChild(li);
      }
    }

    function renderFacets(facets) {
      Object.keys(PARAMS).forEach(function (param) {
        var kind = PARAMS[param];
        var entries = facets[kind].slice(0, FACETS_SHOWN);
        // Facet values are keys (company=openai); years are plain numbers.
        var keyOf = function (entry) { return param === 'year' ? String(entry[0]) : entry[2]; };
        var selected = param === 'year' ? state.year : api.facetKey(state[param]);
        if (selected && !entries.some(function (e) { return keyOf(e) === selected; })) {
          var found = facets[kind].filter(function (e) { return keyOf(e) === selected; })[0];
          entries.push(found || [state[param], 0, selected]);
        }
        if (!entries.length) return;
        var group = el('div', 'search-facet');
        group.setAttribute('role', 'group');
        var label = el('h2', 'search-facet-label', FACET_LABELS[kind]);
        label.id = 'search-facet-' + kind;
        group.setAttribute('aria-labelledby', label.id);
        group.appendChild(label);
        entries.forEach(function (entry) {
          var value = keyOf(entry);
          var button = el('button', 'search-facet-button');
          button.type = 'button';
          button.dataset.facet = param;
          button.dataset.value = value;
          button.setAttribute('aria-pressed', value === selected ? 'true' : 'false');
          button.appendChild(el('span', 'search-facet-name', entry[0]));
          button.appendChild(el('span', 'search-facet-count', entry[1]));
          button.addEventListener('click', function () {
            var change = {};
            change[param] = value === selected ? '' : value;
            go(change, true);
          });
          group.appendChild(button);
        });
        facetBox.appendChild(group);
      });
    }

    /** Applies a change to the state and the URL (a new history entry when push), then runs it. */
    function go(change, push) {
      Object.assign(state, change);
      if (change.q !== undefined) input.value = change.q;
      shown = PAGE;
      history[push ? 'pushState' : 'replaceState'](null, '', urlFor(state));
      run();
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        // Each keystroke replacing the entry keeps history usable; the first one after a pause or a
        // settled search adds an entry, so Back returns to the previous search, not to every prefix.
        go({ q: input.value }, settled);
        settled = false;
        clearTimeout(settleTimer);
        settleTimer = setTimeout(function () { settled = true; }, SETTLE_MS);
      }, 80);
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearTimeout(timer);
      go({ q: input.value }, settled && input.value !== state.q);
      settled = true;
    });
    window.addEventListener('popstate', function () { readUrl(); shown = PAGE; settled = true; run(); });
    facetBox.addEventListener('click', function () { settled = true; });

    // Arrow keys walk from the input through the result links; Enter follows the focused link.
    function links() { return Array.prototype.slice.call(list.querySelectorAll('a.search-result-link')); }
    function onArrow(e) {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      var all = links();
      var at = all.indexOf(document.activeElement);
      if (e.target === input && e.key === 'ArrowDown' && all.length) { e.preventDefault(); all[0].focus(); return; }
      if (at < 0) return;
      e.preventDefault();
      if (e.key === 'ArrowDown' && at + 1 < all.length) all[at + 1].focus();
      else if (e.key === 'ArrowUp') (at > 0 ? all[at - 1] : input).focus();
    }
    input.addEventListener('keydown', onArrow);
    list.addEventListener('keydown', onArrow);

    readUrl();
    run();
  }

  function start() {
    var api = window.StaticBriefsSearch;
    if (api) startUi(api);
  }
  if (document.readyState === 'complete') start();
  else document.addEventListener('DOMContentLoaded', start);
})();
