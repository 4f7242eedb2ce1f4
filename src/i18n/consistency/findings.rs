//! One function per kind of translation finding. Each gets what it compares (one message, or
//! the whole file) and returns its findings, located in the translation file and naming the
//! locale, guide and message. A translator marks an intentional case on the comment line above
//! the message (`# stepdoc: allow <kind>`; `# stepdoc: same-as-source` for `unchanged`).

use std::collections::{BTreeSet, HashMap};

use fluent_bundle::FluentResource;
use fluent_syntax::ast::Entry as AstEntry;
use rustc_hash::{FxHashMap, FxHashSet};

use super::shape::shape;
use super::source_text::{SourceText, literals, missing_numbers, placeables};
use super::{Input, KeyRef, Place, SAME_AS_SOURCE};
use crate::content::catalog::{Entry, MessageKey};
use crate::diagnostics::{Diagnostic, Location, display_path};
use crate::i18n::ftl;
use crate::i18n::lock::{Record, hash};
use crate::i18n::refs::Reference;

/// One translated message and what it is compared with.
pub(super) struct Message<'a, 'p> {
    pub place: &'a Place<'p>,
    pub entry: &'a Entry<'a>,
    pub facts: &'a SourceText,
    /// The terms and variables the translation references.
    pub refs: &'a [Reference],
    /// The translation as formatted, without UI markers.
    pub translated: &'a str,
}

impl Message<'_, '_> {
    fn id(&self) -> String {
        self.entry.key.to_string()
    }

    fn location(&self) -> Location {
        self.place.locate(&self.entry.key.id)
    }

    /// `d` about this message.
    fn about(&self, d: Diagnostic) -> Diagnostic {
        self.place.about(d, &self.id())
    }

    /// Whether the translator marked `kind` as intended for this message.
    fn allows(&self, kind: &str) -> bool {
        allowed(self.place.text, self.location().line, kind)
    }
}

