//! Where the output may go: never over the site's own files. `--out` inside `content/`,
//! `locales/`, `themes/` or `static/`, the site root itself, a directory that holds the site,
//! or a directory with a `site.yaml` of its own is refused before anything is read or written.

use std::path::{Component, Path, PathBuf};

use crate::layout::{CONFIG_FILE, CONTENT_DIR, LOCALES_DIR, STATIC_DIR, THEMES_DIR};

/// Refuse an output directory `out` that would replace or sit among the sources of the site
/// in `root`.
pub fn check_out(root: &Path, out: &Path) -> anyhow::Result<()> {
    let root = resolved(root)?;
    let resolved_out = resolved(out)?;
    let shown = out.display();
    if resolved_out == root {
        anyhow::bail!(
            "--out {shown} is the site directory itself; publishing would replace the site's sources. Choose a directory of its own, e.g. `--out public`"
        );
    }
    if root.starts_with(&resolved_out) {
        anyhow::bail!(
            "--out {shown} contains the site directory; publishing would replace the site's sources. Choose a directory of its own, e.g. `--out public`"
        );
    }
    for source in [CONTENT_DIR, LOCALES_DIR, THEMES_DIR, STATIC_DIR] {
        if resolved_out.starts_with(root.join(source)) {
            anyhow::bail!(
                "--out {shown} is inside the site's {source}/ directory, among its sources; choose a directory outside it, e.g. `--out public`"
            );
        }
    }
    if resolved_out.join(CONFIG_FILE).exists() {
        anyhow::bail!(
            "--out {shown} holds a {CONFIG_FILE}: it is a site, not an output directory; choose another --out"
        );
    }
    Ok(())
}

/// `path` made absolute, with `.` and `..` resolved and symbolic links of the part that exists
/// followed, so that two spellings of one directory compare equal.
fn resolved(path: &Path) -> anyhow::Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let mut lexical = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::ParentDir => {
                lexical.pop();
            }
            Component::CurDir => {}
            other => lexical.push(other),
        }
    }
    // Follow links of the longest part that exists; keep the rest as written.
    let mut existing = lexical.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        let (Some(up), Some(name)) = (existing.parent(), existing.file_name()) else {
            return Ok(lexical);
        };
        rest.push(name.to_owned());
        existing = up;
    }
    let mut result = existing.canonicalize()?;
    for name in rest.iter().rev() {
        result.push(name);
    }
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_among_the_sources_are_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("site");
        std::fs::create_dir_all(root.join("content/a")).expect("mkdir");
        std::fs::create_dir_all(dir.path().join("other")).expect("mkdir");
        std::fs::write(dir.path().join("other/site.yaml"), "").expect("write");
        for refused in [
            root.clone(),
            root.join("."),
            dir.path().to_path_buf(),
            root.join("content/new"),
            root.join("content/a/../b"),
            root.join("locales"),
            root.join("themes/x"),
            root.join("static/out"),
            dir.path().join("other"),
        ] {
            assert!(check_out(&root, &refused).is_err(), "{}", refused.display());
        }
        for allowed in [
            root.join("public"),
            dir.path().join("out"),
            root.join("content-out"),
        ] {
            check_out(&root, &allowed).expect("allowed");
        }
    }
}
