//! What the checks compare of one source message — formatted text, references, literals, word
//! counts — worked out once per guide, not once per locale.

use std::collections::BTreeSet;

use fluent_bundle::FluentArgs;

use crate::content::catalog::{Entry, MessageKey};
use crate::i18n::bundle::{Bundle, format};
use crate::i18n::refs::{self, Reference};

/// What the checks compare of one source message, worked out once per guide (not once per
/// locale).
pub struct SourceText {
    /// The formatted source text; `None` when formatting reported errors.
    pub formatted: Option<String>,
    /// The formatted text without UI markers.
    pub(super) plain: String,
    /// The terms and variables it references.
    pub(super) placeables: BTreeSet<Reference>,
    /// URLs, email addresses, code and numbers a translation must keep.
    pub(super) literals: Vec<String>,
    /// Words with a letter (an unchanged translation of fewer is not reported).
    pub(super) word_like: usize,
    /// Words, for coverage.
    pub(super) words: usize,
}

impl SourceText {
    /// Words of the source text, placeables counted as one (see `words::word_count`).
    pub fn words(&self) -> usize {
        self.words
    }
}

/// The [`SourceText`] of every entry, in the entries' order.
pub fn source_texts(
    entries: &[Entry<'_>],
    source_bundle: &Bundle,
    args: &FluentArgs<'_>,
) -> Vec<SourceText> {
    entries
        .iter()
        .map(|entry| {
            let mut errors = Vec::new();
            let formatted =
                format(source_bundle, &entry.key, args, &mut errors).unwrap_or_default();
            let plain = crate::markers::strip_ui_markers(&formatted).into_owned();
            SourceText {
                literals: literals(&plain),
                word_like: word_like(&plain),
                plain,
                placeables: placeables(&source_references(source_bundle, &entry.key)),
                words: crate::i18n::words::word_count(entry.text.as_str()),
                formatted: errors.is_empty().then_some(formatted),
            }
        })
        .collect()
}

fn source_references(bundle: &Bundle, key: &MessageKey) -> Vec<Reference> {
    let Some(message) = bundle.get_message(&key.id) else {
        return Vec::new();
    };
    let pattern = match &key.attr {
        None => message.value(),
        Some(attr) => message.get_attribute(attr).map(|a| a.value()),
    };
    pattern.map(refs::collect).unwrap_or_default()
}

pub(super) fn placeables(references: &[Reference]) -> BTreeSet<Reference> {
    references
        .iter()
        .filter(|r| !matches!(r, Reference::Message(_)))
        .cloned()
        .collect()
}

fn word_like(text: &str) -> usize {
    if !text.is_ascii() {
        return text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count();
    }
    // ASCII text (most source text): one pass over the bytes, the same words as above.
    let mut count = 0;
    let mut letter = false;
    for &b in text.as_bytes() {
        if b.is_ascii_whitespace() || b == 0x0b {
            count += usize::from(letter);
            letter = false;
        } else {
            letter |= b.is_ascii_alphabetic();
        }
    }
    count + usize::from(letter)
}

/// URLs, email addresses, code spans and numbers of `text`, which a translation must keep.
pub fn literals(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // Most messages hold none of the marks of a literal.
    let marked = text
        .bytes()
        .any(|b| b == b'`' || b == b'@' || b.is_ascii_digit());
    if !marked && !text.contains("http") {
        return out;
    }
    // Code spans first; the rest of the text is scanned without them.
    let mut residue = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('`') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('`') else {
            break;
        };
        residue.push_str(&rest[..start]);
        residue.push(' ');
        if end > 0 {
            out.push(after[..end].to_owned());
        }
        rest = &after[end + 1..];
    }
    residue.push_str(rest);
    let mut words = String::new();
    for token in residue.split_whitespace() {
        let trimmed = token.trim_matches(|c: char| {
            matches!(
                c,
                '.' | ',' | ';' | ':' | '(' | ')' | '"' | '\'' | '!' | '?'
            )
        });
        let is_url = trimmed.starts_with("http://") || trimmed.starts_with("https://");
        let is_email = trimmed.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.contains('.') && !host.ends_with('.')
        });
        if is_url || is_email {
            out.push(trimmed.to_owned());
        } else {
            words.push_str(token);
            words.push(' ');
        }
    }
    let mut number = String::new();
    for c in words.chars() {
        if c.is_ascii_digit() {
            number.push(c);
        } else if !number.is_empty() {
            out.push(std::mem::take(&mut number));
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::word_like;

    proptest! {
        #[test]
        fn word_like_counts_words_with_a_letter(
            pieces in prop::collection::vec(prop::sample::select(vec![
                "a", "Z", "1", "42", " ", "  ", "\t", "\n", "\u{b}", "\u{c}", "\r", "-", "{", "é",
                "\u{a0}", ".", "x1",
            ]), 0..16)
        ) {
            let text = pieces.concat();
            let expected = text
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count();
            prop_assert_eq!(word_like(&text), expected, "{:?}", text);
        }
    }
}
