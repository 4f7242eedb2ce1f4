//! Rendering: the checked `Site` → the files of the output. Guide pages render in parallel, each
//! handed to the caller's sink when there is one; nothing here opens the output directory (see `write`).

#[cfg(test)]
mod agreement;
mod blocks;
pub mod guide;
pub mod links;
mod listing;
pub mod localize;
pub mod markdown;
mod nav;
mod pages;
mod related;
mod rendered;
pub mod review;
pub mod search;
mod seo;
mod summary;
pub mod view;

pub use nav::{GuideLink, Nav, neighbour_order};
pub use related::OtherGuides;
pub use rendered::{Discard, Fragment, PageInfo, Rendered, Sink, Spooled};

use nav::{neighbours, product_order};
use pages::render_review;
use seo::{advertised_locales, is_advertised, shows_source_only};

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostics::{Diagnostic, Diagnostics, Kind, Location};
use crate::site::{GuideData, Site};
use guide::{MediaFile, ViewContext};
use localize::Localizer;
use view::{FactView, GuideView};

/// Escape text for HTML text and attribute contexts: `&`, `<`, `>`, `"` and `'` (as `&#39;`).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Writing into a `String` cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
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
    t: &'a crate::theme::Strings,
    alternates: Vec<Alternate>,
    canonical: String,
    /// `<link rel="alternate" hreflang>` targets (absolute URLs), `x-default` included.
    hreflang: Vec<Hreflang>,
    /// The support call to action's address in this locale (`support:` in site.yaml).
    support_url: Option<&'a str>,
}

#[derive(Serialize)]
struct Hreflang {
    lang: String,
    href: String,
}

/// Render every page of `site` (only `only_locales`, when given), keeping every file in memory.
pub fn render(site: &Site, only_locales: &[String]) -> Result<Rendered, Diagnostics> {
    let jobs: Vec<(usize, &str)> = (0..site.guides.len())
        .flat_map(|g| {
            site.config
                .locales
                .iter()
                .filter(|l| only_locales.is_empty() || only_locales.contains(l))
                .map(move |l| (g, l.as_str()))
        })
        .collect();
    render_delta(site, None, &jobs)
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
    render_delta(site, Some(base), &indexed)
}

fn render_delta(
    site: &Site,
    base: Option<&Rendered>,
    jobs: &[(usize, &str)],
) -> Result<Rendered, Diagnostics> {
    let t0 = std::time::Instant::now();
    let order = product_order(site);
    let results: Vec<Result<RenderedPage, Diagnostics>> = jobs
        .par_iter()
        .map(|(g, locale)| {
            let nav = neighbours(site, order[*g], locale);
            render_guide(site, &site.guides[*g], locale, (nav, site), true)
        })
        .collect();
    let mut diagnostics = Diagnostics::new();
    let mut delta = Rendered::default();
    for result in results {
        match result {
            Ok(page) => delta.add_page(page),
            Err(errors) => diagnostics.extend(errors),
        }
    }
    crate::timing::stage("render guides", t0);
    crate::timing::SEARCH.report("  of which search entries (CPU, all threads)");
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
    crate::timing::stage("render reviews", t0);
    let job_guides: std::collections::BTreeSet<usize> = jobs.iter().map(|(g, _)| *g).collect();
    delta.status = review::status_rows(site, job_guides.iter().map(|g| &site.guides[*g]))
        .into_iter()
        .map(|row| (row.guide.clone(), row))
        .collect();
    let locales: Vec<&str> = jobs
        .iter()
        .map(|(_, l)| *l)
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    finish(site, base, delta, &locales, None, diagnostics)
}

