//! Putting a new output in place without ever leaving the site missing: the exclusive lock on
//! the output, the restore of a copy set aside by an interrupted swap, the removal of debris of
//! earlier runs, the check that the previous output can be removed, and the swap itself.
//!
//! Names next to the output `<parent>/<name>`: `.<name>.stepdoc-lock` (the lock, kept),
//! `.<name>.stepdoc-staging-<pid>` (a build's new output) and `.<name>.stepdoc-old-<pid>` (the
//! previous output, set aside during a swap without `RENAME_EXCHANGE`).

use std::path::{Path, PathBuf};

use anyhow::Context as _;

/// The names of a build's files next to the output `<parent>/<name>`.
pub(super) struct Names {
    pub(super) parent: PathBuf,
    pub(super) name: String,
}

impl Names {
    pub(super) fn lock(&self) -> PathBuf {
        self.parent.join(format!(".{}.stepdoc-lock", self.name))
    }

    pub(super) fn staging(&self) -> PathBuf {
        self.parent.join(format!(
            ".{}.stepdoc-staging-{}",
            self.name,
            std::process::id()
        ))
    }

    pub(super) fn old(&self) -> PathBuf {
        self.parent
            .join(format!(".{}.stepdoc-old-{}", self.name, std::process::id()))
    }

    /// Directories of earlier runs: (staging ones, set-aside previous outputs).
    fn leftovers(&self) -> (Vec<PathBuf>, Vec<PathBuf>) {
        let staging = format!(".{}.stepdoc-staging-", self.name);
        let old = format!(".{}.stepdoc-old-", self.name);
        let (mut stagings, mut olds) = (Vec::new(), Vec::new());
        let Ok(entries) = std::fs::read_dir(&self.parent) else {
            return (stagings, olds);
        };
        for entry in entries.flatten() {
            let file = entry.file_name().to_string_lossy().into_owned();
            if file.starts_with(&staging) {
                stagings.push(entry.path());
            } else if file.starts_with(&old) {
                olds.push(entry.path());
            }
        }
        (stagings, olds)
    }
}

/// Take the exclusive lock on the output for the whole build; a second build waits for it,
/// saying so.
pub(super) fn lock(names: &Names, out: &Path) -> anyhow::Result<std::fs::File> {
    let path = names.lock();
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .or_else(|_| std::fs::File::open(&path))
        .with_context(|| format!("cannot create the build lock {}", path.display()))?;
    match file.try_lock() {
        Ok(()) => return Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => {
            eprintln!(
                "another stepdoc build is writing {}; waiting",
                out.display()
            );
        }
        Err(std::fs::TryLockError::Error(err)) => {
            return Err(err).with_context(|| format!("cannot lock {}", path.display()));
        }
    }
    file.lock()
        .with_context(|| format!("cannot lock {}", path.display()))?;
    Ok(file)
}

/// Before anything else: when the output is missing but a swap set the previous output aside
/// (a build killed between its two renames), put the newest such copy back. Then remove the
/// debris of earlier runs — never a set-aside copy while the output is missing.
pub(super) fn recover(names: &Names, out: &Path) -> anyhow::Result<()> {
    let (stagings, mut olds) = names.leftovers();
    if !out.exists() && !olds.is_empty() {
        olds.sort_by_key(|dir| {
            std::fs::metadata(dir)
                .and_then(|m| m.modified())
                .unwrap_or(std::time::SystemTime::UNIX_EPOCH)
        });
        if let Some(newest) = olds.pop() {
            std::fs::rename(&newest, out).with_context(|| {
                format!(
                    "cannot restore the previous output from {} to {}; move it back yourself",
                    newest.display(),
                    out.display()
                )
            })?;
            eprintln!(
                "note: restored the previous output {} from {} (an earlier build was stopped while publishing)",
                out.display(),
                newest.display()
            );
        }
    }
    for dir in stagings.iter().chain(&olds) {
        if let Err(err) = remove_tree(dir) {
            eprintln!(
                "note: cannot remove {} left by an earlier build: {err}; remove it yourself",
                dir.display()
            );
        }
    }
    Ok(())
}

/// Remove `dir` and everything in it, making read-only directories of ours writable first.
pub(super) fn remove_tree(dir: &Path) -> std::io::Result<()> {
    match std::fs::remove_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(_) => {
            for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
                if entry.file_type().is_dir() {
                    let _ = make_writable(entry.path());
                }
            }
            std::fs::remove_dir_all(dir)
        }
    }
}

#[cfg(unix)]
fn make_writable(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = std::fs::metadata(dir)?.permissions().mode();
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(mode | 0o700))
}

#[cfg(not(unix))]
fn make_writable(dir: &Path) -> std::io::Result<()> {
    let mut permissions = std::fs::metadata(dir)?.permissions();
    #[expect(
        clippy::permissions_set_readonly_false,
        reason = "the directory is ours and about to be removed"
    )]
    permissions.set_readonly(false);
    std::fs::set_permissions(dir, permissions)
}

/// Refuse, before rendering, an output whose previous content could not be removed once the
/// new one is in place (a read-only directory in it): publishing would succeed and leave a
/// copy behind on every run.
pub(super) fn check_removable(out: &Path) -> anyhow::Result<()> {
    if !out.is_dir() {
        return Ok(());
    }
    for entry in walkdir::WalkDir::new(out).into_iter().flatten() {
        if entry.file_type().is_dir() && !writable(entry.path()) {
            anyhow::bail!(
                "cannot replace {}: the directory {} is read-only, so the previous output could not be removed after publishing; make it writable (`chmod -R u+w {}`) or choose another --out",
                out.display(),
                entry.path().display(),
                out.display()
            );
        }
    }
    Ok(())
}

#[cfg(unix)]
fn writable(dir: &Path) -> bool {
    rustix::fs::access(dir, rustix::fs::Access::WRITE_OK).is_ok()
}

#[cfg(not(unix))]
fn writable(dir: &Path) -> bool {
    std::fs::metadata(dir).is_ok_and(|m| !m.permissions().readonly())
}

/// Put `new` in place of `out`; what was at `out` ends up at the returned path (to remove),
/// if anything was. At no moment is `out` missing where the system can exchange two names in
/// one step (Linux); elsewhere the previous output is set aside first and restored by the next
/// build if this one is stopped in between.
pub(super) fn swap(new: &Path, out: &Path, old: &Path) -> anyhow::Result<Option<PathBuf>> {
    if !out.exists() {
        std::fs::rename(new, out)
            .with_context(|| format!("cannot move the new output to {}", out.display()))?;
        return Ok(None);
    }
    if exchange(new, out).is_ok() {
        return Ok(Some(new.to_path_buf()));
    }
    std::fs::rename(out, old)
        .with_context(|| format!("cannot move the previous output {} aside", out.display()))?;
    if let Err(err) = std::fs::rename(new, out) {
        // Put the previous output back.
        let _ = std::fs::rename(old, out);
        return Err(err)
            .with_context(|| format!("cannot move the new output to {}", out.display()));
    }
    Ok(Some(old.to_path_buf()))
}

/// Exchange the names `a` and `b` in one step.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    if std::env::var_os("STEPDOC_TEST_NO_EXCHANGE").is_some() {
        return Err(std::io::ErrorKind::Unsupported.into());
    }
    rustix::fs::renameat_with(
        rustix::fs::CWD,
        a,
        rustix::fs::CWD,
        b,
        rustix::fs::RenameFlags::EXCHANGE,
    )
    .map_err(std::io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}
