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
    /// URLs, link destinations, email addresses, code and numbers a translation must keep.
    pub(super) literals: Literals,
    /// Sentences and Markdown structure, for `incomplete` and `order`.
    pub(super) shape: super::shape::Shape,
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
                shape: super::shape::shape(&plain),
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

/// What a translation must keep of a text: literals (URLs, link destinations, email addresses,
/// code spans) and numbers.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Literals {
    /// URLs, Markdown link and image destinations, email addresses and code spans, each once, in
    /// order.
    pub fixed: Vec<String>,
    /// Numbers as often as they occur, sorted, written without group separators (`1,000`,
    /// `1 000` and `1.000` are all `1000`; a phone number regrouped with spaces stays one number);
    /// a leading `+` is kept.
    pub numbers: Vec<String>,
}

/// The [`Literals`] of `text` (formatted text with Markdown).
pub fn literals(text: &str) -> Literals {
    let mut out = Literals::default();
    // Most messages hold none of the marks of a literal.
    let marked = text
        .bytes()
        .any(|b| b == b'`' || b == b'@' || b == b']' || b == b'<' || b.is_ascii_digit());
    if !marked && !text.contains("http") {
        return out;
    }
    let mut fixed = Vec::new();
    let residue = cut_code_spans(text, &mut fixed);
    let residue = cut_link_destinations(&residue, &mut fixed);
    let mut words = String::new();
    for token in residue.split_whitespace() {
        let trimmed = token.trim_matches(|c: char| {
            matches!(
                c,
                '.' | ',' | ';' | ':' | '(' | ')' | '"' | '\'' | '!' | '?' | '<' | '>' | '*' | '_'
            )
        });
        let is_url = trimmed.starts_with("http://") || trimmed.starts_with("https://");
        let is_email = trimmed.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.contains('.') && !host.ends_with('.')
        });
        if is_url || is_email {
            fixed.push(trimmed.to_owned());
        } else {
            words.push_str(token);
            words.push(' ');
        }
    }
    out.numbers = numbers(&words);
    // A handful at most: a linear search beats hashing.
    for literal in fixed {
        if !out.fixed.contains(&literal) {
            out.fixed.push(literal);
        }
    }
    out
}

/// `text` with its code spans replaced by a space; each span's content is pushed to `fixed`.
fn cut_code_spans(text: &str, fixed: &mut Vec<String>) -> String {
    let mut residue = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('`') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('`') else {
            break;
        };
        residue.push_str(&rest[..start]);
        residue.push(' ');
        if end > 0 {
            fixed.push(after[..end].to_owned());
        }
        rest = &after[end + 1..];
    }
    residue.push_str(rest);
    residue
}

/// `text` with the destinations of its Markdown links and images (`[text](destination "title")`)
/// and autolinks (`<https://...>`) replaced by a space; each destination is pushed to `fixed`.
/// A link whose destination was deleted (`[text](` with no closing parenthesis) keeps nothing,
/// so the source's destination is reported lost.
fn cut_link_destinations(text: &str, fixed: &mut Vec<String>) -> String {
    if memchr::memmem::find(text.as_bytes(), b"](").is_none() && !text.contains('<') {
        return text.to_owned();
    }
    let mut residue = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let link = rest.find("](");
        let auto = rest.find("<http").or_else(|| rest.find("<mailto:"));
        let (at, is_auto) = match (link, auto) {
            (Some(l), Some(a)) if a < l => (a, true),
            (Some(l), _) => (l, false),
            (None, Some(a)) => (a, true),
            (None, None) => break,
        };
        let open = if is_auto { at + 1 } else { at + 2 };
        let close = if is_auto { '>' } else { ')' };
        residue.push_str(&rest[..at + usize::from(!is_auto)]);
        residue.push(' ');
        let inner = &rest[open..];
        let Some(end) = inner.find(close) else {
            rest = inner;
            continue;
        };
        let destination = inner[..end].split_whitespace().next().unwrap_or_default();
        let destination = destination.trim_start_matches('<').trim_end_matches('>');
        if !destination.is_empty() {
            fixed.push(destination.to_owned());
        }
        rest = &inner[end + 1..];
    }
    residue.push_str(rest);
    residue
}

/// The numbers of `text`, sorted: a run of digit groups joined by one separator (`,` `.` space,
/// no-break space, narrow no-break space, `'`) followed by a digit is one number, written
/// without its separators; a `+` right before it is kept.
pub fn numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut number = String::new();
        if i > 0 && chars[i - 1] == '+' {
            number.push('+');
        }
        while i < chars.len() {
            let c = chars[i];
            if c.is_ascii_digit() {
                number.push(c);
                i += 1;
            } else if matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '\'')
                && chars.get(i + 1).is_some_and(char::is_ascii_digit)
            {
                i += 1;
            } else {
                break;
            }
        }
        out.push(number);
    }
    out.sort();
    out
}

/// The numbers of `wanted` (sorted) that `got` (sorted) holds fewer times.
pub fn missing_numbers<'a>(wanted: &'a [String], got: &[String]) -> Vec<&'a str> {
    let mut missing = Vec::new();
    let mut j = 0;
    for number in wanted {
        while j < got.len() && got[j] < *number {
            j += 1;
        }
        if j < got.len() && got[j] == *number {
            j += 1;
        } else {
            missing.push(number.as_str());
        }
    }
    missing
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
