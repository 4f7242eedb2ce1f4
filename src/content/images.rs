//! Screenshot lookup: `images/<lang>/<file>`, then `images/<source_locale>/<file>`, then the
//! language-neutral `images/<file>`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// File types accepted as screenshots.
pub const IMAGE_EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "gif", "webp", "svg", "avif"];

/// Where a screenshot for one locale was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedImage {
    /// Path inside the guide directory, e.g. `images/nl/setup.png`.
    pub rel: PathBuf,
    /// The language of the screenshot (`None` for a language-neutral image).
    pub lang: Option<String>,
    /// Its intrinsic size (width, height), when the file tells.
    pub size: Option<(u32, u32)>,
}

/// Why an image name is unacceptable, if it is.
pub fn check_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("the image name is empty".into());
    }
    if name.contains('\\') || name.contains('%') {
        return Err("image names may not contain `\\` or `%`".into());
    }
    // Split on `/` ourselves: `Path::components` would quietly drop `.`, empty segments and a
    // trailing `/`, so `a.png/` would pass here and fail later as "not a directory".
    let plain = name
        .split('/')
        .all(|part| !part.is_empty() && !part.starts_with('.'))
        && !name.starts_with('/');
    if !plain {
        return Err(
            "image names must be plain relative paths inside `images/` (no `..`, no leading or trailing `/`, no empty or hidden segments)"
                .into(),
        );
    }
    let path = Path::new(name);
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if !IMAGE_EXTENSIONS.contains(&ext.as_str()) {
        return Err(format!(
            "`{name}` is not a supported image type (use one of {})",
            IMAGE_EXTENSIONS.join(", ")
        ));
    }
    Ok(())
}

/// The regular files under a guide's `images/` directory, listed once per load: exact names
/// (letter case included, on every OS), no symlinks (neither files nor directories are
/// followed), with each image's intrinsic size when the file tells.
#[derive(Clone, Debug, Default)]
pub struct ImageIndex {
    /// By path relative to the guide directory, `/`-separated (`images/nl/shot.svg`).
    files: BTreeMap<String, Option<(u32, u32)>>,
}

impl ImageIndex {
    /// List `guide_dir/images` (`guide_dir` absolute or relative to the working directory).
    pub fn scan(guide_dir: &Path) -> ImageIndex {
        let mut files = BTreeMap::new();
        // One call tells a real directory from a missing one or a symlink (never followed).
        let base = guide_dir.join(crate::layout::IMAGES_DIR);
        if std::fs::symlink_metadata(&base).is_ok_and(|m| m.is_dir()) {
            list(&base, crate::layout::IMAGES_DIR, 1, &mut files);
        }
        ImageIndex { files }
    }

    /// Every listed file, `/`-separated, relative to the guide directory, in order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// Whether `rel` (`/`-separated, e.g. `images/nl/shot.svg`) is listed, with its intrinsic
    /// size when known.
    fn get(&self, rel: &str) -> Option<Option<(u32, u32)>> {
        self.files.get(rel).copied()
    }
}

/// Add the regular files below `dir` (whose `/`-separated path in the guide directory is `rel`)
/// to `files`, up to 8 levels deep; entries are told apart by the type the listing gives, so
/// symlinks are neither followed nor listed. Names that are not UTF-8 cannot be written in a
/// guide: they are never looked up and not listed.
fn list(dir: &Path, rel: &str, depth: usize, files: &mut BTreeMap<String, Option<(u32, u32)>>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let (Ok(kind), Some(name)) = (
            entry.file_type(),
            entry.file_name().to_str().map(str::to_owned),
        ) else {
            continue;
        };
        let path = format!("{rel}/{name}");
        if kind.is_file() {
            let size = super::dimensions::read(&entry.path());
            files.insert(path, size);
        } else if kind.is_dir() && depth < 8 {
            list(&entry.path(), &path, depth + 1, files);
        }
    }
}

