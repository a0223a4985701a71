/*
 * StaticBriefs search, page behaviour, on top of the core in search.js (window.StaticBriefsSearch). Loaded with
 * search.js on the search page, and on other pages by site.js when the header box is first focused or typed in.
 *
 * The search page (BASE/search/, theme/layouts/search.sbn):
 *   <form id="search-form"><input id="search-input" name="q"> ...</form>
 *   <button id="search-filters-toggle" aria-controls="search-facets"> (phones: shows and hides the facets)
 *   <div id="search-facets"></div>  <div id="search-status" role="status"></div>  <div id="search-output"></div>
 * Each answer replaces what #search-output holds at once (a notice, matching entity pages, the list
 * <ol id="search-results" data-query data-total aria-busy>, "Show more"), so nothing above or beside it moves.
 * URL parameters: q, and company, person, topic, verb (facet keys, e.g. company=openai, verb=invests-in), year; filters
 * combine (verb=joins&year=2026: every brief reporting someone joining, in 2026).
 * Every other page: the header box <input id="site-search-input"> in <form class="site-search"> gets a small list of
 * the best answers under it as you type; Enter opens the search page.
 */
(function () {
  'use strict';

  // Everything here touches the DOM; text goes in only through textContent.
  var PARAMS = { company: 'companies', person: 'people', topic: 'topics', verb: 'verbs', year: 'years' };
  var FACET_LABELS = { companies: 'Companies', people: 'People', topics: 'Topics', verbs: 'Moves and deals', years: 'Year' };
  var KIND_LABELS = { company: 'Company', person: 'Person', topic: 'Topic' };
  var PAGE = 10;
  var QUICK = 5;
  var FACETS_SHOWN = 8;
  /** Typing replaces the current history entry; a new burst of typing after this pause adds one. */
  var SETTLE_MS = 1000;
  /**
   * Wait after a key: a bit more than the reader's own pace between keys (gaps under TYPING_GAP_MS), so a query runs
   * when they pause, not at every key; after a pause, the shortest wait.
   */
  var MIN_WAIT_MS = 80, MAX_WAIT_MS = 300, TYPING_GAP_MS = 400;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function isTyping(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  var WORDS = /[\p{L}\p{Nd}\p{Mc}\p{Mn}'\u2019]+(?:[._][\p{L}\p{Nd}]+)*/gu;

  /** Appends text to parent, wrapping words whose term matched the query in <mark>. */
  function highlight(api, parent, text, matcher) {
    var last = 0, m;
    WORDS.lastIndex = 0;
    while ((m = WORDS.exec(text)) !== null) {
      if (!api.tokens(m[0]).some(matcher)) continue;
      if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      parent.appendChild(el('mark', null, m[0]));
      last = m.index + m[0].length;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
    return parent;
  }

  /** Part of the excerpt around its first match, so the snippet shows why the result matched. */
  function snippetText(api, text, matcher) {
    var m;
    WORDS.lastIndex = 0;
    while ((m = WORDS.exec(text)) !== null) {
      if (!api.tokens(m[0]).some(matcher)) continue;
      if (m.index < 120) return text;
      var start = text.lastIndexOf(' ', m.index - 40);
      return '\u2026 ' + text.slice(start < 0 ? m.index : start + 1);
    }
    return text;
  }

  function matcherOf(result) {
    var terms = new Set(result.matched.terms);
    return function (t) {
      return terms.has(t) || result.matched.prefixes.some(function (p) { return t.indexOf(p) === 0; });
    };
  }

  function plural(api, n, one, many) { return api.formatCount(n) + ' ' + (n === 1 ? one : many); }

  /** Adapts the wait after each key to the reader's pace; fetches of a query still running are aborted by the next. */
  function typingClock() {
    var lastKey = 0;
    return function () {
      var now = Date.now(), gap = now - lastKey;
      lastKey = now;
      return gap < TYPING_GAP_MS ? Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, Math.round(gap * 1.3))) : MIN_WAIT_MS;
    };
  }

  function createEngine(api, base) {
    return api.createEngine({
      base: base + 'search/',
      fetchJson: function (url, signal) {
        return fetch(url, { signal: signal }).then(function (r) { if (!r.ok) throw new Error(url + ': ' + r.status); return r.json(); });
      }
    });
  }

  function isAbort(err) { return err && err.name === 'AbortError'; }

  /** One brief as a list item: title link, date, summary, snippet, matched words marked. */
  function resultItem(api, base, d, matcher) {
    var li = el('li', 'search-result');
    var link = el('a', 'search-result-link');
    link.href = base + d.path.replace(/^\//, '');
    highlight(api, link, d.title, matcher);
    var heading = el('h2', 'search-result-title');
    heading.appendChild(link);
    li.appendChild(heading);
    var time = el('time', 'search-result-date', api.formatDate(d.date));
    time.dateTime = d.date;
    li.appendChild(time);
    if (d.summary) li.appendChild(highlight(api, el('p', 'search-result-summary'), d.summary, matcher));
    if (d.excerpt) li.appendChild(highlight(api, el('p', 'search-result-snippet'), snippetText(api, d.excerpt, matcher), matcher));
    return li;
  }

  /** The entity pages a query names, as a list of links above the briefs. */
  function entityList(api, base, entities, className) {
    var section = el('section', className);
    section.setAttribute('aria-label', 'Companies, people and topics');
    var ul = el('ul', className + '-list');
    entities.forEach(function (e) {
      var li = el('li', 'search-entity');
      var a = el('a', 'search-entity-link', e.name);
      a.href = base + e.path.replace(/^\//, '');
      li.appendChild(a);
      li.appendChild(el('span', 'search-entity-meta', KIND_LABELS[e.kind] + ' \u00b7 ' + plural(api, e.briefs, 'brief', 'briefs')));
      ul.appendChild(li);
    });
    section.appendChild(ul);
    return section;
  }

  /** The search page. */
  function startPage(api, base) {
    var form = document.getElementById('search-form');
    var input = document.getElementById('search-input');
    var status = document.getElementById('search-status');
    var facetBox = document.getElementById('search-facets');
    var output = document.getElementById('search-output');
    var toggle = document.getElementById('search-filters-toggle');
    if (!form || !input || !status || !facetBox || !output) return;

    var engine = createEngine(api, base);
    var state = {};
    var seq = 0;
    var timer = 0;
    var shown = PAGE;
    var settled = true; // the current history entry is one to come back to
    var settleTimer = 0;
    var running = null;
    var pace = typingClock();
    var list = function () { return document.getElementById('search-results'); };

    if (toggle) {
      toggle.addEventListener('click', function () {
        var open = toggle.getAttribute('aria-expanded') !== 'true';
        toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
        toggle.parentNode.classList.toggle('is-open', open);
      });
    }

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

    function filtered() { return Object.keys(PARAMS).some(function (p) { return state[p]; }); }

    function busy(value) { var l = list(); if (l) l.setAttribute('aria-busy', value ? 'true' : 'false'); }

    /** Runs the current state: results first, then facets; typing: the last word may be incomplete. */
    async function run(typing, focusAt) {
      var mine = ++seq;
      if (running) running.abort();
      var controller = typeof AbortController === 'function' ? new AbortController() : null;
      running = controller;
      var signal = controller ? controller.signal : undefined;
      var result;
      busy(true);
      // Twice at most: a deploy between reading meta.json and a later file removes that file, and then the query
      // runs again, whole, on the new index (never results of one index with documents of another).
      for (var attempt = 0; ; attempt++) {
        try {
          result = await engine.search(state.q, Object.assign({}, state, { typing: typing, signal: signal, docs: shown }));
          break;
        } catch (err) {
          if (isAbort(err) || mine !== seq) return;
          if (attempt === 0 && await engine.refresh().catch(function () { return false; })) continue;
          status.textContent = 'Search is unavailable right now.';
          busy(false);
          return;
        }
      }
      if (mine !== seq) return; // a newer query is on its way
      renderResults(result);
      var links = output.querySelectorAll('a.search-result-link');
      if (focusAt !== undefined && links[focusAt]) links[focusAt].focus();
      var facets = null;
      if (result.total || filtered()) {
        try { facets = await engine.facets(result, state, signal); } catch (err) { facets = null; }
      }
      if (mine !== seq) return;
      renderFacets(facets);
      busy(false);
    }

    function notice(text, strong, after) {
      var p = el('p', 'search-notice', text);
      if (strong) p.appendChild(el('strong', null, strong));
      if (after) p.appendChild(document.createTextNode(after));
      return p;
    }

    function renderResults(result) {
      var parts = [];
      var ol = el('ol', 'search-results');
      ol.id = 'search-results';
      ol.dataset.query = state.q; // which query the list shows (tests and the benchmark wait on it)
      ol.setAttribute('aria-busy', 'true');
      var matcher = matcherOf(result);
      var q = state.q.trim();
      if (!q && !filtered()) {
        status.textContent = 'Type to search the briefs.';
        ol.dataset.total = '0';
        output.replaceChildren(ol);
        return;
      }
      var all = result.all, some = result.total - result.all;
      ol.dataset.total = String(all || result.total);
      if (result.total === 0) status.textContent = 'No briefs match' + (q ? ' \u201c' + q + '\u201d' : '') + (filtered() ? (q ? ' with these filters.' : ' these filters.') : '.');
      else if (all) status.textContent = plural(api, all, 'brief', 'briefs') + (some ? ' with every word, ' + api.formatCount(some) + ' more with some' : '') + '.';
      else status.textContent = plural(api, some, 'brief', 'briefs') + ' with some of the words.';
      if (result.shown) parts.push(notice('Showing results for ', result.shown, '.'));
      if (result.total && !all && result.words > 1) parts.push(notice('No brief has all of these words; these have some of them.'));
      if (result.entities.length) parts.push(entityList(api, base, result.entities, 'search-entities'));
      var partial = null;
      result.hits.slice(0, shown).forEach(function (hit, i) {
        var d = result.docs[hit.id];
        if (!d) return;
        if (all && !hit.all && !partial) {
          partial = el('ol', 'search-results search-results-partial');
          partial.start = i + 1;
        }
        (partial || ol).appendChild(resultItem(api, base, d, matcher));
      });
      parts.push(ol);
      if (partial) {
        var heading = el('h2', 'search-partial-heading', 'Briefs with some of the words');
        parts.push(heading, partial);
      }
      if (result.total > shown) {
        var more = el('button', 'search-more-button', 'Show more results');
        more.type = 'button';
        more.addEventListener('click', function () { var at = shown; shown += PAGE; run(false, at); });
        var wrap = el('p', 'search-more');
        wrap.appendChild(more);
        parts.push(wrap);
      }
      output.replaceChildren.apply(output, parts);
    }

    function renderFacets(facets) {
      var groups = [];
      var active = 0;
      Object.keys(PARAMS).forEach(function (param) {
        if (!facets) return;
        var kind = PARAMS[param];
        var entries = facets[kind].slice(0, FACETS_SHOWN);
        // Facet values are keys (company=openai); years are plain numbers.
        var keyOf = function (entry) { return param === 'year' ? String(entry[0]) : entry[2]; };
        var selected = param === 'year' ? state.year : api.facetKey(state[param]);
        if (selected) active++;
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
          button.appendChild(el('span', 'search-facet-count', api.formatCount(entry[1])));
          button.addEventListener('click', function () {
            var change = {};
            change[param] = value === selected ? '' : value;
            settled = true;
            go(change, true, false);
          });
          group.appendChild(button);
        });
        groups.push(group);
      });
      facetBox.replaceChildren.apply(facetBox, groups);
      if (toggle) toggle.textContent = active ? 'Filters (' + active + ')' : 'Filters';
    }

    /** Applies a change to the state and the URL (a new history entry when push), then runs it. */
    function go(change, push, typing) {
      Object.assign(state, change);
      if (change.q !== undefined && input.value !== change.q) input.value = change.q;
      shown = PAGE;
      history[push ? 'pushState' : 'replaceState'](null, '', urlFor(state));
      run(typing);
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      if (running) running.abort(); // what was asked before this key is not wanted any more
      timer = setTimeout(function () {
        // Each keystroke replacing the entry keeps history usable; the first one after a pause or a
        // settled search adds an entry, so Back returns to the previous search, not to every prefix.
        go({ q: input.value }, settled, true);
        settled = false;
        clearTimeout(settleTimer);
        settleTimer = setTimeout(function () { settled = true; }, SETTLE_MS);
      }, pace());
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearTimeout(timer);
      go({ q: input.value }, settled && input.value !== state.q, false);
      settled = true;
    });
    window.addEventListener('popstate', function () { readUrl(); shown = PAGE; settled = true; run(false); });

    // Arrow keys walk from the input through the result links; Enter follows the focused link.
    function links() { return Array.prototype.slice.call(output.querySelectorAll('a.search-entity-link, a.search-result-link')); }
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
    output.addEventListener('keydown', onArrow);

    readUrl();
    run(false);
  }

  /** The header box on other pages: the best few answers under it while typing; Enter opens the search page. */
  function startQuick(api, base) {
    var input = document.getElementById('site-search-input');
    var form = input && input.form;
    if (!input || !form || document.getElementById('search-form')) return;
    var engine = createEngine(api, base);
    var box = el('div', 'quick-results');
    box.id = 'quick-results';
    box.hidden = true;
    form.appendChild(box);
    input.setAttribute('aria-controls', box.id);
    var timer = 0, seq = 0, running = null, pace = typingClock();

    function close() { box.hidden = true; }

    async function run() {
      var mine = ++seq, q = input.value;
      if (running) running.abort();
      running = typeof AbortController === 'function' ? new AbortController() : null;
      if (!q.trim()) { close(); return; }
      var result;
      try {
        result = await engine.search(q, { typing: true, signal: running ? running.signal : undefined, docs: QUICK });
      } catch (err) {
        return;
      }
      if (mine !== seq) return;
      var matcher = matcherOf(result);
      var parts = [];
      var statusLine = el('p', 'quick-status', result.total ? plural(api, result.all || result.total, 'brief', 'briefs') + (result.shown ? ' for ' + result.shown : '') : 'No briefs match.');
      statusLine.setAttribute('role', 'status');
      parts.push(statusLine);
      if (result.entities.length) parts.push(entityList(api, base, result.entities.slice(0, 3), 'quick-entities'));
      var ul = el('ul', 'quick-list');
      result.hits.slice(0, QUICK).forEach(function (hit) {
        var d = result.docs[hit.id];
        if (!d) return;
        var li = el('li', 'quick-item');
        var a = el('a', 'quick-link');
        a.href = base + d.path.replace(/^\//, '');
        highlight(api, a, d.title, matcher);
        li.appendChild(a);
        li.appendChild(el('span', 'quick-date', api.formatDate(d.date)));
        ul.appendChild(li);
      });
      if (ul.childNodes.length) parts.push(ul);
      var all = el('a', 'quick-all', 'All results for \u201c' + q.trim() + '\u201d');
      all.href = base + 'search/?q=' + encodeURIComponent(q.trim());
      parts.push(all);
      box.replaceChildren.apply(box, parts);
      box.hidden = false;
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      if (running) running.abort();
      timer = setTimeout(run, pace());
    });
    function links() { return Array.prototype.slice.call(box.querySelectorAll('a')); }
    form.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') { close(); input.focus(); return; }
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      var all = links(), at = all.indexOf(document.activeElement);
      if (box.hidden || !all.length) return;
      e.preventDefault();
      if (e.key === 'ArrowDown') all[Math.min(all.length - 1, at + 1)].focus();
      else if (at > 0) all[at - 1].focus();
      else input.focus();
    });
    document.addEventListener('click', function (e) { if (!form.contains(e.target)) close(); });
    if (input.value.trim()) run();
  }

  function start() {
    var api = window.StaticBriefsSearch;
    if (!api) return;
    var base = (document.documentElement.dataset.base || '/').replace(/\/?$/, '/');
    startPage(api, base);
    startQuick(api, base);
  }
  // Deferred on the search page, this may run before search.js: then DOMContentLoaded comes after both. Loaded
  // later by site.js, search.js has run first.
  if (window.StaticBriefsSearch) start();
  else document.addEventListener('DOMContentLoaded', start);
})();
