//! What a page is advertised as: hreflang alternates, canonical URLs and the sitemap. A page that
//! is mostly untranslated, or shown in its source language as a whole, is not advertised as its
//! locale.

use std::collections::BTreeMap;

use super::{PageInfo, escape};
use crate::site::Site;

/// Whether the page of `data` in `locale` shows the whole guide in its source language
/// (`fallback: guide` with an incomplete translation).
pub(super) fn shows_source_only(site: &Site, data: &crate::site::GuideData, locale: &str) -> bool {
    site.config.fallback == crate::config::FallbackMode::Guide
        && locale != data.source_locale()
        && !data.coverage.get(locale).is_some_and(|c| c.is_complete())
}

/// Whether the page is advertised as being in `locale` (hreflang, sitemap, self-canonical):
/// at least half of it is translated and it is not shown in the source language as a whole.
pub(super) fn is_advertised(site: &Site, data: &crate::site::GuideData, locale: &str) -> bool {
    locale == data.source_locale()
        || (!shows_source_only(site, data, locale)
            && data.coverage.get(locale).is_some_and(|c| c.percent() >= 50))
}

/// Locales in which the guide is advertised, in the site's order.
pub(super) fn advertised_locales<'a>(
    site: &'a Site,
    data: &crate::site::GuideData,
) -> Vec<&'a str> {
    site.config
        .locales
        .iter()
        .filter(|l| is_advertised(site, data, l))
        .map(String::as_str)
        .collect()
}

fn push_all(out: &mut String, parts: &[&str]) {
    for part in parts {
        out.push_str(part);
    }
}

pub(super) fn sitemap(site: &Site, pages: &[PageInfo]) -> String {
    let base = &site.config.base_url;
    let mut by_guide: BTreeMap<&str, Vec<&PageInfo>> = BTreeMap::new();
    for page in pages.iter().filter(|p| p.advertised) {
        by_guide.entry(page.guide.as_str()).or_default().push(page);
    }
    // About 150 bytes per entry and per alternate link: sized once, not regrown.
    let alternates: usize = by_guide.values().map(|p| p.len() * (p.len() + 1)).sum();
    let mut out = String::with_capacity(256 + alternates * (150 + base.len()));
    out.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let mut alternates = String::new();
    for (guide, mut pages) in by_guide {
        pages.sort_by(|a, b| a.locale.cmp(&b.locale));
        let url = |locale: &str| escape(&format!("{base}{locale}/{guide}/"));
        // Every page of a guide lists the same alternates: written once per guide.
        alternates.clear();
        for alt in &pages {
            push_all(
                &mut alternates,
                &[
                    "    <xhtml:link rel=\"alternate\" hreflang=\"",
                    &escape(&alt.locale),
                    "\" href=\"",
                    &url(&alt.locale),
                    "\"/>\n",
                ],
            );
        }
        let default = pages
            .iter()
            .find(|p| p.locale == site.config.default_locale)
            .or_else(|| pages.iter().find(|p| p.is_source))
            .map(|p| url(&p.locale));
        for page in &pages {
            let own = url(&page.locale);
            push_all(
                &mut out,
                &[
                    "  <url>\n    <loc>",
                    &own,
                    "</loc>\n",
                    &alternates,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"",
                    default.as_deref().unwrap_or(&own),
                    "\"/>\n  </url>\n",
                ],
            );
        }
    }
    out.push_str("</urlset>\n");
    out
}