/// The whole file is missing.
pub(super) fn missing_file(input: &Input<'_>) -> Option<Diagnostic> {
    let (guide, locale) = (input.guide, input.locale);
    if input.entries.is_empty() {
        return None;
    }
    let path = crate::layout::translation_file(locale, guide);
    Some(
        Diagnostic::warning(
            "missing",
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
            "missing",
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

/// The line of the stub `# (xx) <id> =` that `i18n sync` wrote for a missing message.
fn stub_location(place: &Place<'_>, id: &str) -> Option<Location> {
    let mut offset = 0;
    for line in place.text.split_inclusive('\n') {
        if line.starts_with("# (")
            && let Some(close) = line.find(") ")
            && line[close + 2..].starts_with(id)
            && line[close + 2 + id.len()..].trim_start().starts_with('=')
        {
            return Some(Location::at_offset(place.path, place.text, offset));
        }
        offset += line.len();
    }
    None
}

/// The source changed since the recorded translation, which was not edited since.
/// `unedited`: whether the translation is the one the record was made of (see [`unedited`]).
pub(super) fn stale(
    message: &Message<'_, '_>,
    record: &Record,
    unedited: impl FnOnce() -> bool,
) -> Option<Diagnostic> {
    let key = &message.entry.key;
    let source_now = message.entry.text.as_str().trim();
    if record.source == source_now || !unedited() {
        return None;
    }
    Some(
        message.about(
            Diagnostic::warning(
                "stale",
                message.location(),
                format!(
                    "`{key}` may be outdated: its source changed from \"{}\" to \"{}\"",
                    one_line(&record.source),
                    one_line(source_now)
                ),
            )
            .with_help(
                "update the translation (editing it marks it fresh), then run `stepdoc i18n sync`",
            )
            .with_sources(&record.source, source_now),
        ),
    )
}

/// Whether the translation of `key` is the one `record` was made of (not edited since).
pub(super) fn unedited(record: &Record, key: &MessageKey, place: &Place<'_>) -> bool {
    place
        .serialized(key)
        .is_some_and(|serialized| record.translation == hash(&serialized))
}

/// A translation with no lock record: nothing tells which source text it was made from, so a
/// later change of the source could not be told apart from it.
pub(super) fn untracked(message: &Message<'_, '_>) -> Option<Diagnostic> {
    let key = &message.entry.key;
    Some(message.about(
        Diagnostic::warning(
            "untracked",
            message.location(),
            format!("`{key}` has no record of the source text it was translated from"),
        )
        .with_help(format!(
            "check it against the current source, then run `stepdoc i18n sync --locale {}` to record it; until then a change of the source cannot be detected",
            message.place.locale
        )),
    ))
}

/// The translation references other terms or variables than the source.
pub(super) fn placeable_mismatch(message: &Message<'_, '_>) -> Option<Diagnostic> {
    let wanted = &message.facts.placeables;
    let got = if message.refs.is_empty() {
        BTreeSet::new()
    } else {
        placeables(message.refs)
    };
    let missing: Vec<_> = wanted.difference(&got).cloned().collect();
    let extra: Vec<_> = got.difference(wanted).cloned().collect();
    if missing.is_empty() && extra.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push(format!("missing {}", spell(&missing)));
    }
    if !extra.is_empty() {
        parts.push(format!("extra {}", spell(&extra)));
    }
    let key = &message.entry.key;
    Some(message.about(
        Diagnostic::warning(
            "placeable-mismatch",
            message.location(),
            format!("`{key}` uses other terms or variables than the source: {}", parts.join("; ")),
        )
        .with_help("use the same { -term } and { $variable } references as the source instead of writing their text"),
    ))
}

/// URLs, link destinations, emails and code of the source missing from the translation, and
/// numbers it holds fewer times than the source.
pub(super) fn literal_lost(message: &Message<'_, '_>) -> Option<Diagnostic> {
    let source = &message.facts.literals;
    if source.fixed.is_empty() && source.numbers.is_empty() {
        return None;
    }
    let mut lost: Vec<String> = source
        .fixed
        .iter()
        .filter(|lit| !message.translated.contains(lit.as_str()))
        .map(|lit| format!("`{lit}`"))
        .collect();
    if !source.numbers.is_empty() {
        let got = literals(message.translated).numbers;
        lost.extend(
            missing_numbers(&source.numbers, &got)
                .into_iter()
                .map(|n| format!("the number `{n}`")),
        );
    }
    if lost.is_empty() || message.allows("literal-lost") {
        return None;
    }
    let key = &message.entry.key;
    Some(message.about(
        Diagnostic::warning(
            "literal-lost",
            message.location(),
            format!("`{key}` lacks {} from the source", lost.join(", ")),
        )
        .with_help("URLs, link destinations, email addresses, code and numbers must appear unchanged in the translation (each number as often as in the source)"),
    ))
}

/// A translation that lost content: fewer sentences, paragraphs, list items, links, code spans or
/// bold runs than the source.
pub(super) fn incomplete(message: &Message<'_, '_>) -> Option<Diagnostic> {
    let want = &message.facts.shape;
    if want.is_plain() {
        return None;
    }
    let got = shape(message.translated);
    let mut lost = Vec::new();
    let mut compare = |name: &str, want: usize, got: usize| {
        if got < want {
            lost.push(format!("{got} {name} instead of {want}"));
        }
    };
    compare("sentence(s)", want.sentences, got.sentences);
    compare("paragraph(s)", want.paragraphs, got.paragraphs);
    compare("list item(s)", want.list_items, got.list_items);
    compare("link(s)", want.links, got.links);
    compare("code span(s)", want.code_spans, got.code_spans);
    compare("bold run(s)", want.strong, got.strong);
    if lost.is_empty() || message.allows("incomplete") {
        return None;
    }
    let key = &message.entry.key;
    Some(message.about(
        Diagnostic::warning(
            "incomplete",
            message.location(),
            format!("`{key}` may have lost content: {}", lost.join(", ")),
        )
        .with_help("translate every sentence and keep the Markdown (lists, links, `code`, **bold**); if two sentences were merged on purpose, put `# stepdoc: allow incomplete` on the line above the message"),
    ))
}

/// Translated text written in another language than the locale's (left in the source language,
/// or pasted from a third one).
/// A translation recorded in the lock and not edited since (`recorded_as_is`) was judged when it
/// was recorded (`i18n sync` records no text in the wrong language): only new and edited
/// translations are judged again, and that is asked only when the detector would be needed.
pub(super) fn wrong_language(
    message: &Message<'_, '_>,
    judge: &super::LanguageJudge,
    recorded_as_is: impl FnOnce() -> bool,
) -> Option<Diagnostic> {
    let expected = super::language::lang_of(message.place.locale)?;
    // The formatted text holds at least the translator's words: too few there, too few at all.
    message
        .translated
        .split_ascii_whitespace()
        .nth(super::language::MIN_WORDS - 1)?;
    // Cheapest first: text plainly in the locale's language by its function words, then text
    // judged when it was recorded.
    if judge.plainly(message.translated, expected) || recorded_as_is() {
        return None;
    }
    // The translator's own words: the pattern as written, terms and variables left out (their
    // values are product names and UI labels, often in another language on purpose).
    let key = &message.entry.key;
    let block = message.place.block(&key.id)?;
    let pattern = match &key.attr {
        None => pattern_of(block),
        Some(attr) => attribute_of(block, attr)?,
    };
    let found = super::language::other_language(judge, &pattern_words(pattern), expected)?;
    if message.allows("wrong-language") {
        return None;
    }
    Some(message.about(
        Diagnostic::warning(
            "wrong-language",
            message.location(),
            format!(
                "`{key}` reads as {} text, not {}",
                found.eng_name(),
                expected.eng_name()
            ),
        )
        .with_help(
            "translate it into the locale's language; if the text is meant to be in another language (a quoted UI, a name), put `# stepdoc: allow wrong-language` on the line above the message"
        ),
    ))
}

/// The translation reads as the source text, terms and variables aside (their values may
/// differ per locale): it is most likely untranslated.
pub(super) fn unchanged(message: &Message<'_, '_>) -> Option<Diagnostic> {
    if message.facts.word_like < 2 {
        return None;
    }
    // With terms and variables masked, a few words of their own must remain (a Dutch "Open
    // { -ui-settings }." is a translation of "Open { -ui-settings }.").
    let identical = message.facts.plain == message.translated
        || (!message.facts.placeables.is_empty()
            && message.entry.key.attr.is_none()
            && message
                .place
                .block(&message.entry.key.id)
                .is_some_and(|block| {
                    let source = masked(message.entry.text.as_str());
                    source
                        .split(' ')
                        .filter(|w| w.chars().any(char::is_alphabetic))
                        .count()
                        >= 3
                        && masked(pattern_of(block)) == source
                }));
    if !identical
        || allowed(message.place.text, message.location().line, SAME_AS_SOURCE)
        || message.allows("unchanged")
    {
        return None;
    }
    let key = &message.entry.key;
    Some(message.about(
        Diagnostic::warning(
            "unchanged",
            message.location(),
            format!("`{key}` reads as the source text (terms and variables aside); is it translated?"),
        )
        .with_help(format!(
            "translate it; readers are shown it as untranslated. If it is meant to be the same (product names), put `# {SAME_AS_SOURCE}` on the line above the message"
        )),
    ))
}

/// The pattern of a message block `id = pattern` (its value lines, attributes left out).
fn pattern_of(block: &str) -> &str {
    let after = block.split_once('=').map_or(block, |(_, p)| p);
    match after.find("\n    .").or_else(|| after.find("\n  .")) {
        Some(end) => &after[..end],
        None => after,
    }
}

/// The words a translator wrote in a Fluent pattern: placeables, code, URLs left out.
pub(super) fn pattern_words(pattern: &str) -> String {
    // One pass: placeables and code spans become blanks, then the words are filtered.
    let mut text = String::with_capacity(pattern.len());
    let (mut depth, mut code) = (0usize, false);
    for c in pattern.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => {
                depth -= 1;
                text.push(' ');
            }
            _ if depth > 0 => {}
            '`' => {
                code = !code;
                text.push(' ');
            }
            _ if code => {}
            c => text.push(c),
        }
    }
    super::language::own_words(&text)
}

