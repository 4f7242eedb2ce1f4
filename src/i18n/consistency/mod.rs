//! Translation consistency: for one guide in one locale, every message the structure defines is
//! compared with the translation — missing, obsolete, stale (via the lock), placeable mismatch,
//! literal lost, unchanged, duplicate — and each finding names the locale, guide, message and the
//! place in the `.ftl` file.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rustc_hash::{FxHashMap, FxHashSet};
use std::path::Path;

use fluent_bundle::{FluentArgs, FluentResource};
use fluent_syntax::ast::{Entry as AstEntry, Message, Resource};

use super::bundle::{Bundle, format};
use super::ftl::find_entry;
use super::lock::{Lock, Record, hash};
use super::refs::Reference;
use crate::content::catalog::{Entry, MessageKey};
use crate::diagnostics::{Diagnostic, Location};

mod source_text;

use crate::markers::strip_ui_markers;
use source_text::placeables;
pub use source_text::{SourceText, literals, source_texts};

/// Marker comment (on the line above a message) for text that is meant to equal the source.
pub const SAME_AS_SOURCE: &str = "stepdoc: same-as-source";

/// What the checks need to know about one translation file.
pub struct TranslationFile<'a> {
    pub path: &'a Path,
    pub resource: &'a FluentResource,
    pub bundle: &'a Bundle,
}

/// Everything about one guide in one locale.
pub struct Input<'a> {
    pub guide: &'a str,
    pub locale: &'a str,
    pub entries: &'a [Entry<'a>],
    /// [`source_texts`] of `entries`.
    pub source: &'a [SourceText],
    pub translation: Option<TranslationFile<'a>>,
    pub lock: &'a Lock,
    pub args: &'a FluentArgs<'a>,
}

/// The result: findings, and the stale messages with the source text they were translated from.
#[derive(Default)]
pub struct Outcome {
    pub findings: Vec<Diagnostic>,
    pub stale: BTreeMap<MessageKey, String>,
    /// Per-message status, for reports.
    pub counts: Counts,
    /// Every translated message as the translation's bundle formats it (those whose formatting
    /// reported errors left out): the render shows the same text.
    pub formatted: FxHashMap<MessageKey, String>,
}

/// Message counts of one guide in one locale.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub messages: usize,
    pub translated: usize,
    pub missing: usize,
    pub stale: usize,
    pub obsolete: usize,
    pub unchanged: usize,
    pub words: usize,
    pub translated_words: usize,
}

/// The messages of `resource` with each key (value, attributes) they define.
fn keyed_messages(resource: &FluentResource) -> impl Iterator<Item = (MessageKey, &Message<&str>)> {
    resource
        .entries()
        .filter_map(|entry| match entry {
            AstEntry::Message(message) => Some(message),
            _ => None,
        })
        .flat_map(|message| {
            let value = message
                .value
                .as_ref()
                .map(|_| (MessageKey::value(message.id.name), message));
            let attributes = message
                .attributes
                .iter()
                .map(move |attr| (MessageKey::attr(message.id.name, attr.id.name), message));
            value.into_iter().chain(attributes)
        })
}

/// A message key borrowed from a resource or an entry: id and optional attribute.
type KeyRef<'a> = (&'a str, Option<&'a str>);

fn key_ref(key: &MessageKey) -> KeyRef<'_> {
    (key.id.as_str(), key.attr.as_deref())
}

/// The references of every key (message value and attribute) `resource` defines; a key defined
/// twice keeps its last definition, as in Fluent.
fn references(resource: &FluentResource) -> FxHashMap<KeyRef<'_>, Vec<Reference>> {
    let mut out = FxHashMap::default();
    for entry in resource.entries() {
        if let AstEntry::Message(message) = entry {
            if let Some(value) = &message.value {
                out.insert((message.id.name, None), super::refs::collect(value));
            }
            for attr in &message.attributes {
                out.insert(
                    (message.id.name, Some(attr.id.name)),
                    super::refs::collect(&attr.value),
                );
            }
        }
    }
    out
}

