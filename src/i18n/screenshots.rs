//! Screenshot provenance: which version of the source-language screenshot each localized
//! screenshot (`content/<guide>/images/<lang>/<name>`) was made from. The lock of a locale records
//! the hash of the localized file and of the source screenshot when `i18n sync` ran; replacing
//! the localized file is the signal that it was redone. A source screenshot that changed under
//! an unchanged localized one makes the localized one `stale-image`; a locale with no screenshot of
//! its own where the source has a language-specific one shows the source one (`missing-image`,
//! a warning); a localized screenshot the guide no longer uses is an `orphan-image`. Without a
//! lock record, the repository history is the evidence, as for text.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::content::LoadedGuide;
use crate::content::images;
use crate::content::model::{Guide, Step};
use crate::diagnostics::{Diagnostic, ImageChange, ImageFacts, Kind, Location};
use crate::i18n::lock::{ImageRecord, Lock, hash_bytes};
use crate::yaml::Text;

/// How far the aspect ratios of a localized screenshot and its source may differ (relative)
/// before it is reported: translated labels change a screenshot's size a little, a crop or
/// another screen changes its shape.
const ASPECT_TOLERANCE: f64 = 0.10;

/// A screenshot file as it is now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileNow {
    /// Relative to the site root.
    pub path: PathBuf,
    pub hash: String,
    pub bytes: u64,
    pub size: Option<(u32, u32)>,
}

impl FileNow {
    fn read(root: &Path, path: PathBuf) -> Option<Self> {
        let bytes =
            crate::input::read_bytes(&root.join(&path), crate::input::MAX_INPUT_BYTES).ok()?;
        Some(Self::of(path, &bytes))
    }

    fn of(path: PathBuf, bytes: &[u8]) -> Self {
        Self {
            path,
            hash: hash_bytes(bytes),
            bytes: bytes.len() as u64,
            size: crate::content::dimensions::from_header(bytes),
        }
    }

    fn facts(&self) -> ImageFacts {
        ImageFacts {
            hash: self.hash.clone(),
            bytes: self.bytes,
            width: self.size.map(|(w, _)| w),
            height: self.size.map(|(_, h)| h),
        }
    }
}

/// A screenshot the guide uses, with the source-language file its locales start from.
#[derive(Clone, Debug)]
pub struct Source<'g> {
    pub name: &'g str,
    /// The guide's `image:` scalar (for locations).
    pub text: &'g Text,
    pub file: FileNow,
    /// Whether the source screenshot is in `images/<source_locale>/` (a screenshot of the UI in
    /// that language, which every locale is expected to redo) rather than language-neutral.
    pub language_specific: bool,
}

/// Every screenshot name the guide uses, once, in document order, with its scalar.
pub fn used(guide: &Guide) -> Vec<(&str, &Text)> {
    fn walk<'g>(steps: &'g [Step], out: &mut Vec<(&'g str, &'g Text)>) {
        for step in steps {
            if let Some(image) = &step.image
                && !out.iter().any(|(name, _)| *name == image.as_str())
            {
                out.push((image.as_str(), image));
            }
            walk(&step.substeps, out);
        }
    }
    let mut out = Vec::new();
    for section in &guide.sections {
        walk(&section.steps, &mut out);
        for alternative in &section.alternatives {
            walk(&alternative.steps, &mut out);
        }
    }
    out
}

/// The source screenshots of a guide, read and hashed once for all its locales.
pub fn sources<'g>(root: &Path, loaded: &'g LoadedGuide) -> Vec<Source<'g>> {
    let source_locale = loaded.guide.source_locale.as_str();
    used(&loaded.guide)
        .into_iter()
        .filter(|(name, _)| images::check_name(name).is_ok())
        .filter_map(|(name, text)| {
            let found = images::resolve(&loaded.images, name, source_locale, source_locale)?;
            let path = loaded.dir.join(&found.rel);
            // Read and hashed only when some locale has its own version to compare.
            let suffix = format!("/{name}");
            let compared = loaded.images.names().any(|rel| {
                rel.ends_with(&suffix)
                    && Path::new(rel) != found.rel
                    && rel.matches('/').count() == 2 + name.matches('/').count()
            });
            let file = if compared {
                FileNow::read(root, path)?
            } else {
                FileNow {
                    path,
                    hash: String::new(),
                    bytes: 0,
                    size: found.size,
                }
            };
            Some(Source {
                name,
                text,
                file,
                language_specific: found.lang.is_some(),
            })
        })
        .collect()
}

/// The screenshots of one guide in one locale (not its source locale).
#[derive(Clone, Debug, Default)]
pub struct ImageStatus {
    /// Screenshots the locale is expected to have of its own (the language-specific ones).
    pub expected: usize,
    /// Expected screenshots it has.
    pub localized: usize,
    /// Expected screenshots it lacks (the source one is shown).
    pub missing: usize,
    /// Localized screenshots made from an older source screenshot, by name.
    pub stale: BTreeSet<String>,
    /// For stale ones, the source screenshot they were made from, when the repository history
    /// still has it (for the review page).
    pub previous: BTreeMap<String, Vec<u8>>,
}

