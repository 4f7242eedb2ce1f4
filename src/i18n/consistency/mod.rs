//! Translation consistency: for one guide in one locale, every message the structure defines is
//! compared with the translation — missing, obsolete, stale (via the lock), placeable mismatch,
//! literal lost, unchanged, duplicate — and each finding names the locale, guide, message and the
//! place in the `.ftl` file.

use std::collections::{BTreeMap, HashMap};

use rustc_hash::{FxHashMap, FxHashSet};
use std::path::Path;

use fluent_bundle::{FluentArgs, FluentResource};
use fluent_syntax::ast::{Entry as AstEntry, Message, Resource};

use super::bundle::{Bundle, format};
use super::ftl::find_entry;
use super::history::{GuideHistory, TranslationText};
use super::lock::{Lock, Record, hash};
use super::refs::Reference;
use crate::content::catalog::{Entry, MessageKey};
use crate::diagnostics::{Diagnostic, Kind, Location};

mod file_findings;
mod findings;
mod language;
mod pattern;
mod shape;
mod source_text;

use crate::markers::strip_ui_markers;
pub use source_text::{Literals, SourceText, literals, missing_numbers, numbers, source_texts};

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
    /// The language judge for the site's locales (see [`language_judge`]).
    pub language: Option<&'a LanguageJudge>,
    /// Where to look for the basis of translations the lock has no record of.
    pub history: Option<GuideHistory<'a>>,
}

pub use language::Judge as LanguageJudge;

/// The language judge the checks use for a site with `locales`.
pub fn language_judge(locales: &[String]) -> Option<LanguageJudge> {
    language::judge(locales)
}

/// The language (English name) that the Fluent `pattern` of a translation into `locale` is
/// written in, when the check would report it as not the locale's (`wrong-language`).
pub fn other_language(judge: &LanguageJudge, locale: &str, pattern: &str) -> Option<&'static str> {
    let expected = language::lang_of(locale)?;
    language::other_language(judge, &pattern::pattern_words(pattern), expected)
        .map(|lang| lang.eng_name())
}

/// The result: findings, and the stale messages with the source text they were translated from.
#[derive(Default)]
pub struct Outcome {
    pub findings: Vec<Diagnostic>,
    pub stale: BTreeMap<MessageKey, String>,
    /// Per-message status, for reports.
    pub counts: Counts,
    /// Messages that are defined but read as the source text (terms and variables aside): the
    /// page marks them like missing ones.
    pub untranslated: FxHashSet<MessageKey>,
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
    /// Glossary terms the guide's source uses (with the terms those reference), and how many of
    /// them the locale's `terms.ftl` defines (filled in by the site, not by [`check`]).
    pub terms: usize,
    pub translated_terms: usize,
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

/// The attribute name of `key` as borrowed from `message`.
fn key_attr<'a>(message: &Message<&'a str>, key: &MessageKey) -> Option<&'a str> {
    let attr = key.attr.as_deref()?;
    message
        .attributes
        .iter()
        .find(|a| a.id.name == attr)
        .map(|a| a.id.name)
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

