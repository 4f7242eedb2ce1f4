//! Internal link check of the rendered site: every relative `href`/`src` points at a file of the
//! output, and every `#anchor` at an element id of its target page. Works from a summary of each
//! page (its internal links and ids), so pages can be written out as soon as they are rendered.
//! The summary comes from a byte scan for `="`, not an HTML parser: the pages are stepdoc's own
//! markup, every attribute value double-quoted and escaped, and a parser would build a tree of
//! every page to read three attributes (`one_walk_summarizes_like_a_search_per_attribute` pins it).

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::Rendered;
use crate::diagnostics::{Diagnostic, Kind, Location};
use crate::site::Site;

/// Resolve `href` relative to the page at `page` (a path like `nl/guide/index.html`).
fn resolve(page: &str, href: &str) -> Option<String> {
    // Most links climb with leading `../` only, then name a path without `.` segments.
    let mut dir = page.rfind('/').map_or("", |i| &page[..i]);
    let mut rest = href;
    while let Some(after) = rest.strip_prefix("../") {
        dir = match dir.rfind('/') {
            Some(i) => &dir[..i],
            None if !dir.is_empty() => "",
            None => return None,
        };
        rest = after;
    }
    let plain = !rest.is_empty()
        && !rest.starts_with('/')
        && !rest.contains("//")
        && rest.split('/').all(|s| s != "." && s != "..");
    if !plain {
        return resolve_segments(page, href);
    }
    let mut path = String::with_capacity(dir.len() + rest.len() + 11);
    if !dir.is_empty() {
        path.push_str(dir);
        path.push('/');
    }
    path.push_str(rest);
    if rest.ends_with('/') {
        path.push_str("index.html");
    }
    Some(path)
}

/// [`resolve`] segment by segment, for any link.
fn resolve_segments(page: &str, href: &str) -> Option<String> {
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
    if !s.contains('&') {
        return s.to_owned();
    }
    s.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// The `id`, `href` and `src` attributes of `html` (name, value), in page order, found by the
/// `="` that ends every attribute name (attribute values are escaped, so it occurs nowhere else
/// in markup), as bytes. Pages hold an attribute every few dozen
/// bytes: a search for `=` alone, checked for the quote, stops at far fewer places than a
/// search for the pair (whose bytes, `"` above all, are everywhere in HTML).
fn attributes(html: &[u8]) -> impl Iterator<Item = (&'static [u8], &[u8])> {
    let mut rest = 0;
    std::iter::from_fn(move || {
        loop {
            let eq = rest + memchr::memchr(b'=', html.get(rest..)?)?;
            rest = eq + 1;
            if html.get(eq + 1) != Some(&b'"') {
                continue;
            }
            let start = eq + 2;
            let len = memchr::memchr(b'"', &html[start..])?;
            rest = start + len;
            let name: &'static [u8] = match eq.checked_sub(1).map(|i| html[i]) {
                Some(b'd') => b"id",
                Some(b'f') => b"href",
                Some(b'c') => b"src",
                _ => continue,
            };
            let named = eq > name.len()
                && html[eq - name.len()..eq] == *name
                && html[eq - name.len() - 1] == b' ';
            if named {
                return Some((name, &html[start..start + len]));
            }
        }
    })
}

/// What the link check needs to know of one page, kept small because a streamed build holds
/// one per page: links to other files (unescaped, as written), links to the page's own anchors
/// that do not resolve, and hashes of its element ids (ids are only looked up).
#[derive(Clone, Debug, Default)]
pub struct PageLinks {
    hrefs: Vec<Box<str>>,
    broken_local: Vec<Box<str>>,
    ids: Vec<u64>,
}

impl PageLinks {
    fn has_id(&self, id: &str) -> bool {
        self.ids.binary_search(&id_hash(id)).is_ok()
    }
}

/// A stable 64-bit hash of an element id (SipHash with fixed keys).
fn id_hash(id: &str) -> u64 {
    id_hash_bytes(id.as_bytes())
}

/// [`id_hash`] of an id as it stands in the page's bytes.
fn id_hash_bytes(id: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write(id);
    hasher.write_u8(0xff);
    hasher.finish()
}

