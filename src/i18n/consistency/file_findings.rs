//! Findings about a translation file as a whole: the file or a message missing from it, messages
//! it has that the guide no longer defines or defines twice, and step texts in swapped places.

use std::collections::HashMap;

use fluent_bundle::FluentResource;
use fluent_syntax::ast::Entry as AstEntry;
use rustc_hash::{FxHashMap, FxHashSet};

use super::findings::allowed;
use super::shape::{Shape, shape};
use super::source_text::{SourceText, literals, missing_numbers};
use super::{Input, KeyRef, Place};
use crate::content::catalog::{Entry, MessageKey};
use crate::diagnostics::{Diagnostic, Kind, Location, display_path};
use crate::i18n::ftl;
use crate::i18n::refs::Reference;

/// The whole file is missing.
pub(super) fn missing_file(input: &Input<'_>) -> Option<Diagnostic> {
    let (guide, locale) = (input.guide, input.locale);
    if input.entries.is_empty() {
        return None;
    }
    let path = crate::layout::translation_file(locale, guide);
    Some(
        Diagnostic::warning(
            Kind::Missing,
            Location::file(&path),
            format!(
                "`{guide}` is not translated into {locale}: all {} messages are missing",
                input.entries.len()
            ),
        )
        .with_help(format!(
            "run `stepdoc i18n sync --locale {locale}` to create the file with a stub for every message"
        ))
        .about(locale, guide, None),
    )
}

