//! Rendering: the checked `Site` → the files of the output. Guide pages render in parallel, each
//! handed to the caller's sink when there is one; nothing here opens the output directory (see `write`).

pub mod guide;
pub mod links;
mod listing;
pub mod localize;
pub mod markdown;
mod pages;
mod rendered;
pub mod review;
pub mod search;
mod seo;
pub mod theme;
pub mod view;

pub use rendered::{PageInfo, Rendered, Sink};

use pages::render_review;
use seo::{advertised_locales, is_advertised, shows_source_only};

use std::collections::BTreeMap;

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
    listing::render_listings(site, base, &mut delta, jobs, &mut diagnostics);
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

/// A link to another guide of the same locale.
#[derive(Serialize)]
struct GuideLink {
    href: String,
    title: String,
}

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
