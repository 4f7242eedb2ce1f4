//! Four languages from one structure: translations, fallback, terms, screenshots, language
//! switching and SEO.

use std::collections::BTreeSet;

use crate::support::{SiteTest, attrs, html, texts};

const NL: &str = "locales/nl/demo.ftl";

fn step_anchors(page: &scraper::Html) -> Vec<String> {
    attrs(page, "li.step", "id")
}

#[test]
fn shipped_pages_are_complete_and_free_of_bidi_marks() {
    let site = SiteTest::shipped();
    site.build().success();
    for (path, bytes) in site.tree("public") {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains(['\u{2068}', '\u{2069}']),
            "bidi isolation mark in {path}"
        );
        assert!(
            !text.contains(['\u{E000}', '\u{E001}']),
            "UI marker leaked into {path}"
        );
        if path.ends_with("index.html") && path.matches('/').count() == 2 {
            assert!(
                !text.contains("class=\"fallback"),
                "fallback text in {path}"
            );
            assert!(
                !text.contains("badge untranslated"),
                "untranslated badge in {path}"
            );
        }
    }
}

#[test]
fn shipped_translations_have_the_source_steps_numbers_and_screenshot_count() {
    let site = SiteTest::shipped();
    site.build().success();
    for guide in [
        "workplace-analytics",
        "personio-marketplace",
        "lucca-inside-online",
        "netvisor-rackbeat",
    ] {
        let pages: Vec<scraper::Html> = ["en", "nl", "fr", "fi"]
            .iter()
            .map(|l| html(&site.out(&format!("{l}/{guide}/index.html"))))
            .collect();
        for page in &pages[1..] {
            assert_eq!(step_anchors(page), step_anchors(&pages[0]), "{guide}");
            assert_eq!(
                texts(page, ".step-number"),
                texts(&pages[0], ".step-number"),
                "{guide}"
            );
            assert_eq!(
                attrs(page, ".screenshot img", "src").len(),
                attrs(&pages[0], ".screenshot img", "src").len(),
                "{guide}"
            );
        }
    }
}

#[test]
fn localized_screenshots_override_the_source_one() {
    let site = SiteTest::shipped();
    site.build().success();
    let fi = html(&site.out("fi/workplace-analytics/index.html"));
    assert_eq!(
        attrs(&fi, "#step-open-module-activation img", "src"),
        ["../../fi/workplace-analytics/module-activation.svg"]
    );
}

#[test]
fn missing_dutch_message_shows_marked_source_text() {
    let site = SiteTest::fixture("multilingual");
    site.build()
        .success()
        .stdout_has("1 page(s) show untranslated text");
    let text = site.out("nl/demo/index.html");
    let page = html(&text);
    // Translated messages are in Dutch, with Dutch UI terms.
    assert_eq!(
        texts(&page, "#step-open-settings .step-text"),
        ["Open Instellingen."]
    );
    // The missing one is the English source, marked with its language and a localized badge.
    assert!(
        text.contains("<span class=\"fallback\" lang=\"en\">Paste the key in the mailer.</span> <span class=\"badge untranslated\">Nog niet vertaald</span>"),
        "{text}"
    );
    assert_eq!(
        texts(&page, ".fallback-banner strong"),
        ["Nog niet vertaald"]
    );
    assert!(texts(&page, ".fallback-banner")[0].contains("% van deze pagina is vertaald"));
    // The screenshot's alt text is missing too: English, marked, with lang.
    assert_eq!(attrs(&page, ".screenshot img", "lang"), ["en"]);
    assert_eq!(
        attrs(&page, ".screenshot img", "alt"),
        ["The settings page. (Nog niet vertaald)"]
    );
    // The complete Finnish page has no marker.
    let fi = site.out("fi/demo/index.html");
    assert!(!fi.contains("class=\"fallback"), "{fi}");
}

#[test]
fn finnish_screenshot_override_and_fallback_elsewhere() {
    let site = SiteTest::fixture("multilingual");
    site.build().success();
    let fi = html(&site.out("fi/demo/index.html"));
    assert_eq!(
        attrs(&fi, ".screenshot img", "src"),
        ["../../fi/demo/settings.png"]
    );
    assert!(texts(&fi, ".screenshot figcaption").is_empty());
    let nl = html(&site.out("nl/demo/index.html"));
    assert_eq!(
        attrs(&nl, ".screenshot img", "src"),
        ["../../en/demo/settings.png"]
    );
    assert_eq!(
        texts(&nl, ".screenshot figcaption"),
        ["Schermafbeelding in het Engels"]
    );
    assert_eq!(
        site.published_pngs(),
        ["en/demo/settings.png", "fi/demo/settings.png"]
    );
}

#[test]
fn parametrized_terms_inflect_and_variables_are_shared() {
    let site = SiteTest::fixture("multilingual");
    site.build().success();
    let fi = site.out("fi/demo/index.html");
    assert!(
        fi.contains("Avaa <span class=\"ui\">Asetuksista</span> yhteysosio."),
        "{fi}"
    );
    assert!(
        fi.contains("Pyydä oikeudet osoitteesta support@example.org."),
        "{fi}"
    );
    let nl = site.out("nl/demo/index.html");
    assert!(
        nl.contains("Vraag support@example.org om de juiste rechten."),
        "{nl}"
    );
}

