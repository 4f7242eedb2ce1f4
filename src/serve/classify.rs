//! Which files changed → what to rebuild: a pure function of the changed paths, so it is unit
//! tested without a file system or a watcher.

use crate::layout::{
    CONFIG_FILE, CONTENT_DIR, GUIDE_FILE, IMAGES_DIR, LOCALES_DIR, LOCK_FILE, TERMS_FILE,
    THEMES_DIR,
};
use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

/// What a batch of changes requires.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// Reload and render everything (configuration, theme, a guide added or removed).
    pub full: bool,
    /// Guides whose structure changed: render in every locale.
    pub guides: BTreeSet<String>,
    /// Single pages: (guide, locale) whose translation changed.
    pub pages: BTreeSet<(String, String)>,
    /// Locales whose glossary or lock changed: every page of the locale.
    pub locales: BTreeSet<String>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        !self.full && self.guides.is_empty() && self.pages.is_empty() && self.locales.is_empty()
    }

    /// Add what `other` requires to this plan.
    pub fn merge(&mut self, other: Plan) {
        self.full |= other.full;
        self.guides.extend(other.guides);
        self.pages.extend(other.pages);
        self.locales.extend(other.locales);
    }
}

/// Files editors write next to the real one while saving, and other noise.
pub fn is_noise(path: &Path) -> bool {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy()) else {
        return true;
    };
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name == "4913"
        || [
            ".swp",
            ".swx",
            ".swo",
            ".tmp",
            ".bak",
            ".part",
            ".crdownload",
            ".orig",
            ".rej",
        ]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// Classify the changed `paths` (absolute or relative to `root`).
pub fn classify(root: &Path, paths: &[PathBuf]) -> Plan {
    let mut plan = Plan::default();
    for path in paths {
        let rel = path.strip_prefix(root).unwrap_or(path);
        if is_noise(rel) {
            continue;
        }
        let parts: Vec<String> = rel
            .components()
            .filter_map(|c| match c {
                Component::Normal(p) => Some(p.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect();
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        match parts.as_slice() {
            [CONFIG_FILE] => plan.full = true,
            [THEMES_DIR, ..] => plan.full = true,
            // A guide's YAML or screenshots: that guide in every locale. A new or removed guide
            // directory changes the index structure: everything.
            [CONTENT_DIR, guide, GUIDE_FILE] | [CONTENT_DIR, guide, IMAGES_DIR, ..] => {
                plan.guides.insert((*guide).to_owned());
            }
            [CONTENT_DIR, _] => plan.full = true,
            [LOCALES_DIR, locale, TERMS_FILE | LOCK_FILE] => {
                plan.locales.insert((*locale).to_owned());
            }
            [LOCALES_DIR, locale, file] if file.ends_with(".ftl") => {
                let guide = file.trim_end_matches(".ftl");
                plan.pages.insert((guide.to_owned(), (*locale).to_owned()));
            }
            [LOCALES_DIR, _] => plan.full = true,
            _ => {}
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(paths: &[&str]) -> Plan {
        let root = Path::new("/site");
        let paths: Vec<PathBuf> = paths.iter().map(|p| root.join(p)).collect();
        classify(root, &paths)
    }

    #[test]
    fn one_guide_yaml_is_that_guide_in_every_locale() {
        let p = plan(&["content/acme/guide.yaml"]);
        assert_eq!(p.guides, BTreeSet::from(["acme".to_owned()]));
        assert!(!p.full && p.pages.is_empty() && p.locales.is_empty());
        assert_eq!(plan(&["content/acme/images/fi/shot.png"]).guides.len(), 1);
    }

    #[test]
    fn one_translation_is_one_page() {
        let p = plan(&["locales/nl/acme.ftl"]);
        assert_eq!(
            p.pages,
            BTreeSet::from([("acme".to_owned(), "nl".to_owned())])
        );
        assert!(!p.full && p.guides.is_empty());
    }

    #[test]
    fn terms_and_lock_are_their_locale() {
        assert_eq!(
            plan(&["locales/fi/terms.ftl"]).locales,
            BTreeSet::from(["fi".to_owned()])
        );
        assert_eq!(plan(&["locales/fi/translations.lock"]).locales.len(), 1);
    }

    #[test]
    fn config_theme_and_new_guides_are_everything() {
        assert!(plan(&["site.yaml"]).full);
        assert!(plan(&["themes/default/templates/guide.html"]).full);
        assert!(plan(&["content/new-guide"]).full);
    }

    #[test]
    fn editor_noise_and_output_are_ignored() {
        let p = plan(&[
            "content/acme/.guide.yaml.swp",
            "content/acme/guide.yaml~",
            "content/acme/4913",
            "locales/nl/#acme.ftl#",
            "public/en/index.html",
            "target/debug/stepdoc",
            ".git/index",
        ]);
        assert!(p.is_empty(), "{p:?}");
    }

    #[test]
    fn merged_plans_require_what_either_does() {
        let mut p = plan(&["locales/nl/acme.ftl"]);
        p.merge(plan(&["site.yaml", "locales/fi/terms.ftl"]));
        assert!(p.full);
        assert_eq!(p.pages.len(), 1);
        assert_eq!(p.locales, BTreeSet::from(["fi".to_owned()]));
        let mut q = plan(&["content/a/guide.yaml"]);
        q.merge(Plan::default());
        assert_eq!(q, plan(&["content/a/guide.yaml"]));
    }

    #[test]
    fn a_checkout_of_many_files_is_one_plan() {
        let p = plan(&[
            "content/a/guide.yaml",
            "content/b/guide.yaml",
            "locales/nl/a.ftl",
            "locales/fi/terms.ftl",
        ]);
        assert_eq!(p.guides.len(), 2);
        assert_eq!(p.pages.len(), 1);
        assert_eq!(p.locales.len(), 1);
    }
}
