//! The reader's page without a browser: outline, previous/next, checklist markup, language
//! choice, and enhancements that stay hidden until JavaScript runs.

use crate::support::{SiteTest, attrs, html, texts};

#[test]
fn outline_links_to_every_section_of_the_page() {
    let site = SiteTest::shipped();
    site.build().success();
    for path in [
        "en/workplace-analytics/index.html",
        "fi/lucca-inside-online/index.html",
    ] {
        let page = html(&site.out(path));
        let ids: Vec<String> = attrs(&page, "[id]", "id");
        let links = attrs(&page, "nav.toc a", "href");
        assert!(links.len() >= 3, "{path}: {links:?}");
        for href in links {
            let anchor = href.trim_start_matches('#');
            assert!(
                ids.iter().any(|id| id == anchor),
                "{path}: {href} has no target"
            );
        }
    }
    let fi = html(&site.out("fi/lucca-inside-online/index.html"));
    assert_eq!(texts(&fi, "#toc-title"), ["Tällä sivulla"]);
}

#[test]
fn previous_and_next_guides_of_the_same_product() {
    let site = SiteTest::fixture("multilingual");
    site.write(
        "content/billing/guide.yaml",
        "source_locale: en\ntitle: Connect { -acme } billing\nsummary: Invoices.\nproduct: acme\npartner: zbilling\nsections:\n  - id: s\n    title: Steps\n    steps:\n      - { id: one, text: Do it. }\n",
    );
    site.write(
        "locales/fi/billing.ftl",
        "title = { -acme } -laskutuksen yhdistäminen\n",
    );
    site.build().success();
    let first = html(&site.out("fi/demo/index.html"));
    assert_eq!(attrs(&first, "a[rel=next]", "href"), ["../billing/"]);
    assert_eq!(
        texts(&first, "a[rel=next]"),
        ["Seuraava Acme CRM -laskutuksen yhdistäminen"]
    );
    assert!(attrs(&first, "a[rel=prev]", "href").is_empty());
    let second = html(&site.out("fi/billing/index.html"));
    assert_eq!(attrs(&second, "a[rel=prev]", "href"), ["../demo/"]);
    assert!(site.path().join("public/fi/billing/index.html").is_file());
}

#[test]
fn collect_values_are_a_checklist() {
    let site = SiteTest::fixture("multilingual");
    site.build().success();
    let page = html(&site.out("nl/demo/index.html"));
    assert_eq!(
        attrs(&page, ".collect-list input[type=checkbox]", "data-collect"),
        ["value-api-key"]
    );
    assert_eq!(attrs(&page, "article", "data-guide"), ["demo"]);
    assert_eq!(
        attrs(&page, "article", "data-copy-label"),
        ["Link naar deze stap kopiëren"]
    );
}

#[test]
fn language_choice_and_js_only_controls() {
    let site = SiteTest::shipped();
    site.build().success();
    let root = html(&site.out("index.html"));
    assert_eq!(
        attrs(&root, "[data-languages] a", "hreflang"),
        ["en", "nl", "fr", "fi"]
    );
    assert_eq!(
        attrs(&root, "[data-languages] a", "href"),
        ["en/", "nl/", "fr/", "fi/"]
    );
    let page = html(&site.out("nl/personio-marketplace/index.html"));
    // Hidden until the script shows it: no dead button without JavaScript.
    assert_eq!(attrs(&page, "[data-theme-toggle]", "hidden"), [""]);
    let script = site.out("assets/stepdoc.js");
    for needle in [
        "data-languages",
        "stepdoc-collect:",
        "navigator.clipboard",
        "stepdoc-theme",
    ] {
        assert!(script.contains(needle), "{needle}");
    }
}

