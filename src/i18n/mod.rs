//! Fluent text: terms per locale, the source text of guides as a Fluent resource, translation
//! files, reference checks, and formatting with thread-safe bundles.

pub mod bundle;
pub mod consistency;
pub mod coverage;
pub mod ftl;
pub mod lock;
pub mod refs;
pub mod source;
pub mod sync;
pub mod terms;

/// Marks the start of a `-ui-*` term's text in formatted output; becomes `<span class="ui">`.
pub const UI_OPEN: char = '\u{E000}';
/// Marks the end of a `-ui-*` term's text in formatted output.
pub const UI_CLOSE: char = '\u{E001}';

/// Remove characters that have a meaning inside stepdoc's pipeline (the UI markers) and the
/// bidi isolation marks Fluent may insert, so input text can never forge them.
pub fn strip_reserved(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(is_reserved) {
        text.chars()
            .filter(|c| !is_reserved(*c))
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

fn is_reserved(c: char) -> bool {
    matches!(c, UI_OPEN | UI_CLOSE | '\u{2068}' | '\u{2069}')
}

/// Remove bidi isolation marks (belt and braces: isolation is switched off in every bundle).
pub fn strip_bidi(text: &str) -> String {
    if !text.contains(['\u{2068}', '\u{2069}']) {
        return text.to_owned();
    }
    text.chars()
        .filter(|c| !matches!(c, '\u{2068}' | '\u{2069}'))
        .collect()
}
