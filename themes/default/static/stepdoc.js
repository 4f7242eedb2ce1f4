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

  // Light/dark toggle: a pressed "Dark theme" button (the system preference applies until the
  // reader chooses).
  var toggle = document.querySelector("[data-theme-toggle]");
  if (toggle) {
    var system = window.matchMedia("(prefers-color-scheme: dark)");
    var isDark = function () {
      var chosen = document.documentElement.dataset.theme;
      return chosen ? chosen === "dark" : system.matches;
    };
    var show = function () { toggle.setAttribute("aria-pressed", isDark() ? "true" : "false"); };
    toggle.hidden = false;
    show();
    if (system.addEventListener) { system.addEventListener("change", show); }
    toggle.addEventListener("click", function () {
      var next = isDark() ? "light" : "dark";
      document.documentElement.dataset.theme = next;
      store.set("stepdoc-theme", next);
      show();
    });
  }

  // Search: a static per-language index, loaded on first use; matches word prefixes, so
  // inflected words find their base form and the other way round ("integraatio" ~ "integraation").
  var search = document.querySelector("[data-search]");
  if (search) {
    search.hidden = false;
    var input = search.querySelector("input");
    var results = search.querySelector("ul");
    var root = search.getAttribute("data-root");
    var lang = search.getAttribute("data-lang");
    var index = null;
    var norm = function (s) {
      return String(s).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    };
    var words = function (s) { return norm(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean); };
    var matches = function (q, w) {
      if (w.indexOf(q) === 0) { return true; }
      var stem = q.slice(0, Math.max(4, q.length - 3));
      return q.length >= 5 && w.indexOf(stem) === 0 && Math.abs(w.length - q.length) <= 4;
    };
    var run = function () {
      var terms = words(input.value);
      results.textContent = "";
      if (!terms.length || !index) { return; }
      var hits = [];
      index.forEach(function (entry) {
        var title = entry.tw, text = entry.xw, score = 0;
        for (var i = 0; i < terms.length; i++) {
          var t = terms[i], inTitle = title.some(function (w) { return matches(t, w); });
          var inText = inTitle || text.some(function (w) { return matches(t, w); });
          if (!inText) { return; }
          score += inTitle ? 3 : 1;
        }
        hits.push({ entry: entry, score: score });
      });
      hits.sort(function (a, b) { return b.score - a.score || a.entry.u.length - b.entry.u.length; });
      hits.slice(0, 8).forEach(function (hit) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = root + lang + "/" + hit.entry.u;
        a.textContent = hit.entry.t;
        if (hit.entry.l !== lang) { a.lang = hit.entry.l; }
        li.appendChild(a);
        results.appendChild(li);
      });
      if (!hits.length) {
        var none = document.createElement("li");
        var span = document.createElement("span");
        span.textContent = search.getAttribute("data-no-results");
        none.appendChild(span);
        results.appendChild(none);
      }
    };
    var load = function () {
      if (index) { return Promise.resolve(); }
      return fetch(root + "search/" + lang + ".json").then(function (r) { return r.json(); }).then(function (data) {
        index = data.entries.map(function (e) {
          // A step matches on its own words, not on its guide's title.
          var own = e.u.indexOf("#") >= 0 ? e.t.slice(e.t.indexOf(" › ") + 3) : e.t;
          return { u: e.u, t: e.t, l: e.l, tw: words(own), xw: words(e.x) };
        });
      });
    };
    input.addEventListener("focus", function () { load(); });
    input.addEventListener("input", function () { load().then(run); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        var first = results.querySelector("a");
        if (first) { location.href = first.href; }
      } else if (event.key === "ArrowDown") {
        var top = results.querySelector("a");
        if (top) { event.preventDefault(); top.focus(); }
      } else if (event.key === "Escape") {
        input.value = "";
        results.textContent = "";
      }
    });
    // Arrow keys move through the results; Escape goes back to the field.
    results.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(results.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (at < 0) { return; }
      if (event.key === "ArrowDown" && at + 1 < links.length) {
        event.preventDefault();
        links[at + 1].focus();
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        (at > 0 ? links[at - 1] : input).focus();
      } else if (event.key === "Escape") {
        input.focus();
      }
    });
    // A click elsewhere closes the results (typing again shows them).
    document.addEventListener("click", function (event) {
      if (!search.contains(event.target)) { results.textContent = ""; }
    });
  }

  var article = document.querySelector("article.guide");
  if (!article) {
    return;
  }
  var guide = article.getAttribute("data-guide");

  // Copy-link buttons next to each step number; a visible "Link copied" confirms (and is
  // announced: the button's name changes).
  var linkIcon = '<svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16"><path d="M10 14a4.5 4.5 0 0 0 6.4 0l3.2-3.2a4.5 4.5 0 0 0-6.4-6.4L12 5.6M14 10a4.5 4.5 0 0 0-6.4 0l-3.2 3.2a4.5 4.5 0 0 0 6.4 6.4l1.2-1.2" stroke-width="2" stroke-linecap="round"/></svg>';
  if (navigator.clipboard) {
    var copyLabel = article.getAttribute("data-copy-label");
    var copiedLabel = article.getAttribute("data-copied-label");
    article.querySelectorAll("li.step").forEach(function (step) {
      var head = step.querySelector(".step-head");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-link";
      button.innerHTML = linkIcon;
      var text = document.createElement("span");
      text.className = "copy-link-text";
      button.appendChild(text);
      button.setAttribute("aria-label", copyLabel);
      button.title = copyLabel;
      var timer = null;
      button.addEventListener("click", function () {
        var url = location.href.split("#")[0] + "#" + step.id;
        navigator.clipboard.writeText(url).then(function () {
          button.classList.add("copied");
          text.textContent = copiedLabel;
          button.title = copiedLabel;
          button.setAttribute("aria-label", copiedLabel);
          clearTimeout(timer);
          timer = setTimeout(function () {
            button.classList.remove("copied");
            text.textContent = "";
            button.title = copyLabel;
            button.setAttribute("aria-label", copyLabel);
          }, 2500);
        });
      });
      head.appendChild(button);
    });
  }

  // A link to a step inside a collapsed section opens that section.
  var reveal = function () {
    var target = null;
    try { target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1))); } catch (e) { target = null; }
    var opened = false;
    for (var el = target; el; el = el.parentElement) {
      if (el.tagName === "DETAILS" && !el.open) { el.open = true; opened = true; }
    }
    if (opened) { target.scrollIntoView(); }
  };
  reveal();
  window.addEventListener("hashchange", reveal);
  // Printing shows every section (the stylesheet does it too where the browser allows).
  window.addEventListener("beforeprint", function () {
    article.querySelectorAll("details:not([open])").forEach(function (d) {
      d.open = true;
      d.setAttribute("data-print-opened", "");
    });
  });
  window.addEventListener("afterprint", function () {
    article.querySelectorAll("details[data-print-opened]").forEach(function (d) {
      d.open = false;
      d.removeAttribute("data-print-opened");
    });
  });

  // The outline follows the reading: the current section is marked, the steps above the
  // middle of the screen are ticked, and a bar shows how far the reader is.
  var toc = article.querySelector(".toc");
  if (toc && "IntersectionObserver" in window) {
    var bar = toc.querySelector(".progress");
    var fill = toc.querySelector(".progress-bar");
    var links = {};
    toc.querySelectorAll("a[href^=\"#\"]").forEach(function (a) { links[a.getAttribute("href").slice(1)] = a; });
    var sections = Array.prototype.slice.call(article.querySelectorAll(".guide-body section[id]"));
    var steps = Array.prototype.slice.call(article.querySelectorAll("li.step:not(.substep)"));
    var body = article.querySelector(".guide-body");
    if (bar) { bar.hidden = false; }
    var pending = false;
    var update = function () {
      pending = false;
      var line = window.innerHeight * 0.35;
      var current = null;
      sections.forEach(function (s) {
        if (s.getBoundingClientRect().top <= line) { current = s.id; }
      });
      Object.keys(links).forEach(function (id) {
        var a = links[id];
        if (a.parentElement.parentElement.classList.contains("toc-steps")) { return; }
        a.classList.toggle("current", id === current);
      });
      steps.forEach(function (s) {
        var a = links[s.id];
        if (a) { a.classList.toggle("done", s.getBoundingClientRect().top <= line); }
      });
      if (fill && body) {
        var r = body.getBoundingClientRect();
        var total = r.height - window.innerHeight * 0.65;
        var done = total > 0 ? Math.min(1, Math.max(0, (line - r.top) / total)) : 1;
        fill.style.width = (done * 100).toFixed(1) + "%";
      }
    };
    window.addEventListener("scroll", function () {
      if (!pending) { pending = true; window.requestAnimationFrame(update); }
    }, { passive: true });
    window.addEventListener("resize", update);
    update();
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