#[test]
fn search_index_per_locale_with_anchors_and_real_languages() {
    let site = SiteTest::fixture("multilingual");
    site.build().success();
    let meta: serde_json::Value =
        serde_json::from_str(&site.out("search/nl/meta.json")).expect("json");
    assert_eq!(meta["lang"], "nl");
    let document: serde_json::Value =
        serde_json::from_str(&site.out("search/nl/d/0.json")).expect("json");
    let entries = document.as_array().expect("entries");
    let urls: Vec<&str> = entries.iter().filter_map(|e| e["u"].as_str()).collect();
    assert_eq!(
        urls,
        [
            "demo/",
            "demo/#prereq-admin",
            "demo/#section-setup",
            "demo/#step-open-settings",
            "demo/#step-create-key",
            "demo/#step-name-key",
            "demo/#step-confirm-key",
            "demo/#trouble-no-save",
            "demo/#step-paste-key",
            "demo/#table-statuses",
            "demo/#collect",
            "demo/#value-api-key"
        ]
    );
    // Every kind of text a reader can read is found, where it is shown: troubleshooting,
    // tables, values to forward, prerequisites, section titles.
    let found = |word: &str| -> Vec<&str> {
        entries
            .iter()
            .filter(|e| {
                let text = format!("{} {}", e["t"].as_str().unwrap_or_default(), e["x"]);
                text.to_lowercase().contains(word)
            })
            .filter_map(|e| e["u"].as_str())
            .collect()
    };
    assert_eq!(found("grijs"), ["demo/#trouble-no-save"]);
    assert_eq!(found("rechten"), ["demo/#trouble-no-save"]);
    assert_eq!(found("betekenis"), ["demo/#table-statuses"]);
    assert_eq!(found("verstuurd"), ["demo/#table-statuses"]);
    assert_eq!(found("ak_"), ["demo/#value-api-key"]);
    assert_eq!(found("beheerder."), ["demo/#prereq-admin"]);
    assert_eq!(found("instellen"), ["demo/#section-setup"]);
    // The word shards point at the same entries: "grijs" at the troubleshooting entry, whose
    // heading (the problem) holds it, "instellen" at the section (its title).
    let shards = search_words(&site, "nl");
    let number = |u: &str| entries.iter().position(|e| e["u"] == u).expect("entry");
    assert_eq!(
        shards["grijs"],
        format!("0.{}!", number("demo/#trouble-no-save"))
    );
    assert!(shards["instellen"].contains(&format!("{}!", number("demo/#section-setup"))));
    let by_url = |u: &str| entries.iter().find(|e| e["u"] == u).expect("entry");
    assert_eq!(by_url("demo/#step-open-settings")["l"], "nl");
    // The heading carries the step's own text; `x` only what else the step says.
    assert!(
        by_url("demo/#step-open-settings")["t"]
            .as_str()
            .unwrap_or_default()
            .contains("Instellingen")
    );
    // The untranslated step is indexed as English text.
    assert_eq!(by_url("demo/#step-paste-key")["l"], "en");
    // Every anchor exists on its page.
    let page = html(&site.out("nl/demo/index.html"));
    let ids = attrs(&page, "[id]", "id");
    for url in urls
        .iter()
        .filter_map(|u| u.split_once('#'))
        .map(|(_, a)| a)
    {
        assert!(ids.iter().any(|id| id == url), "{url}");
    }
    // The search box is only shown by the script.
    assert_eq!(attrs(&page, "[data-search]", "hidden"), [""]);
    let fi: serde_json::Value =
        serde_json::from_str(&site.out("search/fi/d/0.json")).expect("json");
    assert!(
        fi.as_array()
            .expect("entries")
            .iter()
            .any(|e| e["t"].as_str().unwrap_or_default().contains("Asetuksista"))
    );
    // Finnish words carry their Snowball stems; English fallback text its English ones.
    let fi_words = search_words(&site, "fi");
    assert!(fi_words.contains_key("asetuksista"));
}

/// Every word of a locale's search shards, with its postings (the stem prefix taken off).
fn search_words(site: &SiteTest, locale: &str) -> std::collections::BTreeMap<String, String> {
    let meta: serde_json::Value =
        serde_json::from_str(&site.out(&format!("search/{locale}/meta.json"))).expect("json");
    let mut words = std::collections::BTreeMap::new();
    for n in 0..meta["shards"].as_array().expect("shards").len() {
        let shard: serde_json::Value =
            serde_json::from_str(&site.out(&format!("search/{locale}/w/{n}.json"))).expect("json");
        for (word, value) in shard["w"].as_object().expect("words") {
            let value = value.as_str().expect("postings");
            let postings = value.split_once('|').map_or(value, |(_, p)| p);
            words.insert(word.clone(), postings.to_owned());
        }
    }
    words
}

#[test]
fn screenshots_reserve_their_space() {
    let site = SiteTest::shipped();
    site.build().success();
    let page = html(&site.out("nl/netvisor-rackbeat/index.html"));
    let widths = attrs(&page, "figure.screenshot img", "width");
    let heights = attrs(&page, "figure.screenshot img", "height");
    assert!(!widths.is_empty());
    assert_eq!(widths.len(), heights.len());
    // The mock-ups are 720 px wide SVGs; the height comes from the file, not a default.
    assert!(widths.iter().all(|w| w == "720"), "{widths:?}");
    assert!(
        heights
            .iter()
            .all(|h| h.parse::<u32>().is_ok_and(|h| h > 100)),
        "{heights:?}"
    );
}

#[test]
fn update_dates_are_written_the_way_each_language_writes_them() {
    let site = SiteTest::shipped();
    site.edit(
        "content/lucca-inside-online/guide.yaml",
        "updated: \"2026-11-23\"",
        "updated: \"2026-12-01\"",
    );
    site.build().success();
    let page = |locale: &str| site.out(&format!("{locale}/lucca-inside-online/index.html"));
    assert!(page("fr").contains("1er décembre 2026"), "{}", page("fr"));
    assert!(page("en").contains("December 1, 2026"));
    assert!(page("fi").contains("1. joulukuuta 2026"));
}

/// Every theme string of the default theme exists in every language it ships, so no reader
/// meets an English fallback.
#[test]
fn the_default_theme_is_translated_whole() {
    let dir = crate::support::repo_root().join("themes/default/strings");
    let ids = |locale: &str| -> std::collections::BTreeSet<String> {
        let text = std::fs::read_to_string(dir.join(format!("{locale}.ftl"))).expect("strings");
        let resource = fluent_syntax::parser::parse(text.as_str()).expect("parses");
        resource
            .body
            .iter()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect()
    };
    let english = ids("en");
    for locale in ["nl", "fr", "fi"] {
        let translated = ids(locale);
        let missing: Vec<_> = english.difference(&translated).collect();
        assert!(missing.is_empty(), "{locale}.ftl lacks {missing:?}");
    }
}
