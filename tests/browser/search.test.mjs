// The search index of the shipped site, queried by the theme's own search.js in Node (no
// browser): every word a guide page shows is found by a query of that word, in every language,
// and a query downloads only the files its words need.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { build, repo } from "./support.mjs";

const site = build(".");
const core = createRequire(import.meta.url)(join(site.dir, "assets", "search.js"));
const languages = ["en", "nl", "fr", "fi"];

/** A searcher over the built index that records the files it reads. */
function searcher(lang) {
  const fetched = [];
  const get = (url) => {
    fetched.push(url);
    return Promise.resolve(JSON.parse(readFileSync(join(site.dir, url), "utf8")));
  };
  return { s: core.create(`search/${lang}/`, get), fetched };
}

const entities = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };

/** The words of a guide page's article as a reader sees them: text outside tags, without the
 * theme's own strings (step labels, buttons), the page's date, step numbers, the support box and
 * the links to other guides, which are not the guide's content. */
function shownWords(html, theme) {
  const article = /<article[^>]*class="guide"[^>]*>([\s\S]*?)<\/article>/.exec(html)[1];
  const text = article
    // Links to other guides and the support box are the site's, not the guide's.
    .replace(/<(script|style|template|nav|aside)[\s\S]*?<\/\1>/g, " ")
    .replace(new RegExp(`<span[^>]*>${theme.updatedOn}[^<]*</span>`, "g"), " ")
    // Step numbers (the step's own, the progress bar, references to a step) are generated.
    .replace(/<a[^>]*href="#step-[^"]*"[^>]*>[^<]*<\/a>/g, " ")
    // Block elements separate words; inline ones (a UI label followed by a case ending,
    // <span class="ui">Marketplace</span>ssa) do not.
    .replace(/<\/?(p|li|ol|ul|dl|dt|dd|h\d|table|thead|tbody|tr|td|th|caption|div|section|header|footer|figure|figcaption|details|summary|br|img|input|label|button)\b[^>]*>/g, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#?\w+);/g, (m, name) => entities[name] ?? (name.startsWith("#") ? String.fromCodePoint(Number(name.slice(1))) : m));
  return new Set(core.words(text).filter((w) => !theme.words.has(w)));
}

function themeWords(lang) {
  const strings = readFileSync(join(repo, "themes", "default", "strings", `${lang}.ftl`), "utf8");
  const values = strings.split("\n").filter((l) => !l.startsWith("#")).map((l) => l.replace(/^[\w-]+\s*=/, ""));
  const updatedOn = /^updated-on = (.*)$/m.exec(strings)[1].trim();
  return { words: new Set(core.words(values.join(" "))), updatedOn };
}

for (const lang of languages) {
  test(`every word a ${lang} guide page shows is found by searching for it, on that guide`, async () => {
    const theme = themeWords(lang);
    const { s } = searcher(lang);
    const guides = readdirSync(join(site.dir, lang), { withFileTypes: true }).filter((d) => d.isDirectory());
    // Guide numbers of the index: the document files say which guide each is.
    const numbers = {};
    for (let g = 0; ; g++) {
      let doc;
      try { doc = JSON.parse(readFileSync(join(site.dir, "search", lang, "d", `${g}.json`), "utf8")); } catch { break; }
      numbers[doc[0].u.split("/")[0]] = g;
    }
    let checked = 0;
    for (const guide of guides) {
      if (!(guide.name in numbers)) { continue; }
      const html = readFileSync(join(site.dir, lang, guide.name, "index.html"), "utf8");
      for (const word of shownWords(html, theme)) {
        const { hits } = await s.search(word);
        assert.ok(hits.some((h) => h.g === numbers[guide.name]), `${lang}: "${word}" does not find ${guide.name}`);
        checked++;
      }
    }
    assert.ok(checked > 300, `only ${checked} words checked`);
  });
}

const inflections = [
  ["en", "configuring", "configure"],
  ["nl", "koppelingen", "koppel"],
  ["fr", "connecteurs", "connecteur"],
  ["fi", "avaimen", "avain"],
];
for (const [lang, query, word] of inflections) {
  test(`${lang}: "${query}" finds "${word}" (stemming)`, async () => {
    const { s } = searcher(lang);
    const { marks, hits } = await s.search(query);
    assert.ok(hits.length > 0);
    assert.ok(Object.keys(marks).some((w) => w.startsWith(word)), `${Object.keys(marks)}`);
  });
}

test("fr: the exact word ranks above words of the same root (connecteur, not se connecter)", async () => {
  const { s } = searcher("fr");
  const { hits } = await s.search("connecteur");
  const entries = await s.entries(hits.slice(0, 3));
  for (const e of entries) {
    assert.match(`${e.t} ${e.x}`.toLowerCase(), /connecteur/);
  }
});

test("a query downloads the index's meta file, the shards of its words and the documents of its results, no more", async () => {
  const { s, fetched } = searcher("fi");
  const { hits } = await s.search("tuotekoodi");
  await s.entries(hits.slice(0, 8));
  const meta = JSON.parse(readFileSync(join(site.dir, "search", "fi", "meta.json"), "utf8"));
  const shards = fetched.filter((u) => u.includes("/w/"));
  const docs = fetched.filter((u) => u.includes("/d/"));
  assert.equal(fetched[0], "search/fi/meta.json");
  assert.ok(meta.shards.length > 1, "the Finnish index is sharded");
  assert.equal(shards.length, 1, `${shards}`);
  assert.equal(docs.length, new Set(hits.slice(0, 8).map((h) => h.g)).size);
});

test("nl and fi: the last part of a compound word finds the compound, below the word itself", async () => {
  for (const [lang, part, compound] of [["nl", "instellingen", "clientinstellingen"], ["fi", "asetukset", "asiakasasetukset"]]) {
    const { s } = searcher(lang);
    const { hits } = await s.search(part);
    const entries = await s.entries(hits);
    const text = (e) => core.words(`${e.t} ${e.x}`);
    const own = entries.findIndex((e) => text(e).includes(part));
    const inCompound = entries.findIndex((e) => text(e).includes(compound) && !text(e).includes(part));
    assert.ok(own >= 0 && inCompound >= 0, `${lang}: ${own} ${inCompound}`);
    assert.ok(hits[own].score > hits[inCompound].score, `${lang}: the word itself ranks higher`);
  }
});
