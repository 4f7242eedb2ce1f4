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
