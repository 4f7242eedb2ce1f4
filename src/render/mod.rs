//! Rendering: the checked `Site` → the files of the output, in memory. Guide pages render in
//! parallel; nothing here touches the output directory (see `write`).

pub mod guide;
pub mod links;
pub mod localize;
pub mod markdown;
mod pages;
pub mod review;
pub mod search;
mod seo;

use pages::{render_index, render_review, render_simple, render_status};
use seo::{advertised_locales, is_advertised, shows_source_only, sitemap};
pub mod theme;
pub mod view;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::i18n::bundle;
use crate::site::Site;
use guide::{MediaFile, ViewContext};
use localize::Localizer;
use view::{FactView, GuideView};

/// Escape text for HTML text and attribute contexts.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The rendered site: output files (path under the output dir → bytes) and media to copy.
#[derive(Clone, Debug, Default)]
pub struct Rendered {
    pub files: BTreeMap<String, Vec<u8>>,
    /// Output path → absolute source path.
    pub media: BTreeMap<String, PathBuf>,
    /// Guide pages, sorted by guide and locale.
    pub pages: Vec<PageInfo>,
    /// What each locale index shows of each guide, by (locale, guide), for partial updates.
    cards: BTreeMap<(String, String), GuideCard>,
    /// Search entries by (locale, guide), for partial updates.
    /// Search entries (as JSON fragments) by (locale, guide), for partial updates.
    search: BTreeMap<(String, String), Vec<u8>>,
    /// Rows of the translation status page by guide, for partial updates.
    status: BTreeMap<String, review::StatusRow>,
    /// The link check's summary of every HTML page (kept when the page itself went to a sink).
    links: BTreeMap<String, links::PageLinks>,
    /// Pages handed to the sink while rendering instead of being kept in `files`.
    written: BTreeSet<String>,
    /// In a partial render: files an earlier render produced that must go (e.g. the review
    /// page of a translation that became complete).
    removed: BTreeSet<String>,
}

impl Rendered {
    /// Merge a partial render into this one.
    pub fn apply(&mut self, delta: Rendered) {
        for path in &delta.removed {
            self.files.remove(path);
            self.links.remove(path);
            self.written.remove(path);
        }
        self.files.extend(delta.files);
        self.links.extend(delta.links);
        self.written.extend(delta.written);
        self.media.extend(delta.media);
        self.cards.extend(delta.cards);
        self.search.extend(delta.search);
        self.status.extend(delta.status);
        for page in delta.pages {
            match self
                .pages
                .iter_mut()
                .find(|p| p.guide == page.guide && p.locale == page.locale)
            {
                Some(slot) => *slot = page,
                None => self.pages.push(page),
            }
        }
        self.pages
            .sort_by(|a, b| (&a.guide, &a.locale).cmp(&(&b.guide, &b.locale)));
    }

    /// A file of the output, if rendered and kept in memory (media are not read here).
    pub fn file(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }

    /// How many files the output holds.
    pub fn file_count(&self) -> usize {
        self.files.len() + self.written.len() + self.media.len()
    }

    /// Whether the build produces `path` (a page, an asset or a media file).
    pub fn exists(&self, path: &str) -> bool {
        self.files.contains_key(path)
            || self.written.contains(path)
            || self.media.contains_key(path)
    }

    /// Add an output file (HTML pages also get their link-check summary).
    fn put(&mut self, path: String, bytes: Vec<u8>) {
        if path.ends_with(".html")
            && let Ok(html) = std::str::from_utf8(&bytes)
        {
            self.links.insert(path.clone(), links::summarize(html));
        }
        self.files.insert(path, bytes);
    }
}

/// Where rendered guide pages go as soon as each is done: `build` writes them to the staging
/// directory from the rendering threads, so the whole site never has to sit in memory.
pub type Sink<'a> = &'a (dyn Fn(&str, &[u8]) -> std::io::Result<()> + Sync);

/// One guide page, for reports and the sitemap.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PageInfo {
    pub guide: String,
    pub locale: String,
    pub path: String,
    pub translated_percent: u32,
    pub fallback_messages: usize,
    /// The guide's source language page.
    pub is_source: bool,
    /// Listed in the sitemap and hreflang as being in its locale.
    pub advertised: bool,
}

#[derive(Serialize)]
struct Alternate {
    lang: String,
    name: String,
    href: String,
    current: bool,
}

