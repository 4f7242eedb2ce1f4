//! The pages assembled after the guide pages: each locale's index and search file, the 404
//! pages, the language choice, theme assets, the status page and the sitemap. In a partial
//! render (serve) only what an edit changed is rendered again.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use super::pages::{render_index, render_simple, render_status};
use super::seo::sitemap;
use super::{Fragment, GuideCard, PageInfo, Rendered, Sink, review, search};
use crate::diagnostics::{Diagnostic, Diagnostics, Kind};
use crate::site::Site;

/// Render into `delta` the listing pages for the guide pages it holds (in `locales`), rendered on
/// top of `base` (`None`: a full render, everything). `delta.status` holds the rows of the
/// guides it rendered. With a `sink`, the search files (megabytes each) go straight to it.
pub(super) fn render_listings(
    site: &Site,
    base: Option<&Rendered>,
    delta: &mut Rendered,
    locales: &[&str],
    sink: Option<&dyn Sink>,
) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    let produced = Listings::merge(site, base, delta, locales, sink).render();
    for (files, problems) in produced.per_locale {
        for (path, bytes) in files {
            match bytes {
                Some(bytes) => emit(delta, sink, path, bytes, &mut diagnostics),
                None => {
                    delta.written.insert(path);
                }
            }
        }
        problems.into_iter().for_each(|d| diagnostics.push(d));
    }
    // Pages that do not depend on guides are rendered in full builds only.
    if base.is_none() {
        render_fixed_pages(site, &produced.locales, delta, sink, &mut diagnostics);
    }
    match produced.status_html {
        Some(Ok(html)) => emit(
            delta,
            sink,
            "status/index.html".into(),
            html,
            &mut diagnostics,
        ),
        Some(Err(d)) => diagnostics.push(d),
        None => {}
    }
    if let Some(xml) = produced.sitemap_xml {
        emit(delta, sink, "sitemap.xml".into(), xml, &mut diagnostics);
    }
    diagnostics
}

/// The files of one locale (a path and its bytes, or `None` when the sink already holds them)
/// and the problems met making them.
type LocaleFiles = (Vec<(String, Option<Vec<u8>>)>, Vec<Diagnostic>);

/// What the listing pages are made of: the base render merged with the delta (the delta wins),
/// by reference.
struct Listings<'a> {
    site: &'a Site,
    base: Option<&'a Rendered>,
    delta: &'a Rendered,
    sink: Option<&'a dyn Sink>,
    cards: BTreeMap<&'a (String, String), &'a GuideCard>,
    pages: Vec<PageInfo>,
    index: BTreeMap<&'a (String, String), &'a Fragment>,
    /// The locales whose listings are rendered.
    locales: Vec<String>,
    sitemap_changed: bool,
    status_changed: bool,
}

/// The listing files made, before they are handed to the sink or kept in the delta.
struct Produced {
    /// Search files, then locale indexes.
    per_locale: Vec<LocaleFiles>,
    status_html: Option<Result<Vec<u8>, Diagnostic>>,
    sitemap_xml: Option<Vec<u8>>,
    locales: Vec<String>,
}

impl<'a> Listings<'a> {
    fn merge(
        site: &'a Site,
        base: Option<&'a Rendered>,
        delta: &'a Rendered,
        locales: &[&str],
        sink: Option<&'a dyn Sink>,
    ) -> Self {
        let mut cards: BTreeMap<&(String, String), &GuideCard> =
            base.map(|b| b.cards.iter().collect()).unwrap_or_default();
        cards.extend(delta.cards.iter());
        let mut page_map: BTreeMap<(&str, &str), &PageInfo> = base
            .map(|b| {
                b.pages
                    .iter()
                    .map(|p| ((p.guide.as_str(), p.locale.as_str()), p))
                    .collect()
            })
            .unwrap_or_default();
        // The sitemap changes when a rendered page's entry differs from the base's.
        let sitemap_changed = base.is_none()
            || delta
                .pages
                .iter()
                .any(|p| page_map.get(&(p.guide.as_str(), p.locale.as_str())) != Some(&p));
        page_map.extend(
            delta
                .pages
                .iter()
                .map(|p| ((p.guide.as_str(), p.locale.as_str()), p)),
        );
        let pages: Vec<PageInfo> = page_map.values().map(|p| (*p).clone()).collect();
        let mut index: BTreeMap<&(String, String), &Fragment> =
            base.map(|b| b.search.iter().collect()).unwrap_or_default();
        index.extend(delta.search.iter());
        // A partial render only touches the indexes of the locales it rendered pages in.
        // A full render also writes the 404 pages of locales without guides.
        let locales: Vec<String> = match base {
            Some(_) => locales.iter().map(|l| (*l).to_owned()).collect(),
            None => pages
                .iter()
                .map(|p| p.locale.as_str())
                .chain(locales.iter().copied())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .map(str::to_owned)
                .collect(),
        };
        // The status page and the sitemap, when a rendered guide's row or page changed.
        let status_changed = base.is_none_or(|b| {
            delta
                .status
                .iter()
                .any(|(guide, row)| b.status.get(guide) != Some(row))
        });
        Self {
            site,
            base,
            delta,
            sink,
            cards,
            pages,
            index,
            locales,
            sitemap_changed,
            status_changed,
        }
    }