/// Message `entries[index]` is not in the file: located at the stub `i18n sync` wrote, else
/// where the stub belongs — after the previous message of the structure that the file has.
pub(super) fn missing(
    place: &Place<'_>,
    entries: &[Entry<'_>],
    index: usize,
    present: &FxHashMap<KeyRef<'_>, Vec<Reference>>,
) -> Diagnostic {
    let key = &entries[index].key;
    let id = key.to_string();
    // A missing attribute belongs to its message, when the file has it.
    let location = stub_location(place, &id)
        .or_else(|| {
            key.attr
                .as_ref()
                .and_then(|_| ftl::find_entry(place.path, place.text, &key.id))
        })
        .unwrap_or_else(|| stub_place(place, entries, index, present));
    place.about(
        Diagnostic::warning(
            Kind::Missing,
            location,
            format!("`{id}` is not translated; readers see the source text"),
        )
        .with_help(format!(
            "translate it in {} (it belongs here, after the previous message of the guide); `stepdoc i18n sync --locale {}` adds a stub with the source text",
            display_path(place.path),
            place.locale
        )),
        &id,
    )
}

/// The line after the previous message (in structure order) that the file defines; else the
/// line of the next one; else the end of the file.
fn stub_place(
    place: &Place<'_>,
    entries: &[Entry<'_>],
    index: usize,
    present: &FxHashMap<KeyRef<'_>, Vec<Reference>>,
) -> Location {
    let has = |e: &Entry<'_>| present.contains_key(&super::key_ref(&e.key));
    if let Some(previous) = entries[..index].iter().rev().find(|e| has(e))
        && let Some(block) = place.block(&previous.key.id)
    {
        let end = block.as_ptr() as usize - place.text.as_ptr() as usize + block.len();
        return Location::at_offset(place.path, place.text, end);
    }
    if let Some(next) = entries[index + 1..].iter().find(|e| has(e)) {
        return place.locate(&next.key.id);
    }
    Location::at_offset(place.path, place.text, place.text.len())
}

/// The line of the stub `# (xx) <id> =` that `i18n sync` wrote for a missing message, or, for a
/// missing attribute of a message the file has, of the stub `# (xx)     .<attr> =` after it.
fn stub_location(place: &Place<'_>, id: &str) -> Option<Location> {
    let (message, attr) = match id.split_once('.') {
        Some((message, attr)) => (message, Some(attr)),
        None => (id, None),
    };
    let defines = |rest: &str, name: &str| {
        rest.strip_prefix(name)
            .is_some_and(|after| after.trim_start().starts_with('='))
    };
    let mut offset = 0;
    let mut current: Option<&str> = None;
    for line in place.text.split_inclusive('\n') {
        if line.starts_with("# (")
            && let Some(close) = line.find(") ")
        {
            let rest = &line[close + 2..];
            let found = defines(rest, id)
                || attr.is_some_and(|a| {
                    current == Some(message) && defines(rest.trim_start(), &format!(".{a}"))
                });
            if found {
                return Some(Location::at_offset(place.path, place.text, offset));
            }
        } else if let Some((name, _)) = line.split_once('=')
            && !line.starts_with([' ', '\t', '#'])
        {
            current = Some(name.trim());
        }
        offset += line.len();
    }
    None
}

/// Two step texts in swapped places: a translation that matches the next message's source by
/// its numbers and literals better than its own, while the next matches this one's.
pub(super) fn order(
    place: &Place<'_>,
    entries: &[Entry<'_>],
    source: &[SourceText],
    formatted: &FxHashMap<MessageKey, String>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // What `signal` compares of a translation, worked out once per text.
    struct Seen {
        numbers: Vec<String>,
        shape: Shape,
        chars: usize,
    }
    let seen = |text: &str| Seen {
        numbers: literals(text).numbers,
        shape: shape(text),
        chars: text.chars().count(),
    };
    let signal = |facts: &SourceText, text: &str, got: &Seen| -> i64 {
        let shared_numbers = facts
            .literals
            .numbers
            .len()
            .saturating_sub(missing_numbers(&facts.literals.numbers, &got.numbers).len());
        let shared_fixed = facts
            .literals
            .fixed
            .iter()
            .filter(|l| text.contains(l.as_str()))
            .count();
        let want = &facts.shape;
        let shape_score = -((want.sentences.abs_diff(got.shape.sentences)
            + want.list_items.abs_diff(got.shape.list_items)
            + want.links.abs_diff(got.shape.links)) as i64);
        // A parenthesized aside is kept like a literal.
        let aside_score = -(want.parentheses.abs_diff(got.shape.parentheses) as i64);
        let ratio = (got.chars as f64 + 20.0) / (facts.plain.chars().count() as f64 + 20.0);
        let length_score = -((ratio.ln().abs() * 4.0) as i64);
        4 * ((shared_numbers + shared_fixed) as i64 + aside_score) + 2 * shape_score + length_score
    };
    for i in 0..entries.len().saturating_sub(1) {
        let (a, b) = (&entries[i], &entries[i + 1]);
        if !a.key.id.starts_with("step-")
            || !b.key.id.starts_with("step-")
            || a.key.attr.is_some()
            || b.key.attr.is_some()
        {
            continue;
        }
        // Without numbers, literals or structure in either source, only the length could tell
        // the two apart: not enough to say they were swapped.
        let telling = |facts: &SourceText| {
            !facts.literals.numbers.is_empty()
                || !facts.literals.fixed.is_empty()
                || !facts.shape.is_plain()
        };
        if !telling(&source[i]) && !telling(&source[i + 1]) {
            continue;
        }
        let (Some(ta), Some(tb)) = (formatted.get(&a.key), formatted.get(&b.key)) else {
            continue;
        };
        let (ta, tb) = (
            crate::markers::strip_ui_markers(ta),
            crate::markers::strip_ui_markers(tb),
        );
        let (sa, sb) = (seen(&ta), seen(&tb));
        let kept = signal(&source[i], &ta, &sa) + signal(&source[i + 1], &tb, &sb);
        let swapped = signal(&source[i], &tb, &sb) + signal(&source[i + 1], &ta, &sa);
        // Only a clear win counts: the swapped pairing must explain literals the kept one cannot.
        if swapped >= kept + 6 {
            let id = a.key.to_string();
            if allowed(
                place.text,
                place.locate(&a.key.id).line,
                Kind::Order.as_str(),
            ) {
                continue;
            }
            out.push(place.about(
                Diagnostic::warning(
                    Kind::Order,
                    place.locate(&a.key.id),
                    format!(
                        "`{id}` and `{}` look swapped: each translation matches the other's source (numbers, literals, length)",
                        b.key
                    ),
                )
                .with_help("put each step's translation under its own message id; if this is intended, put `# stepdoc: allow order` on the line above the first message"),
                &id,
            ));
        }
    }
    out
}

/// Translations of messages the structure no longer defines.
pub(super) fn obsolete(
    place: &Place<'_>,
    present: &FxHashMap<KeyRef<'_>, Vec<Reference>>,
    defined: &FxHashSet<KeyRef<'_>>,
) -> Vec<Diagnostic> {
    let mut obsolete: Vec<MessageKey> = present
        .keys()
        .filter(|key| !defined.contains(*key))
        .map(|&(id, attr)| MessageKey {
            id: id.to_owned(),
            attr: attr.map(str::to_owned),
        })
        .collect();
    obsolete.sort();
    obsolete
        .into_iter()
        .map(|key| {
            place.about(
                Diagnostic::warning(
                    Kind::Obsolete,
                    place.locate(&key.id),
                    format!("`{key}` is not defined by the guide any more"),
                )
                .with_help(format!(
                    "remove it, or run `stepdoc i18n sync --locale {} --prune` to move it to the obsolete section",
                    place.locale
                )),
                &key.to_string(),
            )
        })
        .collect()
}

/// Messages and terms defined more than once in the file: the later definition silently wins
/// in Fluent.
pub(super) fn duplicates(place: &Place<'_>, resource: &FluentResource) -> Vec<Diagnostic> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for entry in resource.entries() {
        let name = match entry {
            AstEntry::Message(m) => m.id.name,
            AstEntry::Term(t) => t.id.name,
            _ => continue,
        };
        *seen.entry(name).or_default() += 1;
    }
    let mut duplicated: Vec<(&str, usize)> = seen.into_iter().filter(|(_, n)| *n > 1).collect();
    duplicated.sort_unstable();
    duplicated
        .into_iter()
        .map(|(name, count)| {
            let is_term = resource
                .entries()
                .any(|e| matches!(e, AstEntry::Term(t) if t.id.name == name));
            let spelled = if is_term {
                format!("-{name}")
            } else {
                name.to_owned()
            };
            place.about(
                Diagnostic::error(
                    Kind::DuplicateMessage,
                    place.locate(&spelled),
                    format!("`{spelled}` is defined {count} times in this file"),
                )
                .with_help("keep one definition; Fluent would silently use the last one"),
                name,
            )
        })
        .collect()
}
