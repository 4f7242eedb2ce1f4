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

  // Search: a static per-language index (search.js, loaded on first use, fetches only the parts a
  // query needs), searched in the browser. The
  // field is a WAI-ARIA combobox: the results are a listbox whose options the arrow keys move
  // through (the focus stays in the field), Enter opens the active one (or the first), Escape
  // closes the list and a second Escape empties the field; a click elsewhere closes it too.
  var search = document.querySelector("[data-search]");
  if (search) {
    search.hidden = false;
    var input = search.querySelector("input");
    var results = search.querySelector("ul");
    var status = search.querySelector("[data-search-status]");
    var root = search.getAttribute("data-root");
    var lang = search.getAttribute("data-lang");
    var PAGE = 8;
    // The query side lives in search.js, loaded on first use.
    var core = null, searcher = null, hits = [], marks = {}, shown = 0, active = -1, asked = 0;
    var norm = function (s) {
      return String(s).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ς/g, "σ");
    };
    var setActive = function (i) {
      var options = results.querySelectorAll("[role=option]");
      active = i;
      for (var k = 0; k < options.length; k++) { options[k].setAttribute("aria-selected", String(k === i)); }
      if (i >= 0 && options[i]) {
        input.setAttribute("aria-activedescendant", options[i].id);
        options[i].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    };
    var close = function () {
      results.textContent = "";
      input.setAttribute("aria-expanded", "false");
      setActive(-1);
    };
    var announce = function (n) {
      if (!status) { return; }
      status.textContent = n === 0 ? search.getAttribute("data-no-results")
        : n + " " + search.getAttribute(n === 1 ? "data-result-one" : "data-result-many");
    };
    // The text around the first matched word, the matched words marked (as DOM nodes: index text
    // is never parsed as HTML).
    var snippet = function (text, whole) {
      var p = document.createElement("span");
      p.className = whole ? "search-heading" : "search-snippet";
      var parts = String(text).split(/([^\p{L}\p{N}]+)/u);
      var first = -1;
      var marked = parts.map(function (part, i) {
        var w = norm(part);
        // A compound word whose last part was searched for is marked too.
        var hit = w && (marks[w] === true || (w.length >= 8 && Object.keys(marks).some(function (m) {
          return m.length >= 4 && w.length > m.length && w.slice(-m.length) === m;
        })));
        if (hit && first < 0) { first = i; }
        return hit;
      });
      if (first < 0 && !whole) { return null; }
      var start = whole ? 0 : Math.max(0, first - 12);
      var end = whole ? parts.length : Math.min(parts.length, first + 30);
      if (start > 0) { p.appendChild(document.createTextNode("… ")); }
      for (var i = start; i < end; i++) {
        if (marked[i]) {
          var m = document.createElement("mark");
          m.textContent = parts[i];
          p.appendChild(m);
        } else {
          p.appendChild(document.createTextNode(parts[i]));
        }
      }
      if (end < parts.length) { p.appendChild(document.createTextNode(" …")); }
      return p;
    };
    // Show the first `shown` hits, their texts fetched (only theirs) from the index.
    var render = function (question) {
      return searcher.entries(hits.slice(0, shown)).then(function (entries) {
        if (question !== asked) { return; }
        results.textContent = "";
        var group = null, lastGuide = null;
        entries.forEach(function (e, n) {
          var cut = e.t.indexOf(" › ");
          var guideTitle = cut >= 0 ? e.t.slice(0, cut) : e.t;
          var own = cut >= 0 ? e.t.slice(cut + 3) : e.t;
          if (hits[n].g !== lastGuide) {
            lastGuide = hits[n].g;
            group = document.createElement("li");
            group.setAttribute("role", "presentation");
            group.className = "search-group";
            group.textContent = guideTitle;
            if (e.l !== lang) { group.lang = e.l; }
            results.appendChild(group);
          }
          var li = document.createElement("li");
          li.setAttribute("role", "option");
          li.id = "search-option-" + n;
          li.setAttribute("aria-selected", "false");
          var a = document.createElement("a");
          a.href = root + lang + "/" + e.u;
          a.tabIndex = -1;
          a.appendChild(snippet(own, true));
          var snip = snippet(e.x);
          if (snip) { a.appendChild(snip); }
          if (e.l !== lang) { a.lang = e.l; }
          li.appendChild(a);
          results.appendChild(li);
        });
        if (shown < hits.length) {
          var more = document.createElement("li");
          more.setAttribute("role", "presentation");
          var button = document.createElement("button");
          button.type = "button";
          button.className = "search-more";
          button.textContent = search.getAttribute("data-more");
          button.addEventListener("click", function (event) {
            event.stopPropagation();
            shown += PAGE;
            render(asked).then(function () { input.focus(); });
          });
          more.appendChild(button);
          results.appendChild(more);
        }
        if (!hits.length) {
          var none = document.createElement("li");
          none.setAttribute("role", "presentation");
          var span = document.createElement("span");
          span.textContent = search.getAttribute("data-no-results");
          none.appendChild(span);
          results.appendChild(none);
        }
        input.setAttribute("aria-expanded", "true");
        setActive(-1);
      });
    };
    var run = function () {
      var question = ++asked;
      var query = input.value;
      if (!searcher || !core.words(query).length) { close(); announce(0); return; }
      searcher.search(query).then(function (found) {
        // A later query answers instead (the reader typed on).
        if (question !== asked) { return; }
        hits = found.hits;
        marks = found.marks;
        shown = PAGE;
        return render(question).then(function () {
          if (question === asked) { announce(hits.length); }
        });
      });
    };
    var loading = null;
    var load = function () {
      if (!loading) {
        loading = new Promise(function (resolve, reject) {
          var script = document.createElement("script");
          script.src = root + "assets/search.js";
          script.onload = resolve;
          script.onerror = reject;
          document.head.appendChild(script);
        }).then(function () {
          var get = function (url) { return fetch(url).then(function (r) { return r.json(); }); };
          core = window.stepdocSearch;
          searcher = core.create(root + "search/" + lang + "/", get);
          return searcher.load();
        });
      }
      return loading;
    };
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    results.setAttribute("role", "listbox");
    input.addEventListener("focus", function () { load(); });
    input.addEventListener("input", function () { load().then(run); });
    input.addEventListener("keydown", function (event) {
      var options = results.querySelectorAll("[role=option]");
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!options.length) { return; }
        event.preventDefault();
        var next = event.key === "ArrowDown" ? Math.min(active + 1, options.length - 1) : active - 1;
        setActive(next);
      } else if (event.key === "Enter") {
        var chosen = options[active >= 0 ? active : 0];
        if (chosen) { event.preventDefault(); location.href = chosen.querySelector("a").href; }
      } else if (event.key === "Escape") {
        // The first Escape only closes the list (a search field would clear itself).
        if (input.getAttribute("aria-expanded") === "true") { event.preventDefault(); close(); } else { input.value = ""; }
      }
    });
    // A click on an option keeps the list open until the page changes; elsewhere closes it.
    document.addEventListener("click", function (event) {
      if (!search.contains(event.target)) { close(); }
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
