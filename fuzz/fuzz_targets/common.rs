//! Shared by the site-level fuzz targets: a copy of the `multilingual` test fixture in a temp
//! directory, loaded once, with the markup the theme itself emits counted so a target can tell
//! whether input text managed to add any.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use stepdoc::render::{self, Rendered};
use stepdoc::site::{self, Site};

pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub site: Site,
    pub base: Rendered,
    /// Per page path: how many times each dangerous needle occurs in the fixture's own output.
    pub baseline: Vec<(String, [usize; NEEDLES.len()])>,
}

/// Markup that input text must never be able to add to a page.
pub const NEEDLES: [&str; 5] = [
    "<script",
    "<iframe",
    "onerror=",
    "javascript:",
    "<img src=x",
];

pub fn counts(html: &str) -> [usize; NEEDLES.len()] {
    let lower = html.to_ascii_lowercase();
    NEEDLES.map(|n| lower.matches(n).count())
}

impl Fixture {
    pub fn new() -> Fixture {
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/multilingual");
        let dir = tempfile::Builder::new()
            .prefix("stepdoc-fuzz")
            .tempdir_in(shm())
            .expect("temp dir");
        copy_tree(&source, dir.path());
        let (site, diagnostics) = site::load(dir.path());
        let site = site.unwrap_or_else(|| panic!("fixture does not load: {diagnostics:?}"));
        let base = render::render(&site, &[]).unwrap_or_else(|_| panic!("fixture does not render"));
        let baseline = base
            .files
            .iter()
            .filter(|(path, _)| path.ends_with(".html"))
            .map(|(path, bytes)| (path.clone(), counts(&String::from_utf8_lossy(bytes))))
            .collect();
        Fixture {
            dir,
            site,
            base,
            baseline,
        }
    }

    /// Write `bytes` to `rel` inside the fixture, reload guide `demo`, render it in every locale
    /// and check that no page gained dangerous markup.
    pub fn exercise(&mut self, rel: &str, bytes: &[u8]) {
        std::fs::write(self.dir.path().join(rel), bytes).expect("write fuzz input");
        let ids = BTreeSet::from(["demo".to_owned()]);
        let (fresh, diagnostics) = self.site.reload_guides(&ids);
        // Every diagnostic must be renderable (locations inside their source, no panics).
        let root = self.dir.path();
        let _ = stepdoc::diagnostics::render_human(
            &diagnostics,
            false,
            stepdoc::input::source_reader(root),
        );
        if diagnostics.has_errors() {
            return;
        }
        self.site.replace_guides(fresh);
        let jobs: Vec<(String, String)> = self
            .site
            .config
            .locales
            .iter()
            .map(|l| ("demo".to_owned(), l.clone()))
            .collect();
        let Ok(delta) = render::render_update(&self.site, &self.base, &jobs) else {
            return;
        };
        for (path, bytes) in &delta.files {
            if !path.ends_with(".html") {
                continue;
            }
            let Some((_, expected)) = self.baseline.iter().find(|(p, _)| p == path) else {
                continue;
            };
            let found = counts(&String::from_utf8_lossy(bytes));
            for (i, needle) in NEEDLES.iter().enumerate() {
                assert!(
                    found[i] <= expected[i],
                    "{path}: input added `{needle}` ({} > {})",
                    found[i],
                    expected[i]
                );
            }
        }
    }
}

/// Where fixtures go: `fuzz/run.sh`'s scratch directory (removed after the run), else tmpfs.
fn shm() -> PathBuf {
    if let Some(scratch) = std::env::var_os("STEPDOC_FUZZ_SCRATCH") {
        return PathBuf::from(scratch);
    }
    let shm = Path::new("/dev/shm");
    if shm.is_dir() {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    }
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("read fixture") {
        let entry = entry.expect("fixture entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
