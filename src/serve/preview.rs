//! The live preview's state — the last good render, the current errors — and how a plan of
//! changes turns into a rebuild of just the affected pages.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use super::classify::Plan;
use crate::diagnostics::{Diagnostics, render_human};
use crate::render::{self, Rendered};
use crate::site::{self, Site};

/// What the HTTP server shows.
#[derive(Default)]
pub struct Preview {
    /// The last good render (served even while there are errors).
    pub rendered: Rendered,
    /// The bytes of every screenshot the last good render publishes, by output path: read and
    /// checked when the site was built (regular files inside the site), never re-read from disk
    /// when a request comes.
    pub media: BTreeMap<String, Arc<[u8]>>,
    /// The findings of the last failed rebuild, as text; `None` when the last rebuild succeeded.
    pub errors: Option<String>,
    /// Incremented on every successful rebuild.
    pub version: u64,
}

/// A successful rebuild: the render, the bytes of its screenshots, and whether it replaces
/// everything (else it is applied on top of the current pages).
pub struct Update {
    pub rendered: Rendered,
    pub media: BTreeMap<String, Arc<[u8]>>,
    pub full: bool,
}

/// What a rebuild did, for the terminal and the browser.
pub enum Outcome {
    /// Pages rebuilt: a label (`nl/workplace-analytics` or `16 pages`) and the time it took.
    Rebuilt {
        label: String,
        millis: u128,
        warnings: usize,
    },
    /// The input has errors; the previous pages stay served.
    Failed { text: String, count: usize },
}

/// The (guide, locale) pages a plan affects in `site`; `None` when everything must be rendered.
pub fn jobs(
    plan: &Plan,
    site: &Site,
    previous: Option<&BTreeSet<String>>,
) -> Option<Vec<(String, String)>> {
    let ids: BTreeSet<String> = site.guides.iter().map(|g| g.id().to_owned()).collect();
    if plan.full || previous != Some(&ids) {
        return None;
    }
    let mut jobs: BTreeSet<(String, String)> = BTreeSet::new();
    for guide in &plan.guides {
        for locale in &site.config.locales {
            jobs.insert((guide.clone(), locale.clone()));
        }
    }
    for (guide, locale) in &plan.pages {
        jobs.insert((guide.clone(), locale.clone()));
    }
    for locale in &plan.locales {
        for guide in &site.guides {
            jobs.insert((guide.id().to_owned(), locale.clone()));
            // Fallback text of other locales comes from the source locale's glossary.
            if guide.source_locale() == locale {
                for other in &site.config.locales {
                    jobs.insert((guide.id().to_owned(), other.clone()));
                }
            }
        }
    }
    jobs.retain(|(guide, locale)| ids.contains(guide) && site.config.has_locale(locale));
    Some(jobs.into_iter().collect())
}

/// The site model to render from: for a plan that only touches some guides or locales, the last
/// good site with just those guides (or those locales' glossaries) loaded again (taken out of
/// `last`); otherwise the whole site loaded from disk. On failure `last` is left as it was.
fn load(root: &Path, plan: &Plan, last: &mut Option<Site>) -> Result<(Site, usize), Outcome> {
    if !plan.full
        && let Some(previous) = last.as_mut()
    {
        let mut ids: BTreeSet<String> = plan.guides.clone();
        ids.extend(plan.pages.iter().map(|(guide, _)| guide.clone()));
        let known = ids.iter().all(|id| {
            previous.guides.iter().any(|g| g.id() == id)
                && root.join(crate::layout::guide_file(id)).is_file()
        });
        if known {
            let mut warnings = 0;
            if !plan.locales.is_empty() {
                // A glossary or lock changed: those locales' files again, no guide re-parsed.
                let diagnostics = previous.reload_locales(&plan.locales);
                if diagnostics.has_errors() {
                    return Err(failed(root, &diagnostics));
                }
                warnings += diagnostics.warning_count();
            }
            let (fresh, diagnostics) = previous.reload_guides(&ids);
            if diagnostics.has_errors() {
                return Err(failed(root, &diagnostics));
            }
            if let Some(mut site) = last.take() {
                site.replace_guides(fresh);
                return Ok((site, warnings + diagnostics.warning_count()));
            }
        }
    }
    let (site, diagnostics) = site::load(root);
    match site {
        Some(site) => Ok((site, diagnostics.warning_count())),
        None => Err(failed(root, &diagnostics)),
    }
}

/// Load what `plan` needs and render it on top of `current`. `last` is the last good site
/// (replaced on success; emptied when rendering fails, so the next change loads everything).
pub fn rebuild(
    root: &Path,
    plan: &Plan,
    current: &Rendered,
    last: &mut Option<Site>,
) -> Result<(Outcome, Update), Outcome> {
    let started = Instant::now();
    let guide_ids: Option<BTreeSet<String>> = last
        .as_ref()
        .map(|s| s.guides.iter().map(|g| g.id().to_owned()).collect());
    let (site, warnings) = load(root, plan, last)?;
    crate::timing::stage("serve: load", started);
    let jobs = jobs(plan, &site, guide_ids.as_ref());
    let (rendered, full, label) = match &jobs {
        None => (
            render::render(&site, &[]),
            true,
            format!("{} pages", site.guides.len() * site.config.locales.len()),
        ),
        Some(jobs) => {
            let label = match jobs.as_slice() {
                [(guide, locale)] => format!("{locale}/{guide}"),
                _ => format!("{} pages", jobs.len()),
            };
            (render::render_update(&site, current, jobs), false, label)
        }
    };
    let rendered = rendered.map_err(|diagnostics| failed(root, &diagnostics))?;
    let media = read_media(root, &rendered).map_err(|diagnostics| failed(root, &diagnostics))?;
    *last = Some(site);
    Ok((
        Outcome::Rebuilt {
            label,
            millis: started.elapsed().as_millis(),
            warnings,
        },
        Update {
            rendered,
            media,
            full,
        },
    ))
}

/// The bytes of every screenshot `rendered` publishes, read through the one reader (a regular
/// file inside the site, bounded), each source once.
fn read_media(
    root: &Path,
    rendered: &Rendered,
) -> Result<BTreeMap<String, Arc<[u8]>>, Diagnostics> {
    let mut by_source: BTreeMap<&Path, Arc<[u8]>> = BTreeMap::new();
    let mut media = BTreeMap::new();
    let mut diagnostics = Diagnostics::default();
    for (output, source) in &rendered.media {
        let rel = source.strip_prefix(root).unwrap_or(source);
        let bytes = match by_source.get(rel) {
            Some(bytes) => Arc::clone(bytes),
            None => match crate::input::read_site_file(root, rel, crate::input::MAX_INPUT_BYTES) {
                Ok(bytes) => {
                    let bytes: Arc<[u8]> = bytes.into();
                    by_source.insert(rel, Arc::clone(&bytes));
                    bytes
                }
                Err(refusal) => {
                    diagnostics.push(refusal.diagnostic(rel));
                    continue;
                }
            },
        };
        media.insert(output.clone(), bytes);
    }
    if diagnostics.has_errors() {
        Err(diagnostics)
    } else {
        Ok(media)
    }
}

fn failed(root: &Path, diagnostics: &Diagnostics) -> Outcome {
    Outcome::Failed {
        text: render_human(diagnostics, false, crate::input::source_reader(root)),
        count: diagnostics.error_count(),
    }
}
