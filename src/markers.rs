//! The private-use characters stepdoc uses inside its pipeline: the markers around a UI label's
//! text (from a `-ui-*` term to `<span class="ui">`), and the removal of those markers and of
//! the bidi isolation marks Fluent can insert, so that input text can never forge them.

/// Marks the start of a `-ui-*` term's text in formatted output; becomes `<span class="ui">`.
pub const UI_OPEN: char = '\u{E000}';
/// Marks the end of a `-ui-*` term's text in formatted output.
pub const UI_CLOSE: char = '\u{E001}';
/// [`UI_OPEN`] as a string, for Fluent patterns.
pub const UI_OPEN_STR: &str = "\u{E000}";
/// [`UI_CLOSE`] as a string, for Fluent patterns.
pub const UI_CLOSE_STR: &str = "\u{E001}";

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
    if let std::borrow::Cow::Owned(stripped) = without_pair(&text, ['\u{2068}', '\u{2069}']) {
        return stripped;
    }
    text.into_owned()
}

/// Remove the UI markers ([`UI_OPEN`], [`UI_CLOSE`]).
pub fn strip_ui_markers(text: &str) -> std::borrow::Cow<'_, str> {
    without_pair(text, [UI_OPEN, UI_CLOSE])
}

/// `text` without the two characters of `pair`, which are three bytes long in UTF-8 and share
/// the first two (the UI markers are EE 80 80 and EE 80 81, the bidi isolation marks E2 81 A8
/// and E2 81 A9). Most texts have none, or few bytes with that lead (typographic quotes and
/// dashes start with E2): they are found by a byte search for it and cut out between runs of
/// text copied whole.
fn without_pair(text: &str, pair: [char; 2]) -> std::borrow::Cow<'_, str> {
    let (mut first, mut second) = ([0; 4], [0; 4]);
    let first = pair[0].encode_utf8(&mut first).as_bytes();
    let second = pair[1].encode_utf8(&mut second).as_bytes();
    debug_assert!(first.len() == 3 && second.len() == 3 && first[..2] == second[..2]);
    let bytes = text.as_bytes();
    let mut found = memchr::memchr_iter(first[0], bytes)
        .filter(|&i| {
            bytes.get(i + 1) == Some(&first[1])
                && bytes
                    .get(i + 2)
                    .is_some_and(|&b| b == first[2] || b == second[2])
        })
        .peekable();
    if found.peek().is_none() {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut start = 0;
    for at in found {
        out.push_str(&text[start..at]);
        start = at + first.len();
    }
    out.push_str(&text[start..]);
    out.into()
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

    proptest::proptest! {
        /// The byte-level cut gives what removing the two marker characters does, and leaves
        /// the characters that share their first bytes (U+E002, U+E040, U+EE80...).
        #[test]
        fn strip_markers_removes_exactly_the_ui_markers(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", " ", "\u{e000}", "\u{e001}", "\u{e002}", "\u{e040}", "\u{ee80}", "\u{e0000}",
                "\u{2019}", "é",
            ]), 0..16)
        ) {
            let text = pieces.concat();
            let expected: String = text
                .chars()
                .filter(|c| *c != super::UI_OPEN && *c != super::UI_CLOSE)
                .collect();
            let stripped = super::strip_ui_markers(&text);
            proptest::prop_assert_eq!(stripped.as_ref(), expected.as_str(), "{:?}", text);
        }
    }
}
