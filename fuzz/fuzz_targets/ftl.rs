//! Any bytes as the Dutch translation `locales/nl/demo.ftl`: parsing (with located errors),
//! every message formatted on its own, then the consistency checks and rendering of the guide
//! never panic, and no translated text adds markup to a page.
#![no_main]

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, LazyLock, Mutex};

use libfuzzer_sys::fuzz_target;
use stepdoc::i18n::{bundle, ftl};

#[path = "common.rs"]
mod common;

static FIXTURE: LazyLock<Mutex<common::Fixture>> =
    LazyLock::new(|| Mutex::new(common::Fixture::new()));

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        format_all(text);
    }
    let mut fixture = FIXTURE.lock().unwrap_or_else(|e| e.into_inner());
    fixture.exercise("locales/nl/demo.ftl", data);
});

/// Format every message and attribute of `text` with the site variables as arguments.
fn format_all(text: &str) {
    let path = Path::new("locales/nl/demo.ftl");
    let (resource, diagnostics) = ftl::parse(path, text.to_owned());
    let lines = u32::try_from(text.lines().count()).unwrap_or(u32::MAX);
    for d in &diagnostics {
        assert!(
            d.location.line <= lines.saturating_add(1),
            "diagnostic past the end of the file: {d:?}"
        );
    }
    let resource = Arc::new(resource);
    let b = bundle::new_bundle("nl", &[Arc::clone(&resource)]);
    let variables = BTreeMap::from([("support-email".to_owned(), "x@example.org".to_owned())]);
    let args = bundle::args(&variables);
    for (key, _) in stepdoc::i18n::source::all_references(&resource) {
        let mut errors = Vec::new();
        let formatted = bundle::format(&b, &key, &args, &mut errors);
        if let Some(out) = formatted {
            assert!(
                !out.contains(['\u{2068}', '\u{2069}']),
                "bidi mark in {key:?}"
            );
            integrity_checks(&out);
        }
    }
    integrity_checks(text);
}

/// The integrity checks' text analysis takes any text: literals, numbers, the language judge.
fn integrity_checks(text: &str) {
    use stepdoc::i18n::consistency;
    static JUDGE: LazyLock<Option<consistency::LanguageJudge>> =
        LazyLock::new(|| consistency::language_judge(&["en", "nl", "fr", "fi"].map(String::from)));
    let _ = consistency::literals(text);
    let again = consistency::numbers(text);
    assert!(consistency::missing_numbers(&again, &again).is_empty());
    if let Some(judge) = JUDGE.as_ref() {
        let _ = consistency::other_language(judge, "nl", text);
    }
}
