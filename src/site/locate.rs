//! Where a problem found in rendered output was written in the input: the render stage reports
//! a page and what it found there, and this reads the page's sources (a streamed build no longer
//! holds the guides) to point at the line.

use crate::diagnostics::Location;
use crate::layout;

use super::Site;

/// Where the link `href` of `page` (`<locale>/<guide>/…`) was written: the page locale's
/// translation or the guide's YAML, if the Markdown link is found there; else the page's guide
/// file, or the theme for a page of no guide.
pub fn link(site: &Site, page: &str, href: &str) -> Location {
    let mut parts = page.split('/');
    let (locale, guide_id) = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    );
    if guide_id.is_empty() || !crate::content::model::Id::is_valid(guide_id) {
        return Location::file(layout::THEMES_DIR);
    }
    let needle = format!("]({href}");
    let translation = layout::translation_file(locale, guide_id);
    let yaml = layout::guide_file(guide_id);
    for path in [&translation, &yaml] {
        let Ok(text) = crate::input::read_text(&site.root, path) else {
            continue;
        };
        if let Some(i) = text.find(&needle) {
            return Location::at_offset(path, &text, i + 2);
        }
    }
    Location::file(&yaml)
}

/// The anchor of the guide page `target` (`<locale>/<guide>/index.html`) closest to `id`, when
/// it is close enough to be a typo of it: the guide's parts are read from its `guide.yaml`.
pub fn anchor_like(site: &Site, target: &str, id: &str) -> Option<String> {
    let mut parts = target.split('/');
    let guide_id = parts.nth(1)?;
    if !crate::content::model::Id::is_valid(guide_id) {
        return None;
    }
    let path = layout::guide_file(guide_id);
    let text = crate::input::read_text(&site.root, &path).ok()?;
    let guide = crate::yaml::parse::<crate::content::model::Guide>(&path, &text).ok()?;
    // Anchors share their kind's prefix (`step-`, `section-`): only the rest is compared, or
    // every `step-…` would look like every other.
    let (kind, rest) = id.split_once('-')?;
    let ids: Vec<String> = crate::content::catalog::entries(&guide)
        .into_iter()
        .filter(|e| e.key.attr.is_none())
        .filter_map(|e| {
            let (k, r) = e.key.id.split_once('-')?;
            (k == kind).then(|| r.to_owned())
        })
        .collect();
    crate::diagnostics::did_you_mean(rest, ids.iter().map(String::as_str))
        .map(|r| format!("{kind}-{r}"))
}
