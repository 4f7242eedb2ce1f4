//! The checked in-memory site: configuration, guides with their source text as Fluent, terms and
//! translations per locale, and the theme. `load` runs every validation and collects every
//! finding; rendering only starts from a `Site` without errors.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_bundle::FluentResource;
use rayon::prelude::*;

use crate::config::{self, Config};
use crate::content::catalog::{self, MessageKey};
use crate::content::{self, LoadedGuide};
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::i18n::bundle::{Bundle, new_bundle};
use crate::i18n::consistency::{self, Counts};
use crate::i18n::coverage::{self, Coverage};
use crate::i18n::lock::Lock;
use crate::i18n::refs::Reference;
use crate::i18n::terms::{self, Terms};
use crate::i18n::{ftl, source};
use crate::render::theme::{self, Theme};

/// A guide ready to render.
pub struct GuideData {
    pub loaded: LoadedGuide,
    /// The source text as a Fluent resource.
    pub source: Arc<FluentResource>,
    /// Bundle of the source locale: its terms and the source text.
    pub source_bundle: Bundle,
    /// Every source message formatted (as `source_bundle` formats it), except those whose
    /// formatting reports errors.
    pub source_formatted: std::collections::HashMap<MessageKey, String>,
    /// Translations by locale (the source locale excluded).
    pub translations: BTreeMap<String, Translation>,
    /// Translation coverage in every locale of the site (the source locale is complete).
    pub coverage: BTreeMap<String, Coverage>,
    /// Consistency of each translation (source locale excluded): counts and stale messages.
    pub status: BTreeMap<String, LocaleStatus>,
}

/// How one guide's translation into one locale stands.
#[derive(Clone, Debug, Default)]
pub struct LocaleStatus {
    pub counts: Counts,
    /// Stale messages with the source text they were translated from.
    pub stale: BTreeMap<MessageKey, String>,
}

impl GuideData {
    pub fn id(&self) -> &str {
        &self.loaded.id
    }

    pub fn source_locale(&self) -> &str {
        self.loaded.guide.source_locale.as_str()
    }
}

/// One guide's translation into one locale: `locales/<lang>/<guide-id>.ftl`.
pub struct Translation {
    pub path: PathBuf,
    pub resource: Arc<FluentResource>,
    pub bundle: Bundle,
}

/// Everything `build` and `check` need.
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub guides: Vec<GuideData>,
    pub terms: BTreeMap<String, Terms>,
    pub locks: BTreeMap<String, Lock>,
    pub theme: Theme,
}

/// What every guide is checked and rendered against: configuration, terms and locks of every
/// locale, and the theme (`None` when it failed to load; its findings are in the diagnostics).
pub struct Frame {
    pub config: Config,
    pub terms: BTreeMap<String, Terms>,
    pub locks: BTreeMap<String, Lock>,
    pub theme: Option<Theme>,
}

impl Frame {
    /// Load everything but the guides; `None` when the configuration itself cannot be read.
    pub fn load(root: &Path, diagnostics: &mut Diagnostics) -> Option<Frame> {
        let config = config::load(root, diagnostics)?;
        let mut terms = BTreeMap::new();
        for locale in &config.locales {
            let t = terms::load(root, locale, diagnostics);
            check_term_refs(&t, diagnostics);
            terms.insert(locale.clone(), t);
        }
        let mut locks = BTreeMap::new();
        for locale in &config.locales {
            let (lock, errors) = Lock::load(root, locale);
            errors.into_iter().for_each(|d| diagnostics.push(d));
            locks.insert(locale.clone(), lock);
        }
        let theme = theme::load(root, &config.theme, &config.locales, diagnostics);
        Some(Frame {
            config,
            terms,
            locks,
            theme,
        })
    }

    /// A site of these parts with the given guides; the frame back when it has no theme.
    pub fn into_site(self, root: &Path, guides: Vec<GuideData>) -> Result<Site, Frame> {
        let Frame {
            config,
            terms,
            locks,
            theme,
        } = self;
        match theme {
            Some(theme) => Ok(Site {
                root: root.to_path_buf(),
                config,
                guides,
                terms,
                locks,
                theme,
            }),
            None => Err(Frame {
                config,
                terms,
                locks,
                theme: None,
            }),
        }
    }
}

