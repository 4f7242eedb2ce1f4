//! Test support: a temporary copy of a site, the `stepdoc` binary run against it, and helpers
//! to read and compare its output.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A site in a temporary directory.
pub(crate) struct SiteTest {
    dir: tempfile::TempDir,
}

/// What one run of the binary did.
#[derive(Debug)]
pub(crate) struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    #[track_caller]
    pub(crate) fn success(&self) -> &Self {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub(crate) fn failure(&self) -> &Self {
        assert_eq!(
            self.code, 1,
            "expected exit code 1\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub(crate) fn stderr_has(&self, needle: &str) -> &Self {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            self.stderr
        );
        self
    }

    #[track_caller]
    pub(crate) fn stdout_has(&self, needle: &str) -> &Self {
        assert!(
            self.stdout.contains(needle),
            "stdout lacks {needle:?}:\n{}",
            self.stdout
        );
        self
    }
}

pub(crate) fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).sort_by_file_name() {
        let entry = entry.expect("walk fixture");
        let rel = entry.path().strip_prefix(from).expect("prefix");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

impl SiteTest {
    /// A copy of `tests/fixtures/<name>`.
    pub(crate) fn fixture(name: &str) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        copy_dir(&repo_root().join("tests/fixtures").join(name), dir.path());
        Self { dir }
    }

    /// An empty directory, e.g. for `stepdoc init`.
    pub(crate) fn empty() -> Self {
        Self {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    /// A fresh site made by `stepdoc init` with `args` (e.g. `--source fi`).
    pub(crate) fn init(args: &[&str]) -> Self {
        let site = Self::empty();
        let mut all = vec!["init"];
        all.extend(args);
        site.run_raw(&all).success();
        site
    }

    /// A copy of the shipped site (the repository's own content).
    pub(crate) fn shipped() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = repo_root();
        std::fs::copy(root.join("site.yaml"), dir.path().join("site.yaml")).expect("copy");
        for sub in ["content", "locales", "themes"] {
            copy_dir(&root.join(sub), &dir.path().join(sub));
        }
        Self { dir }
    }

    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }

    pub(crate) fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> &Self {
        let path = self.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, contents).expect("write");
        self
    }

    /// Let stale translations through the publishing gate (tests that edit a source to make a
    /// new build differ, and look at something else than the translations).
    pub(crate) fn allow_stale(&self) -> &Self {
        let config = self.read("site.yaml");
        self.write(
            "site.yaml",
            format!("{config}\npolicy:\n  stale: warning\n"),
        )
    }

    pub(crate) fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    /// Replace `from` by `to` in file `rel` (which must contain `from`).
    #[track_caller]
    pub(crate) fn edit(&self, rel: &str, from: &str, to: &str) -> &Self {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        self.write(rel, text.replacen(from, to, 1))
    }

    pub(crate) fn remove(&self, rel: &str) -> &Self {
        let path = self.path().join(rel);
        if path.is_dir() {
            std::fs::remove_dir_all(path).expect("remove dir");
        } else {
            std::fs::remove_file(path).expect("remove");
        }
        self
    }

    /// Run `stepdoc ARGS --root <site>`.
    pub(crate) fn run(&self, args: &[&str]) -> Run {
        let root = self.path().to_string_lossy().into_owned();
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--root", root.as_str()]);
        self.run_raw(&all)
    }

    /// Run `stepdoc ARGS` in the site directory.
    pub(crate) fn run_raw(&self, args: &[&str]) -> Run {
        self.run_env(args, &[])
    }

    /// Run `stepdoc ARGS` (no `--root` added) with extra environment variables.
    pub(crate) fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_stepdoc"))
            .args(args)
            .envs(env.iter().copied())
            .env("NO_COLOR", "1")
            .current_dir(self.path())
            .output()
            .expect("run stepdoc");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    pub(crate) fn build(&self) -> Run {
        self.run(&["build"])
    }

    /// A file of the build output.
    pub(crate) fn out(&self, rel: &str) -> String {
        self.read(&format!("public/{rel}"))
    }

    /// Every file under `rel` with its bytes.
    /// Staging or set-aside output directories left next to `public/` by a build.
    pub(crate) fn debris(&self) -> Vec<String> {
        std::fs::read_dir(self.path())
            .expect("read the site directory")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| name.contains("stepdoc-staging") || name.contains("stepdoc-old"))
            .collect()
    }

    /// The `.png` files of the output (`public/`), sorted by path.
    pub(crate) fn published_pngs(&self) -> Vec<String> {
        self.tree("public")
            .into_keys()
            .filter(|path| path.ends_with(".png"))
            .collect()
    }

    pub(crate) fn tree(&self, rel: &str) -> BTreeMap<String, Vec<u8>> {
        let base = self.path().join(rel);
        walkdir::WalkDir::new(&base)
            .sort_by_file_name()
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let key = e
                    .path()
                    .strip_prefix(&base)
                    .expect("prefix")
                    .to_string_lossy()
                    .into_owned();
                (key, std::fs::read(e.path()).expect("read"))
            })
            .collect()
    }
}

/// Parse HTML for assertions.
pub(crate) fn html(text: &str) -> scraper::Html {
    scraper::Html::parse_document(text)
}

/// Values of `attr` on elements matching `selector`, in document order.
pub(crate) fn attrs(doc: &scraper::Html, selector: &str, attr: &str) -> Vec<String> {
    let sel = scraper::Selector::parse(selector).expect("selector");
    doc.select(&sel)
        .filter_map(|e| e.value().attr(attr).map(str::to_owned))
        .collect()
}

/// Text of elements matching `selector`, in document order.
pub(crate) fn texts(doc: &scraper::Html, selector: &str) -> Vec<String> {
    let sel = scraper::Selector::parse(selector).expect("selector");
    doc.select(&sel)
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}
