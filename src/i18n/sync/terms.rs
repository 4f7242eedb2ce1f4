//! `i18n sync` on a locale's glossary, `locales/<lang>/terms.ftl`: every term the sources of the
//! guides translated into the locale use (their texts and their steps' UI paths, and the terms
//! those reference) that the glossary lacks
//! is stubbed at the end of the file, with its definition in the source locale's glossary,
//! commented out like a message stub. A translator's text is never changed or moved; stubs are
//! stepdoc's, written again on every sync (and dropped once the term is defined).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use super::GuideText;
use super::file::{Block, blocks};
use crate::i18n::terms::Terms;
use crate::i18n::{ftl, glossary, source};

/// A term the glossary of a locale lacks.
#[derive(Debug, PartialEq, Eq)]
pub struct TermStub {
    /// Name with its `-`.
    pub name: String,
    /// The locale whose glossary the definition comes from.
    pub source_locale: String,
    /// The definition there (`-name = …` and its continuation lines).
    pub definition: String,
}

/// The terms used by the sources of `guides` (those translated into `locale`) that the
/// locale's glossary lacks, by name, each with its definition in the guide's source glossary.
pub fn missing_terms(
    locale: &str,
    guides: &[GuideText<'_>],
    glossaries: &BTreeMap<String, Terms>,
) -> Vec<TermStub> {
    let Some(own) = glossaries.get(locale) else {
        return Vec::new();
    };
    let mut stubs: BTreeMap<String, TermStub> = BTreeMap::new();
    for guide in guides {
        let source_locale = guide.guide.source_locale.as_str();
        let Some(source_terms) = glossaries.get(source_locale) else {
            continue;
        };
        if source_locale == locale {
            continue;
        }
        let mut used: BTreeSet<String> = source::all_references(guide.source)
            .iter()
            .flat_map(|(_, refs)| glossary::terms_of(refs).cloned().collect::<Vec<_>>())
            .collect();
        // The labels of the steps' UI paths are glossary terms the guide uses too.
        let steps = guide.guide.sections.iter().flat_map(|s| s.all_steps());
        used.extend(
            steps
                .flat_map(|step| std::iter::once(step).chain(&step.substeps))
                .flat_map(|step| &step.ui_path)
                .filter_map(|segment| segment.as_str().strip_prefix('-'))
                .map(str::to_owned),
        );
        for name in glossary::with_references(used, source_terms) {
            if own.contains(&name) || stubs.contains_key(&name) {
                continue;
            }
            let spelled = format!("-{name}");
            let Some(block) = ftl::message_blocks(&source_terms.source)
                .get(spelled.as_str())
                .map(|b| b.trim_end().to_owned())
            else {
                continue;
            };
            stubs.insert(
                name,
                TermStub {
                    name: spelled,
                    source_locale: source_locale.to_owned(),
                    definition: block,
                },
            );
        }
    }
    stubs.into_values().collect()
}

/// The glossary `existing` with the stubs of `missing` at its end (earlier stubs dropped and
/// written again from the source glossaries).
pub fn sync_terms_text(existing: &str, missing: &[TermStub]) -> String {
    let mut out: String = blocks(existing)
        .into_iter()
        .filter(|(b, _)| !matches!(b, Block::Stub))
        .map(|(_, text)| text)
        .collect();
    if missing.is_empty() {
        return out;
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    for stub in missing {
        for (i, line) in stub.definition.lines().enumerate() {
            if i == 0 {
                let _ = writeln!(out, "# ({}) {line}", stub.source_locale);
            } else {
                let _ = writeln!(out, "#     {}", line.strip_prefix("    ").unwrap_or(line));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stub(name: &str, definition: &str) -> TermStub {
        TermStub {
            name: name.into(),
            source_locale: "en".into(),
            definition: definition.into(),
        }
    }

    #[test]
    fn stubs_go_at_the_end_and_are_rewritten_not_repeated() {
        let existing = "# Glossary\n-acme = Acme\n";
        let missing = [
            stub("-ui-export", "-ui-export = Export\n    .lang = en"),
            stub("-ui-save", "-ui-save = Save"),
        ];
        let once = sync_terms_text(existing, &missing);
        assert_eq!(
            once,
            "# Glossary\n-acme = Acme\n\n# (en) -ui-export = Export\n#     .lang = en\n# (en) -ui-save = Save\n"
        );
        assert_eq!(sync_terms_text(&once, &missing), once);
        // The translator defines one where its stub was: the text stays, the other stub follows it.
        let translated = once.replace("# (en) -ui-save = Save\n", "-ui-save = Tallenna\n");
        let again = sync_terms_text(&translated, &missing[..1]);
        assert_eq!(
            again,
            "# Glossary\n-acme = Acme\n\n-ui-save = Tallenna\n\n# (en) -ui-export = Export\n#     .lang = en\n"
        );
    }

    #[test]
    fn an_uncommented_stub_parses_as_the_term() {
        let text = sync_terms_text(
            "",
            &[stub(
                "-ui-x",
                "-ui-x = { $case ->\n   *[a] X\n    [b] Y\n  }",
            )],
        );
        let uncommented: String = text
            .lines()
            .map(|l| {
                l.strip_prefix("# (en) ")
                    .or_else(|| l.strip_prefix("# "))
                    .unwrap_or(l)
            })
            .map(|l| format!("{l}\n"))
            .collect();
        let resource = fluent_syntax::parser::parse(uncommented.as_str()).expect("valid FTL");
        assert_eq!(resource.body.len(), 1, "{uncommented}");
    }
}
