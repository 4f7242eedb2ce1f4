//! The description of a guide without a summary: the first sentence of its intro, in the
//! page's language (docs/guide-format.md, "Top level").

/// The first sentence of the plain text `text`: up to the first `.`, `!` or `?` followed by a
/// space (or the end), else the whole text; used as the description of a guide without a
/// summary. Decimal points and abbreviations without a following space ("v1.2") do not end it.
pub(super) fn first_sentence(text: &str) -> &str {
    let text = text.trim();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '.' | '!' | '?' | '。')
            && chars.peek().is_none_or(|(_, next)| next.is_whitespace())
        {
            return &text[..i + c.len_utf8()];
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::first_sentence;

    #[test]
    fn the_first_sentence_ends_at_a_stop_before_a_space() {
        assert_eq!(first_sentence("  One. Two."), "One.");
        assert_eq!(first_sentence("Ready? Go."), "Ready?");
        assert_eq!(
            first_sentence("Use v1.2 or later. Then go."),
            "Use v1.2 or later."
        );
        assert_eq!(first_sentence("No stop at all"), "No stop at all");
        assert_eq!(first_sentence("Line one.\nLine two."), "Line one.");
        assert_eq!(first_sentence(""), "");
    }
}
