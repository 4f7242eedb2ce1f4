//! One guide made ready to render: its source text as Fluent, its translations parsed and
//! bundled, every reference resolved, coverage and consistency per locale — with every finding.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

use fluent_bundle::FluentResource;

use super::{GuideData, LocaleStatus, Translation};
use crate::config::Config;
use crate::content::LoadedGuide;
use crate::content::catalog::{self, MessageKey};
use crate::diagnostics::{Diagnostic, Diagnostics, Kind, Location};
use crate::i18n::bundle::new_bundle;
use crate::i18n::consistency;
use crate::i18n::coverage::Coverage;
use crate::i18n::lock::Lock;
use crate::i18n::refs::Reference;
use crate::i18n::screenshots;
use crate::i18n::terms::Terms;
use crate::i18n::{ftl, glossary, source};

/// Terms may refer to other terms, which must exist. (Variables in a term are its parameters,
/// e.g. `$case`, so they are not checked against the site variables.)
pub(super) fn check_term_refs(terms: &Terms, diagnostics: &mut Diagnostics) {
    for (name, refs) in &terms.names {
        for reference in refs {
            let known = match reference {
                Reference::Term(t) => terms.contains(t),
                Reference::Variable(_) => true,
                Reference::Message(_) => false,
            };
            if !known {
                let location = ftl::find_entry(&terms.path, &terms.source, &format!("-{name}"))
                    .unwrap_or_else(|| Location::file(&terms.path));
                diagnostics.push(unknown_reference(location, reference, None));
            }
        }
    }
}

/// Whether a message's reference resolves: a term of its locale or a site variable. Messages
/// cannot reference other messages (translations would drift through them).
fn is_known(reference: &Reference, terms: &Terms, config: &Config) -> bool {
    match reference {
        Reference::Term(t) => terms.contains(t),
        Reference::Variable(v) => config.variables.contains_key(v),
        Reference::Message(_) => false,
    }
}

fn unknown_reference(
    location: Location,
    reference: &Reference,
    key: Option<&MessageKey>,
) -> Diagnostic {
    let (what, help) = match reference {
        Reference::Term(name) => (
            "term",
            format!("define `-{name} = …` in the locale's terms.ftl, or correct the spelling"),
        ),
        Reference::Variable(name) => (
            "variable",
            format!("add `{name}` under `variables:` in site.yaml, or correct the spelling"),
        ),
        Reference::Message(name) => (
            "message",
            format!("messages cannot be referenced here; use a term (`-{name}`) instead"),
        ),
    };
    let place = key.map(|k| format!(" in `{k}`")).unwrap_or_default();
    Diagnostic::error(
        if what == "variable" {
            Kind::UnknownVariable
        } else {
            Kind::UnknownTerm
        },
        location,
        format!("unknown {what} `{}`{place}", reference.spelling()),
    )
    .with_help(help)
}

/// The defined term or variable closest to an unknown one, spelled as in a message.
fn source_suggestion(reference: &Reference, terms: &Terms, config: &Config) -> Option<String> {
    match reference {
        Reference::Term(name) => {
            crate::diagnostics::did_you_mean(name, terms.names.keys().map(String::as_str))
                .map(|n| format!("-{n}"))
        }
        Reference::Variable(name) => {
            crate::diagnostics::did_you_mean(name, config.variables.keys().map(String::as_str))
                .map(|n| format!("${n}"))
        }
        Reference::Message(_) => None,
    }
}

/// What every guide's preparation reads.
pub struct Shared<'a> {
    pub root: &'a Path,
    pub config: &'a Config,
    pub terms: &'a BTreeMap<String, Terms>,
    pub locks: &'a BTreeMap<String, Lock>,
}

/// Check one guide's text and translations against the site: references, consistency, coverage.
/// Returns the guide ready to render unless its source locale is unknown.
pub fn prepare_guide(shared: &Shared<'_>, loaded: LoadedGuide) -> (Option<GuideData>, Diagnostics) {
    prepare_guide_with(shared, loaded, BTreeMap::new())
}

/// The decoded text of the translation file at `path` (relative to `root`); `None` when there
/// is none.
fn read_translation(root: &Path, path: &Path) -> Result<Option<String>, Diagnostic> {
    crate::input::read_text_if_exists(root, path)
}

