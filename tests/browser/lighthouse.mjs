// Lighthouse scores of every page type of the built sites, phone and desktop, as a Markdown table.
// Not part of `npm test` (it takes minutes and needs the `lighthouse` npm package):
//
//   npm install --prefix /tmp/lh lighthouse        # once, outside the repository
//   STEPDOC_BIN=target/debug/stepdoc LIGHTHOUSE=/tmp/lh/node_modules/.bin/lighthouse \
//     node tests/browser/lighthouse.mjs
//
// Chrome is Debian's Chromium ($CHROMIUM or /usr/bin/chromium), as for the browser tests.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, serve } from "./support.mjs";

const lighthouse = process.env.LIGHTHOUSE || "lighthouse";
const chrome = process.env.CHROMIUM || "/usr/bin/chromium";
const shipped = await serve(build("."));
const fixture = await serve(build("tests/fixtures/multilingual"));
const pages = [
  ["home", shipped, "?choose"],
  ["language index (fi)", shipped, "fi/"],
  ["guide (en)", shipped, "en/workplace-analytics/"],
  ["guide (nl)", shipped, "nl/netvisor-rackbeat/"],
  ["guide (fr)", shipped, "fr/lucca-inside-online/"],
  ["guide (fi)", shipped, "fi/personio-marketplace/"],
  // Lighthouse refuses a page that answers 404, so the page is measured at its own address; its
  // links start at the site's path, so it is the same page at any depth (browser test 2).
  ["404 (fi)", shipped, "fi/404.html"],
  ["status", fixture, "status/"],
  ["review", fixture, "review/nl/demo/"],
];
const categories = ["performance", "accessibility", "best-practices", "seo"];
const out = mkdtempSync(join(tmpdir(), "stepdoc-lighthouse-"));
const rows = [];
for (const [name, site, path] of pages) {
  const cells = [];
  for (const form of ["mobile", "desktop"]) {
    const report = join(out, `${rows.length}-${form}.json`);
    const args = [
      site.url + path,
      "--quiet",
      "--output=json",
      `--output-path=${report}`,
      `--only-categories=${categories.join(",")}`,
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync",
      ...(form === "desktop" ? ["--preset=desktop"] : []),
    ];
    // Asynchronously: the pages are served by this process.
    const run = await new Promise((done) => {
      const child = spawn(lighthouse, args, { env: { ...process.env, CHROME_PATH: chrome } });
      let stderr = "";
      child.stderr.on("data", (chunk) => (stderr += chunk));
      child.on("close", (status) => done({ status, stderr }));
    });
    if (run.status !== 0) {
      throw new Error(`lighthouse failed for ${path} (${form}):\n${run.stderr}`);
    }
    const result = JSON.parse(readFileSync(report, "utf8"));
    cells.push(categories.map((c) => Math.round(result.categories[c].score * 100)).join(" / "));
  }
  rows.push(`| ${name} | \`${path}\` | ${cells[0]} | ${cells[1]} |`);
  console.error(rows[rows.length - 1]);
}
console.log("| page type | path | phone | desktop |");
console.log("|---|---|---|---|");
for (const row of rows) {
  console.log(row);
}
shipped.close();
fixture.close();
