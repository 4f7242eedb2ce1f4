//! Previous/next navigation between the guides of one product, in the order of the index page
//! (partner, then id).

use serde::Serialize;

use super::markdown;
use crate::content::ids::Part;
use crate::i18n::bundle;
use crate::site::Site;

/// The previous and next guide of a guide's product, as links in one locale.
pub type Nav = (Option<GuideLink>, Option<GuideLink>);

/// A link to another guide of the same locale.
#[derive(Serialize)]
pub struct GuideLink {
    href: String,
    title: String,
}

impl GuideLink {
    /// A link to guide `id` showing `title` (Markdown, shown as plain text).
    pub fn new(id: &str, title: &str) -> GuideLink {
        GuideLink::with_plain_title(id, Self::plain_title(title))
    }

    /// A link to guide `id` showing `title` (from [`GuideLink::plain_title`]).
    pub fn with_plain_title(id: &str, title: String) -> GuideLink {
        GuideLink {
            href: format!("../{id}/"),
            title,
        }
    }

    /// The text a link shows for the Markdown `title`.
    pub fn plain_title(title: &str) -> String {
        markdown::plain(title)
    }
}

/// For every guide (by index; `None` for a guide that is left out): the previous and next guide
/// of the same product, given each guide's (product, partner, id); a guide that is its product's
/// only one gets the neighbouring guides of the index page instead, so that no guide ends in a
/// dead end. O(n log n).
pub fn neighbour_order<'a>(
    guides: impl Iterator<Item = Option<(&'a str, &'a str, &'a str)>>,
) -> Vec<(Option<usize>, Option<usize>)> {
    let mut count = 0;
    let mut order: Vec<(&str, &str, &str, usize)> = guides
        .enumerate()
        .filter_map(|(i, keys)| {
            count = i + 1;
            keys.map(|(product, partner, id)| (product, partner, id, i))
        })
        .collect();
    order.sort_unstable();
    let mut out = vec![(None, None); count];
    for (k, (product, _, _, i)) in order.iter().enumerate() {
        let same = |other: Option<&(&str, &str, &str, usize)>| {
            other.filter(|o| o.0 == *product).map(|o| o.3)
        };
        let previous = k.checked_sub(1).and_then(|k| same(order.get(k)));
        out[*i] = match (previous, same(order.get(k + 1))) {
            (None, None) => (
                k.checked_sub(1).and_then(|k| order.get(k)).map(|o| o.3),
                order.get(k + 1).map(|o| o.3),
            ),
            both => both,
        };
    }
    out
}

/// [`neighbour_order`] of the guides of `site`. Computed once per render.
pub(super) fn product_order(site: &Site) -> Vec<(Option<usize>, Option<usize>)> {
    neighbour_order(site.guides.iter().map(|g| {
        let guide = &g.loaded.guide;
        Some((guide.product.as_str(), guide.partner.as_str(), g.id()))
    }))
}

/// The previous and next guide of the same product as links in `locale`.
pub(super) fn neighbours(
    site: &Site,
    (previous, next): (Option<usize>, Option<usize>),
    locale: &str,
) -> Nav {
    let link = |i: usize| {
        let guide = &site.guides[i];
        let args = bundle::args(&site.config.variables);
        let key = Part::Title.key();
        let mut errors = Vec::new();
        let text = guide
            .translations
            .get(locale)
            .and_then(|t| bundle::format(&t.bundle, &key, &args, &mut errors))
            .or_else(|| bundle::format(&guide.source_bundle, &key, &args, &mut errors))
            .unwrap_or_default();
        GuideLink::new(guide.id(), &text)
    };
    (previous.map(link), next.map(link))
}

#[cfg(test)]
mod tests {
    use super::neighbour_order;

    #[test]
    fn guides_link_within_their_product_and_a_lone_guide_links_to_its_index_neighbours() {
        let guides = [
            Some(("b", "x", "b1")),
            Some(("a", "x", "a1")),
            Some(("b", "y", "b2")),
            None,
            Some(("c", "x", "c1")),
        ];
        let order = neighbour_order(guides.into_iter());
        // Index order: a1, b1, b2, c1. b1 and b2 share a product; a1 and c1 are alone in theirs.
        assert_eq!(order[0], (None, Some(2)));
        assert_eq!(order[2], (Some(0), None));
        assert_eq!(order[1], (None, Some(0)));
        assert_eq!(order[3], (None, None));
        assert_eq!(order[4], (Some(2), None));
    }
}
