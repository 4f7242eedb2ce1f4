//! The only writer: the rendered site goes into a staging directory next to the output and is
//! swapped in only when complete, so a failed or killed build leaves the previous output as it
//! was. Directories stepdoc did not create are never replaced.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use rayon::prelude::*;

use crate::render::{Piece, Rendered, Spooled};

/// Marker file that identifies a directory as stepdoc output.
pub const MARKER: &str = ".stepdoc-output";

/// Publish `rendered` to `out` atomically.
pub fn publish(out: &Path, rendered: &Rendered) -> anyhow::Result<()> {
    Staging::create(out)?.finish(rendered)
}

/// A build's output under construction: a staging directory next to `out` that replaces `out`
/// only in [`Staging::finish`]. Dropped unfinished (an error, a panic), it removes itself.
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    old: PathBuf,
    done: bool,
    /// Directories created inside `dir` so far (each is created once, not once per file).
    created: std::sync::Mutex<rustc_hash::FxHashSet<PathBuf>>,
    /// Set when a hard link failed (another file system): copy from then on.
    no_links: std::sync::atomic::AtomicBool,
    /// Bytes set aside for files assembled at the end (search fragments), and the length
    /// written so far; created on first use inside `dir`, removed before the swap.
    spool: std::sync::Mutex<Option<(std::fs::File, u64)>>,
}

/// The spool's name inside the staging directory.
const SPOOL: &str = ".stepdoc-spool";