/// The canonical FTL text of `key` (a value or one attribute) of `message`.
fn serialize_key(message: &Message<&str>, key: &MessageKey) -> Option<String> {
    let single = match &key.attr {
        None => Message {
            id: message.id.clone(),
            value: Some(message.value.clone()?),
            attributes: Vec::new(),
            comment: None,
        },
        Some(attr) => Message {
            id: message.id.clone(),
            value: None,
            attributes: vec![
                message
                    .attributes
                    .iter()
                    .find(|a| a.id.name == attr)?
                    .clone(),
            ],
            comment: None,
        },
    };
    Some(fluent_syntax::serializer::serialize(&Resource {
        body: vec![AstEntry::Message(single)],
    }))
}

/// The canonical FTL text of one key of `resource` (the last definition wins, as in Fluent).
fn serialized_pattern(resource: &FluentResource, key: &MessageKey) -> Option<String> {
    let (_, message) = keyed_messages(resource).filter(|(k, _)| k == key).last()?;
    serialize_key(message, key)
}

/// Every (key → canonical FTL text) of the messages in `resource`, for hashing.
pub fn serialized_patterns(resource: &FluentResource) -> HashMap<MessageKey, String> {
    keyed_messages(resource)
        .filter_map(|(key, message)| {
            let text = serialize_key(message, &key)?;
            Some((key, text))
        })
        .collect()
}

/// The lock record for a translation as it is now.
pub fn record(guide: &str, key: &MessageKey, source: &str, translation: &str) -> Record {
    Record {
        guide: guide.to_owned(),
        message: key.to_string(),
        translation: hash(translation),
        source: source.trim().to_owned(),
    }
}

