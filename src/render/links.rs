//! Internal link check of the rendered site: every relative `href`/`src` points at a file of the
//! output, and every `#anchor` at an element id of its target page. Works from a summary of each
//! page (its internal links and ids), so pages can be written out as soon as they are rendered.

use std::collections::BTreeSet;

use rayon::prelude::*;

use super::Rendered;
use crate::diagnostics::{Diagnostic, Location};
use crate::site::Site;

/// Resolve `href` relative to the page at `page` (a path like `nl/guide/index.html`).
fn resolve(page: &str, href: &str) -> Option<String> {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for segment in href.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut path = parts.join("/");
    if href.ends_with('/') || href.is_empty() {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index.html");
    }
    Some(path)
}

fn unescape(s: &str) -> String {
    s.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// What the link check needs to know of one page: its internal link targets (unescaped) and
/// its element ids (sorted).
#[derive(Clone, Debug, Default)]
pub struct PageLinks {
    hrefs: Vec<String>,
    ids: Vec<String>,
}

/// Summarize `html` for the link check, in one pass over the page.
pub fn summarize(html: &str) -> PageLinks {
    let mut hrefs: Vec<String> = Vec::new();
    let mut ids: Vec<String> = Vec::new();
    let bytes = html.as_bytes();
    let mut rest = 0;
    while let Some(i) = html[rest..].find("=\"") {
        let eq = rest + i;
        let start = eq + 2;
        let Some(len) = html[start..].find('"') else {
            break;
        };
        let value = &html[start..start + len];
        rest = start + len;
        let name_is = |name: &str| {
            eq > name.len()
                && &bytes[eq - name.len()..eq] == name.as_bytes()
                && bytes[eq - name.len() - 1] == b' '
        };
        if name_is("id") {
            ids.push(value.to_owned());
        } else if (name_is("href") || name_is("src"))
            && !(value.contains("://")
                || value.starts_with("mailto:")
                || value.starts_with("tel:")
                || value == "#"
                || value.starts_with('/'))
        {
            hrefs.push(unescape(value));
        }
    }
    hrefs.sort_unstable();
    hrefs.dedup();
    ids.sort_unstable();
    ids.dedup();
    PageLinks { hrefs, ids }
}

/// Check every internal link of the pages in `rendered`; targets may also be in `base` (a
/// partial render on top of an earlier full one).
pub fn check(site: &Site, rendered: &Rendered, base: Option<&Rendered>) -> Vec<Diagnostic> {
    let exists = |path: &str| rendered.exists(path) || base.is_some_and(|b| b.exists(path));
    let has_id = |path: &str, id: &str| -> bool {
        rendered
            .links
            .get(path)
            .or_else(|| base.and_then(|b| b.links.get(path)))
            .is_some_and(|links| links.ids.binary_search_by(|i| i.as_str().cmp(id)).is_ok())
    };
    let per_page: Vec<Vec<Diagnostic>> = rendered
        .links
        .par_iter()
        // Review pages quote message text whose links are relative to the guide page.
        .filter(|(page, _)| !page.ends_with("404.html") && !page.starts_with("review/"))
        .map(|(page, links)| {
            let mut findings = Vec::new();
            for href in &links.hrefs {
                let (path, anchor) = match href.split_once('#') {
                    Some((p, a)) => (p, Some(a)),
                    None => (href.as_str(), None),
                };
                let target = if path.is_empty() {
                    Some(page.clone())
                } else {
                    resolve(page, path)
                };
                let problem = match &target {
                    None => Some("points outside the site".to_owned()),
                    Some(t) if !exists(t) => {
                        Some(format!("points to `{t}`, which the build does not produce"))
                    }
                    Some(t) => anchor
                        .filter(|a| !a.is_empty())
                        .filter(|a| !has_id(t, a))
                        .map(|a| format!("points to `#{a}`, which `{t}` does not have")),
                };
                if let Some(problem) = problem {
                    findings.push(
                        Diagnostic::error(
                            "broken-link",
                            locate(site, page, href),
                            format!("link `{href}` on {page} {problem}"),
                        )
                        .with_help("link to a step as `#step-<id>`, a section as `#section-<id>`, the checklist as `#collect`"),
                    );
                }
            }
            findings
        })
        .collect();
    let mut seen = BTreeSet::new();
    per_page
        .into_iter()
        .flatten()
        .filter(|d| seen.insert(d.message.clone()))
        .collect()
}

/// Where a link was written: the page locale's translation or the guide's YAML, if the link
/// text is found there (read from disk: a streamed build no longer holds the guides); else the
/// page's guide file.
fn locate(site: &Site, page: &str, href: &str) -> Location {
    let mut parts = page.split('/');
    let (locale, guide_id) = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    );
    if guide_id.is_empty() || !crate::content::model::Id::is_valid(guide_id) {
        return Location::file("themes");
    }
    let needle = format!("]({href}");
    let translation = std::path::Path::new(crate::i18n::terms::LOCALES_DIR)
        .join(locale)
        .join(format!("{guide_id}.ftl"));
    let yaml = std::path::Path::new(crate::content::CONTENT_DIR)
        .join(guide_id)
        .join(crate::content::GUIDE_FILE);
    for path in [&translation, &yaml] {
        let Some(text) = std::fs::read(site.root.join(path))
            .ok()
            .and_then(|bytes| crate::content::decode_utf8(path, bytes).ok())
        else {
            continue;
        };
        if let Some(i) = text.find(&needle) {
            return Location::at_offset(path, &text, i + 2);
        }
    }
    Location::file(&yaml)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_links() {
        assert_eq!(
            resolve("nl/g/index.html", "../../fi/g/").as_deref(),
            Some("fi/g/index.html")
        );
        assert_eq!(
            resolve("nl/g/index.html", "../").as_deref(),
            Some("nl/index.html")
        );
        assert_eq!(
            resolve("index.html", "en/").as_deref(),
            Some("en/index.html")
        );
        assert_eq!(resolve("nl/g/index.html", "../../../x"), None);
        assert_eq!(
            resolve("nl/g/index.html", "../../media/g/en/a.svg").as_deref(),
            Some("media/g/en/a.svg")
        );
    }
}
