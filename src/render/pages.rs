//! The pages around the guides: locale indexes, the language choice, 404 pages, and the team's
//! status and review pages.

use std::collections::BTreeSet;

use serde::Serialize;

use super::{GuideCard, Hreflang, common, context_for, markdown, render_template, review};
use crate::diagnostics::Diagnostic;
use crate::i18n::bundle;
use crate::site::Site;

#[derive(Serialize)]
struct ProductGroup<'a> {
    id: String,
    name: String,
    guides: Vec<&'a GuideCard>,
}

pub(super) fn render_index(
    site: &Site,
    locale: &str,
    cards: &[&GuideCard],
) -> Result<Vec<u8>, Diagnostic> {
    let mut common = common(site, locale, "../", &format!("{locale}/"));
    for alt in &mut common.alternates {
        alt.href = format!("../{}/", alt.lang);
    }
    let base = &site.config.base_url;
    common.hreflang = site
        .config
        .locales
        .iter()
        .map(|l| Hreflang {
            lang: l.clone(),
            href: format!("{base}{l}/"),
        })
        .chain(std::iter::once(Hreflang {
            lang: "x-default".into(),
            href: base.clone(),
        }))
        .collect();
    let products: BTreeSet<&str> = cards.iter().map(|c| c.product.as_str()).collect();
    let args = bundle::args(&site.config.variables);
    let terms = site.terms.get(locale);
    let groups: Vec<ProductGroup> = products
        .into_iter()
        .map(|product| {
            let mut guides: Vec<&GuideCard> = cards
                .iter()
                .filter(|c| c.product == product)
                .copied()
                .collect();
            guides.sort_by(|a, b| (&a.partner, &a.title).cmp(&(&b.partner, &b.title)));
            ProductGroup {
                id: product.to_owned(),
                name: terms
                    .and_then(|t| term_text(t, locale, product, &args))
                    .unwrap_or_else(|| product.to_owned()),
                guides,
            }
        })
        .collect();
    let mut context = context_for(&common);
    context.insert("products", &groups);
    render_template(site, "index.html", &context)
}

/// The plain text of term `-name` in `locale`, if defined.
fn term_text(
    terms: &crate::i18n::terms::Terms,
    locale: &str,
    name: &str,
    args: &fluent_bundle::FluentArgs<'_>,
) -> Option<String> {
    if !terms.contains(name) {
        return None;
    }
    let resource = fluent_bundle::FluentResource::try_new(format!("x = {{ -{name} }}"))
        .ok()
        .map(std::sync::Arc::new)?;
    let b = bundle::new_bundle(locale, &[std::sync::Arc::clone(&terms.resource), resource]);
    let mut errors = Vec::new();
    let text = bundle::format(
        &b,
        &crate::content::catalog::MessageKey::value("x"),
        args,
        &mut errors,
    )?;
    Some(markdown::plain(&text))
}

pub(super) fn render_simple(
    site: &Site,
    locale: &str,
    template: &str,
    root: &str,
    page_path: &str,
) -> Result<Vec<u8>, Diagnostic> {
    let mut common = common(site, locale, root, page_path);
    for alt in &mut common.alternates {
        alt.href = format!("{root}{}/", alt.lang);
    }
    let context = context_for(&common);
    render_template(site, template, &context)
}

/// The translation status page (for the team; its interface is in the default locale).
pub(super) fn render_status(
    site: &Site,
    rows: &[&review::StatusRow],
) -> Result<Vec<u8>, Diagnostic> {
    let default = site.config.default_locale.as_str();
    let status_common = common(site, default, "../", "status/");
    let mut context = context_for(&status_common);
    context.insert("rows", rows);
    context.insert("locales", &site.config.locales);
    render_template(site, "status.html", &context)
}

/// The side-by-side review page of `guide` in `locale`.
pub(super) fn render_review(
    site: &Site,
    guide: &crate::site::GuideData,
    locale: &str,
) -> Result<(String, Vec<u8>), Diagnostic> {
    let default = site.config.default_locale.as_str();
    let path = format!("review/{locale}/{}/", guide.id());
    let page_common = common(site, default, "../../../", &path);
    let mut context = context_for(&page_common);
    context.insert("guide_id", guide.id());
    context.insert("locale", locale);
    context.insert("source_locale", guide.source_locale());
    context.insert("rows", &review::review_rows(site, guide, locale));
    context.insert("images", &review::review_images(guide, locale));
    context.insert(
        "percent",
        &guide.coverage.get(locale).map_or(0, |c| c.percent()),
    );
    Ok((
        format!("{path}index.html"),
        render_template(site, "review.html", &context)?,
    ))
}
