// stepdoc's search, in the browser: the query side of the index `stepdoc build` writes under
// search/<lang>/ (see docs/search.md). meta.json names the word shards by prefix; a query
// downloads the shards of its words, ranks the entries they point to, and downloads the
// document files (the texts) of the results it shows. Loaded by stepdoc.js on the first focus of
// the search field; also loadable with require() (the tests run it in Node on a built site).
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    root.stepdocSearch = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // A query word as the index stores words: lower case, accents dropped, letters and digits.
  var norm = function (s) {
    return String(s).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ς/g, "σ");
  };
  var words = function (s) { return norm(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean); };

  // Prefix queries shorter than a shard's prefix would need all the shards under it; past this
  // many, only the word itself is looked up until the reader types more.
  var MAX_SHARDS = 6;

  // A shard's value for a word: "postings", "n|postings" (the stem is the word less its last n
  // characters) or "=stem|postings".
  var parse = function (word, value) {
    var bar = value.indexOf("|");
    if (bar < 0) { return { stem: word, postings: value }; }
    var head = value.slice(0, bar);
    var stem = head.charAt(0) === "=" ? head.slice(1) : word.slice(0, word.length - Number(head));
    return { stem: stem, postings: value.slice(bar + 1) };
  };

  // Call f(guide, entry, weight) for each posting: weight 0 the last part of a compound word of
  // the entry (koppelings|instellingen), 1 text, 2 heading, 3 the guide's title.
  var eachPosting = function (postings, f) {
    var guide = 0;
    postings.split(" ").forEach(function (group) {
      var dot = group.indexOf(".");
      guide += parseInt(group.slice(0, dot), 36);
      group.slice(dot + 1).split(",").forEach(function (e) {
        var mark = e.charAt(e.length - 1);
        var weight = mark === "^" ? 3 : mark === "!" ? 2 : mark === "~" ? 0 : 1;
        f(guide, parseInt(weight !== 1 ? e.slice(0, -1) : e, 36), weight);
      });
    });
  };

  // How well query word q matches indexed word w (with stem sw), q's stem being qStem: 3 the
  // same word, 2 a word it starts (as you type), 1.5 the same Snowball stem, 1 (only where the
  // index says `loose`: Finnish, whose stemmer leaves consonant gradation alone, avain/avaimen,
  // and languages without a stemmer) four or more leading letters in common and lengths close,
  // 0 none.
  var quality = function (q, w, sw, qStem, loose) {
    if (w === q) { return 3; }
    if (w.indexOf(q) === 0) { return 2; }
    if (qStem && sw === qStem) { return 1.5; }
    if (!loose) { return 0; }
    var stem = q.slice(0, Math.max(4, q.length - 3));
    return q.length >= 5 && w.indexOf(stem) === 0 && Math.abs(w.length - q.length) <= 4 ? 1 : 0;
  };

  // q's stem: its own when the index has q, else the longest stem of an indexed word that q
  // starts with (q is that word with another ending: "connecteurs" → "connecteur", not
  // "connect"), at least four letters and at most five short of q.
  var stemOf = function (q, shards) {
    var own = null, longest = "";
    shards.forEach(function (s) {
      Object.keys(s.w).forEach(function (w) {
        var sw = parse(w, s.w[w]).stem;
        if (w === q) { own = sw; }
        if (sw.length >= 4 && sw.length > longest.length && q.indexOf(sw) === 0 && q.length - sw.length <= 5) { longest = sw; }
      });
    });
    return own !== null ? own : longest || null;
  };

  // The shards a query word needs: the one of the longest prefix it starts with, and those of
  // the longer prefixes that start with it (its completions), when there are few.
  var shardsFor = function (term, prefixes) {
    var longest = -1, longer = [];
    prefixes.forEach(function (p, n) {
      if (term.indexOf(p) === 0 && (longest < 0 || p.length > prefixes[longest].length)) { longest = n; }
      else if (p.length > term.length && p.indexOf(term) === 0) { longer.push(n); }
    });
    var out = longest >= 0 ? [longest] : [];
    return longer.length <= MAX_SHARDS ? out.concat(longer) : out;
  };

  // A searcher over the index at base (".../search/<lang>/"); get(url) resolves to parsed JSON.
  var create = function (base, get) {
    var meta = null, shards = {}, docs = {};
    var loadMeta = function () {
      if (!meta) { meta = get(base + "meta.json"); }
      return meta;
    };
    var shard = function (n) {
      if (!shards[n]) { shards[n] = get(base + "w/" + n + ".json"); }
      return shards[n];
    };
    var doc = function (g) {
      if (!docs[g]) { docs[g] = get(base + "d/" + g + ".json"); }
      return docs[g];
    };
    // The entries matching one query word: key "g.e" → {score, title}, and the words matched.
    var lookup = function (term, m) {
      return Promise.all(shardsFor(term, m.shards).map(shard)).then(function (loaded) {
        var qStem = stemOf(term, loaded);
        var found = {}, matched = [];
        loaded.forEach(function (s) {
          Object.keys(s.w).forEach(function (w) {
            var info = parse(w, s.w[w]);
            var q = quality(term, w, info.stem, qStem, m.loose === true);
            if (!q) { return; }
            matched.push(w);
            eachPosting(info.postings, function (g, e, weight) {
              var key = g + "." + e;
              var hit = found[key] || (found[key] = { g: g, e: e, score: 0 });
              // A word of the heading counts double, a part of a compound word half.
              hit.score = Math.max(hit.score, weight > 1 ? 2 * q : weight === 0 ? q / 2 : q);
              if (weight === 3) {
                var top = found[g + ".title"] || (found[g + ".title"] = { title: true });
                top.g = g;
              }
            });
          });
        });
        return { found: found, matched: matched };
      });
    };
    // Rank the entries holding every word of the query. Resolves to {hits: [{g, e, score}],
    // marks: {word: true}}, hits grouped by guide (groups in the order of their best hit).
    var search = function (query) {
      var terms = words(query);
      if (!terms.length) { return Promise.resolve({ hits: [], marks: {} }); }
      return loadMeta().then(function (m) {
        return Promise.all(terms.map(function (t) { return lookup(t, m); }));
      }).then(function (perTerm) {
        var marks = {};
        perTerm.forEach(function (r) { r.matched.forEach(function (w) { marks[w] = true; }); });
        var hits = [];
        Object.keys(perTerm[0].found).forEach(function (key) {
          var first = perTerm[0].found[key];
          if (first.title) { return; }
          var score = 0;
          for (var i = 0; i < perTerm.length; i++) {
            var hit = perTerm[i].found[key];
            if (!hit) { return; }
            // A word of the guide's title lifts the guide's results.
            score += hit.score + (perTerm[i].found[first.g + ".title"] ? 1 : 0);
          }
          hits.push({ g: first.g, e: first.e, score: score });
        });
        var byScore = function (a, b) { return b.score - a.score || a.e - b.e || a.g - b.g; };
        hits.sort(byScore);
        var order = {};
        hits.forEach(function (h, i) { if (!(h.g in order)) { order[h.g] = i; } });
        hits.sort(function (a, b) { return order[a.g] - order[b.g] || byScore(a, b); });
        return { hits: hits, marks: marks };
      });
    };
    // The entries ({u, t, x, l}) of hits, in their order.
    var entries = function (hits) {
      return Promise.all(hits.map(function (h) {
        return doc(h.g).then(function (d) { return d[h.e]; });
      }));
    };
    return { load: loadMeta, search: search, entries: entries };
  };

  return { create: create, words: words, norm: norm, quality: quality, shardsFor: shardsFor };
});
