// StaticBriefs theme behaviour on every page: "/" focuses the search box, the search code loads on the header
// box's first focus or key (the page itself carries none), and the filter on entity index pages.
(function () {
  "use strict";
  function isTyping(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
    var box = document.getElementById("search-input") || document.getElementById("site-search-input");
    if (!box) return;
    e.preventDefault();
    box.focus();
    box.select();
  });

  // <form class="site-search" data-search-scripts="core.js ui.js" data-search-styles="search.css">: loaded once, in order.
  var header = document.getElementById("site-search-input");
  var form = header && header.form;
  if (form && form.getAttribute("data-search-scripts") && !document.getElementById("search-form")) {
    var loaded = false;
    var load = function () {
      if (loaded) return;
      loaded = true;
      (form.getAttribute("data-search-styles") || "").split(" ").filter(Boolean).forEach(function (href) {
        var link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = href;
        document.head.appendChild(link);
      });
      form.getAttribute("data-search-scripts").split(" ").filter(Boolean).forEach(function (src) {
        var script = document.createElement("script");
        script.src = src;
        script.async = false; // run in the order given: the core before the page behaviour
        document.head.appendChild(script);
      });
    };
    header.addEventListener("focus", load);
    header.addEventListener("input", load);
  }

  var input = document.getElementById("term-filter-input");
  if (!input) return;
  var target = document.getElementById(input.getAttribute("data-filter-target"));
  var status = document.getElementById("term-filter-status");
  if (!target) return;
  var items = Array.prototype.slice.call(target.querySelectorAll("li"));
  var sections = Array.prototype.slice.call(target.querySelectorAll("section"));
  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  }
  var names = items.map(function (li) { var a = li.querySelector("a"); return fold(a ? a.textContent : ""); });
  function apply() {
    var query = fold(input.value);
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      var match = query === "" || names[i].indexOf(query) !== -1;
      items[i].hidden = !match;
      if (match) shown++;
    }
    // A letter with no match left is hidden with its heading; each name is listed once, so shown is the count.
    for (var j = 0; j < sections.length; j++) sections[j].hidden = sections[j].querySelector("li:not([hidden])") === null;
    if (status) status.textContent = query === "" ? "" : shown + (shown === 1 ? " match" : " matches");
  }
  input.addEventListener("input", apply);
  var params = new URLSearchParams(location.search);
  if (params.get("filter")) { input.value = params.get("filter"); apply(); }
})();
