//! How much of a guide a locale translates: messages and words (counted in the source text),
//! so the page banner, the SEO decisions and the reports agree.

use std::collections::HashSet;

use fluent_bundle::FluentResource;
use serde::Serialize;

use crate::content::catalog::Entry;

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
    /// `words` are the [`entry_words`] of the guide's messages.
    pub fn full(words: &[usize]) -> Self {
        let total = words.iter().sum();
        Self {
            messages: words.len(),
            translated_messages: words.len(),
            words: total,
            translated_words: total,
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

/// The [`word_count`] of each entry's source text, in order: counted once per guide and shared
/// by every locale's [`measure`].
pub fn entry_words(entries: &[Entry<'_>]) -> Vec<usize> {
    entries
        .iter()
        .map(|e| word_count(e.text.as_str()))
        .collect()
}

/// Coverage of `entries` (whose [`entry_words`] are `words`) by `translation`.
pub fn measure(
    entries: &[Entry<'_>],
    words: &[usize],
    translation: Option<&FluentResource>,
) -> Coverage {
    let keys: HashSet<(&str, Option<&str>)> = translation.map(translated_keys).unwrap_or_default();
    let mut coverage = Coverage::default();
    for (entry, &words) in entries.iter().zip(words) {
        coverage.messages += 1;
        coverage.words += words;
        if keys.contains(&(entry.key.id.as_str(), entry.key.attr.as_deref())) {
            coverage.translated_messages += 1;
            coverage.translated_words += words;
        }
    }
    coverage
}

/// Every message value and attribute that `resource` defines.
fn translated_keys(resource: &FluentResource) -> HashSet<(&str, Option<&str>)> {
    use fluent_syntax::ast::Entry as AstEntry;
    let mut keys = HashSet::new();
    for entry in resource.entries() {
        if let AstEntry::Message(message) = entry {
            if message.value.is_some() {
                keys.insert((message.id.name, None));
            }
            for attr in &message.attributes {
                keys.insert((message.id.name, Some(attr.id.name)));
            }
        }
    }
    keys
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
