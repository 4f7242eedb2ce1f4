//! The streamed build (`build` and `check`): the site is never held in memory as a whole. A
//! first pass reads what navigation between guides needs (product, partner and each locale's
//! title); then each worker takes one guide through load → check → render → sink and drops it,
//! keeping only what the listing pages and the link check need (cards, search fragments, status
//! rows, link summaries). The output equals [`crate::render::render`] of [`crate::site::load`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_bundle::FluentResource;
use rayon::prelude::*;

use crate::content::catalog::{self, MessageKey};
use crate::content::{self, model::Guide};
use crate::config::Config;
use crate::diagnostics::Diagnostics;
use crate::i18n::bundle;
use crate::i18n::terms::{self, Terms};
use crate::render::{self, GuideLink, Nav, Rendered, Sink};
use crate::site::{self, Frame, Shared};

/// What a streamed run produced.
pub struct Outcome {
    /// The rendered site's metadata (pages went to the sink); `None` on errors.
    pub rendered: Option<Rendered>,
    pub diagnostics: Diagnostics,
    /// How many guides the site has.
    pub guides: usize,
    /// How many locales pages were rendered in.
    pub locales: usize,
}

/// Load, check and render the site in `root` (only `only_locales`, when given) into `sink`.
pub fn run(root: &Path, only_locales: &[String], sink: &dyn Sink) -> Outcome {
    let started = std::time::Instant::now();
    let mut diagnostics = Diagnostics::new();
    let failed = |diagnostics: Diagnostics, guides: usize| Outcome {
        rendered: None,
        diagnostics,
        guides,
        locales: 0,
    };
    let Some(frame) = Frame::load(root, &mut diagnostics) else {
        return failed(diagnostics, 0);
    };
    let dirs = content::list_guides(root, &mut diagnostics);
    let frame_ok = !diagnostics.has_errors() && frame.theme.is_some();
    let locales: Vec<String> = frame
        .config
        .locales
        .iter()
        .filter(|l| only_locales.is_empty() || only_locales.contains(l))
        .cloned()
        .collect();
    let locales: Vec<&str> = locales.iter().map(String::as_str).collect();
    let nav = NavTable::build(root, &frame.config, &frame.terms, &dirs);
    crate::timing("stream: navigation read", started);

    // The theme is needed to render; without it guides are still checked.
    let parts = frame.into_site(root, Vec::new());
    let (config, terms, locks) = match &parts {
        Ok(s) => (&s.config, &s.terms, &s.locks),
        Err(f) => (&f.config, &f.terms, &f.locks),
    };
    let site = parts.as_ref().ok();
    let shared = Shared {
        root,
        config,
        terms,
        locks,
    };
    let results: Vec<(Option<Rendered>, Diagnostics)> = dirs
        .par_iter()
        .enumerate()
        .map(|(index, (id, dir))| {
            let mut diagnostics = Diagnostics::new();
            let loaded = match content::load_one(root, id.clone(), dir.clone()) {
                Ok(loaded) => loaded,
                Err(d) => {
                    diagnostics.push(d);
                    return (None, diagnostics);
                }
            };
            content::validate::validate(config, &loaded, &mut diagnostics);
            let (data, found) = site::prepare_guide(&shared, loaded);
            diagnostics.extend(found);
            let (Some(data), Some(site)) = (data, site) else {
                return (None, diagnostics);
            };
            if !frame_ok || diagnostics.has_errors() {
                return (None, diagnostics);
            }
            let nav = |locale: &str| nav.links(index, locale);
            match render::render_guide_into(site, &data, &locales, nav, sink) {
                Ok(rendered) => (Some(rendered), diagnostics),
                Err(errors) => {
                    errors.into_iter().for_each(|d| diagnostics.push(d));
                    (None, diagnostics)
                }
            }
        })
        .collect();
    crate::timing("stream: guides loaded, checked and rendered", started);
    let mut delta = Rendered::default();
    for (rendered, found) in results {
        diagnostics.extend(found);
        if let Some(rendered) = rendered {
            delta.merge_guide(rendered);
        }
    }
    crate::timing("stream: metadata merged", started);
    let guides = dirs.len();
    let Some(site) = site.filter(|_| !diagnostics.has_errors()) else {
        diagnostics.sort();
        return failed(diagnostics, guides);
    };
    let t0 = std::time::Instant::now();
    let result = render::finish(site, None, delta, &locales, Diagnostics::new());
    crate::timing("stream: listing pages and link check", t0);
    diagnostics.sort();
    match result {
        Ok(rendered) => Outcome {
            rendered: Some(rendered),
            diagnostics,
            guides,
            locales: locales.len(),
        },
        Err(found) => {
            diagnostics.extend(found);
            diagnostics.sort();
            failed(diagnostics, guides)
        }
    }
}