/// Load and check the site in `root`. Returns the site only when there is no error; the
/// diagnostics hold every finding either way.
pub fn load(root: &Path) -> (Option<Site>, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let Some(frame) = Frame::load(root, &mut diagnostics) else {
        return (None, diagnostics);
    };
    let started = std::time::Instant::now();
    let guides = content::load_guides(root, &mut diagnostics);
    crate::timing("load: guides parsed", started);
    for guide in &guides {
        content::validate::validate(&frame.config, guide, &mut diagnostics);
    }
    let shared = Shared {
        root,
        config: &frame.config,
        terms: &frame.terms,
        locks: &frame.locks,
    };
    let results: Vec<(Option<GuideData>, Diagnostics)> = guides
        .into_par_iter()
        .map(|loaded| prepare_guide(&shared, loaded))
        .collect();
    crate::timing("load: translations checked", started);
    let mut guide_data = Vec::new();
    for (data, diags) in results {
        diagnostics.extend(diags);
        guide_data.extend(data);
    }
    diagnostics.sort();
    if diagnostics.has_errors() {
        return (None, diagnostics);
    }
    (frame.into_site(root, guide_data).ok(), diagnostics)
}

impl Site {
    /// Load the guides `ids` again (their YAML, screenshots and translations), reusing the rest
    /// of the site: configuration, terms, locks and theme. Returns the new data of each guide,
    /// or the findings that keep them from loading; the site itself is not changed.
    pub fn reload_guides(
        &self,
        ids: &std::collections::BTreeSet<String>,
    ) -> (Vec<GuideData>, Diagnostics) {
        let mut diagnostics = Diagnostics::new();
        let shared = Shared {
            root: &self.root,
            config: &self.config,
            terms: &self.terms,
            locks: &self.locks,
        };
        let mut fresh = Vec::new();
        for id in ids {
            let dir = Path::new(content::CONTENT_DIR).join(id);
            let loaded = match content::load_one(&self.root, id.clone(), dir) {
                Ok(loaded) => loaded,
                Err(d) => {
                    diagnostics.push(d);
                    continue;
                }
            };
            content::validate::validate(&self.config, &loaded, &mut diagnostics);
            let (data, diags) = prepare_guide(&shared, loaded);
            diagnostics.extend(diags);
            fresh.extend(data);
        }
        diagnostics.sort();
        (fresh, diagnostics)
    }

    /// Load the glossaries and translation locks of `locales` again and check every guide's text
    /// against them (guides are not parsed again). On errors the site is left as it was and the
    /// diagnostics say why.
    pub fn reload_locales(&mut self, locales: &BTreeSet<String>) -> Diagnostics {
        let mut diagnostics = Diagnostics::new();
        let mut terms = self.terms.clone();
        let mut locks = self.locks.clone();
        for locale in locales
            .iter()
            .filter(|l| self.config.has_locale(l.as_str()))
        {
            let t = terms::load(&self.root, locale, &mut diagnostics);
            check_term_refs(&t, &mut diagnostics);
            terms.insert(locale.clone(), t);
            let (lock, errors) = Lock::load(&self.root, locale);
            errors.into_iter().for_each(|d| diagnostics.push(d));
            locks.insert(locale.clone(), lock);
        }
        if diagnostics.has_errors() {
            diagnostics.sort();
            return diagnostics;
        }
        let shared = Shared {
            root: &self.root,
            config: &self.config,
            terms: &terms,
            locks: &locks,
        };
        let results: Vec<(Option<GuideData>, Diagnostics)> = self
            .guides
            .par_iter()
            .map(|g| prepare_guide(&shared, g.loaded.clone()))
            .collect();
        let mut fresh = Vec::new();
        for (data, diags) in results {
            diagnostics.extend(diags);
            fresh.extend(data);
        }
        diagnostics.sort();
        if !diagnostics.has_errors() {
            self.terms = terms;
            self.locks = locks;
            self.guides = fresh;
        }
        diagnostics
    }

