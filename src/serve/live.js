// stepdoc serve: live reload and the error overlay. Injected into every page in preview only.
(function () {
  "use strict";
  var key = "stepdoc-scroll:" + location.pathname;
  try {
    var saved = sessionStorage.getItem(key);
    if (saved !== null) {
      sessionStorage.removeItem(key);
      window.addEventListener("load", function () { window.scrollTo(0, Number(saved)); });
    }
  } catch (e) { /* storage unavailable */ }

  function overlay(text) {
    var box = document.getElementById("stepdoc-overlay");
    if (!box) {
      box = document.createElement("div");
      box.id = "stepdoc-overlay";
      box.setAttribute("role", "alert");
      document.body.appendChild(box);
    }
    // Errors come first; the warnings after them are folded (the server does the same).
    var at = text.indexOf("warning[") === 0 ? 0 : text.indexOf("\nwarning[") + 1;
    var errors = at > 0 || text.indexOf("warning[") === 0 ? text.slice(0, at) : text;
    var warnings = errors === text ? "" : text.slice(at);
    box.textContent = "";
    var pre = document.createElement("pre");
    pre.textContent = errors;
    box.appendChild(pre);
    if (warnings) {
      var details = document.createElement("details");
      var summary = document.createElement("summary");
      summary.textContent = (warnings.match(/^warning\[/gm) || []).length + " warning(s)";
      var more = document.createElement("pre");
      more.textContent = warnings;
      details.appendChild(summary);
      details.appendChild(more);
      box.appendChild(details);
    }
  }

  var source = new EventSource("/__stepdoc/events");
  source.addEventListener("reload", function () {
    try { sessionStorage.setItem(key, String(window.scrollY)); } catch (e) { /* ignore */ }
    location.reload();
  });
  source.addEventListener("errors", function (event) { overlay(event.data); });
})();