#[test]
fn theme_strings_dates_and_html_lang_are_localized() {
    let site = SiteTest::fixture("multilingual");
    site.build().success();
    let fi = html(&site.out("fi/demo/index.html"));
    assert_eq!(attrs(&fi, "html", "lang"), ["fi"]);
    assert_eq!(texts(&fi, "#prerequisites-title"), ["Edellytykset"]);
    assert_eq!(attrs(&fi, ".step-number", "aria-label")[0], "Vaihe 1");
    assert!(
        texts(&fi, ".meta")[0].contains("5. tammikuuta 2026"),
        "{:?}",
        texts(&fi, ".meta")
    );
    let nl404 = html(&site.out("nl/404.html"));
    assert_eq!(attrs(&nl404, "html", "lang"), ["nl"]);
    assert_eq!(texts(&nl404, "h1"), ["Pagina niet gevonden"]);
}

#[test]
fn reordering_steps_loses_no_translation() {
    let site = SiteTest::fixture("multilingual");
    let guide = "content/demo/guide.yaml";
    let text = site.read(guide);
    let open = text.find("      - id: open-settings").expect("step");
    let create = text.find("      - id: create-key").expect("step");
    let (before, rest) = text.split_at(open);
    let (first, rest) = rest.split_at(create - open);
    let paste = rest.find("      - id: paste-key").expect("step");
    let (second, after) = rest.split_at(paste);
    site.write(guide, format!("{before}{second}{first}{after}"));
    site.build().success();
    let page = html(&site.out("fi/demo/index.html"));
    assert_eq!(
        step_anchors(&page),
        [
            "step-create-key",
            "step-name-key",
            "step-confirm-key",
            "step-open-settings",
            "step-paste-key"
        ]
    );
    assert!(!site.out("fi/demo/index.html").contains("class=\"fallback"));
    assert_eq!(texts(&page, "#step-open-settings .step-number"), ["2"]);
}

#[test]
fn ftl_syntax_errors_and_junk_are_located() {
    let site = SiteTest::fixture("multilingual");
    site.build().success();
    let before = site.tree("public");
    site.edit(NL, "step-name-key = Noem", "step-name-key Noem");
    site.edit(
        NL,
        "collect = Door te sturen gegevens",
        "collect = Door te sturen { gegevens",
    );
    let run = site.build();
    run.failure().stderr_has("error[ftl-syntax]");
    let text = site.read(NL);
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).expect("line") + 1;
    run.stderr_has(&format!("{NL}:{}:", line_of("step-name-key Noem")));
    run.stderr_has(&format!("{NL}:{}:", line_of("collect = Door")));
    assert_eq!(before, site.tree("public"));
}

#[test]
fn unknown_term_in_a_translation_is_located() {
    let site = SiteTest::fixture("multilingual");
    site.edit(NL, "Klik op { -ui-save }.", "Klik op { -ui-bewaar }.");
    let text = site.read(NL);
    let line = text
        .lines()
        .position(|l| l.contains("-ui-bewaar"))
        .expect("line")
        + 1;
    let column = text
        .lines()
        .nth(line - 1)
        .and_then(|l| l.find("-ui-bewaar"))
        .expect("col")
        + 1;
    site.build()
        .failure()
        .stderr_has("error[unknown-term]: unknown term `-ui-bewaar` in `step-confirm-key`")
        .stderr_has(&format!("{NL}:{line}:{column}"));
}

/// Every language-switcher link and hreflang alternate of every guide page points at an
/// existing page with the same step anchors.
#[test]
fn switcher_and_hreflang_links_resolve_with_the_same_anchors() {
    let site = SiteTest::shipped();
    site.build().success();
    let base = "https://help.example.com/";
    let public = site.path().join("public");
    for (path, bytes) in site.tree("public") {
        if !(path.ends_with("/index.html") && path.matches('/').count() == 2) {
            continue;
        }
        let page = html(&String::from_utf8_lossy(&bytes));
        let anchors = step_anchors(&page);
        let dir = public.join(&path).parent().expect("dir").to_path_buf();
        let switch = attrs(&page, "a[data-lang-switch]", "href");
        assert_eq!(switch.len(), 4, "{path}");
        for href in switch {
            let target = dir.join(&href).join("index.html");
            let other = html(
                &std::fs::read_to_string(&target).unwrap_or_else(|_| panic!("{path} → {href}")),
            );
            assert_eq!(step_anchors(&other), anchors, "{path} → {href}");
        }
        let hreflang: BTreeSet<String> = attrs(&page, "link[rel=alternate]", "hreflang")
            .into_iter()
            .collect();
        assert_eq!(
            hreflang,
            ["en", "fi", "fr", "nl", "x-default"]
                .map(String::from)
                .into(),
            "{path}"
        );
        for href in attrs(&page, "link[rel=alternate]", "href") {
            let rel = href
                .strip_prefix(base)
                .unwrap_or_else(|| panic!("{href} not under {base}"));
            assert!(
                public.join(rel).join("index.html").is_file(),
                "{path}: {href}"
            );
        }
        let canonical = attrs(&page, "link[rel=canonical]", "href");
        assert_eq!(
            canonical,
            [format!("{base}{}", path.trim_end_matches("index.html"))]
        );
    }
    let sitemap = site.out("sitemap.xml");
    assert_eq!(sitemap.matches("<url>").count(), 16);
    assert_eq!(sitemap.matches("hreflang=\"x-default\"").count(), 16);
}