/// Complete a render whose guide pages are in `delta`: the listing pages (for `locales`), then
/// the link check. `diagnostics` holds the guide pages' findings so far. With a `sink`, the
/// search files go to it (they are large, assembled from fragments it may have spooled) and the
/// search fragments are dropped.
pub fn finish(
    site: &Site,
    base: Option<&Rendered>,
    mut delta: Rendered,
    locales: &[&str],
    sink: Option<&dyn Sink>,
    mut diagnostics: Diagnostics,
) -> Result<Rendered, Diagnostics> {
    let t0 = std::time::Instant::now();
    // Pages that list guides, from the cards and page list of the whole site.
    diagnostics.extend(listing::render_listings(
        site, base, &mut delta, locales, sink,
    ));
    if sink.is_some() {
        delta.search = BTreeMap::new();
    }
    if diagnostics.has_errors() {
        diagnostics.sort();
        return Err(diagnostics);
    }
    delta
        .pages
        .sort_by(|a, b| (&a.guide, &a.locale).cmp(&(&b.guide, &b.locale)));
    crate::timing::stage("index pages", t0);
    crate::timing::SEARCH.report("  of which search files (CPU, all threads)");
    let t0 = std::time::Instant::now();
    let broken = links::check(site, &delta, base, locales);
    crate::timing::stage("links", t0);
    if !broken.is_empty() {
        let mut diagnostics: Diagnostics = broken.into_iter().collect();
        diagnostics.sort();
        return Err(diagnostics);
    }
    Ok(delta)
}

/// Render every page of one guide (in `locales`) into `sink`: its guide pages, their screenshots
/// and its review pages. What the listing pages and the link check need is returned; the pages
/// themselves are not kept. `nav` gives the previous and next guide in each locale, `others` the
/// titles of the guides it lists as related.
pub fn render_guide_into(
    site: &Site,
    data: &GuideData,
    locales: &[&str],
    nav: impl Fn(&str) -> Nav,
    others: &dyn OtherGuides,
    sink: &dyn Sink,
) -> Result<Rendered, Diagnostics> {
    let mut out = Rendered::default();
    let io_error = |path: &str, err: std::io::Error| {
        Diagnostics::from(Diagnostic::error(
            Kind::Io,
            Location::file(path),
            format!("cannot write the file: {err}"),
        ))
    };
    for locale in locales {
        let mut page = render_guide(
            site,
            data,
            locale,
            (nav(locale), others),
            sink.wants_search(),
        )?;
        sink.put(&page.path, &page.html)
            .map_err(|err| io_error(&page.path, err))?;
        // The search fragment waits in the sink's spool for the index file, not in memory.
        if let Fragment::Kept(bytes) = &page.search {
            let path = format!("search/{locale}/");
            if let Some(spooled) = sink.spool(bytes).map_err(|err| io_error(&path, err))? {
                page.search = Fragment::Spooled(spooled);
            }
        }
        let summary = links::summarize(&page.html);
        out.links.insert(page.path.clone(), summary);
        out.written.insert(page.path.clone());
        page.html = Vec::new();
        for m in std::mem::take(&mut page.media) {
            if out.written.insert(m.output.clone()) {
                sink.copy(&m.output, &m.source)
                    .map_err(|err| io_error(&m.output, err))?;
            }
        }
        out.add_page(page);
        if review::has_page(site, data, locale) {
            let (path, html) = render_review(site, data, locale).map_err(Diagnostics::from)?;
            sink.put(&path, &html).map_err(|err| io_error(&path, err))?;
            out.links.insert(path.clone(), links::summarize(&html));
            out.written.insert(path);
        }
    }
    out.status = review::status_rows(site, std::iter::once(data))
        .into_iter()
        .map(|row| (row.guide.clone(), row))
        .collect();
    Ok(out)
}

/// One rendered guide page and what the rest of the site needs to know about it.
struct RenderedPage {
    path: String,
    /// Empty once the page went to a sink.
    html: Vec<u8>,
    /// Screenshots to copy (taken once they went to a sink).
    media: Vec<MediaFile>,
    info: PageInfo,
    card: GuideCard,
    search: Fragment,
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
        t: strings,
        alternates,
        canonical: format!("{}{page_path}", site.config.base_url),
        hreflang: Vec::new(),
        support_url: site.config.support.as_ref().map(|s| s.url(locale)),
    }
}

fn context_for(common: &Common<'_>) -> tera::Context {
    let mut context = tera::Context::new();
    context.insert("common", common);
    context.insert_value("t", common.t.value());
    context
}

fn render_template(
    site: &Site,
    name: &str,
    context: &tera::Context,
) -> Result<Vec<u8>, Diagnostic> {
    // Rendered into a buffer sized for a typical page: no regrowth, no UTF-8 re-validation.
    let mut out = Vec::with_capacity(64 * 1024);
    site.theme
        .tera
        .render_to(name, context, &mut out)
        .map(|()| out)
        .map_err(|err| {
            Diagnostic::error(
                Kind::Template,
                Location::file(format!("themes/{}/templates/{name}", site.config.theme)),
                format!("cannot render {name}: {err}"),
            )
        })
}

