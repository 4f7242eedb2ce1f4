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

#[cfg(test)]
mod tests {
    use super::*;

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
