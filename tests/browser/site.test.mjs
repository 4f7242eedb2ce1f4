// The built help center in headless Chromium, used the way readers use it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { build, serve, pages, launch, watchedPage, axeViolations, artifacts } from "./support.mjs";

const LOCALES = ["en", "nl", "fr", "fi"];
let shipped, fixture, browser;

before(async () => {
  shipped = await serve(build("."));
  // A site with missing translations, so pages with fallback text and banners are covered too.
  fixture = await serve(build("tests/fixtures/multilingual"));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  shipped?.close();
  fixture?.close();
});

/** The root page redirects by browser language; `?choose` keeps it for inspection. */
const visitable = (path) => (path === "" ? "?choose" : path);

for (const scheme of ["light", "dark"]) {
  test(`every page: no console errors and no serious or critical axe violations (${scheme})`, async () => {
    const context = await browser.newContext({ colorScheme: scheme, locale: "en-US" });
    const failures = [];
    let checked = 0;
    const visited = [];
    for (const site of [shipped, fixture]) {
      for (const path of pages(site.dir)) {
        visited.push(path);
        const page = await watchedPage(context);
        await page.goto(site.url + visitable(path), { waitUntil: "load" });
        const violations = await axeViolations(page);
        for (const v of violations) {
          failures.push(`${path}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.join(", ")}`);
        }
        for (const problem of page.problems) {
          failures.push(`${path}: ${problem}`);
        }
        checked += 1;
        await page.close();
      }
    }
    await context.close();
    // Every page type of both sites: root, locale indexes, guides, 404s, status, review.
    assert.ok(checked >= 40, `only ${checked} pages checked`);
    for (const path of ["", "fi/", "fi/netvisor-rackbeat/", "nl/demo/", "404.html", "fr/404.html", "status/", "review/nl/demo/"]) {
      assert.ok(visited.includes(path), `${path} was not checked`);
    }
    assert.deepEqual(failures, []);
  });
}

test("switching language on step N lands on step N", async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await page.goto(shipped.url + "en/netvisor-rackbeat/");
  const steps = await page.locator("li.step").evaluateAll((els) => els.map((e) => e.id));
  assert.ok(steps.length >= 8, `steps: ${steps}`);
  const n = 6;
  const id = steps[n - 1];
  await page.goto(`${shipped.url}en/netvisor-rackbeat/#${id}`);
  for (const lang of ["nl", "fr", "fi", "en"]) {
    await Promise.all([page.waitForURL(`**/${lang}/netvisor-rackbeat/#${id}`), page.click(`a[data-lang-switch][hreflang=${lang}]`)]);
    assert.equal(await page.getAttribute("html", "lang"), lang);
    // The same step, with the same number, is the target in the new language.
    const position = await page.evaluate((anchor) => {
      const all = [...document.querySelectorAll("li.step")];
      return all.findIndex((s) => s.id === anchor) + 1;
    }, id);
    assert.equal(position, n, `${lang}: step ${id} is number ${position}`);
    const visible = await page.evaluate((anchor) => {
      const r = document.getElementById(anchor).getBoundingClientRect();
      return r.top > -2 && r.top < window.innerHeight / 2;
    }, id);
    assert.ok(visible, `${lang}: step ${id} is not scrolled into view`);
  }
  assert.deepEqual(page.problems, []);
  await context.close();
});

const searches = [
  { lang: "en", query: "copy the key", expect: "netvisor-rackbeat/#step-copy-key" },
  { lang: "nl", query: "sleutel kopieer", expect: "netvisor-rackbeat/#step-copy-key" },
  { lang: "fr", query: "copiez cle", expect: "netvisor-rackbeat/#step-copy-key" },
  // Inflected Finnish: the genitive "avaimen" and the elative "integraatiosta" are not in the text.
  { lang: "fi", query: "avaimen kopioi", expect: "netvisor-rackbeat/#step-copy-key" },
  { lang: "fi", query: "integraatiosta", expect: "netvisor-rackbeat/" },
];

