// stepdoc: progressive enhancement only; every page reads fine without it.
(function () {
  "use strict";
  // Keep the reader on the same step when switching language: the anchors are the same in
  // every language, so carry the current fragment over.
  document.querySelectorAll("a[data-lang-switch]").forEach(function (link) {
    link.addEventListener("click", function () {
      if (location.hash) {
        link.href = link.href.split("#")[0] + location.hash;
      }
    });
  });
})();
