//! Build script: `stepdoc --version` names the commit the binary was built from.
//!
//! Sets `STEPDOC_VERSION` to `<version> (<commit> <date>)` when git and a repository are at
//! hand, else to the package version alone (a crate registry download, a source tarball, a
//! machine without git): the build never fails for want of git.

use std::process::Command;

fn main() {
    let version = env!("CARGO_PKG_VERSION");
    let full = match commit() {
        Some(commit) => format!("{version} ({commit})"),
        None => version.to_owned(),
    };
    println!("cargo:rustc-env=STEPDOC_VERSION={full}");
    if let Some(git_dir) = git(&["rev-parse", "--git-dir"]) {
        // A new commit or checkout moves HEAD or appends to its log.
        println!("cargo:rerun-if-changed={git_dir}/HEAD");
        println!("cargo:rerun-if-changed={git_dir}/logs/HEAD");
    }
    println!("cargo:rerun-if-changed=build.rs");
}

/// `<short hash> <commit date>` of HEAD.
fn commit() -> Option<String> {
    let hash = git(&["rev-parse", "--short=10", "HEAD"])?;
    let date = git(&["log", "-1", "--format=%cs"]).unwrap_or_default();
    Some(if date.is_empty() {
        hash
    } else {
        format!("{hash} {date}")
    })
}

/// The trimmed standard output of a successful `git` run.
fn git(args: &[&str]) -> Option<String> {
    let output = Command::new("git").args(args).output().ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8(output.stdout).ok()?;
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}
