//! Where a site keeps its files: the directory and file names of the site layout, relative to the
//! site root, and the paths built from them. Every stage asks this module instead of spelling a
//! path itself, so the layout is written down once.

use std::path::PathBuf;

/// The site configuration file.
pub const CONFIG_FILE: &str = "site.yaml";
/// The directory of guides, one subdirectory per guide.
pub const CONTENT_DIR: &str = "content";
/// A guide's structure file inside its directory.
pub const GUIDE_FILE: &str = "guide.yaml";
/// A guide's screenshots inside its directory, one subdirectory per locale.
pub const IMAGES_DIR: &str = "images";
/// The directory of translations, one subdirectory per locale.
pub const LOCALES_DIR: &str = "locales";
/// A locale's glossary inside its directory.
pub const TERMS_FILE: &str = "terms.ftl";
/// The translation lock inside the locales directory.
pub const LOCK_FILE: &str = "translations.lock";
/// The directory of themes.
pub const THEMES_DIR: &str = "themes";
/// The site's files published as they are at the output root (`CNAME`, `robots.txt`, …).
pub const STATIC_DIR: &str = "static";

/// The directories stepdoc generates at the output root besides one per locale: a locale code
/// may not be one of them (its pages would collide with the site's own).
pub const OUTPUT_DIRS: &[&str] = &["assets", "media", "review", "search", "static", "status"];

/// Whether `locale` names one of the output's own directories (compared without case, as some
/// file systems do).
pub fn is_reserved_locale(locale: &str) -> bool {
    OUTPUT_DIRS
        .iter()
        .any(|dir| dir.eq_ignore_ascii_case(locale))
}

/// `content/<guide>`.
pub fn guide_dir(guide: &str) -> PathBuf {
    [CONTENT_DIR, guide].iter().collect()
}

/// `content/<guide>/guide.yaml`.
pub fn guide_file(guide: &str) -> PathBuf {
    guide_dir(guide).join(GUIDE_FILE)
}

/// `locales/<locale>/<guide>.ftl`.
pub fn translation_file(locale: &str, guide: &str) -> PathBuf {
    [LOCALES_DIR, locale, &format!("{guide}.ftl")]
        .iter()
        .collect()
}

/// `locales/<locale>/terms.ftl`.
pub fn terms_file(locale: &str) -> PathBuf {
    [LOCALES_DIR, locale, TERMS_FILE].iter().collect()
}

/// `locales/translations.lock`.
pub fn lock_file() -> PathBuf {
    [LOCALES_DIR, LOCK_FILE].iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_relative_to_the_site_root() {
        assert_eq!(guide_file("a"), PathBuf::from("content/a/guide.yaml"));
        assert_eq!(
            translation_file("fi", "a"),
            PathBuf::from("locales/fi/a.ftl")
        );
        assert_eq!(terms_file("nl"), PathBuf::from("locales/nl/terms.ftl"));
        assert_eq!(lock_file(), PathBuf::from("locales/translations.lock"));
    }
}
