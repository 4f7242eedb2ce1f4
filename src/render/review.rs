//! Pages for translators and reviewers, not linked from reader navigation and left out of the
//! sitemap: `/status/` (guides × locales) and `/review/<lang>/<guide>/` (source and translation
//! side by side, stale messages with the source change highlighted).

use serde::Serialize;
use similar::{Algorithm, DiffTag};

use super::markdown;
use crate::config::ReviewPages;
use crate::content::catalog::{self, Format};
use crate::content::ids::Part;
use crate::i18n::bundle::{self, format};
use crate::render::escape;
use crate::site::{GuideData, Site};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatusCell {
    pub locale: String,
    pub percent: u32,
    pub missing: usize,
    pub stale: usize,
    pub obsolete: usize,
    /// Screenshots the locale lacks, and its screenshots made from an older source one.
    pub images_missing: usize,
    pub images_stale: usize,
    pub is_source: bool,
    /// The review page, when the translation has one.
    pub href: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatusRow {
    pub guide: String,
    pub title: String,
    pub source_locale: String,
    pub cells: Vec<StatusCell>,
}

/// Whether the translation of `guide` into `locale` gets a review page (`review_pages` in
/// `site.yaml`; never for the source locale).
pub fn has_page(site: &Site, guide: &GuideData, locale: &str) -> bool {
    if guide.source_locale() == locale {
        return false;
    }
    match site.config.review_pages {
        ReviewPages::All => true,
        ReviewPages::None => false,
        ReviewPages::Needed => guide.status.get(locale).is_none_or(|s| {
            let c = &s.counts;
            c.missing + c.stale + c.obsolete + c.unchanged + s.images.missing + s.images.stale.len()
                > 0
        }),
    }
}

/// The rows of the status matrix for `guides`.
pub fn status_rows<'a>(site: &Site, guides: impl Iterator<Item = &'a GuideData>) -> Vec<StatusRow> {
    guides
        .map(|g| StatusRow {
            guide: g.id().to_owned(),
            title: title(site, g),
            source_locale: g.source_locale().to_owned(),
            cells: site
                .config
                .locales
                .iter()
                .map(|l| {
                    let status = g.status.get(l);
                    StatusCell {
                        locale: l.clone(),
                        percent: g.coverage.get(l).map_or(0, |c| c.percent()),
                        missing: status.map_or(0, |s| s.counts.missing),
                        stale: status.map_or(0, |s| s.counts.stale),
                        obsolete: status.map_or(0, |s| s.counts.obsolete),
                        images_missing: status.map_or(0, |s| s.images.missing),
                        images_stale: status.map_or(0, |s| s.images.stale.len()),
                        is_source: l == g.source_locale(),
                        href: has_page(site, g, l).then(|| format!("../review/{l}/{}/", g.id())),
                    }
                })
                .collect(),
        })
        .collect()
}

fn title(site: &Site, g: &GuideData) -> String {
    let args = bundle::args(&site.config.variables);
    let mut errors = Vec::new();
    let text = format(
        &g.source_bundle,
        &crate::content::ids::Part::Title.key(),
        &args,
        &mut errors,
    )
    .unwrap_or_default();
    markdown::plain(&text)
}

#[derive(Serialize)]
pub struct ReviewRow {
    pub key: String,
    pub anchor: Option<String>,
    pub source: String,
    pub translation: Option<String>,
    /// `translated`, `missing` or `stale`.
    pub state: &'static str,
    /// For stale rows: the old → new source text as HTML with `<del>`/`<ins>`.
    pub change: Option<String>,
}

/// A screenshot of the guide on the review page: the source one beside the locale's own.
#[derive(Serialize)]
pub struct ReviewImage {
    pub name: String,
    /// Paths from the site root of the published source screenshot and of the locale's own.
    pub source: String,
    pub localized: Option<String>,
    /// `current`, `stale` or `missing` (the locale shows the source one).
    pub state: &'static str,
    /// For a stale one, the source screenshot it was made from as a `data:` URL, when the
    /// repository history has it.
    pub previous: Option<String>,
}

/// `bytes` of the screenshot `name` as a `data:` URL.
fn data_url(name: &str, bytes: &[u8]) -> String {
    use base64::Engine as _;
    let ext = name
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let mime = match ext.as_str() {
        "svg" => "svg+xml",
        "jpg" => "jpeg",
        other => other,
    };
    let data = base64::engine::general_purpose::STANDARD.encode(bytes);
    format!("data:image/{mime};base64,{data}")
}