/// Previous/next navigation of every guide: its neighbours in its product (ordered by partner,
/// then id, as on the index page) and their titles in each locale.
struct NavTable {
    /// By guide index (the order of the guide directories): previous and next guide index.
    order: Vec<(Option<usize>, Option<usize>)>,
    /// By guide index: the guide id and its title by locale (empty when it failed to parse).
    titles: Vec<(String, BTreeMap<String, String>)>,
}

impl NavTable {
    fn build(
        root: &Path,
        config: &Config,
        terms: &BTreeMap<String, Terms>,
        dirs: &[(String, PathBuf)],
    ) -> NavTable {
        let skims: Vec<Option<Skim>> = dirs
            .par_iter()
            .map(|(id, dir)| Skim::read(root, config, terms, id, dir))
            .collect();
        let mut sorted: Vec<(&str, &str, &str, usize)> = skims
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let s = s.as_ref()?;
                Some((s.product.as_str(), s.partner.as_str(), dirs[i].0.as_str(), i))
            })
            .collect();
        sorted.sort_unstable();
        let mut order = vec![(None, None); dirs.len()];
        for (k, (product, _, _, i)) in sorted.iter().enumerate() {
            let same = |other: Option<&(&str, &str, &str, usize)>| {
                other.filter(|o| o.0 == *product).map(|o| o.3)
            };
            let previous = k.checked_sub(1).and_then(|k| same(sorted.get(k)));
            order[*i] = (previous, same(sorted.get(k + 1)));
        }
        let titles = skims
            .into_iter()
            .zip(dirs)
            .map(|(s, (id, _))| (id.clone(), s.map(|s| s.titles).unwrap_or_default()))
            .collect();
        NavTable { order, titles }
    }

    fn links(&self, index: usize, locale: &str) -> Nav {
        let link = |i: usize| {
            let (id, titles) = &self.titles[i];
            GuideLink::new(id, titles.get(locale).map_or("", String::as_str))
        };
        let (previous, next) = self.order[index];
        (previous.map(link), next.map(link))
    }
}

/// What navigation needs of one guide.
struct Skim {
    product: String,
    partner: String,
    /// The title by locale: the translation's when it has one, else the source text's.
    titles: BTreeMap<String, String>,
}

impl Skim {
    /// Read the guide's YAML and the title of each translation; `None` when the guide does not
    /// parse (the guide's own pass reports why).
    fn read(
        root: &Path,
        config: &Config,
        terms: &BTreeMap<String, Terms>,
        id: &str,
        dir: &Path,
    ) -> Option<Skim> {
        let (path, _, guide) = content::parse_one(root, dir).ok()?;
        let source_locale = guide.source_locale.as_str().to_owned();
        let source_title = source_title(&path, &guide, terms.get(&source_locale)?)?;
        let args = bundle::args(&config.variables);
        let key = MessageKey::value("title");
        let titles = config
            .locales
            .iter()
            .map(|locale| {
                let translated = (*locale != source_locale)
                    .then(|| translated_title(root, locale, id, terms.get(locale)?))
                    .flatten()
                    .and_then(|(resource, locale_terms)| {
                        let b = bundle::new_bundle(
                            locale,
                            &[Arc::clone(&locale_terms.resource), resource],
                        );
                        bundle::format(&b, &key, &args, &mut Vec::new())
                    });
                let title = translated.unwrap_or_else(|| {
                    bundle::format(&source_title, &key, &args, &mut Vec::new()).unwrap_or_default()
                });
                (locale.clone(), title)
            })
            .collect();
        Some(Skim {
            product: guide.product.as_str().to_owned(),
            partner: guide.partner.as_str().to_owned(),
            titles,
        })
    }
}

/// A bundle holding the source locale's terms and the guide's title as written in its YAML.
fn source_title(path: &Path, guide: &Guide, terms: &Terms) -> Option<bundle::Bundle> {
    let key = MessageKey::value("title");
    let entries: Vec<catalog::Entry<'_>> = catalog::entries(guide)
        .into_iter()
        .filter(|e| e.key == key)
        .collect();
    let (source, _) = crate::i18n::source::build(path, &entries);
    Some(bundle::new_bundle(
        guide.source_locale.as_str(),
        &[Arc::clone(&terms.resource), source.resource],
    ))
}

/// The `title` message of `locales/<locale>/<id>.ftl` as a resource of its own, with the
/// locale's terms; `None` when the file or the message is missing or does not parse.
fn translated_title<'t>(
    root: &Path,
    locale: &str,
    id: &str,
    locale_terms: &'t Terms,
) -> Option<(Arc<FluentResource>, &'t Terms)> {
    let path = Path::new(terms::LOCALES_DIR)
        .join(locale)
        .join(format!("{id}.ftl"));
    let bytes = std::fs::read(root.join(&path)).ok()?;
    let text = content::decode_utf8(&path, bytes).ok()?;
    let snippet = crate::i18n::ftl::message_text(&text, "title")?;
    let resource = FluentResource::try_new(snippet.to_owned()).ok()?;
    Some((Arc::new(resource), locale_terms))
}