/// Render one guide page; its search fragment only `with_search` (else it is empty: the text it
/// would hold was formatted for the page already, so nothing goes unchecked).
fn render_guide(
    site: &Site,
    data: &GuideData,
    locale: &str,
    ((previous, next), others): (Nav, &dyn OtherGuides),
    with_search: bool,
) -> Result<RenderedPage, Diagnostics> {
    let related = related::links(data, locale, others)?;
    let strings = &site.theme.strings[locale];
    let guide_dir = site.root.join(&data.loaded.dir);
    let guide_fallback = shows_source_only(site, data, locale);
    let mut localizer = Localizer::for_page(site, data, locale, guide_fallback);
    let cx = ViewContext {
        guide_id: data.id(),
        guide_dir: &guide_dir,
        images: &data.loaded.images,
        strings,
        stale_images: data.status.get(locale).map(|s| &s.images.stale),
    };
    let mut media = Vec::new();
    let view: GuideView = guide::build(&data.loaded.guide, &cx, &mut localizer, &mut media);
    for m in &mut media {
        m.source = guide_dir.join(&m.source);
    }
    let search_started = std::time::Instant::now();
    let search = Fragment::Kept(if with_search {
        search::fragment(
            data.id(),
            &data.loaded.guide,
            &view.title_plain,
            &mut localizer,
        )
    } else {
        Vec::new()
    });
    crate::timing::SEARCH.add(search_started);
    let errors = localizer.take_errors();
    if !errors.is_empty() {
        return Err(errors);
    }
    let percent = data
        .coverage
        .get(locale)
        .copied()
        .unwrap_or_default()
        .percent();
    let page_path = format!("{locale}/{}/", data.id());
    let mut context = context_for(&guide_common(site, data, locale, &page_path));
    context.insert("guide", &view);
    context.insert("fallbacks", &localizer.fallbacks());
    context.insert("guide_fallback", &guide_fallback);
    let source_language = strings.get(&format!("language-{}", data.source_locale()));
    context.insert(
        "guide_fallback_banner",
        &strings.get_with(
            "guide-fallback-banner",
            &[("language", source_language.clone().into())],
        ),
    );
    context.insert("translated_percent", &percent);
    context.insert(
        "fallback_banner",
        &strings.get_with("fallback-banner", &[("percent", percent.into())]),
    );
    context.insert("source_locale", data.source_locale());
    context.insert("source_language_name", &source_language);
    context.insert("previous", &previous);
    context.insert("next", &next);
    context.insert("related", &related);
    let html = render_template(site, "guide.html", &context).map_err(Diagnostics::from)?;
    let card = GuideCard {
        id: data.id().to_owned(),
        product: data.loaded.guide.product.as_str().to_owned(),
        partner: data.loaded.guide.partner.as_str().to_owned(),
        title: view.title,
        summary: view.summary.unwrap_or_else(|| escape(&view.summary_plain)),
        facts: view.facts,
        translated_percent: percent,
    };
    let info = PageInfo {
        guide: data.id().to_owned(),
        locale: locale.to_owned(),
        path: format!("{page_path}index.html"),
        translated_percent: percent,
        fallback_messages: localizer.fallbacks(),
        is_source: locale == data.source_locale(),
        advertised: is_advertised(site, data, locale),
    };
    Ok(RenderedPage {
        path: info.path.clone(),
        html,
        media,
        info,
        card,
        search,
    })
}

/// The parts of a guide page that every page has, with the guide's alternates, canonical and
/// hreflang links (a page mostly in the source language points search engines at the source).
fn guide_common<'a>(
    site: &'a Site,
    data: &GuideData,
    locale: &'a str,
    page_path: &str,
) -> Common<'a> {
    let mut common = common(site, locale, "../../", page_path);
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
    common
}

#[cfg(test)]
mod tests {
    #[test]
    fn escape_writes_the_five_entities_as_before() {
        // The bytes pages have always had: `'` as `&#39;` (not `&#x27;`), `"` as `&quot;`.
        assert_eq!(
            super::escape(r#"a&b<c>d"e'f é"#),
            "a&amp;b&lt;c&gt;d&quot;e&#39;f é"
        );
    }
}