/// Find the screenshot `name` (already accepted by [`check_name`]) for `locale` among a guide's
/// images.
pub fn resolve(
    index: &ImageIndex,
    name: &str,
    locale: &str,
    source_locale: &str,
) -> Option<ResolvedImage> {
    let source = (source_locale != locale).then_some(source_locale);
    let langs = [Some(Some(locale)), source.map(Some), Some(None)];
    let mut rel = String::with_capacity(8 + locale.len().max(source_locale.len()) + name.len());
    for lang in langs.into_iter().flatten() {
        rel.clear();
        rel.push_str("images/");
        if let Some(lang) = lang {
            rel.push_str(lang);
            rel.push('/');
        }
        rel.push_str(name);
        if let Some(size) = index.get(&rel) {
            return Some(ResolvedImage {
                rel: PathBuf::from(rel),
                lang: lang.map(str::to_owned),
                size,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_escape_are_rejected() {
        assert!(check_name("shot.png").is_ok());
        assert!(check_name("setup/shot.svg").is_ok());
        for bad in [
            "shot.png/",
            "shot.png/.",
            "setup//shot.png",
            "./shot.png",
            "setup/./shot.png",
        ] {
            assert!(check_name(bad).is_err(), "{bad} accepted");
        }
        assert!(check_name("../shot.png").is_err());
        assert!(check_name("/etc/shot.png").is_err());
        assert!(check_name("a/../../b.png").is_err());
        assert!(check_name("%2e%2e/b.png").is_err());
        assert!(check_name("shot.exe").is_err());
        assert!(check_name(".hidden.png").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn symlinked_image_directories_are_not_listed() {
        let outside = tempfile::tempdir().expect("tempdir");
        std::fs::write(outside.path().join("a.png"), b"outside").expect("write");
        // A language directory that is a symlink.
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("images")).expect("mkdir");
        std::os::unix::fs::symlink(outside.path(), dir.path().join("images/en")).expect("symlink");
        assert!(resolve(&ImageIndex::scan(dir.path()), "a.png", "en", "en").is_none());
        // `images/` itself a symlink.
        let dir = tempfile::tempdir().expect("tempdir");
        std::os::unix::fs::symlink(outside.path(), dir.path().join("images")).expect("symlink");
        assert!(resolve(&ImageIndex::scan(dir.path()), "a.png", "en", "en").is_none());
    }

    #[test]
    fn locale_image_overrides_source_then_shared() {
        let dir = tempfile::tempdir().expect("tempdir");
        let images = dir.path().join("images");
        std::fs::create_dir_all(images.join("en")).expect("mkdir");
        std::fs::create_dir_all(images.join("fi")).expect("mkdir");
        std::fs::write(images.join("en/a.png"), b"en").expect("write");
        std::fs::write(images.join("fi/a.png"), b"fi").expect("write");
        std::fs::write(images.join("b.png"), b"shared").expect("write");
        let fi = resolve(&ImageIndex::scan(dir.path()), "a.png", "fi", "en").expect("found");
        assert_eq!(fi.rel, Path::new("images/fi/a.png"));
        let nl = resolve(&ImageIndex::scan(dir.path()), "a.png", "nl", "en").expect("found");
        assert_eq!(nl.lang.as_deref(), Some("en"));
        let shared = resolve(&ImageIndex::scan(dir.path()), "b.png", "nl", "en").expect("found");
        assert_eq!(shared.lang, None);
        assert!(resolve(&ImageIndex::scan(dir.path()), "A.png", "en", "en").is_none());
        std::fs::create_dir_all(images.join("setup")).expect("mkdir");
        std::fs::write(images.join("setup/c.png"), b"nested").expect("write");
        let nested = resolve(&ImageIndex::scan(dir.path()), "setup/c.png", "fi", "en");
        assert_eq!(
            nested.map(|r| (r.rel, r.lang)),
            Some((std::path::PathBuf::from("images/setup/c.png"), None))
        );
        // Screenshots and their source-locale fallback for the source locale itself.
        let en = resolve(&ImageIndex::scan(dir.path()), "a.png", "en", "en").expect("found");
        assert_eq!(en.rel, Path::new("images/en/a.png"));
        assert!(resolve(&ImageIndex::scan(dir.path()), "a.png", "nl", "fr").is_none());
    }
}
