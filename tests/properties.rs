//! Property tests: whatever text or names come in, the output cannot carry markup, paths stay
//! inside the site, and anchors stay clean.

use proptest::prelude::*;
use stepdoc::content::images;
use stepdoc::content::model::Id;
use stepdoc::render::markdown;

/// Tags the Markdown renderer may emit (anything else would be injected markup).
const ALLOWED: &[&str] = &[
    "p",
    "strong",
    "em",
    "code",
    "a",
    "ul",
    "ol",
    "li",
    "del",
    "span",
    "br",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
];

fn tags_are_allowed(html: &str) -> Result<(), String> {
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        let after = &rest[i + 1..];
        let name: String = after
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if !ALLOWED.contains(&name.as_str()) {
            return Err(format!("unexpected tag <{name}> in {html:?}"));
        }
        let lower = after
            .split('>')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        if lower.contains("javascript:") || lower.contains(" on") || lower.contains("data:") {
            return Err(format!("unsafe attribute in {html:?}"));
        }
        rest = after;
    }
    Ok(())
}

fn hostile_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "<script>",
        "</script>",
        "<img src=x onerror=alert(1)>",
        "[a](javascript:alert(1))",
        "[b](data:text/html,x)",
        "<a href=\"x\" onclick=\"y\">",
        "**bold**",
        "`code`",
        "\n\n",
        "- item\n",
        "<!-- c -->",
        "&lt;",
        "\"",
        "'",
        "<",
        ">",
        "&",
        "\u{E000}",
        "\u{E001}",
        "\u{2068}",
        "text",
        " ",
        "<svg/onload=alert(1)>",
        "![i](x.png)",
        "<iframe>",
    ]);
    prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn markdown_never_emits_foreign_markup(text in hostile_text()) {
        for html in [markdown::inline(&text), markdown::block(&text)] {
            prop_assert!(tags_are_allowed(&html).is_ok(), "{:?}", tags_are_allowed(&html));
        }
    }

    /// Word counts (translation coverage) take a byte fast path for ASCII text; it must count
    /// exactly the words Unicode splitting finds.
    #[test]
    fn word_count_fast_path_agrees(text in "[ -~\t\n\r\x0b\x0c{}]{0,60}") {
        let words = text
            .split_whitespace()
            .filter(|w| *w != "{" && *w != "}")
            .count();
        prop_assert_eq!(stepdoc::i18n::words::word_count(&text), words);
    }

    /// Pages render a message's HTML and its search text from one parse; both must equal
    /// what the separate functions give.
    #[test]
    fn one_parse_gives_the_same_html_and_plain_text(text in hostile_text()) {
        prop_assert_eq!(
            markdown::html_and_plain(&text, false),
            (markdown::inline(&text), markdown::plain(&text))
        );
        prop_assert_eq!(
            markdown::html_and_plain(&text, true),
            (markdown::block(&text), markdown::plain(&text))
        );
    }

    #[test]
    fn markdown_survives_any_string(text in any::<String>()) {
        let html = markdown::block(&text);
        prop_assert!(tags_are_allowed(&html).is_ok(), "{:?}", tags_are_allowed(&html));
        let plain = markdown::plain(&text);
        let leaked = plain.contains(['\u{E000}', '\u{E001}']);
        prop_assert!(!leaked, "UI marker in plain text");
    }

    #[test]
    fn accepted_image_names_stay_under_the_guide(name in "[a-zA-Z0-9._/%\\\\-]{1,24}") {
        if images::check_name(&name).is_ok() {
            let path = std::path::Path::new(&name);
            prop_assert!(path.components().all(|c| matches!(c, std::path::Component::Normal(_))));
            prop_assert!(!name.contains("..") || !name.split('/').any(|p| p == ".."));
            prop_assert!(!name.starts_with('/'));
        }
    }

    #[test]
    fn valid_ids_make_clean_anchors(id in valid_id()) {
        prop_assert!(Id::is_valid(&id), "{:?} is an id by construction", id);
        let anchor = format!("step-{id}");
        prop_assert!(!anchor.contains('/') && !anchor.contains(".."));
        let unsafe_char = anchor.contains(['\u{2068}', '\u{2069}', '"', '<', '>', ' ', '#']);
        prop_assert!(!unsafe_char, "unsafe character in anchor");
        prop_assert!(stepdoc::config::is_fluent_identifier(&anchor));
    }
}

/// Every id: a lower-case letter, then runs of lower-case letters and digits joined by single
/// dashes (the whole language of `Id::is_valid`, up to a length).
fn valid_id() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9]{0,7}(-[a-z0-9]{1,5}){0,3}"
}

/// A character no id may contain: upper case, punctuation that would break a URL fragment, a
/// Fluent identifier or an attribute, spaces, non-ASCII letters, isolation and UI marks.
const NOT_IN_IDS: &[char] = &[
    'A', 'Z', '_', '.', '/', '\\', ' ', '\t', '"', '\'', '<', '>', '#', '?', '%', ':', '&', 'é',
    'ß', '\u{2068}', '\u{2069}', '\u{E000}', '\u{a0}',
];

/// A valid id spoiled in one way; each result is invalid whatever the id and position.
fn invalid_id() -> impl Strategy<Value = String> {
    let spoil = prop::sample::select(vec![
        "char",
        "digit first",
        "dash first",
        "dash last",
        "double dash",
        "empty",
    ]);
    (
        valid_id(),
        spoil,
        prop::sample::select(NOT_IN_IDS),
        any::<prop::sample::Index>(),
    )
        .prop_map(|(id, spoil, bad, at)| {
            let at = at.index(id.len() + 1);
            let (head, tail) = id.split_at(at);
            match spoil {
                "char" => format!("{head}{bad}{tail}"),
                "digit first" => format!("{}{id}", at % 10),
                "dash first" => format!("-{id}"),
                "dash last" => format!("{id}-"),
                "double dash" => format!("{head}--{tail}"),
                _ => String::new(),
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The other side: a valid id spoiled by one character or dash is rejected, so nothing
    /// outside the id language reaches an anchor.
    #[test]
    fn spoiled_ids_are_rejected(id in invalid_id()) {
        prop_assert!(!Id::is_valid(&id), "{:?} was accepted", id);
    }
}

proptest! {
    /// The integrity checks' text analysis never panics and numbers are a multiset: any text's
    /// numbers miss nothing of themselves, and one number fewer is missed exactly once.
    #[test]
    fn integrity_text_analysis_takes_any_text(text in "\\PC{0,80}") {
        use stepdoc::i18n::consistency;
        let _ = consistency::literals(&text);
        let numbers = consistency::numbers(&text);
        prop_assert!(consistency::missing_numbers(&numbers, &numbers).is_empty());
        if let Some((_, fewer)) = numbers.split_first() {
            prop_assert_eq!(consistency::missing_numbers(&numbers, fewer).len(), 1);
        }
        let judge = consistency::language_judge(&["en", "nl", "fr", "fi"].map(String::from));
        if let Some(judge) = judge {
            let _ = consistency::other_language(&judge, "fi", &text);
        }
    }
}
