//! What goes into the new output besides the rendered site: the site's `static/` files as
//! they are, the manifest of every file stepdoc wrote, and the files of the previous output
//! that stepdoc did not write (kept with a note, or removed only when asked; `.git` is always
//! kept).

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::Context as _;

use super::copy::copy_file;

/// The list of files stepdoc wrote, inside the output.
pub const MANIFEST: &str = ".stepdoc-manifest";

/// A file of the output that is always kept, whatever the build.
const ALWAYS_KEPT: &str = ".git";

/// Copy the files under `static_dir` to the same paths in `staging`; a file that the build
/// generated too is an error, and so is anything but a regular file or a directory.
pub(super) fn copy_static(static_dir: &Path, staging: &Path) -> anyhow::Result<()> {
    if !static_dir.is_dir() {
        return Ok(());
    }
    let mut problems = Vec::new();
    for entry in walkdir::WalkDir::new(static_dir)
        .min_depth(1)
        .sort_by_file_name()
    {
        let entry = entry.with_context(|| format!("cannot read {}", static_dir.display()))?;
        let rel = entry
            .path()
            .strip_prefix(static_dir)
            .unwrap_or(entry.path());
        let target = staging.join(rel);
        let shown = format!("{}", entry.path().display());
        if entry.file_type().is_dir() {
            if target.is_file() {
                problems.push(format!(
                    "{shown} is a directory, but stepdoc generates a file {}",
                    slash(rel)
                ));
            } else {
                std::fs::create_dir_all(&target)
                    .with_context(|| format!("cannot create {}", target.display()))?;
            }
        } else if !entry.file_type().is_file() {
            problems.push(format!("{shown} is not a regular file (a symbolic link or a special file); put the file itself there"));
        } else if target.exists() {
            problems.push(format!(
                "{shown} collides with {}, which stepdoc generates; rename or remove it",
                slash(rel)
            ));
        } else {
            copy_file(entry.path(), &target).with_context(|| {
                format!(
                    "cannot copy {} to {}",
                    entry.path().display(),
                    target.display()
                )
            })?;
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        anyhow::bail!(
            "static files cannot be published:\n  {}",
            problems.join("\n  ")
        )
    }
}

/// Write the manifest of `staging`: every file in it, one `/`-separated path a line, sorted.
pub(super) fn write_manifest(staging: &Path) -> anyhow::Result<()> {
    let mut text = String::from(
        "# The files stepdoc wrote. A file of this directory that is not listed here was put\n# here by someone else: stepdoc keeps it across builds.\n",
    );
    for entry in walkdir::WalkDir::new(staging)
        .min_depth(1)
        .sort_by_file_name()
    {
        let entry = entry.with_context(|| format!("cannot read {}", staging.display()))?;
        if !entry.file_type().is_dir() {
            let rel = entry.path().strip_prefix(staging).unwrap_or(entry.path());
            text.push_str(&slash(rel));
            text.push('\n');
        }
    }
    let path = staging.join(MANIFEST);
    std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))
}

/// Carry the files of the previous output `out` that stepdoc did not write over to `staging`,
/// naming each; with `delete`, leave them behind (they go with the previous output), naming
/// each too. `.git` is always carried over. A file the new build generates at the same path
/// replaces it.
pub(super) fn carry_other_files(out: &Path, staging: &Path, delete: bool) -> anyhow::Result<()> {
    let Some(written) = previous_manifest(out) else {
        // No previous output, or one from before manifests: all of it was stepdoc's.
        let git = out.join(ALWAYS_KEPT);
        if git.exists() && !staging.join(ALWAYS_KEPT).exists() {
            carry(&git, &staging.join(ALWAYS_KEPT))
                .with_context(|| format!("cannot keep {}", git.display()))?;
        }
        return Ok(());
    };
    let dirs: BTreeSet<String> = written
        .iter()
        .flat_map(|path| {
            let mut ancestors = Vec::new();
            let mut rest = path.as_str();
            while let Some((up, _)) = rest.rsplit_once('/') {
                ancestors.push(up.to_owned());
                rest = up;
            }
            ancestors
        })
        .collect();
    let mut walk = walkdir::WalkDir::new(out)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walk.next() {
        let entry = entry.with_context(|| format!("cannot read {}", out.display()))?;
        let rel = slash(entry.path().strip_prefix(out).unwrap_or(entry.path()));
        let is_dir = entry.file_type().is_dir();
        if rel == super::MARKER || rel == MANIFEST || written.contains(&rel) {
            continue;
        }
        if is_dir && dirs.contains(&rel) && rel != ALWAYS_KEPT {
            continue;
        }
        if is_dir {
            walk.skip_current_dir();
        }
        let shown = out.join(&rel);
        let target = staging.join(&rel);
        if target.exists() || target.is_symlink() {
            eprintln!(
                "note: {} was not written by stepdoc; the new build generates a file there and replaces it",
                shown.display()
            );
        } else if delete && rel != ALWAYS_KEPT {
            eprintln!(
                "note: removing {}: stepdoc did not write it (--delete-other-files)",
                shown.display()
            );
        } else {
            carry(entry.path(), &target)
                .with_context(|| format!("cannot keep {}", shown.display()))?;
            if rel != ALWAYS_KEPT {
                eprintln!(
                    "note: keeping {}: stepdoc did not write it (put it in static/ to publish it from the site, or pass --delete-other-files to remove it)",
                    shown.display()
                );
            }
        }
    }
    Ok(())
}

/// The files stepdoc wrote into `out` by the previous build; `None` when there is no previous
/// output, or it predates manifests (then all of it was stepdoc's).
fn previous_manifest(out: &Path) -> Option<BTreeSet<String>> {
    let text = std::fs::read_to_string(out.join(MANIFEST)).ok()?;
    Some(
        text.lines()
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .map(str::to_owned)
            .collect(),
    )
}

/// Recreate `from` (a file, a symbolic link or a whole directory of the previous output) at
/// `to`; files are hard links, as the previous output is removed right after the swap.
fn carry(from: &Path, to: &Path) -> std::io::Result<()> {
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent)?;
    }
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry?;
        let rel = entry.path().strip_prefix(from).unwrap_or(entry.path());
        let target = if rel.as_os_str().is_empty() {
            to.to_path_buf()
        } else {
            to.join(rel)
        };
        let kind = entry.file_type();
        if kind.is_dir() {
            std::fs::create_dir_all(&target)?;
        } else if kind.is_symlink() {
            symlink(&std::fs::read_link(entry.path())?, &target)?;
        } else if std::fs::hard_link(entry.path(), &target).is_err() {
            copy_file(entry.path(), &target)?;
        }
    }
    Ok(())
}

#[cfg(unix)]
fn symlink(points_to: &Path, at: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(points_to, at)
}

#[cfg(not(unix))]
fn symlink(_points_to: &Path, _at: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// `rel` with `/` between its parts, whatever the platform.
fn slash(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
