// Shared by the browser tests: build a site with the stepdoc binary, serve the output on
// localhost (a plain static server, as a web host would), and start Debian's Chromium.
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, statSync, readdirSync, mkdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, extname, dirname, resolve, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const artifacts = process.env.STEPDOC_BROWSER_ARTIFACTS || join(repo, "target", "browser-artifacts");
mkdirSync(artifacts, { recursive: true });

const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";

/** The stepdoc binary: $STEPDOC_BIN, or the debug build (built here when missing or stale). */
function binary() {
  if (process.env.STEPDOC_BIN) {
    return process.env.STEPDOC_BIN;
  }
  const built = spawnSync("cargo", ["build", "--quiet"], { cwd: repo, stdio: "inherit" });
  if (built.status !== 0) {
    throw new Error("cargo build failed");
  }
  return join(repo, "target", "debug", "stepdoc");
}

/** Build the site in `root` (relative to the repository) into a new temp directory; returns
 * the output directory and the path the site is published under (from `base_url`). */
export function build(root) {
  const out = join(mkdtempSync(join(tmpdir(), "stepdoc-browser-")), "public");
  const run = spawnSync(binary(), ["build", "--root", join(repo, root), "--out", out], {
    encoding: "utf8",
  });
  if (run.status !== 0) {
    throw new Error(`stepdoc build of ${root} failed:\n${run.stdout}\n${run.stderr}`);
  }
  const config = readFileSync(join(repo, root, "site.yaml"), "utf8");
  const base = /^base_url:\s*(\S+)/m.exec(config);
  return { dir: out, mount: base ? new URL(base[1]).pathname : "/" };
}

const types = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

/** Serve a built site on 127.0.0.1 (random port) under its published path, like a static host:
 * `dir/` → `dir/index.html`, unknown paths → the locale's 404 page with status 404.
 * Resolves to { dir, url, close }. */
export function serve({ dir, mount }) {
  const server = createServer((req, res) => {
    const full = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const path = full.startsWith(mount) ? full.slice(mount.length - 1) : "/does-not-exist";
    let file = join(dir, path);
    if (relative(dir, file).startsWith("..")) {
      res.writeHead(400).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      file = join(file, "index.html");
    }
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      const lang = path.split("/")[1];
      file = existsSync(join(dir, lang, "404.html")) ? join(dir, lang, "404.html") : join(dir, "404.html");
    }
    res.writeHead(status, { "content-type": types[extname(file)] || "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => {
    server.listen(0, "127.0.0.1", () => {
      const url = `http://127.0.0.1:${server.address().port}${mount}`;
      ok({ dir, url, close: () => server.close() });
    });
  });
}

/** Every HTML page of a built site, as URL paths ("en/", "status/", "en/404.html", …). */
export function pages(dir) {
  const found = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.name.endsWith(".html")) {
        const rel = relative(dir, full).split(sep).join("/");
        found.push(rel.endsWith("index.html") ? rel.slice(0, -"index.html".length) : rel);
      }
    }
  };
  walk(dir);
  return found.sort();
}

export async function launch() {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A page that records console errors, uncaught exceptions and failed requests. */
export async function watchedPage(context) {
  const page = await context.newPage();
  page.problems = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") {
      page.problems.push(`console: ${msg.text()}`);
    }
  });
  page.on("pageerror", (err) => page.problems.push(`exception: ${err.message}`));
  page.on("requestfailed", (req) => {
    // A request the next navigation cancels (the favicon of a page left at once) is no fault.
    if (req.failure()?.errorText !== "net::ERR_ABORTED") {
      page.problems.push(`request failed: ${req.url()}`);
    }
  });
  page.on("response", (res) => {
    // The 404 pages are expected to answer 404; nothing else may.
    if (res.status() >= 400 && !res.url().endsWith("404.html") && !res.url().includes("does-not-exist")) {
      page.problems.push(`HTTP ${res.status()}: ${res.url()}`);
    }
  });
  return page;
}

const axeSource = readFileSync(join(repo, "tests/browser/node_modules/axe-core/axe.min.js"), "utf8");

/** axe-core's serious and critical violations on the loaded page (WCAG 2.x A/AA + best practice). */
export async function axeViolations(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      resultTypes: ["violations"],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
  return result.filter((v) => v.impact === "serious" || v.impact === "critical");
}