/// Compare one guide's translation into one locale with its source.
pub fn check(input: &Input<'_>) -> Outcome {
    let mut out = Outcome {
        formatted: FxHashMap::with_capacity_and_hasher(
            input.entries.len(),
            rustc_hash::FxBuildHasher,
        ),
        ..Outcome::default()
    };
    let Input {
        guide,
        locale,
        entries,
        ..
    } = *input;
    out.counts.messages = entries.len();
    out.counts.words = input.source.iter().map(|s| s.words).sum();
    let Some(file) = &input.translation else {
        out.counts.missing = entries.len();
        if !entries.is_empty() {
            let path = crate::layout::translation_file(locale, guide);
            out.findings.push(
                Diagnostic::warning(
                    "missing",
                    Location::file(&path),
                    format!(
                        "`{guide}` is not translated into {locale}: all {} messages are missing",
                        entries.len()
                    ),
                )
                .with_help(format!(
                    "run `stepdoc i18n sync --locale {locale}` to create the file with a stub for every message"
                ))
                .about(locale, guide, None),
            );
        }
        return out;
    };
    let text = file.resource.source();
    let locate =
        |id: &str| find_entry(file.path, text, id).unwrap_or_else(|| Location::file(file.path));
    let translation_refs = references(file.resource);
    let defined: FxHashSet<KeyRef<'_>> = entries.iter().map(|e| key_ref(&e.key)).collect();

    for (entry, facts) in entries.iter().zip(input.source) {
        let key = &entry.key;
        let Some(refs) = translation_refs.get(&key_ref(key)) else {
            let id = key.to_string();
            out.counts.missing += 1;
            out.findings.push(
                Diagnostic::warning(
                    "missing",
                    stub_location(file.path, text, &id).unwrap_or_else(|| locate(&key.id)),
                    format!("`{id}` is not translated; readers see the source text"),
                )
                .with_help(format!(
                    "translate it in {}; `stepdoc i18n sync --locale {locale}` adds a stub with the source text",
                    crate::diagnostics::display_path(file.path)
                ))
                .about(locale, guide, Some(&id)),
            );
            continue;
        };
        out.counts.translated += 1;
        out.counts.translated_words += facts.words;
        // Located and named only when there is something to report.
        let location = || locate(&key.id);
        let id = || key.to_string();
        let about = |d: Diagnostic| d.about(locale, guide, Some(&id()));

        // Stale: the source changed since the recorded translation, which was not edited since.
        if let Some(record) = input.lock.get(guide, key) {
            let source_now = entry.text.as_str().trim();
            if record.source != source_now
                && serialized_pattern(file.resource, key)
                    .is_some_and(|serialized| record.translation == hash(&serialized))
            {
                out.counts.stale += 1;
                out.stale.insert(key.clone(), record.source.clone());
                out.findings.push(about(
                    Diagnostic::warning(
                        "stale",
                        location(),
                        format!(
                            "`{key}` may be outdated: its source changed from \"{}\" to \"{}\"",
                            one_line(&record.source),
                            one_line(source_now)
                        ),
                    )
                    .with_help("update the translation (editing it marks it fresh), then run `stepdoc i18n sync`"),
                ));
            }
        }

        // Placeables: the same terms and variables as the source.
        let mut errors = Vec::new();
        let wanted = &facts.placeables;
        let got = if refs.is_empty() {
            BTreeSet::new()
        } else {
            placeables(refs)
        };
        let missing: Vec<_> = wanted.difference(&got).cloned().collect();
        let extra: Vec<_> = got.difference(wanted).cloned().collect();
        if !missing.is_empty() || !extra.is_empty() {
            let mut parts = Vec::new();
            if !missing.is_empty() {
                parts.push(format!("missing {}", spell(&missing)));
            }
            if !extra.is_empty() {
                parts.push(format!("extra {}", spell(&extra)));
            }
            out.findings.push(about(
                Diagnostic::warning(
                    "placeable-mismatch",
                    location(),
                    format!("`{key}` uses other terms or variables than the source: {}", parts.join("; ")),
                )
                .with_help("use the same { -term } and { $variable } references as the source instead of writing their text"),
            ));
        }

        let formatted = format(file.bundle, key, input.args, &mut errors);
        let keep = formatted.is_some() && errors.is_empty();
        let translated = formatted.unwrap_or_default();
        let source_plain = &facts.plain;
        let translated_plain = strip_ui_markers(&translated);
        let lost: Vec<&String> = facts
            .literals
            .iter()
            .filter(|lit| !translated_plain.contains(lit.as_str()))
            .collect();
        if !lost.is_empty() {
            out.findings.push(about(
                Diagnostic::warning(
                    "literal-lost",
                    location(),
                    format!(
                        "`{key}` lacks {} from the source",
                        lost.iter().map(|l| format!("`{l}`")).collect::<Vec<_>>().join(", ")
                    ),
                )
                .with_help("URLs, email addresses, code and numbers must appear unchanged in the translation"),
            ));
        }

        if *source_plain == translated_plain
            && facts.word_like >= 2
            && !marked_same(text, location().line)
        {
            out.counts.unchanged += 1;
            out.findings.push(about(
                Diagnostic::warning(
                    "unchanged",
                    location(),
                    format!("`{key}` is identical to the source text; is it translated?"),
                )
                .with_help(format!(
                    "translate it, or if it is meant to be the same (product names), put `# {SAME_AS_SOURCE}` on the line above the message"
                )),
            ));
        }
        if keep {
            out.formatted.insert(key.clone(), translated);
        }
    }

    // Obsolete: translations of messages the structure no longer defines.
    let mut obsolete: Vec<MessageKey> = translation_refs
        .keys()
        .filter(|key| !defined.contains(*key))
        .map(|&(id, attr)| MessageKey {
            id: id.to_owned(),
            attr: attr.map(str::to_owned),
        })
        .collect();
    obsolete.sort();
    for key in obsolete {
        {
            out.counts.obsolete += 1;
            out.findings.push(
                Diagnostic::warning(
                    "obsolete",
                    locate(&key.id),
                    format!("`{key}` is not defined by the guide any more"),
                )
                .with_help(format!(
                    "remove it, or run `stepdoc i18n sync --locale {locale} --prune` to move it to the obsolete section"
                ))
                .about(locale, guide, Some(&key.to_string())),
            );
        }
    }

    // Duplicates in the file: the later definition silently wins in Fluent.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for entry in file.resource.entries() {
        let name = match entry {
            AstEntry::Message(m) => m.id.name,
            AstEntry::Term(t) => t.id.name,
            _ => continue,
        };
        *seen.entry(name).or_default() += 1;
    }
    let mut duplicated: Vec<(&str, usize)> = seen.into_iter().filter(|(_, n)| *n > 1).collect();
    duplicated.sort_unstable();
    for (name, count) in duplicated {
        let is_term = file
            .resource
            .entries()
            .any(|e| matches!(e, AstEntry::Term(t) if t.id.name == name));
        let spelled = if is_term {
            format!("-{name}")
        } else {
            name.to_owned()
        };
        out.findings.push(
            Diagnostic::error(
                "duplicate-message",
                locate(&spelled),
                format!("`{spelled}` is defined {count} times in this file"),
            )
            .with_help("keep one definition; Fluent would silently use the last one")
            .about(locale, guide, Some(name)),
        );
    }
    out
}

