// The built help center in headless Chromium, used the way readers use it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { build, serve, pages, launch, watchedPage, axeViolations, artifacts } from "./support.mjs";

const LOCALES = ["en", "nl", "fr", "fi"];
let shipped, fixture, reader, browser;

before(async () => {
  shipped = await serve(build("."));
  // A site with missing translations, so pages with fallback text and banners are covered too.
  fixture = await serve(build("tests/fixtures/multilingual"));
  // A guide with a collapsed section, troubleshooting and inflected UI labels, complete in
  // Finnish and 0 % translated into French, published under /docs/ with a support address.
  reader = await serve(build("tests/fixtures/reader"));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  shipped?.close();
  fixture?.close();
  reader?.close();
});

/** The root page redirects by browser language; `?choose` keeps it for inspection. */
const visitable = (path) => (path === "" ? "?choose" : path);

for (const scheme of ["light", "dark"]) {
  test(`every page: no console errors and no serious or critical axe violations (${scheme})`, async () => {
    const context = await browser.newContext({ colorScheme: scheme, locale: "en-US" });
    const failures = [];
    let checked = 0;
    const visited = [];
    for (const site of [shipped, fixture, reader]) {
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

test("the site root (language choice) leads with a search in the default language", async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await page.goto(`${shipped.url}?choose`);
  await page.fill("#search-input", "copy the key");
  await page.locator("#search-results a").first().waitFor();
  const hrefs = await page.locator("#search-results a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.ok(
    hrefs.some((h) => h.endsWith("en/netvisor-rackbeat/#step-copy-key")),
    `results: ${hrefs.join(", ")}`,
  );
  await context.close();
});

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

test("screenshots of every page type at desktop and phone width, light and dark (saved as artifacts); no horizontal scrolling on phones", async () => {
  const types = [
    [shipped, "?choose", "root"],
    ...LOCALES.map((lang) => [shipped, `${lang}/`, `${lang}-index`]),
    ...LOCALES.map((lang) => [shipped, `${lang}/workplace-analytics/`, `${lang}-guide`]),
    [shipped, "fi/does-not-exist/deeper/", "fi-404-deep"],
    [fixture, "status/", "status"],
    [fixture, "review/nl/demo/", "review"],
    [reader, "fr/demo/", "fr-untranslated-guide"],
  ];
  for (const [name, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 390, height: 844 }]]) {
    for (const scheme of ["light", "dark"]) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1, colorScheme: scheme });
      const page = await watchedPage(context);
      for (const [site, path, label] of types) {
        const before = page.problems.length;
        await page.goto(site.url + path);
        if (label.includes("404")) {
          // The page itself answers 404 (Chromium logs that); its assets are checked in test 2.
          page.problems.splice(before, page.problems.length - before, ...page.problems.slice(before).filter((p) => !p.includes("status of 404")));
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${path} at ${name} width scrolls sideways by ${overflow}px`);
        const file = join(artifacts, `${name}-${scheme}-${label}.png`);
        await page.screenshot({ path: file, fullPage: !label.endsWith("-guide") });
      }
      assert.deepEqual(page.problems, []);
      await context.close();
    }
  }
});

// ---- The reader's problems of issue 18, one test each ------------------------------------------

/** Relative luminance (0 dark … 1 light) of a computed CSS colour. */
const luminance = (css) => {
  const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

test("1. search results on a phone lie inside the viewport (header and home page search)", async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await watchedPage(context);
  for (const [path, query] of [["fi/netvisor-rackbeat/", "avain"], ["fi/", "integraatio"], ["nl/", "sleutel"], ["en/workplace-analytics/", "key"]]) {
    await page.goto(shipped.url + path);
    await page.fill("#search-input", query);
    await page.locator("#search-results a").first().waitFor();
    const box = await page.locator("#search-results").boundingBox();
    assert.ok(box.x >= 0, `${path}: results start ${box.x}px left of the screen`);
    assert.ok(box.x + box.width <= 390, `${path}: results end at ${box.x + box.width}px, past the 390px screen`);
    assert.ok(box.width >= 300, `${path}: results are only ${box.width}px wide`);
  }
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("1b. search is a WAI-ARIA combobox: arrows move the active option, Enter opens it, Escape closes, a click elsewhere closes", async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await page.goto(shipped.url + "en/");
  const input = page.locator("#search-input");
  assert.equal(await input.getAttribute("role"), "combobox");
  assert.equal(await input.getAttribute("aria-expanded"), "false");
  await page.fill("#search-input", "key");
  await page.locator("#search-results [role=option]").nth(1).waitFor();
  assert.equal(await input.getAttribute("aria-expanded"), "true");
  assert.equal(await page.locator("#search-results").getAttribute("role"), "listbox");
  // The result count is announced.
  assert.match(await page.locator("[data-search-status]").textContent(), /^\d+ results?$/);
  await page.keyboard.press("ArrowDown");
  assert.equal(await input.getAttribute("aria-activedescendant"), "search-option-0");
  await page.keyboard.press("ArrowDown");
  assert.equal(await input.getAttribute("aria-activedescendant"), "search-option-1");
  assert.equal(await page.locator("#search-option-1").getAttribute("aria-selected"), "true");
  // The focus never left the field.
  assert.equal(await page.evaluate(() => document.activeElement.id), "search-input");
  await page.keyboard.press("ArrowUp");
  assert.equal(await input.getAttribute("aria-activedescendant"), "search-option-0");
  await page.keyboard.press("Escape");
  assert.equal(await input.getAttribute("aria-expanded"), "false");
  assert.equal(await page.locator("#search-results [role=option]").count(), 0);
  assert.equal(await input.inputValue(), "key");
  await page.keyboard.press("Escape");
  assert.equal(await input.inputValue(), "");
  // Enter opens the active option.
  await page.fill("#search-input", "copy the key");
  await page.locator("#search-results [role=option]").first().waitFor();
  await page.keyboard.press("ArrowDown");
  const href = await page.locator("#search-option-0 a").getAttribute("href");
  await Promise.all([page.waitForURL((u) => u.href.endsWith(href.replace(/^(\.\.\/)+/, ""))), page.keyboard.press("Enter")]);
  // A click elsewhere closes the list.
  await page.fill("#search-input", "key");
  await page.locator("#search-results [role=option]").first().waitFor();
  await page.mouse.click(5, 600);
  assert.equal(await page.locator("#search-results [role=option]").count(), 0);
  assert.deepEqual(page.problems, []);
  await context.close();
});

// Text beyond step texts: troubleshooting, tables, lists, prerequisites, values, section titles.
const everywhere = [
  { lang: "en", query: "license editor" },
  { lang: "nl", query: "inactief" },
  { lang: "fr", query: "nom du collaborateur" },
  { lang: "fi", query: "tuotekoodi" },
];
for (const { lang, query } of everywhere) {
  test(`search in ${lang} finds "${query}" outside step texts, grouped under its guide, with the words marked`, async () => {
    const context = await browser.newContext();
    const page = await watchedPage(context);
    await page.goto(`${shipped.url}${lang}/`);
    await page.fill("#search-input", query);
    await page.locator("#search-results [role=option]").first().waitFor();
    const first = page.locator("#search-results [role=option] a").first();
    const href = await first.getAttribute("href");
    assert.ok(href.includes("#"), `lands on an anchor: ${href}`);
    // The guide's title heads the group once; results show their own heading.
    const groups = await page.locator("#search-results .search-group").allTextContents();
    assert.equal(new Set(groups).size, groups.length, groups.join(" | "));
    const marked = await page.locator("#search-results mark").allTextContents();
    assert.ok(marked.length > 0, "no marked words");
    await Promise.all([page.waitForURL((u) => u.hash.length > 1), first.click()]);
    const hash = new URL(page.url()).hash;
    assert.equal(await page.locator(hash).count(), 1, `no target for ${hash}`);
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}

test("search shows more results on request", async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await page.goto(`${shipped.url}en/`);
  await page.fill("#search-input", "the");
  await page.locator("#search-results [role=option]").first().waitFor();
  assert.equal(await page.locator("#search-results [role=option]").count(), 8);
  await page.locator(".search-more").click();
  assert.ok((await page.locator("#search-results [role=option]").count()) > 8);
  assert.equal(await page.evaluate(() => document.activeElement.id), "search-input");
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("2. a localized 404 at a deep address has its stylesheet and script, and links to its language", async () => {
  const context = await browser.newContext();
  for (const [site, path, lang, home] of [
    [shipped, "fi/does-not-exist/", "fi", "fi/"],
    [shipped, "nl/netvisor-rackbeat/typo/deeper/", "nl", "nl/"],
    [shipped, "fr/a/b/c/d", "fr", "fr/"],
    [reader, "fi/demo/typo/", "fi", "fi/"],
  ]) {
    const page = await watchedPage(context);
    const failed = [];
    page.on("response", (r) => r.status() >= 400 && !r.url().startsWith(site.url + path) && failed.push(r.url()));
    const response = await page.goto(site.url + path);
    assert.equal(response.status(), 404);
    assert.equal(await page.getAttribute("html", "lang"), lang);
    assert.deepEqual(failed, [], `${path}: assets that failed to load`);
    const styled = await page.evaluate(() => [...document.styleSheets].some((s) => s.cssRules.length > 20));
    assert.ok(styled, `${path}: the stylesheet did not load`);
    const href = await page.locator(".not-found a").evaluate((a) => a.href);
    assert.equal(href, site.url + home, `${path}: "all guides" goes to ${href}`);
    await page.close();
  }
  await context.close();
});

test("3. print: every step (collapsed sections included) prints, with dark numbers, lines to write values, no orphaned headings", async () => {
  // A reader in dark mode still prints black on white.
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await watchedPage(context);
  for (const [site, path] of [[shipped, "en/workplace-analytics/"], [reader, "fi/demo/"]]) {
    await page.goto(site.url + path);
    const collapsed = await page.locator("details:not([open]) li.step").count();
    assert.ok(collapsed > 0, `${path} has no collapsed steps to test with`);
    await page.emulateMedia({ media: "print" });
    const steps = await page.locator("li.step").evaluateAll((els) =>
      els.map((e) => ({ id: e.id, h: e.getBoundingClientRect().height, text: e.querySelector(".step-text").innerText })),
    );
    for (const step of steps) {
      assert.ok(step.h > 0, `${path}: ${step.id} does not print`);
    }
    // innerText is what is rendered: text of the collapsed section is in it.
    const printed = await page.evaluate(() => document.body.innerText);
    for (const step of steps) {
      assert.ok(printed.includes(step.text.trim().slice(0, 30)), `${path}: printed text lacks ${step.id}`);
    }
    const numbers = await page.locator(".step-number").evaluateAll((els) =>
      els.map((e) => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]),
    );
    for (const [color, background] of numbers) {
      assert.ok(luminance(color) < 0.1, `a step number prints in ${color}`);
      assert.ok(background === "rgba(0, 0, 0, 0)" || luminance(background) > 0.9, `a step number prints on ${background}`);
    }
    const paper = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
    assert.ok(luminance(paper[0]) > 0.9 && luminance(paper[1]) < 0.05, `prints ${paper[1]} on ${paper[0]}`);
    const lines = await page.locator(".collect-list .write-line").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    assert.ok(lines.length >= 2 && lines.every((h) => h >= 24), `lines to write values: ${lines}`);
    const headings = await page.locator("h2, h3").evaluateAll((els) => els.map((e) => getComputedStyle(e).breakAfter));
    assert.ok(headings.every((b) => b === "avoid"), `headings may end a page: ${headings}`);
    assert.equal(await page.locator(".toc").isVisible(), false);
    const pdf = await page.pdf({ format: "A4" });
    assert.ok(pdf.length > 10000);
    await page.emulateMedia({ media: "screen" });
  }
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("4. one step numbering per guide; references to steps are grammatical in every language", async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  const expected = {
    en: ["Collected in step 3", "Collected in steps 4 and 4.2"],
    fr: ["À relever à l’étape 3", "À relever aux étapes 4 et 4.2"],
    fi: ["Kirjataan vaiheessa 3", "Kirjataan vaiheissa 4 ja 4.2"],
  };
  let numbers = null;
  for (const [lang, refs] of Object.entries(expected)) {
    await page.goto(`${reader.url}${lang}/demo/`);
    const shown = await page.locator("li.step:not(.substep) > .step-head .step-number").allTextContents();
    assert.deepEqual(shown, ["1", "2", "3", "4", "5"], `${lang}: numbering restarts`);
    const all = await page.locator(".step-number").allTextContents();
    numbers ??= all;
    assert.deepEqual(all, numbers, `${lang}: numbers differ from the first language`);
    const texts = await page.locator(".value-steps").allTextContents();
    assert.deepEqual(texts.map((t) => t.replace(/\s+/g, " ").trim()), refs);
    // Each number is a link to its step, named "Step N" for screen readers.
    const link = page.locator(".value-steps a").first();
    assert.equal(await link.getAttribute("href"), "#step-open-settings");
  }
  // The shipped Finnish and French pages say it the same way.
  await page.goto(shipped.url + "fi/workplace-analytics/");
  const fi = (await page.locator(".value-steps").allInnerTexts()).join(" | ");
  assert.match(fi, /Kirjataan vaiheessa \d/);
  assert.doesNotMatch(fi, /Vaihe/);
  await page.goto(shipped.url + "fr/workplace-analytics/");
  assert.doesNotMatch((await page.locator(".value-steps").allInnerTexts()).join(" "), /Étape/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("5. troubleshooting reads as problem, then solution, in every language", async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  const labels = { en: ["Problem", "Solution"], nl: ["Probleem", "Oplossing"], fr: ["Problème", "Solution"], fi: ["Ongelma", "Ratkaisu"] };
  for (const [lang, [problem, solution]] of Object.entries(labels)) {
    for (const guide of ["workplace-analytics", "lucca-inside-online"]) {
      await page.goto(`${shipped.url}${lang}/${guide}/`);
      const boxes = page.locator(".troubleshooting");
      assert.ok((await boxes.count()) > 0, `${lang}/${guide}: no troubleshooting`);
      // (The box may sit in a collapsed section: its text, not its rendering, is checked.)
      const label = await boxes.first().locator(".trouble-problem .trouble-label").textContent();
      assert.equal(label, problem);
      const second = await boxes.first().locator(".trouble-solution .trouble-label").textContent();
      assert.equal(second, solution);
      // No "If The button…": the problem sentence is not glued to a conjunction.
      const text = await boxes.first().evaluate((e) => [...e.querySelectorAll("p")].map((p) => p.textContent).join("\n"));
      assert.doesNotMatch(text, /^(If|Als|Si|Jos)\s+\p{Lu}/mu, `${lang}/${guide}: ${text}`);
    }
  }
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("6. UI labels keep their word ending, hyphen and full stop on their line at every phone width, and a suffix hyphen never starts a line; English labels in nl/fr pages carry lang", async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const page = await watchedPage(context);
  let checked = 0;
  for (const [site, path] of [[reader, "fi/demo/"], [shipped, "fi/personio-marketplace/"], [shipped, "fi/workplace-analytics/"], [shipped, "nl/netvisor-rackbeat/"]]) {
    await page.goto(site.url + path);
    for (let width = 320; width <= 430; width += 7) {
      await page.setViewportSize({ width, height: 800 });
      const broken = await page.evaluate(() => {
        const bad = [];
        for (const ui of document.querySelectorAll(".guide .ui")) {
          const next = ui.nextSibling;
          if (!next || next.nodeType !== Node.TEXT_NODE || !/^[^\s]/.test(next.data)) continue;
          const range = document.createRange();
          range.setStart(next, 0);
          range.setEnd(next, 1);
          const after = range.getClientRects()[0];
          const rects = ui.getClientRects();
          const last = rects[rects.length - 1];
          if (after && last && Math.abs(after.top - last.top) > 4) bad.push(`${ui.textContent}|${next.data.slice(0, 6)}`);
        }
        // A hyphen that starts a word ("Workplace Analytics -integraatio") never starts a line.
        const walker = document.createTreeWalker(document.querySelector(".guide"), NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const m of node.data.matchAll(/\S[ \u00a0]-\p{L}/gu)) {
            const rect = (i) => {
              const r = document.createRange();
              r.setStart(node, i);
              r.setEnd(node, i + 1);
              return r.getClientRects()[0];
            };
            const [word, hyphen] = [rect(m.index), rect(m.index + 2)];
            if (word && hyphen && Math.abs(word.top - hyphen.top) > 4) bad.push(node.data.slice(m.index, m.index + 12));
          }
        }
        return bad;
      });
      assert.deepEqual(broken, [], `${path} at ${width}px`);
      checked += 1;
    }
  }
  assert.ok(checked > 10);
  // Inside headings a label is not a heavy chip.
  await page.goto(reader.url + "fi/demo/");
  const weight = await page.locator("h1 .ui").first().evaluate((e) => getComputedStyle(e).fontWeight);
  const h1 = await page.locator("h1").evaluate((e) => getComputedStyle(e).fontWeight);
  assert.equal(weight, h1);
  assert.equal(await page.locator("h1 .ui").first().evaluate((e) => getComputedStyle(e).backgroundColor), "rgba(0, 0, 0, 0)");
  // English labels of software without a Dutch or French interface say that they are English;
  // labels in the page's language do not.
  for (const lang of ["nl", "fr"]) {
    await page.goto(`${shipped.url}${lang}/netvisor-rackbeat/`);
    const marked = await page.locator('.guide-body .ui[lang="en"]').allTextContents();
    assert.ok(marked.includes("Company menu"), `${lang}: ${marked}`);
    await page.goto(`${shipped.url}${lang}/workplace-analytics/`);
    assert.equal(await page.locator(".guide-body .ui[lang]").count(), 0);
  }
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("8a. dark mode: checkboxes are dark; the theme toggle is a pressed button whose icon changes", async () => {
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await watchedPage(context);
  await page.goto(shipped.url + "en/workplace-analytics/");
  const box = page.locator("input[data-collect]").first();
  assert.ok(luminance(await box.evaluate((e) => getComputedStyle(e).backgroundColor)) < 0.1, "the checkbox is bright in dark mode");
  const toggle = page.locator("[data-theme-toggle]");
  assert.equal(await toggle.getAttribute("aria-pressed"), "true");
  assert.equal(await toggle.locator(".icon-sun").isVisible(), true);
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-pressed"), "false");
  assert.equal(await toggle.locator(".icon-moon").isVisible(), true);
  assert.equal(await toggle.locator(".icon-sun").isVisible(), false);
  assert.ok(luminance(await box.evaluate((e) => getComputedStyle(e).backgroundColor)) > 0.9);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("8b. copy-link buttons are big enough and say that they copied; a linked step is highlighted", async () => {
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: shipped.url });
  const page = await watchedPage(context);
  await page.goto(shipped.url + "fi/netvisor-rackbeat/");
  const button = page.locator("li.step button.copy-link").nth(1);
  const size = await button.boundingBox();
  assert.ok(size.width >= 24 && size.height >= 24, `copy button is ${size.width}×${size.height}`);
  await button.click();
  await page.waitForFunction(() => document.querySelector(".copy-link.copied"));
  const said = await page.locator(".copy-link.copied").innerText();
  assert.equal(said, "Linkki kopioitu");
  const id = await page.locator("li.step").nth(1).getAttribute("id");
  await page.goto(`${shipped.url}fi/netvisor-rackbeat/#${id}`);
  const [target, other] = await page.evaluate((anchor) => [
    getComputedStyle(document.getElementById(anchor)).backgroundColor,
    getComputedStyle(document.querySelectorAll("li.step")[3]).backgroundColor,
  ], id);
  assert.notEqual(target, other, "the linked step looks like every other step");
  // A link into a collapsed section opens it.
  await page.goto(reader.url + "en/demo/");
  await page.goto(reader.url + "en/demo/#step-paste-key");
  assert.equal(await page.locator("#step-paste-key").isVisible(), true);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("8c. search placeholders are not cut off, in any language, on desktop and phone", async () => {
  for (const width of [1280, 390]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await watchedPage(context);
    for (const lang of LOCALES) {
      for (const path of [`${lang}/`, `${lang}/workplace-analytics/`]) {
        await page.goto(shipped.url + path);
        const [text, room] = await page.locator("#search-input").evaluate((input) => {
          const style = getComputedStyle(input);
          const canvas = document.createElement("canvas").getContext("2d");
          canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const width = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          return [canvas.measureText(input.placeholder).width, width];
        });
        assert.ok(text <= room, `${path} at ${width}px: placeholder needs ${text}px, has ${room}px`);
      }
    }
    await context.close();
  }
});

test("8d. French puts a non-breaking space before a colon; indexes and guides have descriptions and Open Graph tags", async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await page.goto(shipped.url + "fr/workplace-analytics/");
  const meta = await page.locator(".guide-header .meta").innerText();
  assert.match(meta, /Public\u00a0:/);
  for (const text of await page.locator(".collects, .fallback-banner").allInnerTexts()) {
    assert.doesNotMatch(text, /[^\u00a0\u202f][:;?!]/u, text);
  }
  for (const lang of LOCALES) {
    for (const path of [`${lang}/`, `${lang}/netvisor-rackbeat/`]) {
      await page.goto(shipped.url + path);
      const head = await page.evaluate(() => {
        const get = (sel) => document.querySelector(sel)?.getAttribute("content") || "";
        return {
          description: get('meta[name="description"]'),
          title: get('meta[property="og:title"]'),
          ogDescription: get('meta[property="og:description"]'),
          url: get('meta[property="og:url"]'),
          locale: get('meta[property="og:locale"]'),
        };
      });
      for (const [name, value] of Object.entries(head)) {
        assert.ok(value.length > 1, `${path}: no ${name}`);
      }
      assert.ok(head.url.endsWith(path), `${path}: og:url ${head.url}`);
      assert.ok(head.locale.startsWith(lang), `${path}: og:locale ${head.locale}`);
    }
  }
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("8e. the status page promises only what it links; review tables are not clipped", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await watchedPage(context);
  await page.goto(fixture.url + "status/");
  assert.doesNotMatch(await page.locator(".lead").innerText(), /click/i);
  assert.ok((await page.locator(".status-matrix a").count()) > 0);
  await page.goto(fixture.url + "review/nl/demo/");
  // The texts' table and the screenshots' table (the fixture's Dutch screenshot is missing).
  const clipped = await page.locator("table.review").evaluateAll((ts) => ts.map((t) => t.scrollWidth - t.parentElement.clientWidth));
  assert.equal(clipped.length, 2);
  assert.ok(clipped.every((c) => c <= 0), `a review table is clipped: ${clipped}`);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("9. a page that is 0 % translated shows one banner and no per-text badges", async () => {
  const context = await browser.newContext();
  const page = await watchedPage(context);
  await page.goto(reader.url + "fr/demo/");
  assert.equal(await page.locator(".fallback-banner").count(), 1);
  assert.match(await page.locator(".fallback-banner").innerText(), /pas encore traduite/);
  const badges = await page.locator(".badge.untranslated").evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).length);
  assert.equal(badges, 0);
  // The text still says which language it is in.
  assert.ok((await page.locator('.guide-body [lang="en"]').count()) > 5);
  // A page with a little fallback text keeps its badges.
  await page.goto(fixture.url + "nl/demo/");
  assert.ok((await page.locator(".badge.untranslated:visible").count()) > 0);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("7. desktop layout: one-row header with search, a sticky outline with progress, step 1 above the fold, a support call to action", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await watchedPage(context);
  // (A guide whose first section starts with steps; some guides explain a lot before step 1.)
  await page.goto(shipped.url + "en/workplace-analytics/");
  const header = await page.locator(".site-header").boundingBox();
  assert.ok(header.height < 80, `the header is ${header.height}px high (two rows?)`);
  for (const width of [1024, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    for (const lang of LOCALES) {
      await page.goto(`${shipped.url}${lang}/workplace-analytics/`);
      const row = await page.locator(".site-header").boundingBox();
      assert.ok(row.height < 80, `${lang} at ${width}px: the header is ${row.height}px high`);
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(shipped.url + "en/workplace-analytics/");
  const search = await page.locator(".site-header #search-input").boundingBox();
  assert.ok(search.y >= 8, "the search field touches the top edge");
  const toc = page.locator(".toc");
  const before = await toc.boundingBox();
  const main = await page.locator(".guide-body").boundingBox();
  assert.ok(before.x > main.x + main.width, "the outline is not beside the guide");
  const first = await page.locator("li.step").first().boundingBox();
  assert.ok(first.y < 900 - 40, `step 1 starts at ${first.y}px, below the fold`);
  await page.mouse.wheel(0, 1500);
  await page.waitForTimeout(300);
  const after = await toc.boundingBox();
  assert.ok(after.y >= 0 && after.y < 40, `the outline scrolled away (${after.y})`);
  const progress = await page.locator(".progress-bar").evaluate((e) => parseFloat(e.style.width));
  assert.ok(progress > 0, "no reading progress");
  assert.ok((await page.locator(".toc a.current").count()) === 1, "no current section in the outline");
  // The index uses the width: product cards side by side, search first.
  await page.goto(shipped.url + "nl/");
  const cards = await page.locator(".product").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
  assert.ok(cards.filter((t) => t === cards[0]).length >= 3, `cards per row: ${cards}`);
  const hero = await page.locator(".hero #search-input").boundingBox();
  assert.ok(hero.y < (await page.locator(".product").first().boundingBox()).y);
  // The support call to action (site.yaml `support:`), per language.
  await page.goto(reader.url + "fi/demo/");
  assert.equal(await page.locator(".support a").getAttribute("href"), "mailto:tuki@example.org");
  await page.goto(reader.url + "fr/demo/");
  assert.equal(await page.locator(".support a").getAttribute("href"), "mailto:support@example.org");
  assert.equal(await page.locator(".support a").innerText(), "Contacter l’assistance");
  assert.deepEqual(page.problems, []);
  await context.close();
});
