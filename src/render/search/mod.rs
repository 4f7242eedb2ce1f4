//! The per-locale search index, `search/<lang>/`, searched in the browser
//! (`assets/search.js`), offline. Each guide page gives one fragment (its entries, and the words
//! of each entry) when it is rendered; the locale's files are made from the fragments at the end
//! (`index.rs`): a document file per guide with its entries' texts, the word shards (words →
//! entries, sharded by prefix so a query downloads only the shards of its words) and a small
//! `meta.json` naming the shards. Text shown in its source language (fallback) is indexed under
//! that language, not the page's.

mod index;
mod json;
mod words;

pub use index::LocaleIndex;

use rustc_hash::FxHashMap;

use self::json::push_json_string;
use super::localize::Localizer;
use crate::content::catalog::{self, MessageKey};
use crate::content::ids::Part;
use crate::content::model::Guide;

/// How a word of an entry counts: as the last part of a compound word of it, in its text, its
/// heading, or the guide's title.
const WEIGHT_PART: u8 = 0;
const WEIGHT_TEXT: u8 = 1;
const WEIGHT_HEADING: u8 = 2;
const WEIGHT_TITLE: u8 = 3;

/// One page's search fragment: its entries as JSON array elements (comma-separated, no
/// brackets), then the words of each entry, written once when the page is rendered. Each entry
/// is `{"u":…,"t":…,"x":…,"l":…}`: the URL relative to the locale directory (e.g.
/// `guide/#step-open`), the heading shown in the results, more text searched besides the
/// heading's words, and the language of the text. The guide itself is the first entry.
///
/// Every text the page shows is indexed (the guide's catalog, so a new field is indexed without
/// a change here), grouped by the anchor the reader lands on: the guide itself (summary,
/// audience, keywords, intro), each prerequisite, section, step, troubleshooting entry, table,
/// list, definition list, text block, the facts and each value to collect. The heading is the
/// group's first text (a step's own text, a section's title…). A step's UI path (glossary
/// labels, not messages) is searched with the step's texts.
pub fn fragment(guide_id: &str, guide: &Guide, title: &str, l: &mut Localizer<'_>) -> Vec<u8> {
    let mut entries = Vec::with_capacity(4096);
    let mut page_words = PageWords::default();
    let catalog_entries = catalog::entries(guide);
    let mut groups: Vec<(Option<String>, Vec<&MessageKey>)> = vec![(None, Vec::new())];
    for entry in &catalog_entries {
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
    let mut number: u16 = 0;
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
            None => {
                push_entry(
                    &mut entries,
                    [guide_id, "/", ""],
                    [title, "", ""],
                    &body,
                    lang,
                );
                page_words.add(number, title, WEIGHT_TITLE, fallback);
            }
            Some(anchor) => {
                push_entry(
                    &mut entries,
                    [guide_id, "/#", anchor],
                    [title, " › ", &heading],
                    &body,
                    lang,
                );
                // A cut heading's whole text is its body: its words count as heading words.
                page_words.add(number, &heading, WEIGHT_HEADING, fallback);
            }
        }
        page_words.add(number, &body, WEIGHT_TEXT, fallback);
        number = number.saturating_add(1);
    }
    let mut out = Vec::with_capacity(4 + entries.len() + 16 * page_words.words.len());
    let entries_len = u32::try_from(entries.len()).unwrap_or(u32::MAX);
    out.extend_from_slice(&entries_len.to_le_bytes());
    out.extend_from_slice(&entries);
    page_words.write(&mut out, l.locale(), l.source_locale());
    out
}

/// The words of one page: each word (folded as the browser folds a query) with the entries it
/// is in and its best weight in each; for its stem, the word as written (lower case, accents
/// kept) and whether it was seen in fallback (source-language) text.
struct PageWords {
    /// Each lower-cased form seen, and its word.
    forms: FxHashMap<String, u32>,
    words: Vec<PageWord>,
}

impl Default for PageWords {
    fn default() -> Self {
        PageWords {
            forms: FxHashMap::with_capacity_and_hasher(512, Default::default()),
            words: Vec::with_capacity(512),
        }
    }
}

struct PageWord {
    fallback: bool,
    entries: Vec<(u16, u8)>,
}

impl PageWords {
    fn add(&mut self, entry: u16, text: &str, weight: u8, fallback: bool) {
        words::each_word(text, |lower| {
            let id = match self.forms.get(lower) {
                Some(&id) => id,
                None => {
                    let id = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
                    self.forms.insert(lower.to_owned(), id);
                    self.words.push(PageWord {
                        fallback: false,
                        entries: Vec::new(),
                    });
                    id
                }
            };
            let word = &mut self.words[id as usize];
            word.fallback |= fallback;
            // Entries come in order: a word's entries stay sorted and unique.
            match word.entries.last_mut() {
                Some((e, w)) if *e == entry => *w = (*w).max(weight),
                _ => word.entries.push((entry, weight)),
            }
        });
    }

    /// The words, folded and sorted, in a compact binary form read back by
    /// [`index::LocaleIndex::add`]: per word its folded form, the first form it was written in
    /// when that differs (else nothing; the stemmer wants the accents), the language to stem it
    /// in, then its entries; strings as a length byte and bytes, numbers little-endian. Forms
    /// that fold alike (`clé`, `cle`) are one word.
    fn write(self, out: &mut Vec<u8>, locale: &str, source_locale: &str) {
        let mut forms: Vec<(std::borrow::Cow<'_, str>, &str, &PageWord)> = self
            .forms
            .iter()
            .map(|(lower, &id)| {
                (
                    words::fold_cow(lower),
                    lower.as_str(),
                    &self.words[id as usize],
                )
            })
            .collect();
        forms.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)));
        let mut i = 0;
        while i < forms.len() {
            let (folded, written, first) = &forms[i];
            let mut j = i + 1;
            while j < forms.len() && forms[j].0 == *folded {
                j += 1;
            }
            let mut fallback = first.fallback;
            let merged;
            let entries: &[(u16, u8)] = if j == i + 1 {
                &first.entries
            } else {
                let mut all: Vec<(u16, u8)> = forms[i..j]
                    .iter()
                    .flat_map(|(_, _, w)| w.entries.iter().copied())
                    .collect();
                all.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
                all.dedup_by_key(|e| e.0);
                fallback |= forms[i..j].iter().any(|(_, _, w)| w.fallback);
                merged = all;
                &merged
            };
            push_short(out, folded);
            push_short(
                out,
                if *written == folded.as_ref() {
                    ""
                } else {
                    written
                },
            );
            push_short(out, if fallback { source_locale } else { locale });
            let count = u16::try_from(entries.len()).unwrap_or(u16::MAX);
            out.extend_from_slice(&count.to_le_bytes());
            for &(entry, weight) in &entries[..usize::from(count)] {
                out.extend_from_slice(&entry.to_le_bytes());
                out.push(weight);
            }
            i = j;
        }
    }
}

/// A string of at most 255 bytes (a longer one is cut at a character boundary).
fn push_short(out: &mut Vec<u8>, text: &str) {
    let mut end = text.len().min(255);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    out.push(u8::try_from(end).unwrap_or(u8::MAX));
    out.extend_from_slice(&text.as_bytes()[..end]);
}

/// The two parts of a fragment: its entries (JSON) and its words.
fn split_fragment(bytes: &[u8]) -> (&[u8], &[u8]) {
    let Some((len, rest)) = bytes.split_first_chunk::<4>() else {
        return (&[], &[]);
    };
    let len = usize::try_from(u32::from_le_bytes(*len)).unwrap_or(usize::MAX);
    rest.split_at(len.min(rest.len()))
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