/// The screenshots of `guide` that `locale` has, or is expected to have, of its own.
pub fn review_images(guide: &GuideData, locale: &str) -> Vec<ReviewImage> {
    let source_locale = guide.source_locale();
    let status = guide.status.get(locale).map(|s| &s.images);
    crate::i18n::screenshots::used(&guide.loaded.guide)
        .into_iter()
        .filter_map(|(name, _)| {
            let at = |lang: &str| {
                crate::content::images::resolve(&guide.loaded.images, name, lang, source_locale)
            };
            let source = at(source_locale)?;
            let own = at(locale).filter(|r| r.lang.as_deref() == Some(locale));
            let published = |lang: Option<&str>| match lang {
                Some(lang) => format!("{lang}/{}/{name}", guide.id()),
                None => format!("media/{}/{name}", guide.id()),
            };
            let state = match &own {
                None if source.lang.is_none() => return None,
                None => "missing",
                Some(_) if status.is_some_and(|s| s.stale.contains(name)) => "stale",
                Some(_) => "current",
            };
            Some(ReviewImage {
                name: name.to_owned(),
                source: published(source.lang.as_deref()),
                localized: own.map(|_| published(Some(locale))),
                state,
                previous: status
                    .and_then(|s| s.previous.get(name))
                    .map(|bytes| data_url(name, bytes)),
            })
        })
        .collect()
}

/// Side-by-side rows of `guide` in `locale`.
pub fn review_rows(site: &Site, guide: &GuideData, locale: &str) -> Vec<ReviewRow> {
    let args = bundle::args(&site.config.variables);
    let entries = catalog::entries(&guide.loaded.guide);
    let translation = guide.translations.get(locale).map(|t| &t.bundle);
    let stale = guide.status.get(locale).map(|s| &s.stale);
    entries
        .iter()
        .map(|entry| {
            let render = |text: &str| match entry.format {
                Format::Inline => markdown::inline(text),
                Format::Block => markdown::block(text),
            };
            let mut errors = Vec::new();
            let source =
                format(&guide.source_bundle, &entry.key, &args, &mut errors).unwrap_or_default();
            let translated = translation.and_then(|b| format(b, &entry.key, &args, &mut errors));
            let old = stale.and_then(|s| s.get(&entry.key));
            let state = match (&translated, old) {
                (None, _) => "missing",
                (Some(_), Some(_)) => "stale",
                (Some(_), None) => "translated",
            };
            let anchor = matches!(entry.part, Part::Step(_) | Part::Choice { .. })
                .then(|| entry.key.id.clone());
            ReviewRow {
                key: entry.key.to_string(),
                anchor,
                source: render(&source),
                translation: translated.as_deref().map(render),
                state,
                change: old.map(|old| word_diff(old, entry.text.as_str().trim())),
            }
        })
        .collect()
}

/// Words of `old` and `new` as HTML, removed words in `<del>`, added ones in `<ins>` (where words
/// are replaced, the new ones first), all separated by one space.
pub fn word_diff(old: &str, new: &str) -> String {
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    let mut parts: Vec<String> = Vec::with_capacity(a.len().max(b.len()));
    let mut push = |words: &[&str], tag: Option<&str>| {
        parts.extend(words.iter().map(|word| match tag {
            Some(tag) => format!("<{tag}>{}</{tag}>", escape(word)),
            None => escape(word),
        }));
    };
    for op in similar::capture_diff_slices(Algorithm::Myers, &a, &b) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            push(&a[old_range], None);
        } else {
            push(&b[new_range], Some("ins"));
            push(&a[old_range], Some("del"));
        }
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_diff_of_equal_or_empty_texts() {
        assert_eq!(word_diff("a  b\n", "a b"), "a b");
        assert_eq!(word_diff("", "new"), "<ins>new</ins>");
        assert_eq!(word_diff("old &", ""), "<del>old</del> <del>&amp;</del>");
    }

    #[test]
    fn word_diff_marks_changes() {
        assert_eq!(
            word_diff(
                "Paste the key in the mailer.",
                "Paste the key into the <b>mailer."
            ),
            "Paste the key <ins>into</ins> <del>in</del> the <ins>&lt;b&gt;mailer.</ins> <del>mailer.</del>"
        );
    }

    proptest::proptest! {
        /// Dropping the `<ins>` words gives the old text, dropping the `<del>` words the new one.
        #[test]
        fn word_diff_holds_both_texts(
            old in proptest::collection::vec("[ab<&]{1,2}", 0..12),
            new in proptest::collection::vec("[ab<&]{1,2}", 0..12),
        ) {
            let diff = word_diff(&old.join(" "), &new.join(" "));
            let side = |drop: &str| -> Vec<String> {
                diff.split(' ')
                    .filter(|w| !w.is_empty() && !w.starts_with(drop))
                    .map(|w| {
                        let w = w.trim_start_matches("<ins>").trim_start_matches("<del>");
                        let w = w.trim_end_matches("</ins>").trim_end_matches("</del>");
                        w.replace("&lt;", "<").replace("&amp;", "&")
                    })
                    .collect()
            };
            proptest::prop_assert_eq!(side("<ins>"), old);
            proptest::prop_assert_eq!(side("<del>"), new);
        }
    }
}