/// Compare one guide's translation into one locale with its source: each finding kind is one
/// function of `findings.rs`, called here in the order a translator fixes them.
pub fn check(input: &Input<'_>) -> Outcome {
    let mut out = Outcome {
        formatted: FxHashMap::with_capacity_and_hasher(
            input.entries.len(),
            rustc_hash::FxBuildHasher,
        ),
        ..Outcome::default()
    };
    out.counts.messages = input.entries.len();
    out.counts.words = input.source.iter().map(|s| s.words).sum();
    let Some(file) = &input.translation else {
        out.counts.missing = input.entries.len();
        out.findings.extend(file_findings::missing_file(input));
        return out;
    };
    let place = Place {
        locale: input.locale,
        guide: input.guide,
        path: file.path,
        text: file.resource.source(),
        resource: file.resource,
        blocks: std::cell::OnceCell::new(),
        messages: std::cell::OnceCell::new(),
    };
    let translation_refs = references(file.resource);
    // Translations without a lock record: judged once the history of their file is asked.
    let mut unrecorded: Vec<usize> = Vec::new();

    for (index, (entry, facts)) in input.entries.iter().zip(input.source).enumerate() {
        let key = &entry.key;
        let Some(refs) = translation_refs.get(&key_ref(key)) else {
            out.counts.missing += 1;
            out.findings.push(file_findings::missing(
                &place,
                input.entries,
                index,
                &translation_refs,
            ));
            continue;
        };
        out.counts.translated += 1;
        out.counts.translated_words += facts.words;

        if !check_translated(input, file, &place, index, refs, &mut out) {
            unrecorded.push(index);
        }
    }
    if !unrecorded.is_empty() {
        unrecorded_findings(input, &place, &translation_refs, &unrecorded, &mut out);
    }
    out.findings.extend(file_findings::order(
        &place,
        input.entries,
        input.source,
        &out.formatted,
    ));

    let defined: FxHashSet<KeyRef<'_>> = input.entries.iter().map(|e| key_ref(&e.key)).collect();
    let obsolete: Vec<_> = file_findings::obsolete(&place, &translation_refs, &defined);
    out.counts.obsolete = obsolete.len();
    out.findings.extend(obsolete);
    out.findings
        .extend(file_findings::duplicates(&place, file.resource));
    out
}

/// The findings about one translated message (`index` of the entries; `refs`: the terms and
/// variables its translation references), and its formatted text kept in `out`. Whether the
/// lock has a record of it.
fn check_translated(
    input: &Input<'_>,
    file: &TranslationFile<'_>,
    place: &Place<'_>,
    index: usize,
    refs: &[Reference],
    out: &mut Outcome,
) -> bool {
    let entry = &input.entries[index];
    let facts = &input.source[index];
    let key = &entry.key;
    let mut errors = Vec::new();
    let formatted = format(file.bundle, key, input.args, &mut errors);
    let keep = formatted.is_some() && errors.is_empty();
    let translated = formatted.unwrap_or_default();
    let translated_plain = strip_ui_markers(&translated);
    let message = findings::Message {
        place,
        entry,
        facts,
        refs,
        translated: &translated_plain,
    };

    // A translation recorded in the lock and not edited since was checked when it was
    // recorded (sync records no text in the wrong language): the language is judged again
    // only for new and edited translations.
    let record = input.lock.get(input.guide, key);
    // Serializing the translation to compare it with the record costs: done only when asked.
    let recorded_as_is = || record.is_some_and(|r| findings::unedited(r, key, place));
    if let Some(record) = record
        && let Some(d) = findings::stale(&message, record, recorded_as_is)
    {
        out.counts.stale += 1;
        out.stale.insert(key.clone(), record.source.clone());
        out.findings.push(d);
    }
    out.findings.extend(findings::placeable_mismatch(&message));
    out.findings.extend(findings::literal_lost(&message));
    out.findings.extend(findings::incomplete(&message));
    if let Some(judge) = input.language {
        out.findings
            .extend(findings::wrong_language(&message, judge, recorded_as_is));
    }
    if let Some(d) = findings::unchanged(&message) {
        out.counts.unchanged += 1;
        // Readers see source-language text: the page marks it like a missing translation.
        out.untranslated.insert(key.clone());
        out.counts.translated -= 1;
        out.counts.translated_words -= facts.words;
        out.findings.push(d);
    }
    if keep {
        out.formatted.insert(key.clone(), translated);
    }
    record.is_some()
}

