//! One function per kind of finding about one translated message (the file-wide kinds are in
//! `file_findings.rs`). Each gets what it compares and returns its findings, located in the translation file and naming the
//! locale, guide and message. A translator marks an intentional case on the comment line above
//! the message (`# stepdoc: allow <kind>`; `# stepdoc: same-as-source` for `unchanged`).

use std::collections::BTreeSet;

use super::pattern::{attribute_of, masked, pattern_of, pattern_words};
use super::shape::shape;
use super::source_text::{SourceText, literals, missing_numbers, placeables};
use super::{Place, SAME_AS_SOURCE};
use crate::content::catalog::{Entry, MessageKey};
use crate::diagnostics::{Diagnostic, Kind, Location};
use crate::i18n::history::Basis;
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
    fn allows(&self, kind: Kind) -> bool {
        allowed(self.place.text, self.location().line, kind.as_str())
    }
}

/// The source changed since the recorded translation, which was not edited since.
/// `unedited`: whether the translation is the one the record was made of (see [`unedited`]).
pub(super) fn stale(
    message: &Message<'_, '_>,
    record: &Record,
    unedited: impl FnOnce() -> bool,
) -> Option<Diagnostic> {
    let source_now = message.entry.text.as_str().trim();
    if record.source == source_now || !unedited() {
        return None;
    }
    Some(stale_finding(
        message,
        &record.source,
        "update the translation (editing it marks it fresh), then run `stepdoc i18n sync`",
    ))
}

/// A translation with no lock record, last changed in a commit whose source differs from the
/// source now: it was made from that older source.
pub(super) fn stale_in_history(message: &Message<'_, '_>, basis: &Basis) -> Option<Diagnostic> {
    let source_now = message.entry.text.as_str().trim();
    if basis.source == source_now {
        return None;
    }
    Some(stale_finding(
        message,
        &basis.source,
        &format!(
            "the translation was last changed in commit {}, when the source read as above; update it, then run `stepdoc i18n sync` (until it is edited, sync records it as stale)",
            basis.commit
        ),
    ))
}

fn stale_finding(message: &Message<'_, '_>, old: &str, help: &str) -> Diagnostic {
    let key = &message.entry.key;
    let source_now = message.entry.text.as_str().trim();
    message.about(
        Diagnostic::warning(
            Kind::Stale,
            message.location(),
            format!(
                "`{key}` may be outdated: its source changed from \"{}\" to \"{}\"",
                one_line(old),
                one_line(source_now)
            ),
        )
        .with_help(help)
        .with_sources(old, source_now),
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
            Kind::Untracked,
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
            Kind::PlaceableMismatch,
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
    if lost.is_empty() || message.allows(Kind::LiteralLost) {
        return None;
    }
    let key = &message.entry.key;
    Some(message.about(
        Diagnostic::warning(
            Kind::LiteralLost,
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
    if lost.is_empty() || message.allows(Kind::Incomplete) {
        return None;
    }
    let key = &message.entry.key;
    Some(message.about(
        Diagnostic::warning(
            Kind::Incomplete,
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
    if message.allows(Kind::WrongLanguage) {
        return None;
    }
    Some(message.about(
        Diagnostic::warning(
            Kind::WrongLanguage,
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
        || message.allows(Kind::Unchanged)
    {
        return None;
    }
    let key = &message.entry.key;
    Some(message.about(
        Diagnostic::warning(
            Kind::Unchanged,
            message.location(),
            format!("`{key}` reads as the source text (terms and variables aside); is it translated?"),
        )
        .with_help(format!(
            "translate it; readers are shown it as untranslated. If it is meant to be the same (product names), put `# {SAME_AS_SOURCE}` on the line above the message"
        )),
    ))
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
pub(super) fn allowed(text: &str, line: u32, marker: &str) -> bool {
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
}
