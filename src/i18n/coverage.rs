//! How much of a guide a locale translates: messages and words (counted in the source text),
//! so the page banner, the SEO decisions and the reports agree.

use serde::Serialize;

use super::consistency::{Counts, SourceText};

/// Translation coverage of one guide in one locale.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Coverage {
    pub messages: usize,
    pub translated_messages: usize,
    pub words: usize,
    pub translated_words: usize,
}

impl Coverage {
    /// Everything translated (or the source locale itself).
    pub fn full(source: &[SourceText]) -> Self {
        let words = source.iter().map(SourceText::words).sum();
        Self {
            messages: source.len(),
            translated_messages: source.len(),
            words,
            translated_words: words,
        }
    }

    /// Share of the source words that are translated, 0–100, rounded down (100 only when complete).
    pub fn percent(&self) -> u32 {
        if self.words == 0 || self.translated_words >= self.words {
            return if self.translated_messages < self.messages {
                99
            } else {
                100
            };
        }
        u32::try_from(self.translated_words * 100 / self.words).unwrap_or(0)
    }

    pub fn is_complete(&self) -> bool {
        self.translated_messages == self.messages
    }
}

impl From<Counts> for Coverage {
    /// The coverage a consistency check found: translated means defined in the translation.
    fn from(counts: Counts) -> Self {
        Self {
            messages: counts.messages,
            translated_messages: counts.translated,
            words: counts.words,
            translated_words: counts.translated_words,
        }
    }
}

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

    #[test]
    fn percent_is_only_100_when_complete() {
        let c = Coverage {
            messages: 200,
            translated_messages: 199,
            words: 1000,
            translated_words: 999,
        };
        assert_eq!(c.percent(), 99);
        assert!(!c.is_complete());
        let half = Coverage {
            messages: 2,
            translated_messages: 1,
            words: 10,
            translated_words: 5,
        };
        assert_eq!(half.percent(), 50);
    }
}
