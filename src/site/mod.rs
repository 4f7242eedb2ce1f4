//! The checked in-memory site: configuration, guides with their source text as Fluent, terms and
//! translations per locale, and the theme. `load` runs every validation and collects every
//! finding; rendering only starts from a `Site` without errors.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_bundle::FluentResource;
use rayon::prelude::*;

use crate::config::{self, Config};
use crate::content::catalog::MessageKey;
use crate::content::{self, LoadedGuide};
use crate::diagnostics::{Diagnostics, Severity};
use crate::i18n::bundle::Bundle;
use crate::i18n::consistency::Counts;
use crate::i18n::coverage::Coverage;
use crate::i18n::lock::Lock;
use crate::i18n::terms::{self, Terms};
use crate::theme::{self, Theme};

pub mod locate;
mod prepare;
mod ui_path;

use prepare::check_term_refs;
pub use prepare::{Shared, prepare_guide, prepare_guide_with};

/// A guide ready to render.
pub struct GuideData {
    pub loaded: LoadedGuide,
    /// The source text as a Fluent resource.
    pub source: Arc<FluentResource>,
    /// Bundle of the source locale: its terms and the source text.
    pub source_bundle: Bundle,
    /// Every source message formatted (as `source_bundle` formats it), except those whose
    /// formatting reports errors.
    pub source_formatted: rustc_hash::FxHashMap<MessageKey, String>,
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
    /// The guide's screenshots in this locale.
    pub images: crate::i18n::screenshots::ImageStatus,
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
    /// Its messages as `bundle` formats them, from the consistency check (those whose
    /// formatting reported errors left out, so that rendering reports them).
    pub formatted: rustc_hash::FxHashMap<MessageKey, String>,
    /// Messages the check found to read as the source text (`unchanged`): shown, but marked
    /// like source-language fallback.
    pub untranslated: rustc_hash::FxHashSet<MessageKey>,
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

/// Load, validate and check the whole site in `root`. The site is `None` when anything has an
/// error; the diagnostics hold every finding either way.
pub fn load(root: &Path) -> (Option<Site>, Diagnostics) {
    let (site, diagnostics, _) = load_skipping_broken(root);
    if diagnostics.has_errors() {
        return (None, diagnostics);
    }
    (site, diagnostics)
}

/// Like [`load`], but a guide with errors is left out instead of failing the whole site, so
/// the translators' tools work on every guide that loads. Returns the site (`None` only when the
/// site itself — configuration, glossaries, theme, the guide list — has errors), every finding,
/// and the ids of the guides left out.
pub fn load_skipping_broken(root: &Path) -> (Option<Site>, Diagnostics, BTreeSet<String>) {
    let mut diagnostics = Diagnostics::new();
    let mut broken = BTreeSet::new();
    let Some(frame) = Frame::load(root, &mut diagnostics) else {
        return (None, diagnostics, broken);
    };
    let mut site_ok = !diagnostics.has_errors();
    let started = std::time::Instant::now();
    let mut load_findings = Diagnostics::new();
    let guides = content::load_guides(root, &mut load_findings);
    crate::timing::stage("load: guides parsed", started);
    // A guide that does not parse is named by its directory in the finding's path; any other
    // error of the guide list is the site's.
    for d in load_findings
        .iter()
        .filter(|d| d.severity == Severity::Error)
    {
        match guide_of(&d.location.path) {
            Some(id) => {
                broken.insert(id);
            }
            None => site_ok = false,
        }
    }
    diagnostics.extend(load_findings);
    let shared = Shared {
        root,
        config: &frame.config,
        terms: &frame.terms,
        locks: &frame.locks,
    };
    let results: Vec<(String, Option<GuideData>, Diagnostics)> = guides
        .into_par_iter()
        .map(|loaded| {
            let id = loaded.id.clone();
            let mut findings = Diagnostics::new();
            content::validate::validate(&frame.config, &loaded, &mut findings);
            let (data, found) = prepare_guide(&shared, loaded);
            findings.extend(found);
            (id, data, findings)
        })
        .collect();
    crate::timing::stage("load: translations checked", started);
    let mut guide_data = Vec::new();
    for (id, data, findings) in results {
        if findings.has_errors() {
            broken.insert(id);
        } else {
            guide_data.extend(data);
        }
        diagnostics.extend(findings);
    }
    diagnostics.sort();
    if !site_ok {
        return (None, diagnostics, broken);
    }
    (frame.into_site(root, guide_data).ok(), diagnostics, broken)
}

/// The guide a site path belongs to: `content/<id>/…` or `locales/<lang>/<id>.ftl`.
fn guide_of(path: &Path) -> Option<String> {
    let mut parts = path.iter().map(|p| p.to_string_lossy());
    match parts.next()?.as_ref() {
        crate::layout::CONTENT_DIR => parts.next().map(|id| id.into_owned()),
        crate::layout::LOCALES_DIR => {
            let _locale = parts.next()?;
            let file = parts.next()?;
            let id = file.strip_suffix(".ftl")?;
            (parts.next().is_none() && id != "terms").then(|| id.to_owned())
        }
        _ => None,
    }
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
            let dir = crate::layout::guide_dir(id);
            let loaded = match content::load_one(&self.root, id.clone(), dir) {
                Ok(loaded) => loaded,
                Err(d) => {
                    diagnostics.extend(d);
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