#[derive(Serialize)]
struct Common<'a> {
    lang: &'a str,
    root: &'a str,
    site_title: &'a str,
    #[serde(skip)]
    t: &'a BTreeMap<String, String>,
    alternates: Vec<Alternate>,
    canonical: String,
    /// `<link rel="alternate" hreflang>` targets (absolute URLs), `x-default` included.
    hreflang: Vec<Hreflang>,
}

#[derive(Serialize)]
struct Hreflang {
    lang: String,
    href: String,
}

/// Render every page of `site` (only `only_locales`, when given), keeping every file in memory.
pub fn render(site: &Site, only_locales: &[String]) -> Result<Rendered, Diagnostics> {
    render_into(site, only_locales, None)
}

/// Like [`render`], but each guide page goes to `sink` as soon as it is rendered (the returned
/// `Rendered` keeps the other files and every page's link summary).
pub fn render_into(
    site: &Site,
    only_locales: &[String],
    sink: Option<Sink<'_>>,
) -> Result<Rendered, Diagnostics> {
    let jobs: Vec<(usize, &str)> = (0..site.guides.len())
        .flat_map(|g| {
            site.config
                .locales
                .iter()
                .filter(|l| only_locales.is_empty() || only_locales.contains(l))
                .map(move |l| (g, l.as_str()))
        })
        .collect();
    render_delta(site, None, &jobs, sink)
}

/// Render the pages of `jobs` (guide id, locale) again on top of `base`, with every page that
/// lists guides (indexes, sitemap, status). Apply the result with [`Rendered::apply`].
pub fn render_update(
    site: &Site,
    base: &Rendered,
    jobs: &[(String, String)],
) -> Result<Rendered, Diagnostics> {
    let indexed: Vec<(usize, &str)> = jobs
        .iter()
        .filter_map(|(guide, locale)| {
            let index = site.guides.iter().position(|g| g.id() == guide)?;
            Some((index, locale.as_str()))
        })
        .collect();
    render_delta(site, Some(base), &indexed, None)
}