/// How many commits of a source screenshot are searched for the version a stale localized one
/// was made from.
const PREVIOUS_VERSIONS_SEARCHED: usize = 50;

/// What one guide's screenshots in one locale are checked with.
pub struct Input<'a, 'g> {
    pub root: &'a Path,
    pub loaded: &'g LoadedGuide,
    pub locale: &'a str,
    pub sources: &'a [Source<'g>],
    pub lock: &'a Lock,
}

/// A localized screenshot of a used image, as it is now, and what it was made from.
struct Localized<'s, 'g> {
    source: &'s Source<'g>,
    file: FileNow,
    basis: Basis,
}

/// What a localized screenshot was made from.
enum Basis {
    /// The lock's record, made when the localized file was as it is now.
    Recorded(ImageRecord),
    /// The record is of an earlier localized file: this one was redone since.
    Redone,
    /// The source screenshot in the commit that last changed the localized file.
    History { source: FileNow, commit: String },
    /// Nothing tells.
    Unknown,
}

/// Check the screenshots of a guide in one locale: its status and findings.
pub fn check(input: &Input<'_, '_>) -> (ImageStatus, Vec<Diagnostic>) {
    let mut status = ImageStatus::default();
    let mut findings = Vec::new();
    for source in input.sources {
        if source.language_specific {
            status.expected += 1;
        }
        match localized(input, source) {
            Some(shot) => {
                if source.language_specific {
                    status.localized += 1;
                }
                judge(input, &shot, &mut status, &mut findings);
            }
            None if source.language_specific => {
                status.missing += 1;
                findings.push(missing(input, source));
            }
            None => {}
        }
    }
    findings.extend(orphans(input));
    (status, findings)
}

/// The records `i18n sync` writes for a guide in one locale: a localized screenshot unchanged
/// since its record keeps it (stale stays stale until the screenshot is redone); one the history
/// shows made from an older source is recorded with that source; any other with the source now.
pub fn records(input: &Input<'_, '_>) -> Vec<ImageRecord> {
    input
        .sources
        .iter()
        .filter_map(|source| localized(input, source))
        .map(|shot| match shot.basis {
            Basis::Recorded(record) => record,
            Basis::History { source, .. } => record(input, &shot.file, shot.source.name, &source),
            Basis::Redone | Basis::Unknown => {
                record(input, &shot.file, shot.source.name, &shot.source.file)
            }
        })
        .collect()
}

fn record(input: &Input<'_, '_>, localized: &FileNow, name: &str, source: &FileNow) -> ImageRecord {
    ImageRecord {
        guide: input.loaded.id.clone(),
        image: name.to_owned(),
        localized: localized.hash.clone(),
        source: source.hash.clone(),
        source_bytes: source.bytes,
        source_size: source.size,
    }
}

/// The locale's own screenshot of `source`, when it has one, with its basis.
fn localized<'s, 'g>(input: &Input<'_, '_>, source: &'s Source<'g>) -> Option<Localized<'s, 'g>> {
    let rel = format!("images/{}/{}", input.locale, source.name);
    let found = images::resolve(
        &input.loaded.images,
        source.name,
        input.locale,
        input.loaded.guide.source_locale.as_str(),
    )?;
    if found.rel != Path::new(&rel) {
        return None;
    }
    let file = FileNow::read(input.root, input.loaded.dir.join(&found.rel))?;
    let basis = match input.lock.image(&input.loaded.id, source.name) {
        Some(record) if record.localized == file.hash => Basis::Recorded(record.clone()),
        Some(_) => Basis::Redone,
        None => crate::i18n::history::image_basis(input.root, &file.path, &source.file.path)
            .map_or(Basis::Unknown, |b| Basis::History {
                source: FileNow::of(source.file.path.clone(), &b.source),
                commit: b.commit,
            }),
    };
    Some(Localized {
        source,
        file,
        basis,
    })
}

