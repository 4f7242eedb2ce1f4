//! The streamed build (`build` and `check`): the site is never held in memory as a whole. A
//! first pass (`nav`) reads what navigation between guides needs (product, partner and each
//! locale's title); then each worker takes one guide through load → check → render → sink and
//! drops it, keeping only what the listing pages and the link check need (cards, search
//! fragments, status rows, link summaries). The output equals [`crate::render::render`] of
//! [`crate::site::load`].

mod nav;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::content::{self};
use crate::diagnostics::{Diagnostics, Policy};
use crate::render::{self, Rendered, Sink};
use crate::site::{self, Frame, Shared};
use nav::NavTable;

/// What a streamed run produced.
pub struct Outcome {
    /// The rendered site's metadata (pages went to the sink); `None` on errors.
    pub rendered: Option<Rendered>,
    pub diagnostics: Diagnostics,
    /// How many guides the site has.
    pub guides: usize,
    /// How many locales pages were rendered in.
    pub locales: usize,
    /// The site's publishing gate (the default when `site.yaml` did not load).
    pub policy: Policy,
}

/// Load, check and render the site in `root` (only `only_locales`, when given) into `sink`.
pub fn run(root: &Path, only_locales: &[String], sink: &dyn Sink) -> Outcome {
    let started = std::time::Instant::now();
    let mut diagnostics = Diagnostics::new();
    let Some(frame) = Frame::load(root, &mut diagnostics) else {
        return failed(diagnostics, 0, Policy::default());
    };
    let policy = frame.config.policy.clone();
    let failed =
        |diagnostics: Diagnostics, guides: usize| failed(diagnostics, guides, policy.clone());
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
    crate::timing::stage("stream: navigation read", started);

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
    let worker = Worker {
        root,
        nav: &nav,
        shared: &shared,
        site,
        frame_ok,
        locales: &locales,
        sink,
    };
    let (delta, found) = collect(&dirs, &worker);
    diagnostics.extend(found);
    crate::timing::stage(
        "stream: guides loaded, checked, rendered and collected",
        started,
    );
    crate::timing::SEARCH.report("  of which search entries (CPU, all threads)");
    let guides = dirs.len();
    let Some(site) = site.filter(|_| !diagnostics.has_errors()) else {
        if let Some(site) = site {
            // Errors elsewhere must not hide the broken links of the guides that rendered.
            diagnostics.extend(render::links::check_rendered_guides(site, &delta, &locales));
        }
        diagnostics.sort();
        return failed(diagnostics, guides);
    };
    let t0 = std::time::Instant::now();
    let result = render::finish(site, None, delta, &locales, Some(sink), Diagnostics::new());
    crate::timing::stage("stream: listing pages and link check", t0);
    diagnostics.sort();
    match result {
        Ok(rendered) => Outcome {
            rendered: Some(rendered),
            diagnostics,
            guides,
            locales: locales.len(),
            policy: policy.clone(),
        },
        Err(found) => {
            diagnostics.extend(found);
            diagnostics.sort();
            failed(diagnostics, guides)
        }
    }
}

/// The outcome of a run that rendered nothing.
fn failed(diagnostics: Diagnostics, guides: usize, policy: Policy) -> Outcome {
    Outcome {
        rendered: None,
        diagnostics,
        guides,
        locales: 0,
        policy,
    }
}

/// What every worker needs to take one guide through load → check → render → sink.
struct Worker<'a> {
    root: &'a Path,
    nav: &'a NavTable,
    shared: &'a Shared<'a>,
    /// The site to render with; `None` when its theme failed to load (guides are still checked).
    site: Option<&'a site::Site>,
    /// Whether the frame (configuration, terms, theme, guide list) loaded without errors.
    frame_ok: bool,
    locales: &'a [&'a str],
    sink: &'a dyn Sink,
}

impl Worker<'_> {
    /// The guide at `index` loaded, checked and (without errors) rendered into the sink.
    fn one_guide(&self, index: usize, id: &str, dir: &Path) -> (Option<Rendered>, Diagnostics) {
        let mut diagnostics = Diagnostics::new();
        let ahead = self.nav.take_read_ahead(index);
        let loaded =
            match content::load_one_from(self.root, id.to_owned(), dir.to_owned(), ahead.yaml) {
                Ok(loaded) => loaded,
                Err(d) => {
                    diagnostics.extend(d);
                    return (None, diagnostics);
                }
            };
        content::validate::validate(self.shared.config, &loaded, &mut diagnostics);
        let (data, found) = site::prepare_guide_with(self.shared, loaded, ahead.translations);
        diagnostics.extend(found);
        let (Some(data), Some(site)) = (data, self.site) else {
            return (None, diagnostics);
        };
        if !self.frame_ok || diagnostics.has_errors() {
            return (None, diagnostics);
        }
        let nav = |locale: &str| self.nav.links(index, locale);
        match render::render_guide_into(site, &data, self.locales, nav, self.nav, self.sink) {
            Ok(rendered) => (Some(rendered), diagnostics),
            Err(errors) => {
                errors.into_iter().for_each(|d| diagnostics.push(d));
                (None, diagnostics)
            }
        }
    }
}

/// Every guide through `worker`, in parallel. What each guide leaves behind is copied by one
/// collecting thread as it arrives: kept data then sits densely in that thread's memory instead
/// of pinning pages of the workers', whose memory is reused guide after guide.
fn collect(dirs: &[(String, PathBuf)], worker: &Worker<'_>) -> (Rendered, Diagnostics) {
    let (sender, receiver) = std::sync::mpsc::sync_channel::<(Option<Rendered>, Diagnostics)>(64);
    std::thread::scope(|scope| {
        let collector = scope.spawn(move || {
            let mut delta = Rendered::default();
            let mut diagnostics = Diagnostics::new();
            for (rendered, found) in receiver {
                diagnostics.extend(found);
                if let Some(rendered) = rendered {
                    delta.merge_guide(rendered.clone());
                }
            }
            (delta, diagnostics)
        });
        dirs.par_iter()
            .enumerate()
            .for_each_with(sender, |sender, (index, (id, dir))| {
                // The collector only stops when every sender is gone.
                let _ = sender.send(worker.one_guide(index, id, dir));
            });
        collector.join()
    })
    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}