/// [`prepare_guide`], with the decoded text of translation files already read, by locale
/// (the others are read here).
pub fn prepare_guide_with(
    shared: &Shared<'_>,
    loaded: LoadedGuide,
    read_ahead: BTreeMap<String, String>,
) -> (Option<GuideData>, Diagnostics) {
    let Shared { config, terms, .. } = *shared;
    let mut diagnostics = Diagnostics::new();
    let source_locale = loaded.guide.source_locale.as_str().to_owned();
    let entries = catalog::entries(&loaded.guide);
    let (source, errors) = source::build(&loaded.path, &entries);
    for d in errors {
        diagnostics.push(d);
    }
    let Some(source_terms) = terms.get(&source_locale) else {
        // The unknown source locale was reported by validation.
        return (None, diagnostics);
    };
    let (mut used_terms, mut broken) = check_source_refs(
        &loaded,
        &entries,
        &source.resource,
        (source_terms, config),
        &mut diagnostics,
    );
    used_terms.extend(super::ui_path::check(
        &loaded,
        terms,
        config,
        &mut diagnostics,
    ));
    // An empty source text is reported by validation (`empty-text`); its translations are
    // compared once it has text.
    broken.extend(
        entries
            .iter()
            .filter(|e| e.text.as_str().trim().is_empty())
            .map(|e| e.key.to_string()),
    );
    let source_bundle = new_bundle(
        &source_locale,
        &[
            Arc::clone(&source_terms.resource),
            Arc::clone(&source.resource),
        ],
    );
    let mut translations = load_translations(
        shared,
        (&loaded, source_terms),
        read_ahead,
        &mut diagnostics,
    );
    let used_terms = glossary::with_references(used_terms, source_terms);
    let args = crate::i18n::bundle::args(&config.variables);
    let source_texts = consistency::source_texts(&entries, &source_bundle, &args);
    let mut findings = Diagnostics::new();
    let status = check_translations(
        shared,
        (&loaded, &entries, &source_texts),
        &mut translations,
        &used_terms,
        &mut findings,
    );
    // Findings about a message whose source has an unknown reference follow from that one error.
    for d in findings.into_vec() {
        if !d.message_id.as_ref().is_some_and(|id| broken.contains(id)) {
            diagnostics.push(d);
        }
    }
    // Coverage: the consistency counts, and everything in the source locale.
    let coverage = config
        .locales
        .iter()
        .map(|locale| {
            let c = match status.get(locale) {
                Some(s) => Coverage::from(s.counts),
                None => Coverage::full(&source_texts),
            };
            (locale.clone(), c)
        })
        .collect();
    // The render shows the same source text: keep it formatted.
    let formatted = entries
        .iter()
        .zip(source_texts)
        .filter_map(|(entry, text)| Some((entry.key.clone(), text.formatted?)))
        .collect();
    drop(entries);
    (
        Some(GuideData {
            loaded,
            source: source.resource,
            source_bundle,
            source_formatted: formatted,
            translations,
            coverage,
            status,
        }),
        diagnostics,
    )
}