/// The pattern of attribute `attr` in a message block (`    .attr = pattern`).
fn attribute_of<'a>(block: &'a str, attr: &str) -> Option<&'a str> {
    let mut offset = 0;
    for line in block.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if line.starts_with([' ', '\t'])
            && let Some(rest) = trimmed.strip_prefix('.').and_then(|r| r.strip_prefix(attr))
            && rest.trim_start().starts_with('=')
        {
            let start = offset + (line.len() - rest.len()) + rest.find('=')? + 1;
            let after = &block[start..];
            let end = after
                .match_indices('\n')
                .map(|(i, _)| i)
                .find(|&i| {
                    after[i + 1..]
                        .trim_start_matches([' ', '\t'])
                        .starts_with('.')
                })
                .unwrap_or(after.len());
            return Some(&after[..end]);
        }
        offset += line.len();
    }
    None
}

/// `pattern` with every placeable as `{}` and blanks collapsed.
fn masked(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut depth = 0usize;
    for c in pattern.chars() {
        match c {
            '{' => {
                if depth == 0 {
                    out.push_str("{}");
                }
                depth += 1;
            }
            '}' if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            c => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
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
    let signal = |facts: &SourceText, text: &str| -> i64 {
        let lits = literals(text);
        let shared_numbers = facts
            .literals
            .numbers
            .len()
            .saturating_sub(missing_numbers(&facts.literals.numbers, &lits.numbers).len());
        let shared_fixed = facts
            .literals
            .fixed
            .iter()
            .filter(|l| text.contains(l.as_str()))
            .count();
        let want = &facts.shape;
        let got = shape(text);
        let shape_score = -((want.sentences.abs_diff(got.sentences)
            + want.list_items.abs_diff(got.list_items)
            + want.links.abs_diff(got.links)) as i64);
        let ratio =
            (text.chars().count() as f64 + 20.0) / (facts.plain.chars().count() as f64 + 20.0);
        let length_score = -((ratio.ln().abs() * 4.0) as i64);
        4 * (shared_numbers + shared_fixed) as i64 + 2 * shape_score + length_score
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
        let kept = signal(&source[i], &ta) + signal(&source[i + 1], &tb);
        let swapped = signal(&source[i], &tb) + signal(&source[i + 1], &ta);
        // Only a clear win counts: the swapped pairing must explain literals the kept one cannot.
        if swapped >= kept + 6 {
            let id = a.key.to_string();
            if allowed(place.text, place.locate(&a.key.id).line, "order") {
                continue;
            }
            out.push(place.about(
                Diagnostic::warning(
                    "order",
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
                    "obsolete",
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
                    "duplicate-message",
                    place.locate(&spelled),
                    format!("`{spelled}` is defined {count} times in this file"),
                )
                .with_help("keep one definition; Fluent would silently use the last one"),
                name,
            )
        })
        .collect()
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

/// Whether the comment lines right above `line` (1-based) carry `marker` (`stepdoc:
/// same-as-source`) or allow `marker` as a kind (`stepdoc: allow literal-lost, incomplete`).
fn allowed(text: &str, line: u32, marker: &str) -> bool {
    if line < 2 {
        return false;
    }
    let lines: Vec<&str> = text.lines().take(line as usize - 1).collect();
    lines
        .iter()
        .rev()
        .map(|l| l.trim_start())
        .take_while(|l| l.starts_with('#'))
        .any(|l| {
            (marker.starts_with("stepdoc:") && l.contains(marker))
                || l.split_once("stepdoc: allow")
                    .is_some_and(|(_, kinds)| kinds.split([',', ' ']).any(|k| k.trim() == marker))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_read_from_the_comment_lines_above() {
        let text = "a = x\n# stepdoc: same-as-source\nb = Select, Elite\n# note\n# stepdoc: allow incomplete, order\nc = y\n";
        assert!(allowed(text, 3, SAME_AS_SOURCE));
        assert!(!allowed(text, 1, SAME_AS_SOURCE));
        assert!(!allowed(text, 2, SAME_AS_SOURCE));
        assert!(allowed(text, 6, "incomplete"));
        assert!(allowed(text, 6, "order"));
        assert!(!allowed(text, 6, "literal-lost"));
        assert!(!allowed(text, 3, "incomplete"));
    }

    #[test]
    fn masking_ignores_placeables_and_blanks() {
        assert_eq!(
            masked("Open { -ui-settings }  now"),
            masked("Open {-ui-x} now")
        );
        assert_ne!(masked("Open { -a } now"), masked("Avaa { -a } nyt"));
        assert_eq!(
            pattern_of("id = Open { -a }\n    .alt = x\n"),
            " Open { -a }"
        );
    }
}