for (const { lang, query, expect } of searches) {
  test(`search in ${lang} for "${query}" finds ${expect} and goes there`, async () => {
    const context = await browser.newContext();
    const page = await watchedPage(context);
    await page.goto(`${shipped.url}${lang}/`);
    await page.fill("#search-input", query);
    const first = page.locator("#search-results a").first();
    await first.waitFor();
    const hrefs = await page.locator("#search-results a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.ok(
      hrefs.some((h) => h.endsWith(`${lang}/${expect}`)),
      `results for "${query}": ${hrefs.join(", ")}`,
    );
    const link = page.locator(`#search-results a[href$="${lang}/${expect}"]`).first();
    await Promise.all([page.waitForURL(`**/${lang}/${expect}`), link.click()]);
    const hash = new URL(page.url()).hash;
    if (hash) {
      assert.equal(await page.locator(hash).count(), 1, `no target for ${hash}`);
    }
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}

test("the collect checklist survives a reload and is shared by the languages of a guide", async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await page.goto(shipped.url + "en/netvisor-rackbeat/");
  const boxes = page.locator("input[data-collect]");
  assert.ok((await boxes.count()) >= 2);
  await boxes.nth(1).check();
  await page.reload();
  assert.equal(await page.locator("input[data-collect]").nth(1).isChecked(), true);
  assert.equal(await page.locator("input[data-collect]").nth(0).isChecked(), false);
  await page.goto(shipped.url + "fi/netvisor-rackbeat/");
  assert.equal(await page.locator("input[data-collect]").nth(1).isChecked(), true);
  await page.locator("input[data-collect]").nth(1).uncheck();
  await page.reload();
  assert.equal(await page.locator("input[data-collect]").nth(1).isChecked(), false);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("the theme toggle overrides the system preference and is remembered", async () => {
  const context = await browser.newContext({ colorScheme: "light" });
  const page = await watchedPage(context);
  await page.goto(shipped.url + "fr/lucca-inside-online/");
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await page.click("[data-theme-toggle]");
  assert.equal(await page.getAttribute("html", "data-theme"), "dark");
  const dark = await background();
  assert.notEqual(dark, light);
  await page.reload();
  assert.equal(await background(), dark);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("copy-link buttons put the step's address on the clipboard", async () => {
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: shipped.url });
  const page = await watchedPage(context);
  await page.goto(shipped.url + "nl/personio-marketplace/");
  const step = page.locator("li.step").nth(2);
  const id = await step.getAttribute("id");
  await step.locator("button.copy-link").click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, `${shipped.url}nl/personio-marketplace/#${id}`);
  assert.equal(await step.locator("button.copy-link").getAttribute("aria-label"), await page.locator("article.guide").getAttribute("data-copied-label"));
  await context.close();
});

test("the site root sends readers to their browser language, and lists languages otherwise", async () => {
  for (const [locale, landing] of [["fi-FI", "fi/"], ["nl-BE", "nl/"], ["fr-CA", "fr/"]]) {
    const context = await browser.newContext({ locale });
    const page = await watchedPage(context);
    await page.goto(shipped.url);
    await page.waitForURL(shipped.url + landing);
    await context.close();
  }
  const context = await browser.newContext({ locale: "de-DE" });
  const page = await watchedPage(context);
  await page.goto(shipped.url);
  await page.waitForLoadState("load");
  assert.equal(page.url(), shipped.url);
  const links = await page.locator("[data-languages] a[hreflang]").count();
  assert.equal(links, 4);
  await context.close();
});

test("guides read without JavaScript: steps, images and checklist are there, enhancements stay hidden", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(shipped.url + "fi/netvisor-rackbeat/");
  assert.ok((await page.locator("ol li.step").count()) >= 8);
  assert.equal(await page.locator("li.step").first().isVisible(), true);
  assert.equal(await page.locator("[data-search]").isVisible(), false);
  assert.equal(await page.locator("[data-theme-toggle]").isVisible(), false);
  const images = await page.locator("article img").evaluateAll((imgs) => imgs.map((i) => [i.complete && i.naturalWidth > 0, i.alt]));
  assert.ok(images.length > 0);
  for (const [loaded, alt] of images) {
    assert.ok(loaded, "an image did not load");
    assert.ok(alt.length > 0, "an image has no alt text");
  }
  await context.close();
});

test("unknown addresses get the localized 404 page", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(shipped.url + "fi/does-not-exist/");
  assert.equal(response.status(), 404);
  assert.equal(await page.getAttribute("html", "lang"), "fi");
  await context.close();
});

test("screenshots at desktop and phone width (saved as artifacts); no horizontal scrolling on phones", async () => {
  for (const [name, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 390, height: 844 }]]) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page = await watchedPage(context);
    for (const lang of LOCALES) {
      for (const path of [`${lang}/`, `${lang}/workplace-analytics/`]) {
        await page.goto(shipped.url + path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${path} at ${name} width scrolls sideways by ${overflow}px`);
        const file = join(artifacts, `${name}-${path.replaceAll("/", "_") || "root"}.png`);
        await page.screenshot({ path: file, fullPage: path.endsWith("workplace-analytics/") === false });
      }
    }
    assert.deepEqual(page.problems, []);
    await context.close();
  }
});