fn render_delta(
    site: &Site,
    base: Option<&Rendered>,
    jobs: &[(usize, &str)],
    sink: Option<Sink<'_>>,
) -> Result<Rendered, Diagnostics> {
    let t0 = std::time::Instant::now();
    let order = product_order(site);
    let results: Vec<Result<RenderedPage, Vec<Diagnostic>>> = jobs
        .par_iter()
        .map(|(g, locale)| {
            let mut page = render_guide(site, &order, *g, locale)?;
            if let Some(sink) = sink {
                sink(&page.path, &page.html).map_err(|err| {
                    vec![Diagnostic::error(
                        "io",
                        Location::file(&page.path),
                        format!("cannot write the page: {err}"),
                    )]
                })?;
                page.links = Some(links::summarize(&String::from_utf8_lossy(&page.html)));
                page.html = Vec::new();
            }
            Ok(page)
        })
        .collect();
    let mut diagnostics = Diagnostics::new();
    let mut delta = Rendered::default();
    for result in results {
        match result {
            Ok(RenderedPage {
                path,
                html,
                links: summary,
                media: used,
                info,
                card,
                search,
            }) => {
                delta
                    .search
                    .insert((info.locale.clone(), info.guide.clone()), search);
                match summary {
                    Some(summary) => {
                        delta.links.insert(path.clone(), summary);
                        delta.written.insert(path);
                    }
                    None => delta.put(path, html),
                }
                for m in used {
                    delta.media.insert(m.output, m.source);
                }
                delta
                    .cards
                    .insert((info.locale.clone(), info.guide.clone()), card);
                delta.pages.push(info);
            }
            Err(errors) => errors.into_iter().for_each(|d| diagnostics.push(d)),
        }
    }
    crate::timing("render guides", t0);
    crate::timing_value(
        "  of which search entries (CPU, all threads)",
        search::BUILD_NANOS.swap(0, std::sync::atomic::Ordering::Relaxed),
    );
    let t0 = std::time::Instant::now();
    for (g, locale) in jobs {
        let guide = &site.guides[*g];
        if !review::has_page(site, guide, locale) {
            delta
                .removed
                .insert(format!("review/{locale}/{}/index.html", guide.id()));
        }
    }
    let reviews: Vec<Result<(String, Vec<u8>), Diagnostic>> = jobs
        .par_iter()
        .filter(|(g, locale)| review::has_page(site, &site.guides[*g], locale))
        .map(|(g, locale)| render_review(site, &site.guides[*g], locale))
        .collect();
    for review in reviews {
        match review {
            Ok((path, html)) => delta.put(path, html),
            Err(d) => diagnostics.push(d),
        }
    }
    crate::timing("render reviews", t0);
    let t0 = std::time::Instant::now();
    // Pages that list guides, from the cards and page list of the whole site.
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
    page_map.extend(
        delta
            .pages
            .iter()
            .map(|p| ((p.guide.as_str(), p.locale.as_str()), p)),
    );
    let pages: Vec<PageInfo> = page_map.values().map(|p| (*p).clone()).collect();
    let mut index: BTreeMap<&(String, String), &Vec<u8>> =
        base.map(|b| b.search.iter().collect()).unwrap_or_default();
    index.extend(delta.search.iter());
    // A partial render only touches the indexes of the locales it rendered pages in.
    let locales: Vec<&str> = match base {
        Some(_) => jobs.iter().map(|(_, l)| *l).collect::<BTreeSet<_>>(),
        None => pages.iter().map(|p| p.locale.as_str()).collect(),
    }
    .into_iter()
    .collect();
    type LocaleFiles = (Vec<(String, Vec<u8>)>, Vec<Diagnostic>);
    let per_locale: Vec<LocaleFiles> = locales
        .par_iter()
        .map(|locale| {
            let mut files = Vec::new();
            let mut problems = Vec::new();
            // In a partial render, a locale's index and search file change only when one of
            // its rendered pages changed what they show.
            if changed(base.map(|b| &b.search), &delta.search, locale) {
                let started = std::time::Instant::now();
                let fragments = index
                    .iter()
                    .filter(|((l, _), _)| l == locale)
                    .map(|(_, f)| f.as_slice());
                files.push((
                    format!("search/{locale}.json"),
                    search::index_json(locale, fragments),
                ));
                search::account(started);
            }
            if !changed(base.map(|b| &b.cards), &delta.cards, locale) {
                return (files, problems);
            }
            let locale_cards: Vec<&GuideCard> = cards
                .iter()
                .filter(|((l, _), _)| l == locale)
                .map(|(_, card)| *card)
                .collect();
            match render_index(site, locale, &locale_cards) {
                Ok(html) => files.push((format!("{locale}/index.html"), html)),
                Err(d) => problems.push(d),
            }
            (files, problems)
        })
        .collect();
    for (files, problems) in per_locale {
        for (path, bytes) in files {
            delta.put(path, bytes);
        }
        problems.into_iter().for_each(|d| diagnostics.push(d));
    }
    // Pages that do not depend on guides are rendered in full builds only.
    if base.is_none() {
        for locale in &locales {
            match render_simple(
                site,
                locale,
                "404.html",
                "../",
                &format!("{locale}/404.html"),
            ) {
                Ok(html) => delta.put(format!("{locale}/404.html"), html),
                Err(d) => diagnostics.push(d),
            }
        }
        let default = &site.config.default_locale;
        match render_simple(site, default, "root.html", "", "") {
            Ok(html) => delta.put("index.html".into(), html),
            Err(d) => diagnostics.push(d),
        }
        let base_path = base_path(&site.config.base_url);
        match render_simple(site, default, "404.html", &base_path, "404.html") {
            Ok(html) => delta.put("404.html".into(), html),
            Err(d) => diagnostics.push(d),
        }
        for (name, bytes) in &site.theme.assets {
            delta.files.insert(format!("assets/{name}"), bytes.clone());
        }
    }
    // The status page, when a rendered guide's row changed.
    let job_guides: BTreeSet<usize> = jobs.iter().map(|(g, _)| *g).collect();
    delta.status = review::status_rows(site, job_guides.iter().map(|g| &site.guides[*g]))
        .into_iter()
        .map(|row| (row.guide.clone(), row))
        .collect();
    let status_changed = base.is_none_or(|b| {
        delta
            .status
            .iter()
            .any(|(guide, row)| b.status.get(guide) != Some(row))
    });
    if status_changed {
        let mut rows: BTreeMap<&String, &review::StatusRow> =
            base.map(|b| b.status.iter().collect()).unwrap_or_default();
        rows.extend(delta.status.iter());
        let rows: Vec<&review::StatusRow> = rows.into_values().collect();
        match render_status(site, &rows) {
            Ok(html) => delta.put("status/index.html".into(), html),
            Err(d) => diagnostics.push(d),
        }
    }
    // The sitemap, when a rendered page's entry changed.
    let sitemap_changed = base.is_none_or(|b| {
        delta.pages.iter().any(|page| {
            !b.pages
                .iter()
                .any(|p| p.guide == page.guide && p.locale == page.locale && p == page)
        })
    });
    if sitemap_changed {
        delta
            .files
            .insert("sitemap.xml".into(), sitemap(site, &pages).into_bytes());
    }
    if diagnostics.has_errors() {
        diagnostics.sort();
        return Err(diagnostics);
    }
    delta
        .pages
        .sort_by(|a, b| (&a.guide, &a.locale).cmp(&(&b.guide, &b.locale)));
    crate::timing("index pages", t0);
    crate::timing_value(
        "  of which search files (CPU, all threads)",
        search::BUILD_NANOS.swap(0, std::sync::atomic::Ordering::Relaxed),
    );
    let t0 = std::time::Instant::now();
    let broken = links::check(site, &delta, base);
    crate::timing("links", t0);
    if !broken.is_empty() {
        let mut diagnostics: Diagnostics = broken.into_iter().collect();
        diagnostics.sort();
        return Err(diagnostics);
    }
    Ok(delta)
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

/// A link to another guide of the same locale.
#[derive(Serialize)]
struct GuideLink {
    href: String,
    title: String,
}

/// The previous and next guide of the same product, in the order of the index page.
/// For every guide (by index): the previous and next guide of the same product, in the order
/// of the index page (partner, then id). Computed once per render: O(n log n).
fn product_order(site: &Site) -> Vec<(Option<usize>, Option<usize>)> {
    let mut order: Vec<(&str, &str, &str, usize)> = site
        .guides
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let guide = &g.loaded.guide;
            (guide.product.as_str(), guide.partner.as_str(), g.id(), i)
        })
        .collect();
    order.sort_unstable();
    let mut out = vec![(None, None); site.guides.len()];
    for (k, (product, _, _, i)) in order.iter().enumerate() {
        let same = |other: Option<&(&str, &str, &str, usize)>| {
            other.filter(|o| o.0 == *product).map(|o| o.3)
        };
        let previous = k.checked_sub(1).and_then(|k| same(order.get(k)));
        out[*i] = (previous, same(order.get(k + 1)));
    }
    out
}