/// Summarize `html` for the link check; links to the page's own anchors are checked here,
/// without keeping them. Each attribute the check reads is found by its own vectorized search:
/// attribute values are escaped, so `␠id="` and the like only occur where an attribute starts.
pub fn summarize(html: &[u8]) -> PageLinks {
    let mut hrefs: Vec<String> = Vec::new();
    let mut local: Vec<(u64, &str)> = Vec::new();
    let mut ids: Vec<u64> = Vec::new();
    let mut links: Vec<&str> = Vec::new();
    for (name, value) in attributes(html) {
        match name {
            b"id" => ids.push(id_hash_bytes(value)),
            // Values that are not UTF-8 are skipped (rendered pages are UTF-8 throughout).
            b"href" | b"src" => links.extend(std::str::from_utf8(value).ok()),
            _ => {}
        }
    }
    for value in links {
        if !(value.contains("://")
            || value.starts_with("mailto:")
            || value.starts_with("tel:")
            || value == "#"
            || value.starts_with('/'))
        {
            match value.strip_prefix('#') {
                Some(anchor) if !anchor.contains('&') => local.push((id_hash(anchor), value)),
                _ => hrefs.push(unescape(value)),
            }
        }
    }
    ids.sort_unstable();
    ids.dedup();
    hrefs.sort_unstable();
    hrefs.dedup();
    let mut links = PageLinks {
        hrefs: Vec::new(),
        broken_local: Vec::new(),
        ids,
    };
    for (hash, href) in local {
        if links.ids.binary_search(&hash).is_err() {
            links.broken_local.push(href.into());
        }
    }
    links.broken_local.sort_unstable();
    links.broken_local.dedup();
    for href in hrefs {
        match href.strip_prefix('#') {
            Some(anchor) if links.has_id(anchor) => {}
            Some(_) => links.broken_local.push(href.into_boxed_str()),
            None => links.hrefs.push(href.into_boxed_str()),
        }
    }
    links
}

/// Check every internal link of the pages in `rendered`; targets may also be in `base` (a
/// partial render on top of an earlier full one). Without a base, only `built` locales were
/// rendered (`build --locale`): links into the site's other locales are taken as they are.
pub fn check(
    site: &Site,
    rendered: &Rendered,
    base: Option<&Rendered>,
    built: &[&str],
) -> Vec<Diagnostic> {
    check_with(site, rendered, base, built, true)
}

/// The links of the guides that rendered when others failed: links within them and between
/// them are checked; a link to a page that was not produced (a guide with errors, a listing
/// page) is not judged, since the build stopped before it.
pub fn check_rendered_guides(site: &Site, rendered: &Rendered, built: &[&str]) -> Vec<Diagnostic> {
    check_with(site, rendered, None, built, false)
}