    /// The locale indexes are rendered in parallel (each holds every guide's card, a few
    /// megabytes at 20,000 pages: measured, the build's peak memory did not rise). Beside them,
    /// the search files are copied from the spool (file system work, every locale at once) and
    /// the status page and the sitemap are rendered.
    fn render(self) -> Produced {
        let started = std::time::Instant::now();
        let (searches, (indexes, (status_html, sitemap_xml))): (
            Vec<LocaleFiles>,
            (Vec<LocaleFiles>, _),
        ) = rayon::join(
            || {
                // Streamed from the spool: no locale's file is held in memory.
                let files = self
                    .locales
                    .par_iter()
                    .map(|l| self.search_file(l))
                    .collect();
                crate::timing::stage("  search files", started);
                files
            },
            || {
                rayon::join(
                    || {
                        let pages = self
                            .locales
                            .par_iter()
                            .map(|l| self.index_page(l))
                            .collect();
                        crate::timing::stage("  locale indexes", started);
                        pages
                    },
                    || (self.status_page(), self.sitemap()),
                )
            },
        );
        Produced {
            per_locale: searches.into_iter().chain(indexes).collect(),
            status_html,
            sitemap_xml,
            locales: self.locales,
        }
    }

    /// A locale's search file, when one of its rendered pages changed what it holds.
    fn search_file(&self, locale: &str) -> LocaleFiles {
        let mut files = Vec::new();
        let mut problems = Vec::new();
        if !changed(self.base.map(|b| &b.search), &self.delta.search, locale) {
            return (files, problems);
        }
        let started = std::time::Instant::now();
        let fragments = self
            .index
            .iter()
            .filter(|((l, _), _)| l == locale)
            .map(|(_, f)| *f);
        let mut index = search::LocaleIndex::new(locale);
        let mut put = |path: String, bytes: Vec<u8>, problems: &mut Vec<Diagnostic>| match self.sink
        {
            Some(sink) => match sink.put(&path, &bytes) {
                Ok(()) => files.push((path, None)),
                Err(err) => problems.push(write_error(&path, &err)),
            },
            None => files.push((path, Some(bytes))),
        };
        for fragment in fragments.filter(|f| !f.is_empty()) {
            let spooled;
            let bytes: &[u8] = match (fragment, self.sink) {
                (Fragment::Kept(bytes), _) => bytes,
                (Fragment::Spooled(s), Some(sink)) => match sink.read(*s) {
                    Ok(bytes) => {
                        spooled = bytes;
                        &spooled
                    }
                    Err(err) => {
                        problems.push(write_error(&format!("search/{locale}/"), &err));
                        continue;
                    }
                },
                (Fragment::Spooled(_), None) => continue,
            };
            let (path, document) = index.add(bytes);
            put(path, document, &mut problems);
        }
        for (path, bytes) in index.finish() {
            put(path, bytes, &mut problems);
        }
        crate::timing::SEARCH.add(started);
        (files, problems)
    }

    /// A locale's index page, when one of its rendered guides' cards changed.
    fn index_page(&self, locale: &str) -> LocaleFiles {
        if !changed(self.base.map(|b| &b.cards), &self.delta.cards, locale) {
            return (Vec::new(), Vec::new());
        }
        let locale_cards: Vec<&GuideCard> = self
            .cards
            .iter()
            .filter(|((l, _), _)| l == locale)
            .map(|(_, card)| *card)
            .collect();
        match render_index(self.site, locale, &locale_cards) {
            Ok(html) => (
                vec![(format!("{locale}/index.html"), Some(html))],
                Vec::new(),
            ),
            Err(d) => (Vec::new(), vec![d]),
        }
    }