/// The translations of `unrecorded` (indexes of entries) have no lock record: with a basis from
/// the repository history, each is fresh or `stale`; without one, `untracked`.
fn unrecorded_findings(
    input: &Input<'_>,
    place: &Place<'_>,
    translation_refs: &FxHashMap<KeyRef<'_>, Vec<Reference>>,
    unrecorded: &[usize],
    out: &mut Outcome,
) {
    let bases = input
        .history
        .map(|history| {
            let keys: Vec<&MessageKey> =
                unrecorded.iter().map(|&i| &input.entries[i].key).collect();
            let text = TranslationText {
                path: place.path,
                text: place.text,
            };
            history.bases(text, &keys)
        })
        .unwrap_or_default();
    for &index in unrecorded {
        let entry = &input.entries[index];
        let message = findings::Message {
            place,
            entry,
            facts: &input.source[index],
            refs: translation_refs
                .get(&key_ref(&entry.key))
                .map_or(&[], Vec::as_slice),
            translated: "",
        };
        match bases.get(&entry.key) {
            Some(basis) => {
                if let Some(d) = findings::stale_in_history(&message, basis) {
                    out.counts.stale += 1;
                    out.stale.insert(entry.key.clone(), basis.source.clone());
                    out.findings.push(d);
                }
            }
            None => out.findings.extend(findings::untracked(&message)),
        }
    }
}

/// Where the findings of one translation file are: its locale, guide, path and text.
pub(crate) struct Place<'a> {
    pub locale: &'a str,
    pub guide: &'a str,
    pub path: &'a Path,
    pub text: &'a str,
    pub resource: &'a FluentResource,
    /// Message blocks of `text` by id, made on first use.
    blocks: std::cell::OnceCell<FxHashMap<&'a str, &'a str>>,
    /// Messages of `resource` by key (the last definition), made on first use.
    messages: std::cell::OnceCell<FxHashMap<KeyRef<'a>, &'a Message<&'a str>>>,
}

impl<'a> Place<'a> {
    /// The block `id = …` (continuation lines and attributes included) of the file.
    fn block(&self, id: &str) -> Option<&'a str> {
        self.blocks
            .get_or_init(|| super::ftl::message_blocks(self.text))
            .get(id)
            .copied()
    }

    /// The canonical FTL text of one key of the file (the last definition wins, as in Fluent).
    fn serialized(&self, key: &MessageKey) -> Option<String> {
        let messages = self.messages.get_or_init(|| {
            keyed_messages(self.resource)
                .map(|(key, message)| ((message.id.name, key_attr(message, &key)), message))
                .collect()
        });
        serialize_key(messages.get(&key_ref(key))?, key)
    }

    /// The line of message `id` in the file (the file itself when it is not there).
    fn locate(&self, id: &str) -> Location {
        find_entry(self.path, self.text, id).unwrap_or_else(|| Location::file(self.path))
    }

    /// `d` about message `id` of this file.
    fn about(&self, d: Diagnostic, id: &str) -> Diagnostic {
        d.about(self.locale, self.guide, Some(id))
    }
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
                Kind::DuplicateMessage,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_are_urls_links_emails_code_and_numbers() {
        let lits = literals(
            "Mail tuki@netvisor.fi or see https://x.example/a?b=1. Use `ak_` for 365 days, \
             [the register](https://r.example/2 \"Title\") and <https://auto.example>.",
        );
        assert_eq!(
            lits.fixed,
            [
                "ak_",
                "https://r.example/2",
                "https://auto.example",
                "tuki@netvisor.fi",
                "https://x.example/a?b=1"
            ]
        );
        assert_eq!(lits.numbers, ["365"]);
    }

    #[test]
    fn numbers_ignore_grouping_and_keep_a_plus() {
        assert_eq!(numbers("1,000 or 1 000 or 1.000"), ["1000", "1000", "1000"]);
        assert_eq!(numbers("+358 40 123 4567"), ["+358401234567"]);
        assert_eq!(numbers("steps 2, 3 and 12"), ["12", "2", "3"]);
        let wanted = numbers("2 and 2 and 5");
        assert_eq!(missing_numbers(&wanted, &numbers("2 and 5")), ["2"]);
        assert_eq!(
            missing_numbers(&wanted, &numbers("12, 2, 2, 5")),
            Vec::<&str>::new()
        );
    }
}