fn check_with(
    site: &Site,
    rendered: &Rendered,
    base: Option<&Rendered>,
    built: &[&str],
    complete: bool,
) -> Vec<Diagnostic> {
    let not_built = |path: &str| {
        base.is_none()
            && path
                .split_once('/')
                .is_some_and(|(first, _)| site.config.has_locale(first) && !built.contains(&first))
    };
    // A full render's output paths, hashed once: every page's links are looked up here. A
    // partial render (on a base) looks its few pages' links up in the maps instead.
    let index = base.is_none().then(|| Targets::of(rendered));
    let exists = |path: &str| {
        let produced = match &index {
            Some(index) => index.paths.contains_key(path),
            None => rendered.exists(path) || base.is_some_and(|b| b.exists(path)),
        };
        produced || not_built(path) || !complete
    };
    let has_id = |path: &str, id: &str| -> bool {
        let links = match &index {
            Some(index) => index.paths.get(path).copied().flatten(),
            None => rendered
                .links
                .get(path)
                .or_else(|| base.and_then(|b| b.links.get(path))),
        };
        links.is_some_and(|links| links.has_id(id))
    };
    let judged = |path: &str| match &index {
        Some(index) => index.paths.contains_key(path),
        None => rendered.exists(path),
    };
    // The guides the render produced pages of, for a did-you-mean on a mistyped guide id.
    let guides: BTreeSet<&str> = rendered
        .links
        .keys()
        .filter_map(|page| {
            page.split('/')
                .nth(1)
                .filter(|_| page.matches('/').count() == 2)
        })
        .collect();
    let per_page: Vec<Vec<Broken>> = rendered
        .links
        .par_iter()
        // Review pages quote message text whose links are relative to the guide page.
        .filter(|(page, _)| !page.ends_with("404.html") && !page.starts_with("review/"))
        .map(|(page, links)| {
            let mut found = Vec::new();
            for href in &links.broken_local {
                found.push(Broken {
                    page: page.clone(),
                    href: href.to_string(),
                    problem: format!("points to `{href}`, which the page does not have"),
                    anchor: Some((page.clone(), href.trim_start_matches('#').to_owned())),
                    near: None,
                });
            }
            for href in &links.hrefs {
                let (path, anchor) = match href.split_once('#') {
                    Some((p, a)) => (p, Some(a)),
                    None => (&**href, None),
                };
                let target = if path.is_empty() {
                    Some(page.clone())
                } else {
                    resolve(page, path)
                };
                let mut near = None;
                let problem = match &target {
                    None => Some("points outside the site".to_owned()),
                    Some(t) if !exists(t) => {
                        near = guide_like(t, href, &guides);
                        Some(format!("points to `{t}`, which the build does not produce"))
                    }
                    Some(t) => anchor
                        .filter(|a| !a.is_empty())
                        .filter(|a| !not_built(t) && (complete || judged(t)) && !has_id(t, a))
                        .map(|a| {
                            if *t == *page {
                                format!("points to `#{a}`, which the page does not have")
                            } else {
                                format!("points to `#{a}`, which `{t}` does not have")
                            }
                        }),
                };
                if let Some(problem) = problem {
                    let anchor = target.zip(anchor.filter(|a| !a.is_empty()).map(str::to_owned));
                    found.push(Broken {
                        page: page.clone(),
                        href: href.to_string(),
                        problem,
                        anchor,
                        near,
                    });
                }
            }
            found
        })
        .collect();
    grouped(site, per_page.into_iter().flatten())
}

/// A broken link on a page: where it points, what is wrong, and the page and id it names.
struct Broken {
    page: String,
    href: String,
    problem: String,
    /// The target page and the id the link asks for in it, when it names one.
    anchor: Option<(String, String)>,
    /// The path the link probably meant, when it names a guide that does not exist.
    near: Option<String>,
}

/// For a link `href` to `<locale>/<guide>/…` whose guide does not exist: the link with the
/// existing guide id closest to it.
fn guide_like(target: &str, href: &str, guides: &BTreeSet<&str>) -> Option<String> {
    let guide = target.split('/').nth(1)?;
    if guides.contains(guide) {
        return None;
    }
    let near = crate::diagnostics::did_you_mean(guide, guides.iter().copied())?;
    let written = format!("/{guide}/");
    Some(if href.contains(&written) {
        href.replacen(&written, &format!("/{near}/"), 1)
    } else {
        format!("../{near}/")
    })
}

/// One finding per broken link as written: the pages of every locale that show the same link
/// from the same place in the sources (a link in `guide.yaml` shown untranslated, or the theme)
/// are listed in one finding instead of one finding each.
fn grouped(site: &Site, broken: impl Iterator<Item = Broken>) -> Vec<Diagnostic> {
    let mut groups: BTreeMap<(Location, String), (Vec<String>, Broken)> = BTreeMap::new();
    for b in broken {
        let location = crate::site::locate::link(site, &b.page, &b.href);
        // The problem as the first page (in page order) states it.
        let page = b.page.clone();
        let (pages, _) = groups
            .entry((location, b.href.clone()))
            .or_insert_with(|| (Vec::new(), b));
        pages.push(page);
    }
    groups
        .into_iter()
        .map(|((location, href), (mut pages, first))| {
            pages.sort();
            pages.dedup();
            let on = match pages.as_slice() {
                [one] => one.clone(),
                many => format!("{} pages ({})", many.len(), many.join(", ")),
            };
            let near = first
                .anchor
                .as_ref()
                .and_then(|(target, id)| crate::site::locate::anchor_like(site, target, id))
                .map(|id| format!("#{id}"))
                .or_else(|| first.near.clone());
            let help = "link to a step as `#step-<id>`, a section as `#section-<id>`, the checklist as `#collect`, another guide as `../<guide>/`";
            Diagnostic::error(
                Kind::BrokenLink,
                location,
                format!("link `{href}` on {on} {}", first.problem),
            )
            .with_help(match near {
                Some(near) => format!("did you mean `{near}`? {help}"),
                None => help.to_owned(),
            })
        })
        .collect()
}

