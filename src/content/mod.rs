//! Guides: finding `content/<guide-id>/guide.yaml`, parsing it into the typed model, checking its
//! structure, and listing the messages it defines.

pub mod catalog;
pub mod dimensions;
pub mod ids;
pub mod images;
pub mod model;
pub mod validate;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics, Kind, Location};
use crate::layout::{CONTENT_DIR, GUIDE_FILE};
use model::{Guide, Id};

/// A parsed guide and where it came from.
#[derive(Clone, Debug)]
pub struct LoadedGuide {
    /// The guide id: its directory name, also its URL segment.
    pub id: String,
    /// `content/<id>`, relative to the site root.
    pub dir: PathBuf,
    /// `content/<id>/guide.yaml`, relative to the site root.
    pub path: PathBuf,
    /// The file's text, kept to locate findings inside scalars.
    pub source: String,
    pub guide: Guide,
    /// The guide's screenshots, listed once.
    pub images: images::ImageIndex,
}

/// Find and parse every guide under `root/content`, in id order. Guides that fail to parse are
/// reported and left out.
pub fn load_guides(root: &Path, diagnostics: &mut Diagnostics) -> Vec<LoadedGuide> {
    let dirs = list_guides(root, diagnostics);
    let results: Vec<Result<LoadedGuide, Diagnostics>> = dirs
        .into_par_iter()
        .map(|(id, dir)| load_one(root, id, dir))
        .collect();
    let mut guides = Vec::new();
    for result in results {
        match result {
            Ok(guide) => guides.push(guide),
            Err(d) => diagnostics.extend(d),
        }
    }
    guides
}

/// The finding of a site without guides: publishing it would replace the site with an empty
/// one (`content/` moved away, a wrong `--root`). `build --allow-empty` skips it.
pub fn empty_site() -> Diagnostic {
    Diagnostic::error(
        Kind::EmptySite,
        Location::file(CONTENT_DIR),
        "the site has no guides; publishing it would replace the output with an empty site",
    )
    .with_help(
        "add a guide (`stepdoc new <guide-id>`), check `--root`, or pass `--allow-empty` to publish a site without guides",
    )
}

/// The guide directories under `root/content` as (id, `content/<id>`), in id order; directories
/// that cannot be guides are reported.
pub fn list_guides(root: &Path, diagnostics: &mut Diagnostics) -> Vec<(String, PathBuf)> {
    let content = root.join(CONTENT_DIR);
    let mut dirs: Vec<(String, PathBuf)> = Vec::new();
    let entries = match std::fs::read_dir(&content) {
        Ok(entries) => entries,
        Err(err) => {
            diagnostics.push(
                Diagnostic::error(
                    Kind::Io,
                    Location::file(CONTENT_DIR),
                    format!("cannot read the content directory: {err}"),
                )
                .with_help("create `content/<guide-id>/guide.yaml`, e.g. with `stepdoc new`"),
            );
            return Vec::new();
        }
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        // The entry's type comes with the listing; only a symlink needs a look at its target.
        let is_dir = match entry.file_type() {
            Ok(t) if t.is_symlink() => entry.path().is_dir(),
            Ok(t) => t.is_dir(),
            Err(_) => entry.path().is_dir(),
        };
        if name.starts_with('.') || !is_dir {
            continue;
        }
        let rel = Path::new(CONTENT_DIR).join(&name);
        if let Err(refusal) = crate::input::resolve_inside(root, &rel) {
            // A guide directory symlinked outside the site is not listed, let alone read.
            diagnostics.push(refusal.diagnostic(&rel));
            continue;
        }
        if !Id::is_valid(&name) {
            diagnostics.push(
                Diagnostic::error(
                    Kind::InvalidId,
                    Location::file(&rel),
                    format!("guide directory name `{name}` is not a valid guide id"),
                )
                .with_help("use lower-case letters, digits and single dashes, e.g. `acme-crm`"),
            );
            continue;
        }
        // Whatever is there (a symlink, a FIFO) is judged by the reader, which names it.
        if std::fs::symlink_metadata(entry.path().join(GUIDE_FILE)).is_err() {
            diagnostics.push(
                Diagnostic::error(
                    Kind::MissingFile,
                    Location::file(&rel),
                    format!("guide directory `{name}` has no {GUIDE_FILE}"),
                )
                .with_help("add the file, or remove the directory"),
            );
            continue;
        }
        dirs.push((name, rel));
    }
    dirs.sort();
    dirs
}

/// Parse the guide `id` in `dir` (`content/<id>`).
pub fn load_one(root: &Path, id: String, dir: PathBuf) -> Result<LoadedGuide, Diagnostics> {
    load_one_from(root, id, dir, None)
}

/// [`load_one`], from the text of its `guide.yaml` when it was already read and decoded.
pub fn load_one_from(
    root: &Path,
    id: String,
    dir: PathBuf,
    text: Option<String>,
) -> Result<LoadedGuide, Diagnostics> {
    let (path, source, guide) = match text {
        Some(source) => {
            let path = dir.join(GUIDE_FILE);
            let guide = crate::yaml::parse::<Guide>(&path, &source)?;
            (path, source, guide)
        }
        None => parse_one(root, &dir)?,
    };
    let images = images::ImageIndex::scan(&root.join(&dir));
    Ok(LoadedGuide {
        id,
        dir,
        path,
        source,
        guide,
        images,
    })
}

/// Read and parse `dir/guide.yaml` only (no screenshots listed): its path, text and model.
pub fn parse_one(root: &Path, dir: &Path) -> Result<(PathBuf, String, Guide), Diagnostics> {
    let path = dir.join(GUIDE_FILE);
    let source = crate::input::read_text(root, &path)?;
    let guide = crate::yaml::parse::<Guide>(&path, &source)?;
    Ok((path, source, guide))
}