/// The previous and next guide of the same product as links in `locale`.
fn neighbours(
    site: &Site,
    (previous, next): (Option<usize>, Option<usize>),
    locale: &str,
) -> (Option<GuideLink>, Option<GuideLink>) {
    let link = |i: usize| {
        let guide = &site.guides[i];
        let args = bundle::args(&site.config.variables);
        let key = crate::content::catalog::MessageKey::value("title");
        let mut errors = Vec::new();
        let text = guide
            .translations
            .get(locale)
            .and_then(|t| bundle::format(&t.bundle, &key, &args, &mut errors))
            .or_else(|| bundle::format(&guide.source_bundle, &key, &args, &mut errors))
            .unwrap_or_default();
        GuideLink {
            href: format!("../{}/", guide.id()),
            title: markdown::plain(&text),
        }
    };
    (previous.map(link), next.map(link))
}

/// One rendered guide page and what the rest of the site needs to know about it.
struct RenderedPage {
    path: String,
    /// Empty once the page went to the sink.
    html: Vec<u8>,
    /// Set once the page went to the sink.
    links: Option<links::PageLinks>,
    media: Vec<MediaFile>,
    info: PageInfo,
    card: GuideCard,
    search: Vec<u8>,
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

/// What the locale index shows of a guide.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GuideCard {
    id: String,
    product: String,
    partner: String,
    title: String,
    summary: String,
    facts: Vec<FactView>,
    translated_percent: u32,
}

fn common<'a>(site: &'a Site, locale: &'a str, root: &'a str, page_path: &str) -> Common<'a> {
    let strings = &site.theme.strings[locale];
    let alternates = site
        .config
        .locales
        .iter()
        .map(|l| Alternate {
            lang: l.clone(),
            name: site.theme.strings[l.as_str()].get("language-name"),
            href: String::new(),
            current: l == locale,
        })
        .collect();
    Common {
        lang: locale,
        root,
        site_title: site.config.title(locale),
        t: strings.all(),
        alternates,
        canonical: format!("{}{page_path}", site.config.base_url),
        hreflang: Vec::new(),
    }
}

fn context_for(common: &Common<'_>) -> tera::Context {
    let mut context = tera::Context::new();
    context.insert("common", common);
    context.insert("t", common.t);
    context
}

fn render_template(
    site: &Site,
    name: &str,
    context: &tera::Context,
) -> Result<Vec<u8>, Diagnostic> {
    site.theme
        .tera
        .render(name, context)
        .map(String::into_bytes)
        .map_err(|err| {
            Diagnostic::error(
                "template",
                Location::file(format!("themes/{}/templates/{name}", site.config.theme)),
                format!("cannot render {name}: {err}"),
            )
        })
}

