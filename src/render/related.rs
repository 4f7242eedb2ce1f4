//! The related guides at the end of a guide (`related:`): other guides by id, linked with their
//! titles in the page's locale. An id that names no guide is a located error with the closest
//! guide id as a did-you-mean; every guide is known only here, once the site is loaded (or its
//! navigation pass read), so `content::validate` checks the ids' form and this their existence.

use super::nav::GuideLink;
use crate::content::ids::Part;
use crate::diagnostics::{Diagnostic, Diagnostics, Kind};
use crate::i18n::bundle;
use crate::site::{GuideData, Site};

/// The guides of the site as a guide page links to them.
pub trait OtherGuides: Sync {
    /// The title of guide `id` in `locale` (its source text when the locale has none) as links
    /// show it; `None` when the site has no guide `id`.
    fn title(&self, id: &str, locale: &str) -> Option<String>;
    /// Every guide id, for did-you-mean hints.
    fn ids(&self) -> Vec<&str>;
}

impl OtherGuides for Site {
    fn title(&self, id: &str, locale: &str) -> Option<String> {
        let guide = self.guides.iter().find(|g| g.id() == id)?;
        let args = bundle::args(&self.config.variables);
        let key = Part::Title.key();
        let mut errors = Vec::new();
        let text = guide
            .translations
            .get(locale)
            .and_then(|t| bundle::format(&t.bundle, &key, &args, &mut errors))
            .or_else(|| bundle::format(&guide.source_bundle, &key, &args, &mut errors))
            .unwrap_or_default();
        Some(GuideLink::plain_title(&text))
    }

    fn ids(&self) -> Vec<&str> {
        self.guides.iter().map(GuideData::id).collect()
    }
}

/// The links of `data`'s related guides in `locale`, in the order the guide lists them.
pub(super) fn links(
    data: &GuideData,
    locale: &str,
    others: &dyn OtherGuides,
) -> Result<Vec<GuideLink>, Diagnostics> {
    let mut links = Vec::new();
    let mut errors = Diagnostics::new();
    for (i, id) in data.loaded.guide.related.iter().enumerate() {
        match others.title(id.as_str(), locale) {
            Some(title) => links.push(GuideLink::with_plain_title(id.as_str(), title)),
            None => {
                let ids = others.ids();
                let candidates = ids.iter().copied().filter(|other| *other != data.id());
                let near = crate::diagnostics::did_you_mean(id.as_str(), candidates);
                let help = "use the id of another guide: its directory name under content/";
                errors.push(
                    Diagnostic::error(
                        Kind::UnknownReference,
                        id.location(&data.loaded.path),
                        format!("related guide `{}` does not exist", id.as_str()),
                    )
                    .with_field(format!("related[{i}]"))
                    .with_help(match near {
                        Some(near) => format!("did you mean `{near}`? {help}"),
                        None => help.to_owned(),
                    }),
                );
            }
        }
    }
    if errors.is_empty() {
        Ok(links)
    } else {
        Err(errors)
    }
}
