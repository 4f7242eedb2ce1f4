//! The only writer: the rendered site goes into a staging directory next to the output and is
//! swapped in only when complete, so a failed or killed build leaves the previous output as it
//! was (`swap`). Directories stepdoc did not create are never replaced; files someone else put
//! in the output are kept (`files`); published files are copies, never links (`copy`).

mod copy;
mod files;
mod swap;
mod target;

use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use rayon::prelude::*;

use crate::render::{Rendered, Spooled};
pub use files::MANIFEST;
pub use target::check_out;

/// Marker file that identifies a directory as stepdoc output.
pub const MARKER: &str = ".stepdoc-output";

/// How a build publishes, besides what it rendered.
#[derive(Debug, Default)]
pub struct Options {
    /// The site's `static/` directory, whose files are published as they are.
    pub static_dir: Option<PathBuf>,
    /// Remove the files of the previous output that stepdoc did not write (kept by default).
    pub delete_other_files: bool,
}

/// Publish `rendered` to `out` atomically.
pub fn publish(out: &Path, rendered: &Rendered) -> anyhow::Result<()> {
    Staging::create(out, Options::default())?.finish(rendered)
}

/// A build's output under construction: a staging directory next to `out` that replaces `out`
/// only in [`Staging::finish`]. Dropped unfinished (an error, a panic), it removes itself. It
/// holds the output's lock from creation to the end.
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    old: PathBuf,
    options: Options,
    done: bool,
    /// The exclusive lock on the output, released when the staging is dropped.
    _lock: std::fs::File,
    /// Directories created inside `dir` so far (each is created once, not once per file).
    created: std::sync::Mutex<rustc_hash::FxHashSet<PathBuf>>,
    /// Bytes set aside for files assembled at the end (search fragments), and the length
    /// written so far; created on first use inside `dir`, removed before the swap.
    spool: std::sync::Mutex<Option<(std::fs::File, u64)>>,
}

/// The spool's name inside the staging directory.
const SPOOL: &str = ".stepdoc-spool";

impl Staging {
    /// Lock the output (waiting for another build), restore a previous output that an
    /// interrupted swap set aside, clear debris of earlier runs, check that `out` may be
    /// replaced and create the staging directory.
    pub fn create(out: &Path, options: Options) -> anyhow::Result<Staging> {
        let out = absolute(out)?;
        let parent = out
            .parent()
            .context("the output directory has no parent directory")?
            .to_path_buf();
        let name = out
            .file_name()
            .context("the output path has no directory name")?
            .to_string_lossy()
            .into_owned();
        std::fs::create_dir_all(&parent)
            .with_context(|| format!("cannot create directory {}", parent.display()))?;
        let names = swap::Names { parent, name };
        let lock = swap::lock(&names, &out)?;
        swap::recover(&names, &out)?;
        guard_output(&out)?;
        swap::check_removable(&out)?;
        let dir = names.staging();
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        Ok(Staging {
            out,
            dir,
            old: names.old(),
            options,
            done: false,
            _lock: lock,
            created: std::sync::Mutex::default(),
            spool: std::sync::Mutex::default(),
        })
    }

    /// Write the rest of `rendered` (files still in memory, media) and the site's static
    /// files, carry over the files of the previous output that stepdoc did not write, then
    /// swap the staging directory in for the output.
    pub fn finish(mut self, rendered: &Rendered) -> anyhow::Result<()> {
        fill(&self.dir, rendered)?;
        if self.lock_spool().take().is_some() {
            let spool = self.dir.join(SPOOL);
            std::fs::remove_file(&spool)
                .with_context(|| format!("cannot remove {}", spool.display()))?;
        }
        if let Some(static_dir) = &self.options.static_dir {
            files::copy_static(static_dir, &self.dir)?;
        }
        files::write_manifest(&self.dir)?;
        files::carry_other_files(&self.out, &self.dir, self.options.delete_other_files)?;
        let previous = swap::swap(&self.dir, &self.out, &self.old)?;
        self.done = true;
        if let Some(previous) = previous
            && let Err(err) = swap::remove_tree(&previous)
        {
            eprintln!(
                "note: the new output is published, but the previous one, set aside at {}, cannot be removed: {err}; the next build removes it",
                previous.display()
            );
        }
        Ok(())
    }
}

/// Files go into the staging directory as they are rendered, from many threads at once.
impl crate::render::Sink for Staging {
    fn put(&self, rel: &str, bytes: &[u8]) -> std::io::Result<()> {
        let target = self.parent_ready(rel)?;
        std::fs::write(&target, bytes)
    }

    fn spool(&self, bytes: &[u8]) -> std::io::Result<Option<Spooled>> {
        use std::io::Write as _;
        let mut spool = self.lock_spool();
        if spool.is_none() {
            let file = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create_new(true)
                .open(self.dir.join(SPOOL))?;
            *spool = Some((file, 0));
        }
        let Some((file, end)) = spool.as_mut() else {
            return Ok(None);
        };
        file.write_all(bytes)?;
        let spooled = Spooled {
            offset: *end,
            len: bytes.len() as u64,
        };
        *end += spooled.len;
        Ok(Some(spooled))
    }

