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
      var pre = document.createElement("pre");
      box.appendChild(pre);
      document.body.appendChild(box);
    }
    box.querySelector("pre").textContent = text;
  }

  var source = new EventSource("/__stepdoc/events");
  source.addEventListener("reload", function () {
    try { sessionStorage.setItem(key, String(window.scrollY)); } catch (e) { /* ignore */ }
    location.reload();
  });
  source.addEventListener("errors", function (event) { overlay(event.data); });
})();
