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
pub fn strip_bidi(text: std::borrow::Cow<'_, str>) -> String {
    // U+2068 and U+2069 are E2 81 A8 and E2 81 A9 in UTF-8. Most texts have no 0xE2 byte at
    // all, or a few (typographic quotes and dashes): a byte search per 0xE2 finds both marks.
    let bytes = text.as_bytes();
    let marked = memchr::memchr_iter(0xe2, bytes)
        .any(|i| bytes.get(i + 1) == Some(&0x81) && matches!(bytes.get(i + 2), Some(0xa8 | 0xa9)));
    if !marked {
        return text.into_owned();
    }
    text.chars()
        .filter(|c| !matches!(c, '\u{2068}' | '\u{2069}'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::strip_bidi;

    #[test]
    fn strip_bidi_removes_only_isolation_marks() {
        let strip = |text: &str| strip_bidi(text.into());
        assert_eq!(strip("a\u{2068}b\u{2069}c"), "abc");
        assert_eq!(strip("\u{2019}\u{2068}x\u{2069}"), "\u{2019}x");
        // U+2060..U+2067 share the first two bytes and stay.
        assert_eq!(strip("x\u{2060}\u{2066}y"), "x\u{2060}\u{2066}y");
        assert_eq!(strip("plain ascii"), "plain ascii");
    }
}
