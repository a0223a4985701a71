// StaticBriefs theme behaviour that is not search: the filter on entity index pages.
(function () {
  "use strict";
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
