//! The UI paths of a guide's steps (`ui_path: [-ui-account-settings, …]`): every segment names
//! a UI label term, which the source locale's glossary must define (an error, located at the
//! segment, with the closest label as a did-you-mean) and each other locale's glossary should
//! (a `missing` finding: its readers see the source label, marked). Translations of the guide
//! hold no part of a path, so no translation can swap, drop or reorder its segments.

use std::collections::{BTreeMap, BTreeSet};

use crate::config::Config;
use crate::content::LoadedGuide;
use crate::content::model::Step;
use crate::diagnostics::{Diagnostic, Diagnostics, Kind};
use crate::i18n::terms::{Terms, UI_PREFIX};

/// Check the UI path segments of every step of `loaded`; returns the term names they use
/// (without `-`), for the glossary counts.
pub(super) fn check(
    loaded: &LoadedGuide,
    terms: &BTreeMap<String, Terms>,
    config: &Config,
    diagnostics: &mut Diagnostics,
) -> BTreeSet<String> {
    let source_locale = loaded.guide.source_locale.as_str();
    let Some(source_terms) = terms.get(source_locale) else {
        return BTreeSet::new();
    };
    let mut used = BTreeSet::new();
    let steps = loaded
        .guide
        .sections
        .iter()
        .flat_map(|s| s.all_steps())
        .flat_map(|step| std::iter::once(step).chain(&step.substeps));
    for step in steps {
        for segment in &step.ui_path {
            let Some(name) = term_name(segment.as_str()) else {
                // A malformed segment is reported by validation.
                continue;
            };
            let location = segment.location(&loaded.path);
            if !source_terms.contains(name) {
                diagnostics.push(unknown(step, name, source_terms, location));
                continue;
            }
            used.insert(name.to_owned());
            for locale in config.locales.iter().filter(|l| *l != source_locale) {
                if terms.get(locale).is_some_and(|t| t.contains(name)) {
                    continue;
                }
                let file = crate::layout::terms_file(locale);
                diagnostics.push(
                    Diagnostic::warning(
                        Kind::Missing,
                        segment.location(&loaded.path),
                        format!(
                            "the UI label `-{name}` of step `{}`'s path is not in the `{locale}` glossary; its readers see the source label",
                            step.id.as_str()
                        ),
                    )
                    .with_help(format!(
                        "define `-{name} = …` in {}",
                        crate::diagnostics::display_path(&file)
                    )),
                );
            }
        }
    }
    used
}

/// The term name (without `-`) a segment names, when it is a UI label term `-ui-…`.
fn term_name(segment: &str) -> Option<&str> {
    segment
        .strip_prefix('-')
        .filter(|name| name.starts_with(UI_PREFIX))
}

fn unknown(
    step: &Step,
    name: &str,
    source_terms: &Terms,
    location: crate::diagnostics::Location,
) -> Diagnostic {
    let labels = source_terms
        .names
        .keys()
        .map(String::as_str)
        .filter(|n| n.starts_with(UI_PREFIX));
    let near = crate::diagnostics::did_you_mean(name, labels);
    let help = format!(
        "define `-{name} = …` in {}, or correct the spelling",
        crate::diagnostics::display_path(&source_terms.path)
    );
    Diagnostic::error(
        Kind::UnknownTerm,
        location,
        format!(
            "step `{}`'s path names the UI label `-{name}`, which the glossary does not define",
            step.id.as_str()
        ),
    )
    .with_help(match near {
        Some(near) => format!("did you mean `-{near}`? {help}"),
        None => help,
    })
}