#[test]
fn mostly_untranslated_pages_are_not_advertised_as_their_language() {
    let site = SiteTest::fixture("basic");
    site.build().success();
    let nl = html(&site.out("nl/demo/index.html"));
    assert_eq!(
        attrs(&nl, "link[rel=canonical]", "href"),
        ["https://demo.example.org/help/en/demo/"]
    );
    let langs = attrs(&nl, "link[rel=alternate]", "hreflang");
    assert_eq!(langs, ["en", "x-default"]);
    let sitemap = site.out("sitemap.xml");
    assert!(!sitemap.contains("/nl/demo/"), "{sitemap}");
    assert!(sitemap.contains("<loc>https://demo.example.org/help/en/demo/</loc>"));
}

#[test]
fn whole_guide_fallback_shows_no_half_translated_procedure() {
    let site = SiteTest::fixture("multilingual");
    site.edit(
        "site.yaml",
        "default_locale: en\n",
        "default_locale: en\nfallback: guide\n",
    );
    site.build().success();
    let text = site.out("nl/demo/index.html");
    let page = html(&text);
    assert_eq!(attrs(&page, "article", "lang"), ["en"]);
    assert!(!text.contains("class=\"fallback\""), "{text}");
    assert_eq!(
        texts(&page, "#step-open-settings .step-text"),
        ["Open Settings."]
    );
    assert!(texts(&page, ".fallback-banner")[0].contains("nog niet in het Nederlands vertaald"));
    // Theme strings stay Dutch.
    assert_eq!(texts(&page, "#prerequisites-title"), ["Vereisten"]);
    assert_eq!(
        attrs(&page, "link[rel=canonical]", "href"),
        ["https://demo.example.org/help/en/demo/"]
    );
    // The complete Finnish translation is unaffected.
    let fi = html(&site.out("fi/demo/index.html"));
    assert_eq!(
        texts(&fi, "#step-paste-key .step-text"),
        ["Liitä avain postituspalveluun."]
    );
}

#[test]
fn a_fifth_locale_is_configuration_plus_files() {
    let site = SiteTest::fixture("multilingual");
    site.edit(
        "site.yaml",
        "locales: [en, nl, fi]",
        "locales: [en, nl, fi, sv]",
    );
    site.write(
        "locales/sv/terms.ftl",
        "-acme = Acme CRM\n-ui-save = Spara\n-ui-settings = Inställningar\n",
    );
    site.write("locales/sv/demo.ftl", "title = Anslut { -acme }\n");
    let run = site.build();
    run.success().stderr_has("warning[missing-theme-strings]");
    let page = html(&site.out("sv/demo/index.html"));
    assert_eq!(attrs(&page, "html", "lang"), ["sv"]);
    assert_eq!(texts(&page, "h1"), ["Anslut Acme CRM"]);
    assert_eq!(step_anchors(&page).len(), 5);
    site.run(&["build", "--strict"]).failure();
}

/// `i18n status` and `i18n sync` work on every guide that loads: a broken guide is named and
/// skipped, its files left as they are, and the other guides are reported and synced.
#[test]
fn translators_tools_skip_a_broken_guide() {
    let site = SiteTest::shipped();
    let broken = "content/personio-marketplace/guide.yaml";
    site.edit(broken, "source_locale:", "sourse_locale:");
    let fi_broken = site.read("locales/fi/personio-marketplace.ftl");
    // A source edit in another guide, for sync to stub.
    site.edit(
        "content/workplace-analytics/guide.yaml",
        "Set up the { -wpa } integration",
        "Set up the { -wpa } integration today",
    );
    let status = site.run(&["i18n", "status", "--format", "json"]);
    status
        .success()
        .stderr_has("skipped 1 guide(s) with errors: personio-marketplace")
        .stderr_has("error[unknown-field]");
    let report: serde_json::Value = serde_json::from_str(&status.stdout).expect("json");
    let guides: BTreeSet<&str> = report["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|r| r["guide"].as_str())
        .collect();
    assert!(guides.contains("workplace-analytics"), "{guides:?}");
    assert!(!guides.contains("personio-marketplace"), "{guides:?}");
    site.run(&["i18n", "sync"])
        .success()
        .stderr_has("skipped 1 guide(s) with errors: personio-marketplace");
    assert_eq!(site.read("locales/fi/personio-marketplace.ftl"), fi_broken);
    // The lock keeps the broken guide's records.
    assert!(
        site.read("locales/fi/translations.lock")
            .contains("\"personio-marketplace\"")
    );
}
