// stepdoc: progressive enhancement only; every page reads fine without it.
(function () {
  "use strict";
  var store = {
    get: function (k) { try { return localStorage.getItem(k); } catch (e) { return null; } },
    set: function (k, v) { try { localStorage.setItem(k, v); } catch (e) { /* private mode */ } }
  };

  // The language choice page sends readers to their browser language when the site has it.
  var choice = document.querySelector("[data-languages]");
  if (choice && location.search.indexOf("choose") < 0) {
    var links = choice.querySelectorAll("a[hreflang]");
    var prefs = navigator.languages || [navigator.language || ""];
    for (var i = 0; i < prefs.length; i++) {
      var want = String(prefs[i]).toLowerCase().split("-")[0];
      for (var j = 0; j < links.length; j++) {
        if (links[j].getAttribute("hreflang").toLowerCase() === want) {
          location.replace(links[j].href);
          return;
        }
      }
    }
  }

  // Switching language keeps the reader on the same step: anchors are the same everywhere.
  document.querySelectorAll("a[data-lang-switch]").forEach(function (link) {
    link.addEventListener("click", function () {
      if (location.hash) {
        link.href = link.href.split("#")[0] + location.hash;
      }
    });
  });

  // Light/dark toggle (the system preference applies until the reader chooses).
  var toggle = document.querySelector("[data-theme-toggle]");
  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var dark = document.documentElement.dataset.theme
        ? document.documentElement.dataset.theme === "dark"
        : window.matchMedia("(prefers-color-scheme: dark)").matches;
      var next = dark ? "light" : "dark";
      document.documentElement.dataset.theme = next;
      store.set("stepdoc-theme", next);
    });
  }

  var article = document.querySelector("article.guide");
  if (!article) {
    return;
  }
  var guide = article.getAttribute("data-guide");

  // Copy-link buttons next to each step number.
  if (navigator.clipboard) {
    article.querySelectorAll("li.step").forEach(function (step) {
      var head = step.querySelector(".step-head");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-link";
      button.textContent = "#";
      button.setAttribute("aria-label", article.getAttribute("data-copy-label"));
      button.title = article.getAttribute("data-copy-label");
      button.addEventListener("click", function () {
        var url = location.href.split("#")[0] + "#" + step.id;
        navigator.clipboard.writeText(url).then(function () {
          button.title = article.getAttribute("data-copied-label");
          button.setAttribute("aria-label", button.title);
        });
      });
      head.appendChild(button);
    });
  }

  // The checklist of values to collect survives reloads (per guide, shared by all languages).
  var key = "stepdoc-collect:" + guide;
  var ticked = {};
  try { ticked = JSON.parse(store.get(key) || "{}") || {}; } catch (e) { ticked = {}; }
  article.querySelectorAll("input[data-collect]").forEach(function (box) {
    var id = box.getAttribute("data-collect");
    box.checked = !!ticked[id];
    box.addEventListener("change", function () {
      if (box.checked) { ticked[id] = true; } else { delete ticked[id]; }
      store.set(key, JSON.stringify(ticked));
    });
  });
})();
