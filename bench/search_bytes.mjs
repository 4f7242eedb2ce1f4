// What a reader's first search downloads, measured on a built site with the theme's own
// search.js (run in Node, files read from disk, sizes gzipped as a web host would send them).
//
//   node bench/search_bytes.mjs OUTPUT_DIR [QUERIES]
//
// For each language: the index's size (all files, raw and gzipped), then QUERIES (default 50)
// query words drawn from the index's own vocabulary (a fixed seed; words of 4+ letters), each
// typed letter by letter into a fresh page as a reader does (every prefix searched, as the
// field does on each input event) and the first 8 results' documents fetched. Prints the
// median, 95th percentile and largest first-query download (search.js + meta + shards +
// documents) and the median time for the searches in Node.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const out = resolve(process.argv[2]);
const queries = Number(process.argv[3] || 50);
const core = createRequire(import.meta.url)(join(out, "assets", "search.js"));
const gz = new Map();
const gzSize = (file) => {
  if (!gz.has(file)) { gz.set(file, gzipSync(readFileSync(file), { level: 6 }).length); }
  return gz.get(file);
};

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

// A small deterministic generator (mulberry32) for the sample of query words.
function random(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const script = gzSize(join(out, "assets", "search.js"));
for (const lang of readdirSync(join(out, "search")).sort()) {
  const base = join(out, "search", lang);
  const files = walk(base);
  const raw = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const packed = files.reduce((sum, f) => sum + gzSize(f), 0);
  const meta = JSON.parse(readFileSync(join(base, "meta.json"), "utf8"));
  const vocabulary = [];
  meta.shards.forEach((_, n) => {
    const shard = JSON.parse(readFileSync(join(base, "w", `${n}.json`), "utf8"));
    for (const word of Object.keys(shard.w)) {
      if (word.length >= 4 && /^\p{L}+$/u.test(word)) { vocabulary.push(word); }
    }
  });
  vocabulary.sort();
  const next = random(42);
  const bytes = [], times = [];
  for (let q = 0; q < queries && vocabulary.length; q++) {
    const word = vocabulary[Math.floor(next() * vocabulary.length)];
    const fetched = new Set();
    const get = (url) => {
      fetched.add(url);
      return Promise.resolve(JSON.parse(readFileSync(join(out, url), "utf8")));
    };
    const searcher = core.create(`search/${lang}/`, get);
    const started = process.hrtime.bigint();
    for (let i = 1; i <= word.length; i++) {
      const { hits } = await searcher.search(word.slice(0, i));
      if (i === word.length) { await searcher.entries(hits.slice(0, 8)); }
    }
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    bytes.push(script + [...fetched].reduce((sum, url) => sum + gzSize(join(out, url)), 0));
  }
  console.log(
    `${lang}: index ${files.length} files, ${kb(raw)} (${kb(packed)} gzipped), ${meta.shards.length} shards; ` +
      `first query typed letter by letter (${bytes.length} words): median ${kb(percentile(bytes, 0.5))}, ` +
      `p95 ${kb(percentile(bytes, 0.95))}, max ${kb(Math.max(...bytes))} gzipped; ` +
      `search time in Node median ${percentile(times, 0.5).toFixed(1)} ms`,
  );
}
