//! The per-locale search index, `search/<lang>.json`: one entry per guide and per step, with the
//! anchor to land on. Text shown in its source language (fallback) is indexed under that
//! language, not the page's. Searching happens in the browser (`assets/stepdoc.js`), offline.
//! The JSON is written by hand rather than serialized from entry structs with serde_json: the
//! strings go from the page's texts straight into the file, no entry structs or copies between
//! (commits cb5cfbc and 5019a90 measured it); `json_strings_are_escaped_like_serde_json` holds the
//! escaping to serde_json's.

use super::localize::Localizer;
use super::{Fragment, Piece};
use crate::content::catalog::{self, MessageKey};
use crate::content::ids::Part;
use crate::content::model::Guide;

/// One page's search entries as JSON array elements (comma-separated, no brackets), written
/// once when the page is rendered so the index files are only concatenated. Each entry is
/// `{"u":…,"t":…,"x":…,"l":…}`: the URL relative to the locale directory (e.g.
/// `guide/#step-open`), the heading shown in the results, more text searched besides the
/// heading's words, and the language of the text.
///
/// Every text the page shows is indexed (the guide's catalog, so a new field is indexed without
/// a change here), grouped by the anchor the reader lands on: the guide itself (summary,
/// audience, keywords, intro), each prerequisite, section, step, troubleshooting entry, table,
/// list, definition list, text block, the facts and each value to collect. The heading is the
/// group's first text (a step's own text, a section's title…). A step's UI path (glossary
/// labels, not messages) is searched with the step's texts.
pub fn fragment(guide_id: &str, guide: &Guide, title: &str, l: &mut Localizer<'_>) -> Vec<u8> {
    let mut out = Vec::with_capacity(4096);
    let entries = catalog::entries(guide);
    let mut groups: Vec<(Option<String>, Vec<&MessageKey>)> = vec![(None, Vec::new())];
    for entry in &entries {
        if matches!(entry.part, Part::Title) || entry.key.attr.as_deref() == Some("alt") {
            continue;
        }
        let anchor = entry.part.page_anchor();
        match groups.iter_mut().find(|(a, _)| *a == anchor) {
            Some((_, keys)) => keys.push(&entry.key),
            None => groups.push((anchor, vec![&entry.key])),
        }
    }
    let ui_paths = ui_paths(guide, l);
    let title_fallback = l.plain(&Part::Title.key()).fallback;
    for (anchor, keys) in groups {
        let mut texts = keys.into_iter().map(|key| l.plain(key));
        let (heading, fallback, mut body) = match &anchor {
            None => (String::new(), title_fallback, String::new()),
            Some(_) => match texts.next() {
                Some(first) => {
                    let (shown, rest) = cut_heading(&first.text);
                    (shown, first.fallback, rest)
                }
                None => continue,
            },
        };
        let labels = anchor
            .as_ref()
            .and_then(|a| ui_paths.iter().find(|(step, _)| step == a))
            .map(|(_, labels)| labels.as_str());
        for text in texts.map(|t| t.text).chain(labels.map(str::to_owned)) {
            if !body.is_empty() {
                body.push(' ');
            }
            body.push_str(&text);
        }
        let lang = language(l, fallback);
        match &anchor {
            None => push_entry(&mut out, [guide_id, "/", ""], [title, "", ""], &body, lang),
            Some(anchor) => push_entry(
                &mut out,
                [guide_id, "/#", anchor],
                [title, " › ", &heading],
                &body,
                lang,
            ),
        }
    }
    // Kept until the index files are written: no spare capacity.
    out.shrink_to_fit();
    out
}

/// The labels of each step's UI path as plain text in the page's locale, by step anchor.
fn ui_paths(guide: &Guide, l: &mut Localizer<'_>) -> Vec<(String, String)> {
    guide
        .sections
        .iter()
        .flat_map(|s| s.all_steps())
        .flat_map(|step| std::iter::once(step).chain(&step.substeps))
        .filter(|step| !step.ui_path.is_empty())
        .map(|step| {
            let labels: Vec<String> = step
                .ui_path
                .iter()
                .map(|segment| l.ui_label_plain(segment.as_str().trim_start_matches('-')))
                .collect();
            (Part::Step(step.id.as_str()).anchor(), labels.join(" "))
        })
        .collect()
}

/// Longest heading shown in a result, in characters: a long text (a fact, a paragraph) is cut
/// at a word, and its whole text searched as the entry's text.
const HEADING_CHARS: usize = 120;

/// `text` as a result heading, and what of it goes to the searched text instead.
fn cut_heading(text: &str) -> (String, String) {
    if text.chars().count() <= HEADING_CHARS {
        return (text.to_owned(), String::new());
    }
    let cut: String = text.chars().take(HEADING_CHARS).collect();
    let shown = match cut.rfind(' ') {
        Some(i) => &cut[..i],
        None => &cut,
    };
    (format!("{shown}…"), text.to_owned())
}