    fn read(&self, spooled: Spooled) -> std::io::Result<Vec<u8>> {
        // A handle of its own: the locales' search files are made at the same time, and
        // positioned reads share no cursor.
        let from = self.spool_reader()?;
        let mut buffer = vec![0; usize::try_from(spooled.len).unwrap_or(usize::MAX)];
        read_at(&from, &mut buffer, spooled.offset)?;
        Ok(buffer)
    }

    fn copy(&self, rel: &str, source: &Path) -> std::io::Result<()> {
        let target = self.parent_ready(rel)?;
        copy::copy_file(source, &target)
    }
}

impl Staging {
    /// A handle of its own on the spool, for reading.
    fn spool_reader(&self) -> std::io::Result<std::fs::File> {
        match self.lock_spool().as_ref() {
            Some((spool, _)) => spool.try_clone(),
            None => Err(std::io::ErrorKind::NotFound.into()),
        }
    }

    fn lock_spool(&self) -> std::sync::MutexGuard<'_, Option<(std::fs::File, u64)>> {
        self.spool
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The staging path of `rel`, with its directory created (once per directory).
    fn parent_ready(&self, rel: &str) -> std::io::Result<PathBuf> {
        let target = self.dir.join(rel);
        if let Some(parent) = target.parent() {
            self.make_dir(parent)?;
        }
        Ok(target)
    }

    /// Create `dir` inside the staging directory unless it was made already, its parents first
    /// (from what is known to exist, so no `mkdir` fails on the way).
    fn make_dir(&self, dir: &Path) -> std::io::Result<()> {
        let known = |dir: &Path| {
            dir == self.dir
                || self
                    .created
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .contains(dir)
        };
        if known(dir) {
            return Ok(());
        }
        if let Some(up) = dir.parent()
            && up.starts_with(&self.dir)
        {
            self.make_dir(up)?;
        }
        match std::fs::create_dir(dir) {
            Ok(()) => {}
            // Another worker made it first.
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists && dir.is_dir() => {}
            Err(err) => return Err(err),
        }
        self.created
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(dir.to_path_buf());
        Ok(())
    }
}

/// Fill `buffer` from `file` at `offset`.
#[cfg(unix)]
fn read_at(file: &std::fs::File, buffer: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buffer, offset)
}

/// Fill `buffer` from `file` at `offset`.
#[cfg(not(unix))]
fn read_at(mut file: &std::fs::File, buffer: &mut [u8], offset: u64) -> std::io::Result<()> {
    use std::io::{Read as _, Seek as _};
    file.seek(std::io::SeekFrom::Start(offset))?;
    file.read_exact(buffer)
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

fn absolute(path: &Path) -> anyhow::Result<PathBuf> {
    std::path::absolute(path)
        .with_context(|| format!("cannot resolve the output path {}", path.display()))
}

/// Refuse to replace a directory that is not stepdoc output.
fn guard_output(out: &Path) -> anyhow::Result<()> {
    if !out.exists() {
        return Ok(());
    }
    if !out.is_dir() {
        bail!(
            "the output path {} exists and is not a directory; choose another --out",
            out.display()
        );
    }
    let empty = std::fs::read_dir(out)
        .with_context(|| format!("cannot read {}", out.display()))?
        .next()
        .is_none();
    if !empty && !out.join(MARKER).is_file() {
        bail!(
            "refusing to replace {}: it is not empty and was not created by stepdoc (no {MARKER} file); choose another --out or remove it yourself",
            out.display()
        );
    }
    Ok(())
}

fn fill(staging: &Path, rendered: &Rendered) -> anyhow::Result<()> {
    let mut dirs: Vec<PathBuf> = rendered
        .files
        .keys()
        .chain(rendered.media.keys())
        .filter_map(|p| Path::new(p).parent().map(Path::to_path_buf))
        .collect();
    dirs.sort();
    dirs.dedup();
    for dir in dirs {
        let dir = staging.join(dir);
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create directory {}", dir.display()))?;
    }
    rendered.files.par_iter().try_for_each(|(path, bytes)| {
        let target = staging.join(path);
        std::fs::write(&target, bytes).with_context(|| format!("cannot write {}", target.display()))
    })?;
    rendered.media.par_iter().try_for_each(|(path, source)| {
        let target = staging.join(path);
        copy::copy_file(source, &target)
            .with_context(|| format!("cannot copy {} to {}", source.display(), target.display()))
    })?;
    std::fs::write(
        staging.join(MARKER),
        "This directory is generated by stepdoc and replaced on every build.\n",
    )
    .context("cannot write the output marker")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spooled_bytes_are_read_back_as_set_aside_and_the_spool_is_not_published() {
        use crate::render::Sink as _;
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("public");
        let staging = Staging::create(&out, Options::default()).expect("staging");
        let a = staging.spool(b"first").expect("spooled").expect("a spool");
        let b = staging.spool(b"").expect("spooled").expect("a spool");
        let c = staging.spool(b"third").expect("spooled").expect("a spool");
        assert_eq!(staging.read(c).expect("read"), b"third");
        assert_eq!(staging.read(b).expect("read"), b"");
        assert_eq!(staging.read(a).expect("read"), b"first");
        staging.finish(&Rendered::default()).expect("published");
        assert!(!out.join(SPOOL).exists());
    }
}