    /// The status page, when a rendered guide's row changed.
    fn status_page(&self) -> Option<Result<Vec<u8>, Diagnostic>> {
        let started = std::time::Instant::now();
        let html = self.status_changed.then(|| {
            let mut rows: BTreeMap<&String, &review::StatusRow> = self
                .base
                .map(|b| b.status.iter().collect())
                .unwrap_or_default();
            rows.extend(self.delta.status.iter());
            let rows: Vec<&review::StatusRow> = rows.into_values().collect();
            render_status(self.site, &rows)
        });
        crate::timing::stage("  status page", started);
        html
    }

    /// The sitemap, when a rendered page's entry changed.
    fn sitemap(&self) -> Option<Vec<u8>> {
        let started = std::time::Instant::now();
        let xml = self
            .sitemap_changed
            .then(|| sitemap(self.site, &self.pages).into_bytes());
        crate::timing::stage("  sitemap", started);
        xml
    }
}

/// The pages that do not depend on guides: the 404 pages, the language choice and the theme's
/// assets.
fn render_fixed_pages(
    site: &Site,
    locales: &[String],
    delta: &mut Rendered,
    sink: Option<&dyn Sink>,
    diagnostics: &mut Diagnostics,
) {
    // 404 pages are served for any missing address (`/fi/a/b/c/`), so their links start at
    // the site's path, never relative to where the page happens to be shown.
    let base_path = base_path(&site.config.base_url);
    for locale in locales {
        let path = format!("{locale}/404.html");
        match render_simple(site, locale, "404.html", &base_path, &path) {
            Ok(html) => emit(delta, sink, path, html, diagnostics),
            Err(d) => diagnostics.push(d),
        }
    }
    let default = &site.config.default_locale;
    match render_simple(site, default, "root.html", "", "") {
        Ok(html) => emit(delta, sink, "index.html".into(), html, diagnostics),
        Err(d) => diagnostics.push(d),
    }
    match render_simple(site, default, "404.html", &base_path, "404.html") {
        Ok(html) => emit(delta, sink, "404.html".into(), html, diagnostics),
        Err(d) => diagnostics.push(d),
    }
    for (name, bytes) in &site.theme.assets {
        delta.files.insert(format!("assets/{name}"), bytes.clone());
    }
}

/// Hand a listing file to the sink at once (it is freed before the next one is rendered), or
/// keep it in `delta` without one.
fn emit(
    delta: &mut Rendered,
    sink: Option<&dyn Sink>,
    path: String,
    bytes: Vec<u8>,
    diagnostics: &mut Diagnostics,
) {
    let Some(sink) = sink else {
        delta.put(path, bytes);
        return;
    };
    if let Err(err) = sink.put(&path, &bytes) {
        diagnostics.push(Diagnostic::error(
            Kind::Io,
            crate::diagnostics::Location::file(&path),
            format!("cannot write the file: {err}"),
        ));
        return;
    }
    if path.ends_with(".html") {
        delta
            .links
            .insert(path.clone(), super::links::summarize(&bytes));
    }
    delta.written.insert(path);
}

/// Whether `delta` holds a value for `locale` that differs from (or is missing in) `base`; always
/// true for a full render.
fn changed<T: PartialEq>(
    base: Option<&BTreeMap<(String, String), T>>,
    delta: &BTreeMap<(String, String), T>,
    locale: &str,
) -> bool {
    let Some(base) = base else {
        return true;
    };
    delta
        .iter()
        .filter(|((l, _), _)| l == locale)
        .any(|(key, value)| base.get(key) != Some(value))
}

/// The path part of the base URL, e.g. `/` or `/help/`.
fn base_path(base_url: &str) -> String {
    let after_scheme = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    match after_scheme.find('/') {
        Some(i) => after_scheme[i..].to_owned(),
        None => "/".to_owned(),
    }
}

/// A search file that cannot be written (or its spooled part read back).
fn write_error(path: &str, err: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        Kind::Io,
        crate::diagnostics::Location::file(path),
        format!("cannot write the file: {err}"),
    )
}
