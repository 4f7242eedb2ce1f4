//! Snapshots of rendered HTML (the guide article), one per locale of the fixture.

use crate::support::SiteTest;

/// The trimmed, non-empty lines of `page` from the first `start` to the end of the next `end`.
fn excerpt(page: &str, start: &str, end: &str) -> String {
    let from = page.find(start).expect("excerpt start");
    let to = from + page[from..].find(end).expect("excerpt end") + end.len();
    page[from..to]
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn article(page: &str) -> String {
    excerpt(page, "<article", "</article>")
}

/// The blocks of the guide's one section: from the first block (they follow the steps) to the
/// end of the section.
fn blocks(page: &str) -> String {
    excerpt(page, "<div class=\"block ", "</section>")
}

#[test]
fn fixture_guide_html_per_locale() {
    let site = SiteTest::fixture("basic");
    site.build().success();
    insta::assert_snapshot!("basic_en", article(&site.out("en/demo/index.html")));
    insta::assert_snapshot!("basic_nl", article(&site.out("nl/demo/index.html")));
}

#[test]
fn multilingual_guide_html_per_locale() {
    let site = SiteTest::fixture("multilingual");
    site.build().success();
    for locale in ["en", "nl", "fi"] {
        insta::assert_snapshot!(
            format!("multilingual_{locale}"),
            article(&site.out(&format!("{locale}/demo/index.html")))
        );
    }
}

/// List, definitions and text blocks (plain and as tip or warning) in the source language, two
/// complete translations (Dutch, French) and one with a missing list item and tip.
#[test]
fn list_definitions_and_text_blocks_per_locale() {
    let site = SiteTest::fixture("blocks");
    site.build().success();
    for locale in ["en", "nl", "fr", "fi"] {
        let html = blocks(&site.out(&format!("{locale}/reference/index.html")));
        // Raw HTML in every kind of text stays text, whatever the snapshot says.
        assert!(!html.contains("<script") && !html.contains("<b>"), "{html}");
        assert!(html.contains("&lt;b&gt;"), "{html}");
        insta::assert_snapshot!(format!("blocks_{locale}"), html);
    }
}

/// The guide fields of issue 19 (prerequisites intro, image caption, step and guide results)
/// in the source language, a complete translation and one that falls back for the caption and
/// the guide's result.
#[test]
fn guide_fields_per_locale() {
    let site = SiteTest::fixture("fields");
    site.build().success();
    for locale in ["en", "nl", "fi"] {
        let page = site.out(&format!("{locale}/setup/index.html"));
        let html = excerpt(&page, "<section class=\"prerequisites\"", "</article>");
        insta::assert_snapshot!(format!("fields_{locale}"), html);
    }
}

/// A step's condition (`when`) and choices, on a step and a substep, and a section of
/// alternative procedures (each numbered on its own), in English, two complete translations and
/// a Finnish one that falls back for a choice's details and the substep's condition; the guide
/// has no summary, so its description is the intro's first sentence.
#[test]
fn task_fields_per_locale() {
    let site = SiteTest::fixture("task");
    site.build().success();
    let first_sentences = [
        ("en", "Connect Acme CRM to the mailer."),
        ("nl", "Koppel Acme CRM aan de mailer."),
        ("fr", "Connectez Acme CRM au service d’envoi."),
        ("fi", "Yhdistä Acme CRM postituspalveluun."),
    ];
    for (locale, sentence) in first_sentences {
        let page = site.out(&format!("{locale}/connect/index.html"));
        // Raw HTML in a translation stays text.
        assert!(
            !page.contains("<secret>") && !page.contains("<geheim>"),
            "{page}"
        );
        // No summary: no summary line, and the description is the intro's first sentence.
        assert!(!page.contains("<p class=\"summary\">"), "{page}");
        let description = format!("<meta name=\"description\" content=\"{sentence}\">");
        assert!(page.contains(&description), "{locale}: {description}");
        let index = site.out(&format!("{locale}/index.html"));
        assert!(index.contains(&format!("<p>{sentence}</p>")), "{index}");
        let html = excerpt(&page, "<ol class=\"steps\"", "</section>");
        insta::assert_snapshot!(format!("task_{locale}"), html);
        let html = excerpt(&page, "<div class=\"alternatives\">", "</section>");
        insta::assert_snapshot!(format!("alternatives_{locale}"), html);
    }
}

/// The related guides at the end of a guide, with their titles in each locale (Finnish has no
/// translation of the related guide, so its link shows the English title).
#[test]
fn related_guides_per_locale() {
    let site = SiteTest::fixture("task");
    site.build().success();
    for locale in ["en", "nl", "fr", "fi"] {
        let page = site.out(&format!("{locale}/connect/index.html"));
        let html = excerpt(&page, "<nav class=\"related\"", "</nav>");
        insta::assert_snapshot!(format!("related_{locale}"), html);
    }
    // A guide without `related` has no such list.
    assert!(!site.out("en/sync/index.html").contains("class=\"related\""));
}

/// A step's UI path is searched with the step, in the reader's language.
#[test]
fn ui_path_labels_are_searched_with_their_step() {
    let site = SiteTest::fixture("task");
    site.build().success();
    // Guide documents are numbered in guide order: `connect` is the first.
    let index: serde_json::Value =
        serde_json::from_str(&site.out("search/nl/d/0.json")).expect("search index is JSON");
    let entry = index
        .as_array()
        .expect("entries")
        .iter()
        .find(|e| e["u"] == "connect/#step-kind")
        .expect("an entry for the step");
    let text = entry["x"].as_str().expect("text");
    assert!(
        text.contains("Accountinstellingen Toegangsrechten API-sleutels"),
        "{entry}"
    );
}