impl Staging {
    /// Check that `out` may be replaced, clear debris of killed runs and create the staging
    /// directory.
    pub fn create(out: &Path) -> anyhow::Result<Staging> {
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
        guard_output(&out)?;
        std::fs::create_dir_all(&parent)
            .with_context(|| format!("cannot create directory {}", parent.display()))?;
        remove_debris(&parent, &name);
        let dir = parent.join(format!(".{name}.stepdoc-staging-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)
                .with_context(|| format!("cannot clear {}", dir.display()))?;
        }
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        let old = parent.join(format!(".{name}.stepdoc-old-{}", std::process::id()));
        Ok(Staging {
            out,
            dir,
            old,
            done: false,
            created: std::sync::Mutex::default(),
            no_links: std::sync::atomic::AtomicBool::new(false),
            spool: std::sync::Mutex::default(),
        })
    }

    /// Write the rest of `rendered` (files still in memory, media), then swap the staging
    /// directory in for the output.
    pub fn finish(mut self, rendered: &Rendered) -> anyhow::Result<()> {
        fill(&self.dir, rendered)?;
        if self.lock_spool().take().is_some() {
            let spool = self.dir.join(SPOOL);
            std::fs::remove_file(&spool)
                .with_context(|| format!("cannot remove {}", spool.display()))?;
        }
        if self.out.exists() {
            std::fs::rename(&self.out, &self.old).with_context(|| {
                format!(
                    "cannot move the previous output {} aside",
                    self.out.display()
                )
            })?;
        }
        if let Err(err) = std::fs::rename(&self.dir, &self.out) {
            // Put the previous output back.
            let _ = std::fs::rename(&self.old, &self.out);
            return Err(err)
                .with_context(|| format!("cannot move the new output to {}", self.out.display()));
        }
        self.done = true;
        if self.old.exists() {
            std::fs::remove_dir_all(&self.old).with_context(|| {
                format!("cannot remove the previous output {}", self.old.display())
            })?;
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

    fn put_pieces(&self, rel: &str, pieces: &[Piece<'_>]) -> std::io::Result<()> {
        use std::io::Write as _;
        let target = self.parent_ready(rel)?;
        let mut file = std::io::BufWriter::with_capacity(1 << 16, std::fs::File::create(&target)?);
        let mut buffer = Vec::new();
        // Read through a handle of its own: files assembled at the same time do not wait for
        // each other's reads (positioned reads share no cursor).
        let from = if pieces.iter().any(|p| matches!(p, Piece::Spooled(_))) {
            Some(self.spool_reader()?)
        } else {
            None
        };
        for piece in pieces {
            match piece {
                Piece::Bytes(bytes) => file.write_all(bytes)?,
                Piece::Spooled(spooled) => {
                    let from = from.as_ref().ok_or(std::io::ErrorKind::NotFound)?;
                    buffer.resize(usize::try_from(spooled.len).unwrap_or(usize::MAX), 0);
                    read_at(from, &mut buffer, spooled.offset)?;
                    file.write_all(&buffer)?;
                }
            }
        }
        file.flush()
    }

    fn copy(&self, rel: &str, source: &Path) -> std::io::Result<()> {
        use std::sync::atomic::Ordering;
        let target = self.parent_ready(rel)?;
        if !self.no_links.load(Ordering::Relaxed) {
            if std::fs::hard_link(source, &target).is_ok() {
                return Ok(());
            }
            self.no_links.store(true, Ordering::Relaxed);
        }
        copy_contents(source, &target)
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

/// Hard-link `source` to `target` when both are on one file system, else copy it.
fn copy_file(source: &Path, target: &Path) -> std::io::Result<()> {
    if std::fs::hard_link(source, target).is_ok() {
        return Ok(());
    }
    copy_contents(source, target)
}

/// Copy the bytes of `source` to a new file `target` (default permissions). Screenshots are
/// small: a read and a write through one buffer take fewer calls than `std::fs::copy`, which
/// also copies permissions and tries an in-kernel copy that fails across file systems.
fn copy_contents(source: &Path, target: &Path) -> std::io::Result<()> {
    thread_local! {
        static BUFFER: std::cell::RefCell<Vec<u8>> = std::cell::RefCell::new(vec![0; COPY_BUFFER]);
    }
    let mut from = std::fs::File::open(source)?;
    let mut to = std::fs::File::create(target)?;
    BUFFER.with_borrow_mut(|buffer| copy_through(&mut from, &mut to, buffer))
}

const COPY_BUFFER: usize = 64 * 1024;

fn copy_through(
    from: &mut std::fs::File,
    to: &mut std::fs::File,
    buffer: &mut [u8],
) -> std::io::Result<()> {
    use std::io::{Read as _, Write as _};
    loop {
        let n = match from.read(buffer) {
            Ok(0) => return Ok(()),
            Ok(n) => n,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        // Only a read of 0 bytes ends the file: network and FUSE file systems return short
        // reads in the middle of one.
        to.write_all(&buffer[..n])?;
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

fn absolute(path: &Path) -> anyhow::Result<PathBuf> {
    if path.is_absolute() {
        Ok(path.to_path_buf())
    } else {
        Ok(std::env::current_dir()
            .context("cannot read the current directory")?
            .join(path))
    }
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

/// Remove staging and old directories left by earlier runs that were killed.
fn remove_debris(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let staging = format!(".{name}.stepdoc-staging-");
    let old = format!(".{name}.stepdoc-old-");
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        if file.starts_with(&staging) || file.starts_with(&old) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
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
        copy_file(source, &target)
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
    fn spooled_pieces_are_assembled_in_the_order_asked_and_the_spool_is_not_published() {
        use crate::render::Sink as _;
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("public");
        let staging = Staging::create(&out).expect("staging");
        let a = staging.spool(b"first").expect("spooled").expect("a spool");
        let b = staging.spool(b"").expect("spooled").expect("a spool");
        let c = staging.spool(b"third").expect("spooled").expect("a spool");
        let pieces = [
            Piece::Bytes(b"["),
            Piece::Spooled(c),
            Piece::Bytes(b","),
            Piece::Spooled(b),
            Piece::Spooled(a),
            Piece::Bytes(b"]"),
        ];
        staging
            .put_pieces("search/x.json", &pieces)
            .expect("written");
        staging.finish(&Rendered::default()).expect("published");
        let written = std::fs::read(out.join("search/x.json")).expect("read");
        assert_eq!(written, b"[third,first]");
        assert!(!out.join(SPOOL).exists());
    }

    #[test]
    fn copies_hold_the_same_bytes() {
        let dir = tempfile::tempdir().expect("temp dir");
        for size in [
            0,
            1,
            1000,
            COPY_BUFFER - 1,
            COPY_BUFFER,
            COPY_BUFFER + 1,
            3 * COPY_BUFFER,
        ] {
            let source = dir.path().join(format!("s{size}"));
            let target = dir.path().join(format!("t{size}"));
            let bytes: Vec<u8> = (0..size).map(|i| (i % 253) as u8).collect();
            std::fs::write(&source, &bytes).expect("written");
            copy_contents(&source, &target).expect("copied");
            assert_eq!(std::fs::read(&target).expect("read"), bytes, "size {size}");
        }
        let missing = copy_contents(&dir.path().join("missing"), &dir.path().join("t"));
        assert!(missing.is_err());
    }
}