    /// Replace guides by their reloaded data (from [`Site::reload_guides`]).
    pub fn replace_guides(&mut self, fresh: Vec<GuideData>) {
        for data in fresh {
            match self.guides.iter_mut().find(|g| g.id() == data.id()) {
                Some(slot) => *slot = data,
                None => self.guides.push(data),
            }
        }
        self.guides.sort_by(|a, b| a.id().cmp(b.id()));
    }
}

/// Terms may refer to other terms, which must exist. (Variables in a term are its parameters,
/// e.g. `$case`, so they are not checked against the site variables.)
fn check_term_refs(terms: &Terms, diagnostics: &mut Diagnostics) {
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
            "unknown-variable"
        } else {
            "unknown-term"
        },
        location,
        format!("unknown {what} `{}`{place}", reference.spelling()),
    )
    .with_help(help)
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
    let Shared {
        root,
        config,
        terms,
        locks,
    } = *shared;
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
    let by_key: BTreeMap<&MessageKey, &catalog::Entry<'_>> =
        entries.iter().map(|e| (&e.key, e)).collect();
    for (key, refs) in source::all_references(&source.resource) {
        let Some(entry) = by_key.get(&key) else {
            continue;
        };
        for reference in refs {
            if !is_known(&reference, source_terms, config) {
                let location = source::locate_in_yaml(
                    &loaded.path,
                    &loaded.source,
                    entry.text,
                    &reference.spelling(),
                );
                diagnostics.push(unknown_reference(location, &reference, Some(&key)));
            }
        }
    }
    let source_bundle = new_bundle(
        &source_locale,
        &[
            Arc::clone(&source_terms.resource),
            Arc::clone(&source.resource),
        ],
    );
    let mut translations = BTreeMap::new();
    for locale in config.locales.iter().filter(|l| **l != source_locale) {
        let path = Path::new(terms::LOCALES_DIR)
            .join(locale)
            .join(format!("{}.ftl", loaded.id));
        let bytes = match std::fs::read(root.join(&path)) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => continue,
            Err(err) => {
                diagnostics.push(Diagnostic::error(
                    "io",
                    Location::file(&path),
                    format!("cannot read file: {err}"),
                ));
                continue;
            }
        };
        let text = match content::decode_utf8(&path, bytes) {
            Ok(text) => text,
            Err(d) => {
                diagnostics.push(d);
                continue;
            }
        };
        let (resource, errors) = ftl::parse(&path, text);
        for d in errors {
            diagnostics.push(d);
        }
        let resource = Arc::new(resource);
        if let Some(locale_terms) = terms.get(locale) {
            check_translation_refs(
                (locale, &loaded.id),
                &path,
                &resource,
                locale_terms,
                config,
                &mut diagnostics,
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
                },
            );
        }
    }
    let coverage = config
        .locales
        .iter()
        .map(|locale| {
            let c = if *locale == source_locale {
                Coverage::full(&entries)
            } else {
                coverage::measure(
                    &entries,
                    translations.get(locale).map(|t| t.resource.as_ref()),
                )
            };
            (locale.clone(), c)
        })
        .collect();
    let args = crate::i18n::bundle::args(&config.variables);
    let source_texts = consistency::source_texts(&entries, &source_bundle, &args);
    let empty = Lock::default();
    let mut status = BTreeMap::new();
    for locale in config.locales.iter().filter(|l| **l != source_locale) {
        let outcome = consistency::check(&consistency::Input {
            guide: &loaded.id,
            locale,
            entries: &entries,
            source: &source_texts,
            translation: translations
                .get(locale)
                .map(|t| consistency::TranslationFile {
                    path: &t.path,
                    resource: &t.resource,
                    bundle: &t.bundle,
                }),
            lock: locks.get(locale).unwrap_or(&empty),
            args: &args,
        });
        for d in outcome.findings {
            diagnostics.push(d);
        }
        status.insert(
            locale.clone(),
            LocaleStatus {
                counts: outcome.counts,
                stale: outcome.stale,
            },
        );
    }
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

fn check_translation_refs(
    (locale, guide): (&str, &str),
    path: &Path,
    resource: &FluentResource,
    terms: &Terms,
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
            diagnostics.push(unknown_reference(location, &reference, Some(&key)).about(
                locale,
                guide,
                Some(&key.to_string()),
            ));
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