/// Every path a render produces, with the link summary of its HTML pages.
struct Targets<'a> {
    paths: FxHashMap<&'a str, Option<&'a PageLinks>>,
}

impl<'a> Targets<'a> {
    fn of(rendered: &'a Rendered) -> Targets<'a> {
        let mut paths =
            FxHashMap::with_capacity_and_hasher(rendered.file_count(), rustc_hash::FxBuildHasher);
        let produced = rendered.files.keys().chain(&rendered.written);
        for path in produced.chain(rendered.media.keys()) {
            paths.insert(path.as_str(), None);
        }
        for (path, links) in &rendered.links {
            if let Some(slot) = paths.get_mut(path.as_str()) {
                *slot = Some(links);
            }
        }
        Targets { paths }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The link summary from one search per attribute read (`␠id="`, `␠href="`, `␠src="`):
    /// the reference [`summarize`]'s single walk must agree with.
    fn summarize_by_search(html: &[u8]) -> PageLinks {
        let values = |opening: &'static [u8]| {
            memchr::memmem::find_iter(html, opening)
                .filter_map(move |at| {
                    let start = at + opening.len();
                    let len = memchr::memchr(b'"', &html[start..])?;
                    std::str::from_utf8(&html[start..start + len]).ok()
                })
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        let mut page = String::new();
        for id in values(b" id=\"") {
            page.push_str(&format!("<p id=\"{id}\"></p>"));
        }
        for link in values(b" href=\"").into_iter().chain(values(b" src=\"")) {
            page.push_str(&format!("<a href=\"{link}\"></a>"));
        }
        summarize(page.as_bytes())
    }

    fn element() -> impl Strategy<Value = String> {
        let name = prop::sample::select(vec!["id", "href", "src", "class", "data-id", "xhref"]);
        let value = prop::collection::vec(
            prop::sample::select(vec![
                "a", "#", "#a", "../", "x/", "&amp;", "://", "/", " ", "é",
            ]),
            0..5,
        )
        .prop_map(|v| v.concat());
        let text = prop::sample::select(vec!["", "text", " id", "href", "=", " src= ", "#a"]);
        (name, value, text).prop_map(|(n, v, t)| format!("<a {n}=\"{v}\">{t}</a>"))
    }

    proptest! {
        #[test]
        fn one_walk_summarizes_like_a_search_per_attribute(elements in prop::collection::vec(element(), 0..12)) {
            let html = elements.concat();
            let fast = summarize(html.as_bytes());
            let walk = summarize_by_search(html.as_bytes());
            prop_assert_eq!(&fast.ids, &walk.ids, "{}", html);
            prop_assert_eq!(&fast.hrefs, &walk.hrefs, "{}", html);
            prop_assert_eq!(&fast.broken_local, &walk.broken_local, "{}", html);
        }
    }

    proptest! {
        #[test]
        fn resolving_agrees_with_the_segment_walk(
            page in prop::collection::vec(prop::sample::select(vec!["en", "g", "a.b"]), 0..4),
            href in prop::collection::vec(
                prop::sample::select(vec!["..", ".", "", "x", "y.html", "g"]),
                0..6,
            ),
        ) {
            let mut page = page.join("/");
            if !page.is_empty() {
                page.push('/');
            }
            page.push_str("index.html");
            let href = href.join("/");
            prop_assert_eq!(resolve(&page, &href), resolve_segments(&page, &href), "{} {}", page, href);
        }
    }

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
            resolve("nl/g/index.html", "../../en/g/a.svg").as_deref(),
            Some("en/g/a.svg")
        );
    }
}