fn render_guide(
    site: &Site,
    order: &[(Option<usize>, Option<usize>)],
    index: usize,
    locale: &str,
) -> Result<RenderedPage, Vec<Diagnostic>> {
    let data = &site.guides[index];
    let strings = &site.theme.strings[locale];
    let guide_dir = site.root.join(&data.loaded.dir);
    let coverage = data.coverage.get(locale).copied().unwrap_or_default();
    let guide_fallback = shows_source_only(site, data, locale);
    let mut localizer = Localizer {
        locale,
        source_locale: data.source_locale(),
        translation: if guide_fallback {
            None
        } else {
            data.translations.get(locale).map(|t| &t.bundle)
        },
        mark_fallback: !guide_fallback,
        stale: if guide_fallback {
            None
        } else {
            data.status.get(locale).map(|s| &s.stale)
        },
        outdated_label: strings.get("outdated"),
        source: &data.source_bundle,
        args: bundle::args(&site.config.variables),
        untranslated_label: strings.get("untranslated"),
        fallbacks: 0,
        errors: Vec::new(),
        path: &data.loaded.path,
    };
    let cx = ViewContext {
        guide_id: data.id(),
        guide_dir: &guide_dir,
        images: &data.loaded.images,
        strings,
    };
    let mut media = Vec::new();
    let view: GuideView = guide::build(&data.loaded.guide, &cx, &mut localizer, &mut media);
    for m in &mut media {
        m.source = guide_dir.join(&m.source);
    }
    let search_started = std::time::Instant::now();
    let search = search::fragment(&search::entries(
        data.id(),
        &data.loaded.guide,
        &view.title_plain,
        &mut localizer,
    ));
    search::account(search_started);
    if !localizer.errors.is_empty() {
        return Err(std::mem::take(&mut localizer.errors));
    }
    let percent = coverage.percent();
    let page_path = format!("{locale}/{}/", data.id());
    let mut common = common(site, locale, "../../", &page_path);
    for alt in &mut common.alternates {
        alt.href = format!("../../{}/{}/", alt.lang, data.id());
    }
    let base = &site.config.base_url;
    let guide_url = |l: &str| format!("{base}{l}/{}/", data.id());
    if !is_advertised(site, data, locale) {
        common.canonical = guide_url(data.source_locale());
    }
    common.hreflang = advertised_locales(site, data)
        .into_iter()
        .map(|l| Hreflang {
            href: guide_url(l),
            lang: l.to_owned(),
        })
        .collect();
    let x_default = if is_advertised(site, data, &site.config.default_locale) {
        site.config.default_locale.as_str()
    } else {
        data.source_locale()
    };
    common.hreflang.push(Hreflang {
        lang: "x-default".into(),
        href: guide_url(x_default),
    });
    let mut context = context_for(&common);
    context.insert("guide", &view);
    context.insert("fallbacks", &localizer.fallbacks);
    context.insert("guide_fallback", &guide_fallback);
    context.insert(
        "guide_fallback_banner",
        &strings.get_with(
            "guide-fallback-banner",
            &[(
                "language",
                strings
                    .get(&format!("language-{}", data.source_locale()))
                    .into(),
            )],
        ),
    );
    context.insert("translated_percent", &percent);
    context.insert(
        "fallback_banner",
        &strings.get_with("fallback-banner", &[("percent", percent.into())]),
    );
    context.insert("source_locale", data.source_locale());
    context.insert(
        "source_language_name",
        &strings.get(&format!("language-{}", data.source_locale())),
    );
    let (previous, next) = neighbours(site, order[index], locale);
    context.insert("previous", &previous);
    context.insert("next", &next);
    let html = render_template(site, "guide.html", &context).map_err(|d| vec![d])?;
    let card = GuideCard {
        id: data.id().to_owned(),
        product: data.loaded.guide.product.as_str().to_owned(),
        partner: data.loaded.guide.partner.as_str().to_owned(),
        title: view.title,
        summary: view.summary,
        facts: view.facts,
        translated_percent: percent,
    };
    let info = PageInfo {
        guide: data.id().to_owned(),
        locale: locale.to_owned(),
        path: format!("{page_path}index.html"),
        translated_percent: percent,
        fallback_messages: localizer.fallbacks,
        is_source: locale == data.source_locale(),
        advertised: is_advertised(site, data, locale),
    };
    Ok(RenderedPage {
        path: info.path.clone(),
        html,
        links: None,
        media,
        info,
        card,
        search,
    })
}
