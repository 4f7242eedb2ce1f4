//! Copies of files into the output: screenshots, theme assets and static files are published
//! as copies of their own (a copy-on-write clone where the file system can make one), never as
//! links, so that a tool rewriting the output cannot change the sources.

use std::path::Path;

/// Copy `source` to a new file `target`: a clone sharing the blocks until either is written
/// (Btrfs, XFS, …), else a copy of the bytes.
pub(super) fn copy_file(source: &Path, target: &Path) -> std::io::Result<()> {
    let mut from = std::fs::File::open(source)?;
    let mut to = std::fs::File::create(target)?;
    if clone(&from, &to) {
        return Ok(());
    }
    thread_local! {
        static BUFFER: std::cell::RefCell<Vec<u8>> = std::cell::RefCell::new(vec![0; COPY_BUFFER]);
    }
    BUFFER.with_borrow_mut(|buffer| copy_through(&mut from, &mut to, buffer))
}

/// Make `to` a copy-on-write clone of `from`, when the file system can.
#[cfg(target_os = "linux")]
fn clone(from: &std::fs::File, to: &std::fs::File) -> bool {
    rustix::fs::ioctl_ficlone(to, from).is_ok()
}

#[cfg(not(target_os = "linux"))]
fn clone(_from: &std::fs::File, _to: &std::fs::File) -> bool {
    false
}

pub(super) const COPY_BUFFER: usize = 64 * 1024;

/// Screenshots are small: a read and a write through one buffer take fewer calls than
/// `std::fs::copy`, which also copies permissions.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_hold_the_same_bytes_and_are_not_links() {
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
            copy_file(&source, &target).expect("copied");
            assert_eq!(std::fs::read(&target).expect("read"), bytes, "size {size}");
            std::fs::write(&target, b"changed").expect("written");
            assert_eq!(std::fs::read(&source).expect("read"), bytes, "size {size}");
        }
        let missing = copy_file(&dir.path().join("missing"), &dir.path().join("t"));
        assert!(missing.is_err());
    }
}