/// Terms defined in a guide's translation file shadow the glossary: report them.
pub fn shadowed_terms(
    path: &Path,
    resource: &FluentResource,
    glossary: &super::terms::Terms,
    locale: &str,
    guide: &str,
) -> Vec<Diagnostic> {
    resource
        .entries()
        .filter_map(|e| match e {
            AstEntry::Term(t) if glossary.contains(t.id.name) => Some(t.id.name),
            _ => None,
        })
        .map(|name| {
            let spelled = format!("-{name}");
            Diagnostic::warning(
                "duplicate-message",
                find_entry(path, resource.source(), &spelled)
                    .unwrap_or_else(|| Location::file(path)),
                format!(
                    "term `{spelled}` is also defined in {}",
                    crate::diagnostics::display_path(&glossary.path)
                ),
            )
            .with_help(
                "define glossary terms once, in terms.ftl, so every guide of the locale agrees",
            )
            .about(locale, guide, Some(&spelled))
        })
        .collect()
}

/// The line of the stub `# (xx) <id> =` that `i18n sync` wrote for a missing message.
fn stub_location(path: &Path, text: &str, id: &str) -> Option<Location> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.starts_with("# (")
            && let Some(close) = line.find(") ")
            && line[close + 2..].starts_with(id)
            && line[close + 2 + id.len()..].trim_start().starts_with('=')
        {
            return Some(Location::at_offset(path, text, offset));
        }
        offset += line.len();
    }
    None
}

fn spell(references: &[Reference]) -> String {
    references
        .iter()
        .map(|r| format!("{{ {} }}", r.spelling()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether the line above `line` (1-based) carries the same-as-source marker.
fn marked_same(text: &str, line: u32) -> bool {
    line >= 2
        && text
            .lines()
            .nth(line as usize - 2)
            .is_some_and(|l| l.trim_start().starts_with('#') && l.contains(SAME_AS_SOURCE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_are_urls_emails_code_and_numbers() {
        let lits = literals(
            "Mail tuki@netvisor.fi or see https://x.example/a?b=1. Use `ak_` for 365 days.",
        );
        assert_eq!(
            lits,
            ["365", "ak_", "https://x.example/a?b=1", "tuki@netvisor.fi"]
        );
    }

    #[test]
    fn same_as_source_marker_is_read_from_the_line_above() {
        let text = "a = x\n# stepdoc: same-as-source\nb = Select, Elite\n";
        assert!(marked_same(text, 3));
        assert!(!marked_same(text, 1));
        assert!(!marked_same(text, 2));
    }
}