/// Each translation of the guide checked against its source (`entries` and their
/// `source_texts`): the findings, each translation's formatted text, and its status.
fn check_translations(
    shared: &Shared<'_>,
    (loaded, entries, source_texts): (
        &LoadedGuide,
        &[catalog::Entry<'_>],
        &[consistency::SourceText],
    ),
    translations: &mut BTreeMap<String, Translation>,
    used_terms: &BTreeSet<String>,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<String, LocaleStatus> {
    let Shared {
        root,
        config,
        terms,
        locks,
    } = *shared;
    let empty = Lock::default();
    let language = consistency::language_judge(&config.locales);
    let source_locale = loaded.guide.source_locale.as_str();
    let args = crate::i18n::bundle::args(&config.variables);
    let sources = crate::i18n::history::SourceCache::default();
    let shots = screenshots::sources(root, loaded);
    let mut status = BTreeMap::new();
    for locale in config.locales.iter().filter(|l| **l != source_locale) {
        let lock = locks.get(locale).unwrap_or(&empty);
        let (images, found) = screenshots::check(&screenshots::Input {
            root,
            loaded,
            locale,
            sources: &shots,
            lock,
        });
        diagnostics.extend(found);
        let outcome = consistency::check(&consistency::Input {
            guide: &loaded.id,
            locale,
            entries,
            source: source_texts,
            translation: translations
                .get(locale)
                .map(|t| consistency::TranslationFile {
                    path: &t.path,
                    resource: &t.resource,
                    bundle: &t.bundle,
                }),
            lock,
            args: &args,
            language: language.as_ref(),
            history: Some(crate::i18n::history::GuideHistory {
                root,
                guide_file: &loaded.path,
                sources: &sources,
            }),
        });
        for d in outcome.findings {
            diagnostics.push(d);
        }
        if let Some(translation) = translations.get_mut(locale) {
            translation.formatted = outcome.formatted;
            translation.untranslated = outcome.untranslated;
        }
        let mut counts = outcome.counts;
        counts.terms = used_terms.len();
        counts.translated_terms = terms
            .get(locale)
            .map_or(0, |t| used_terms.iter().filter(|n| t.contains(n)).count());
        status.insert(
            locale.clone(),
            LocaleStatus {
                counts,
                stale: outcome.stale,
                images,
            },
        );
    }
    status
}

/// The references of the guide's source text must resolve in its source locale's glossary and
/// the site's variables. Returns the terms it uses (names without `-`), and the messages with an
/// unknown reference (their translations are not compared until it is fixed: every finding
/// about them would be a consequence of the one typo).
fn check_source_refs(
    loaded: &LoadedGuide,
    entries: &[catalog::Entry<'_>],
    source: &FluentResource,
    (source_terms, config): (&Terms, &Config),
    diagnostics: &mut Diagnostics,
) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut broken = BTreeSet::new();
    let by_key: BTreeMap<&MessageKey, &catalog::Entry<'_>> =
        entries.iter().map(|e| (&e.key, e)).collect();
    let mut used_terms: BTreeSet<String> = BTreeSet::new();
    for (key, refs) in source::all_references(source) {
        let Some(entry) = by_key.get(&key) else {
            continue;
        };
        used_terms.extend(glossary::terms_of(&refs).cloned());
        for reference in refs {
            if !is_known(&reference, source_terms, config) {
                let location = source::locate_in_yaml(
                    &loaded.path,
                    &loaded.source,
                    entry.text,
                    &reference.spelling(),
                );
                let mut d = unknown_reference(location, &reference, Some(&key));
                if let Some(near) = source_suggestion(&reference, source_terms, config) {
                    d.help = Some(format!(
                        "did you mean `{near}`? correct the spelling (or define `{}`)",
                        reference.spelling()
                    ));
                }
                d.help = d.help.map(|help| {
                    format!(
                        "{help}; its translations are compared with the source once this is fixed"
                    )
                });
                diagnostics.push(d);
                broken.insert(key.to_string());
            }
        }
    }
    (used_terms, broken)
}

/// The guide's translation files (`read_ahead`: texts already read, by locale), parsed, their
/// references checked and bundled with their locale's glossary.
fn load_translations(
    shared: &Shared<'_>,
    (loaded, source_terms): (&LoadedGuide, &Terms),
    mut read_ahead: BTreeMap<String, String>,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<String, Translation> {
    let Shared {
        root,
        config,
        terms,
        ..
    } = *shared;
    let source_locale = loaded.guide.source_locale.as_str();
    let mut translations = BTreeMap::new();
    for locale in config.locales.iter().filter(|l| **l != source_locale) {
        let path = crate::layout::translation_file(locale, &loaded.id);
        let text = match read_ahead.remove(locale) {
            Some(text) => text,
            None => match read_translation(root, &path) {
                Ok(Some(text)) => text,
                Ok(None) => continue,
                Err(d) => {
                    diagnostics.push(d);
                    continue;
                }
            },
        };
        let (resource, errors) = ftl::parse(&path, text);
        for d in errors {
            diagnostics.push(d.about(locale, &loaded.id, None));
        }
        let resource = Arc::new(resource);
        if let Some(locale_terms) = terms.get(locale) {
            check_translation_refs(
                (locale, &loaded.id),
                &path,
                &resource,
                (locale_terms, source_terms),
                config,
                diagnostics,
            );
            for d in consistency::shadowed_terms(&path, &resource, locale_terms, locale, &loaded.id)
            {
                diagnostics.push(d);
            }
            let bundle = new_bundle(
                locale,
                &[Arc::clone(&locale_terms.resource), Arc::clone(&resource)],
            );
            translations.insert(
                locale.clone(),
                Translation {
                    path,
                    resource,
                    bundle,
                    formatted: rustc_hash::FxHashMap::default(),
                    untranslated: rustc_hash::FxHashSet::default(),
                },
            );
        }
    }
    translations
}

fn check_translation_refs(
    (locale, guide): (&str, &str),
    path: &Path,
    resource: &FluentResource,
    (terms, source_terms): (&Terms, &Terms),
    config: &Config,
    diagnostics: &mut Diagnostics,
) {
    let text = resource.source();
    for (key, refs) in source::all_references(resource) {
        for reference in refs {
            if is_known(&reference, terms, config) {
                continue;
            }
            let entry = ftl::find_entry(path, text, &key.id);
            let location = entry
                .and_then(|loc| {
                    let start = line_offset(text, loc.line);
                    text[start..]
                        .find(&reference.spelling())
                        .map(|i| Location::at_offset(path, text, start + i))
                })
                .unwrap_or_else(|| Location::file(path));
            let mut d = unknown_reference(location, &reference, Some(&key));
            if let Reference::Term(name) = &reference {
                d.message = format!(
                    "{}: {} does not define it",
                    d.message,
                    crate::diagnostics::display_path(&terms.path)
                );
                d = d.with_help(glossary::unknown_term_help(
                    name,
                    locale,
                    terms,
                    Some(source_terms),
                ));
            }
            diagnostics.push(d.about(locale, guide, Some(&key.to_string())));
        }
    }
}

/// Byte offset of the start of 1-based `line`.
fn line_offset(text: &str, line: u32) -> usize {
    text.split_inclusive('\n')
        .take(line.saturating_sub(1) as usize)
        .map(str::len)
        .sum()
}
