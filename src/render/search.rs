//! The per-locale search index, `search/<lang>.json`: one entry per guide and per step, with the
//! anchor to land on. Text shown in its source language (fallback) is indexed under that
//! language, not the page's. Searching happens in the browser (`assets/stepdoc.js`), offline.

use std::sync::atomic::{AtomicU64, Ordering};

use serde::Serialize;

/// CPU time spent building search entries and fragments, summed over threads (for
/// `STEPDOC_TIMINGS=1`).
pub static BUILD_NANOS: AtomicU64 = AtomicU64::new(0);

/// Add `since`'s elapsed time to [`BUILD_NANOS`].
pub fn account(since: std::time::Instant) {
    let nanos = u64::try_from(since.elapsed().as_nanos()).unwrap_or(u64::MAX);
    BUILD_NANOS.fetch_add(nanos, Ordering::Relaxed);
}

use super::localize::Localizer;
use super::{Fragment, Piece};
use crate::content::catalog::MessageKey;
use crate::content::model::{Guide, Step};

/// One searchable unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// URL relative to the locale directory, e.g. `guide/#step-open`.
    pub u: String,
    /// Heading shown in the results.
    pub t: String,
    /// More text searched besides the heading's own words (summary, details, notes).
    pub x: String,
    /// Language of the text.
    pub l: String,
}

/// The entries of one guide page.
pub fn entries(guide_id: &str, guide: &Guide, title: &str, l: &mut Localizer<'_>) -> Vec<Entry> {
    let mut out = Vec::new();
    let summary = l.plain(&MessageKey::value("summary"));
    let keywords = guide
        .keywords
        .as_ref()
        .map(|_| l.plain(&MessageKey::value("keywords")).text)
        .unwrap_or_default();
    out.push(Entry {
        u: format!("{guide_id}/"),
        t: title.to_owned(),
        x: format!("{} {keywords}", summary.text).trim_end().to_owned(),
        l: language(l, summary.fallback),
    });
    for section in &guide.sections {
        for step in &section.steps {
            step_entries(guide_id, title, step, l, &mut out);
        }
    }
    out
}

fn step_entries(
    guide_id: &str,
    title: &str,
    step: &Step,
    l: &mut Localizer<'_>,
    out: &mut Vec<Entry>,
) {
    let id = format!("step-{}", step.id.as_str());
    let text = l.plain(&MessageKey::value(&id));
    let mut body = String::new();
    for (attr, present) in [
        ("details", step.details.is_some()),
        ("note", step.note.is_some()),
        ("tip", step.tip.is_some()),
        ("warning", step.warning.is_some()),
    ] {
        if present {
            if !body.is_empty() {
                body.push(' ');
            }
            body.push_str(&l.plain(&MessageKey::attr(&id, attr)).text);
        }
    }
    out.push(Entry {
        u: format!("{guide_id}/#{id}"),
        t: format!("{title} › {}", text.text),
        x: body,
        l: language(l, text.fallback),
    });
    for sub in &step.substeps {
        step_entries(guide_id, title, sub, l, out);
    }
}

fn language(l: &Localizer<'_>, fallback: bool) -> String {
    if fallback { l.source_locale } else { l.locale }.to_owned()
}

/// One page's entries as JSON array elements (comma-separated, no brackets), serialized once
/// when the page is rendered so the index files are only concatenated.
pub fn fragment(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        // Serializing plain strings into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut out, entry);
    }
    // Kept until the index files are written: no spare capacity.
    out.shrink_to_fit();
    out
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
