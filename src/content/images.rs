//! Screenshot lookup: `images/<lang>/<file>`, then `images/<source_locale>/<file>`, then the
//! language-neutral `images/<file>`.

use std::path::{Component, Path, PathBuf};

/// File types accepted as screenshots.
pub const IMAGE_EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "gif", "webp", "svg", "avif"];

/// Where a screenshot for one locale was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedImage {
    /// Path inside the guide directory, e.g. `images/nl/setup.png`.
    pub rel: PathBuf,
    /// The language of the screenshot (`None` for a language-neutral image).
    pub lang: Option<String>,
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

/// Find the screenshot `name` of the guide in `guide_dir` (absolute) for `locale`.
pub fn resolve(
    guide_dir: &Path,
    name: &str,
    locale: &str,
    source_locale: &str,
) -> Option<ResolvedImage> {
    let mut candidates: Vec<(PathBuf, Option<String>)> = vec![(
        Path::new("images").join(locale).join(name),
        Some(locale.to_owned()),
    )];
    if source_locale != locale {
        candidates.push((
            Path::new("images").join(source_locale).join(name),
            Some(source_locale.to_owned()),
        ));
    }
    candidates.push((Path::new("images").join(name), None));
    candidates
        .into_iter()
        .find(|(rel, _)| is_regular_file_exact(guide_dir, rel))
        .map(|(rel, lang)| ResolvedImage { rel, lang })
}

/// A regular file (not a symlink) whose path matches `rel` exactly, letter case included, on
/// every OS.
fn is_regular_file_exact(base: &Path, rel: &Path) -> bool {
    let mut dir = base.to_path_buf();
    let components: Vec<_> = rel.components().collect();
    for (i, component) in components.iter().enumerate() {
        let Component::Normal(name) = component else {
            return false;
        };
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return false;
        };
        let found = entries.flatten().find(|e| e.file_name() == *name);
        let Some(entry) = found else {
            return false;
        };
        let Ok(kind) = entry.file_type() else {
            return false;
        };
        let last = i + 1 == components.len();
        if (last && !kind.is_file()) || (!last && !kind.is_dir()) {
            return false;
        }
        dir = entry.path();
    }
    true
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

    #[test]
    fn locale_image_overrides_source_then_shared() {
        let dir = tempfile::tempdir().expect("tempdir");
        let images = dir.path().join("images");
        std::fs::create_dir_all(images.join("en")).expect("mkdir");
        std::fs::create_dir_all(images.join("fi")).expect("mkdir");
        std::fs::write(images.join("en/a.png"), b"en").expect("write");
        std::fs::write(images.join("fi/a.png"), b"fi").expect("write");
        std::fs::write(images.join("b.png"), b"shared").expect("write");
        let fi = resolve(dir.path(), "a.png", "fi", "en").expect("found");
        assert_eq!(fi.rel, Path::new("images/fi/a.png"));
        let nl = resolve(dir.path(), "a.png", "nl", "en").expect("found");
        assert_eq!(nl.lang.as_deref(), Some("en"));
        let shared = resolve(dir.path(), "b.png", "nl", "en").expect("found");
        assert_eq!(shared.lang, None);
        assert!(resolve(dir.path(), "A.png", "en", "en").is_none());
    }
}
