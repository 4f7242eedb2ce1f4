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
    diagnostics: &mut Diagnostics,
) {
    // Merged views of the base and this delta (the delta wins), by reference.
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
    let locales: Vec<&str> = match base {
        Some(_) => locales.to_vec(),
        None => pages
            .iter()
            .map(|p| p.locale.as_str())
            .chain(locales.iter().copied())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect(),
    };
    type LocaleFiles = (Vec<(String, Option<Vec<u8>>)>, Vec<Diagnostic>);
    // In a partial render, a locale's index and search file change only when one of its
    // rendered pages changed what they show.
    let search_file = |locale: &&str| -> LocaleFiles {
        let mut files = Vec::new();
        let mut problems = Vec::new();
        if changed(base.map(|b| &b.search), &delta.search, locale) {
            let started = std::time::Instant::now();
            let fragments = index
                .iter()
                .filter(|((l, _), _)| l == locale)
                .map(|(_, f)| *f);
            let path = format!("search/{locale}.json");
            match sink {
                Some(sink) => {
                    let head = search::index_head(locale);
                    match sink.put_pieces(&path, &search::index_parts(&head, fragments)) {
                        Ok(()) => files.push((path, None)),
                        Err(err) => problems.push(Diagnostic::error(
                            Kind::Io,
                            crate::diagnostics::Location::file(&path),
                            format!("cannot write the file: {err}"),
                        )),
                    }
                }
                None => files.push((path, Some(search::index_json(locale, fragments)))),
            }
            crate::timing::SEARCH.add(started);
        }
        (files, problems)
    };
    let index_page = |locale: &&str| -> LocaleFiles {
        if !changed(base.map(|b| &b.cards), &delta.cards, locale) {
            return (Vec::new(), Vec::new());
        }
        let locale_cards: Vec<&GuideCard> = cards
            .iter()
            .filter(|((l, _), _)| l == locale)
            .map(|(_, card)| *card)
            .collect();
        match render_index(site, locale, &locale_cards) {
            Ok(html) => (
                vec![(format!("{locale}/index.html"), Some(html))],
                Vec::new(),
            ),
            Err(d) => (Vec::new(), vec![d]),
        }
    };
    // The status page and the sitemap, when a rendered guide's row or page changed.
    let status_changed = base.is_none_or(|b| {
        delta
            .status
            .iter()
            .any(|(guide, row)| b.status.get(guide) != Some(row))
    });
    let status_page = || {
        let started = std::time::Instant::now();
        let html = status_changed.then(|| {
            let mut rows: BTreeMap<&String, &review::StatusRow> =
                base.map(|b| b.status.iter().collect()).unwrap_or_default();
            rows.extend(delta.status.iter());
            let rows: Vec<&review::StatusRow> = rows.into_values().collect();
            render_status(site, &rows)
        });
        crate::timing::stage("  status page", started);
        let started = std::time::Instant::now();
        let xml = sitemap_changed.then(|| sitemap(site, &pages).into_bytes());
        crate::timing::stage("  sitemap", started);
        (html, xml)
    };
    // The locale indexes are rendered in parallel (each holds every guide's card, a few
    // megabytes at 20,000 pages: measured, the build's peak memory did not rise). Beside them,
    // the search files are copied from the spool (file system work, every locale at once) and
    // the status page and the sitemap are rendered.
    let started = std::time::Instant::now();
    let (searches, (indexes, (status_html, sitemap_xml))): (
        Vec<LocaleFiles>,
        (Vec<LocaleFiles>, _),
    ) = rayon::join(
        || {
            // Streamed from the spool: no locale's file is held in memory.
            let files = locales.par_iter().map(search_file).collect();
            crate::timing::stage("  search files", started);
            files
        },
        || {
            rayon::join(
                || {
                    let pages = locales.par_iter().map(index_page).collect();
                    crate::timing::stage("  locale indexes", started);
                    pages
                },
                status_page,
            )
        },
    );
    let per_locale = searches.into_iter().chain(indexes);
    for (files, problems) in per_locale {
        for (path, bytes) in files {
            match bytes {
                Some(bytes) => emit(delta, sink, path, bytes, diagnostics),
                None => {
                    delta.written.insert(path);
                }
            }
        }
        problems.into_iter().for_each(|d| diagnostics.push(d));
    }
    // Pages that do not depend on guides are rendered in full builds only.
    if base.is_none() {
        // 404 pages are served for any missing address (`/fi/a/b/c/`), so their links start at
        // the site's path, never relative to where the page happens to be shown.
        let base_path = base_path(&site.config.base_url);
        for locale in &locales {
            match render_simple(
                site,
                locale,
                "404.html",
                &base_path,
                &format!("{locale}/404.html"),
            ) {
                Ok(html) => emit(delta, sink, format!("{locale}/404.html"), html, diagnostics),
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
    match status_html {
        Some(Ok(html)) => emit(delta, sink, "status/index.html".into(), html, diagnostics),
        Some(Err(d)) => diagnostics.push(d),
        None => {}
    }
    if let Some(xml) = sitemap_xml {
        emit(delta, sink, "sitemap.xml".into(), xml, diagnostics);
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
