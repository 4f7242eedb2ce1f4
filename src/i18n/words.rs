//! Counting the words of a source text, the unit of translation coverage.

/// Words of a source pattern, placeables counted as one word each.
pub fn word_count(text: &str) -> usize {
    if !text.is_ascii() {
        return text
            .split_whitespace()
            .filter(|w| *w != "{" && *w != "}")
            .count();
    }
    // ASCII text (most source text): one pass over the bytes, same words as above.
    let mut count = 0;
    let mut word = 0usize;
    let mut brace_only = true;
    for &b in text.as_bytes() {
        if b.is_ascii_whitespace() || b == 0x0b {
            if word > 0 && !(word == 1 && brace_only) {
                count += 1;
            }
            word = 0;
            brace_only = true;
        } else {
            word += 1;
            brace_only &= b == b'{' || b == b'}';
        }
    }
    if word > 0 && !(word == 1 && brace_only) {
        count += 1;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_count_matches_unicode_splitting() {
        let slow = |t: &str| {
            t.split_whitespace()
                .filter(|w| *w != "{" && *w != "}")
                .count()
        };
        for text in [
            "",
            "  ",
            "Open { -ui-settings } now",
            "{ } {{ }} a\tb\nc\r\nd\x0be\x0cf",
            "one",
            " lead and trail ",
            "{-x}",
        ] {
            assert_eq!(word_count(text), slow(text), "{text:?}");
        }
    }
}