fn language<'l>(l: &Localizer<'l>, fallback: bool) -> &'l str {
    if fallback {
        l.source_locale()
    } else {
        l.locale()
    }
}

/// Append one entry; `url` and `heading` are each written as the concatenation of their parts.
fn push_entry(out: &mut Vec<u8>, url: [&str; 3], heading: [&str; 3], text: &str, lang: &str) {
    if !out.is_empty() {
        out.push(b',');
    }
    out.extend_from_slice(b"{\"u\":");
    push_json_string(out, &url);
    out.extend_from_slice(b",\"t\":");
    push_json_string(out, &heading);
    out.extend_from_slice(b",\"x\":");
    push_json_string(out, &[text]);
    out.extend_from_slice(b",\"l\":");
    push_json_string(out, &[lang]);
    out.push(b'}');
}

/// Bytes that JSON strings escape: the quote, the backslash and control characters.
const NEEDS_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

/// `parts` joined as one JSON string, escaped as serde_json escapes (quote, backslash, control
/// characters; nothing else). Runs of bytes that need no escape are copied whole.
fn push_json_string(out: &mut Vec<u8>, parts: &[&str]) {
    out.push(b'"');
    for part in parts {
        let bytes = part.as_bytes();
        // Most text needs no escape at all: two vectorized passes tell.
        if memchr::memchr2(b'"', b'\\', bytes).is_none() && !has_control_byte(bytes) {
            out.extend_from_slice(bytes);
            continue;
        }
        let mut start = 0;
        while let Some(offset) = bytes[start..]
            .iter()
            .position(|&b| NEEDS_ESCAPE[usize::from(b)])
        {
            let i = start + offset;
            let b = bytes[i];
            out.extend_from_slice(&bytes[start..i]);
            let short: &[u8] = match b {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                0x08 => b"\\b",
                0x0c => b"\\f",
                _ => b"",
            };
            if short.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xf)]);
            } else {
                out.extend_from_slice(short);
            }
            start = i + 1;
        }
        out.extend_from_slice(&bytes[start..]);
    }
    out.push(b'"');
}

/// Whether `bytes` holds a control character (below U+0020), checked in blocks the compiler
/// vectorizes.
fn has_control_byte(bytes: &[u8]) -> bool {
    bytes
        .chunks(32)
        .any(|block| block.iter().fold(false, |found, &b| found | (b < 0x20)))
}

/// The index file of one locale from its pages' fragments (all in memory).
pub fn index_json<'a>(locale: &str, fragments: impl Iterator<Item = &'a Fragment>) -> Vec<u8> {
    let head = index_head(locale);
    let mut out = Vec::new();
    for piece in index_parts(&head, fragments) {
        if let Piece::Bytes(bytes) = piece {
            out.extend_from_slice(bytes);
        }
    }
    out
}

/// The start of a locale's index file, up to its first entry.
pub fn index_head(locale: &str) -> Vec<u8> {
    let mut head = b"{\"lang\":".to_vec();
    let _ = serde_json::to_writer(&mut head, locale);
    head.extend_from_slice(b",\"entries\":[");
    head
}

/// A locale's index file as pieces to write in order: `head`, the fragments, the end.
pub fn index_parts<'p, 'f: 'p>(
    head: &'p [u8],
    fragments: impl Iterator<Item = &'f Fragment>,
) -> Vec<Piece<'p>> {
    let mut parts = vec![Piece::Bytes(head)];
    for fragment in fragments.filter(|f| !f.is_empty()) {
        if parts.len() > 1 {
            parts.push(Piece::Bytes(b","));
        }
        parts.push(fragment.piece());
    }
    parts.push(Piece::Bytes(b"]}"));
    parts
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::push_json_string;

    proptest! {
        #[test]
        fn json_strings_are_escaped_like_serde_json(
            parts in prop::collection::vec(
                prop::collection::vec(
                    prop_oneof![
                        prop::sample::select(vec!['"', '\\', '/', '\n', '\r', '\t', '\u{8}', '\u{c}', '\u{0}', '\u{1f}', '\u{7f}', '›', 'é']),
                        any::<char>(),
                    ],
                    // Past 32 bytes too: control bytes are looked for 32 at a time.
                    0..80,
                ).prop_map(|chars| chars.into_iter().collect::<String>()),
                0..4,
            )
        ) {
            let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
            let mut out = Vec::new();
            push_json_string(&mut out, &parts);
            let expected = serde_json::to_string(&parts.concat()).expect("serialized");
            prop_assert_eq!(String::from_utf8(out).expect("UTF-8"), expected);
        }
    }

    #[test]
    fn control_characters_are_escaped() {
        let mut out = Vec::new();
        push_json_string(&mut out, &["a\"b\\c\n\u{1}\u{7f}é", "\t\u{8}\u{c}"]);
        assert_eq!(
            String::from_utf8(out).expect("UTF-8"),
            serde_json::to_string("a\"b\\c\n\u{1}\u{7f}é\t\u{8}\u{c}").expect("serialized")
        );
    }
}