/// The findings about one localized screenshot: stale, untracked, reshaped.
fn judge(
    input: &Input<'_, '_>,
    shot: &Localized<'_, '_>,
    status: &mut ImageStatus,
    findings: &mut Vec<Diagnostic>,
) {
    let now = &shot.source.file;
    let old = match &shot.basis {
        Basis::Recorded(r) if r.source != now.hash => Some((
            ImageFacts {
                hash: r.source.clone(),
                bytes: r.source_bytes,
                width: r.source_size.map(|(w, _)| w),
                height: r.source_size.map(|(_, h)| h),
            },
            "since `i18n sync` recorded it".to_owned(),
        )),
        Basis::History { source, commit } if source.hash != now.hash => Some((
            source.facts(),
            format!("since commit {commit}, which last changed it"),
        )),
        _ => None,
    };
    if let Some((old, when)) = old {
        status.stale.insert(shot.source.name.to_owned());
        let previous = crate::i18n::history::file_version(
            input.root,
            &now.path,
            PREVIOUS_VERSIONS_SEARCHED,
            |bytes| hash_bytes(bytes) == old.hash,
        );
        if let Some(bytes) = previous {
            status.previous.insert(shot.source.name.to_owned(), bytes);
        }
        findings.push(stale(input, shot, old, &when));
    } else if matches!(shot.basis, Basis::Unknown) {
        let mut d = about(
            input,
            Diagnostic::warning(
                Kind::Untracked,
                Location::file(&shot.file.path),
                format!(
                    "screenshot `{}` has no lock record: nothing tells which source screenshot it was made from",
                    shot.source.name
                ),
            )
            .with_help(format!(
                "compare it with {}, then run `stepdoc i18n sync --locale {}` to record it",
                crate::diagnostics::display_path(&now.path),
                input.locale
            )),
            shot.source.name,
        );
        d.image = Some(Box::new(ImageChange {
            name: shot.source.name.to_owned(),
            old: None,
            new: now.facts(),
        }));
        findings.push(d);
    }
    if let (Some(a), Some(b)) = (shot.file.size, now.size)
        && reshaped(a, b)
    {
        let mut d = about(
            input,
            Diagnostic::warning(
                Kind::ImageAspect,
                Location::file(&shot.file.path),
                format!(
                    "screenshot `{}` is {}×{} but the source one is {}×{}: another shape (a crop, or another screen?)",
                    shot.source.name, a.0, a.1, b.0, b.1
                ),
            )
            .with_help("take the screenshot of the same part of the screen as the source one"),
            shot.source.name,
        );
        d.image = Some(Box::new(ImageChange {
            name: shot.source.name.to_owned(),
            old: Some(shot.file.facts()),
            new: now.facts(),
        }));
        findings.push(d);
    }
}

/// Whether sizes `a` and `b` have aspect ratios further apart than the tolerance.
fn reshaped(a: (u32, u32), b: (u32, u32)) -> bool {
    if a.1 == 0 || b.1 == 0 {
        return false;
    }
    let ra = f64::from(a.0) / f64::from(a.1);
    let rb = f64::from(b.0) / f64::from(b.1);
    ((ra - rb) / rb).abs() > ASPECT_TOLERANCE
}

fn stale(
    input: &Input<'_, '_>,
    shot: &Localized<'_, '_>,
    old: ImageFacts,
    when: &str,
) -> Diagnostic {
    let now = &shot.source.file;
    let mut d = about(
        input,
        Diagnostic::warning(
            Kind::StaleImage,
            Location::file(&shot.file.path),
            format!(
                "screenshot `{}` may be outdated: the source screenshot {} changed {when}",
                shot.source.name,
                crate::diagnostics::display_path(&now.path),
            ),
        )
        .with_help(format!(
            "redo the screenshot from the current source one (replacing the file marks it fresh), then run `stepdoc i18n sync --locale {}`",
            input.locale
        )),
        shot.source.name,
    );
    d.image = Some(Box::new(ImageChange {
        name: shot.source.name.to_owned(),
        old: Some(old),
        new: now.facts(),
    }));
    d
}

fn missing(input: &Input<'_, '_>, source: &Source<'_>) -> Diagnostic {
    let expected = input
        .loaded
        .dir
        .join(format!("images/{}/{}", input.locale, source.name));
    let mut d = about(
        input,
        Diagnostic::warning(
            Kind::MissingImage,
            source.text.location(&input.loaded.path),
            format!(
                "screenshot `{}` has no `{}` version: readers see the source-language one",
                source.name, input.locale
            ),
        )
        .with_help(format!(
            "add {} (a screenshot of the same screen in this language)",
            crate::diagnostics::display_path(&expected)
        )),
        source.name,
    );
    d.image = Some(Box::new(ImageChange {
        name: source.name.to_owned(),
        old: None,
        new: source.file.facts(),
    }));
    d
}

/// Localized screenshots in `images/<locale>/` that no step uses.
fn orphans(input: &Input<'_, '_>) -> Vec<Diagnostic> {
    let used: BTreeSet<&str> = used(&input.loaded.guide)
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    let prefix = format!("images/{}/", input.locale);
    input
        .loaded
        .images
        .names()
        .filter_map(|rel| rel.strip_prefix(&prefix).map(|name| (rel, name)))
        .filter(|(_, name)| !used.contains(name))
        .map(|(rel, name)| {
            about(
                input,
                Diagnostic::warning(
                    Kind::OrphanImage,
                    Location::file(input.loaded.dir.join(rel)),
                    format!("screenshot `{name}` is not used by the guide any more"),
                )
                .with_help("delete the file, or use it in a step's `image:`"),
                name,
            )
        })
        .collect()
}

/// `d` about screenshot `name` of the guide in the input's locale.
fn about(input: &Input<'_, '_>, mut d: Diagnostic, name: &str) -> Diagnostic {
    d.locale = Some(input.locale.to_owned());
    d.guide = Some(input.loaded.id.clone());
    d.message_id = Some(format!("image {name}"));
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aspect_changes_beyond_the_tolerance_are_reshaped() {
        assert!(!reshaped((800, 600), (820, 600)));
        assert!(reshaped((800, 600), (800, 300)));
        assert!(!reshaped((800, 0), (800, 300)));
    }
}
