//! Any image name: accepted names are plain relative paths, and a resolved screenshot is a regular
//! file inside the guide's `images/` directory, never reached through `..`, a symlink or another
//! letter case.
#![no_main]

use std::path::{Component, Path};
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use stepdoc::content::images;

/// A guide directory with real files, a differently cased one, a symlink to a file outside
/// and a symlink loop.
static GUIDE: LazyLock<tempfile::TempDir> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let guide = root.join("guide");
    for sub in ["images/en", "images/nl/setup"] {
        std::fs::create_dir_all(guide.join(sub)).expect("mkdir");
    }
    std::fs::write(root.join("secret.png"), b"outside").expect("write");
    std::fs::write(guide.join("images/shot.png"), b"x").expect("write");
    std::fs::write(guide.join("images/en/Logo.PNG"), b"x").expect("write");
    std::fs::write(guide.join("images/nl/setup/a.svg"), b"x").expect("write");
    #[cfg(unix)]
    {
        let _ = std::os::unix::fs::symlink(root.join("secret.png"), guide.join("images/link.png"));
        let _ = std::os::unix::fs::symlink(guide.join("images/loop"), guide.join("images/loop"));
        let _ = std::os::unix::fs::symlink(root, guide.join("images/up"));
    }
    dir
});

fuzz_target!(|data: &[u8]| {
    let Ok(name) = std::str::from_utf8(data) else {
        return;
    };
    let accepted = images::check_name(name).is_ok();
    if !accepted {
        // The pipeline stops at the rejected name (a located `invalid-image` error).
        return;
    }
    for component in Path::new(name).components() {
        assert!(
            matches!(component, Component::Normal(_)),
            "{name:?} accepted"
        );
    }
    let guide = GUIDE.path().join("guide");
    let index = images::ImageIndex::scan(&guide);
    for locale in ["en", "nl", "fi"] {
        let Some(found) = images::resolve(&index, name, locale, "en") else {
            continue;
        };
        assert!(
            found.rel.starts_with("images"),
            "{name:?} resolved to {:?}",
            found.rel
        );
        let full = guide.join(&found.rel);
        let meta = std::fs::symlink_metadata(&full).expect("resolved file exists");
        assert!(meta.is_file(), "{name:?} resolved to a non-file {full:?}");
        let canonical = full.canonicalize().expect("canonical");
        let base = guide.canonicalize().expect("canonical guide");
        assert!(
            canonical.starts_with(&base),
            "{name:?} escaped to {canonical:?}"
        );
        assert!(
            canonical.ends_with(&found.rel),
            "{name:?} matched {canonical:?} with another letter case"
        );
    }
});
