//! `i18n sync` for one locale: every guide's translation file gets stubs for its missing
//! messages (see [`file`]), and the locale's lock records the translations as they are now.
//! The command only loads the site, calls [`sync_locale`] and prints the [`Report`].

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use fluent_bundle::FluentResource;

use crate::content::catalog::{self, Entry, MessageKey};
use crate::content::model::Guide;
use crate::diagnostics::{Diagnostic, Diagnostics, Kind};
use crate::i18n::consistency;
use crate::i18n::lock::Lock;
use crate::i18n::screenshots;
use crate::i18n::terms::Terms;

mod file;
mod terms;

pub use file::{Changes, OBSOLETE_HEADING, sync_text};
pub use terms::{TermStub, missing_terms, sync_terms_text};

/// Findings that keep `i18n sync` from recording a translation: text in the wrong language or
/// still the source text is no evidence of a translation made from the current source.
const NOT_RECORDED: [Kind; 2] = [Kind::WrongLanguage, Kind::Unchanged];

/// The translations a site's findings keep from being recorded, by (locale, guide, message).
#[derive(Default)]
pub struct NotRecorded<'a> {
    keys: BTreeSet<(&'a str, &'a str, &'a str)>,
    /// The findings, to tell the user why.
    pub findings: Vec<&'a Diagnostic>,
}

impl<'a> NotRecorded<'a> {
    /// What `findings` (of loading the site) keep from being recorded.
    pub fn of(findings: &'a Diagnostics) -> Self {
        let findings: Vec<&Diagnostic> = findings
            .iter()
            .filter(|d| NOT_RECORDED.contains(&d.kind))
            .collect();
        let keys = findings
            .iter()
            .filter_map(|d| {
                Some((
                    d.locale.as_deref()?,
                    d.guide.as_deref()?,
                    d.message_id.as_deref()?,
                ))
            })
            .collect();
        Self { keys, findings }
    }

    fn contains(&self, locale: &str, guide: &str, key: &MessageKey) -> bool {
        self.keys
            .contains(&(locale, guide, key.to_string().as_str()))
    }
}

/// One guide as sync sees it in one locale.
pub struct GuideText<'a> {
    pub id: &'a str,
    pub guide: &'a Guide,
    /// The guide as loaded (its directory and screenshots).
    pub loaded: &'a crate::content::LoadedGuide,
    /// The guide's source text as Fluent.
    pub source: &'a FluentResource,
    /// The translation file (relative path and parsed text), if there is one.
    pub translation: Option<(&'a Path, &'a FluentResource)>,
    /// The stale translations (the check's findings) with the source text each was made from.
    pub stale: Option<&'a BTreeMap<MessageKey, String>>,
}

/// What a sync of one locale wrote.
#[derive(Debug, Default)]
pub struct Report {
    /// Translation files written, with what changed in each.
    pub files: Vec<(PathBuf, Changes)>,
    /// The lock file, when it was written.
    pub lock: Option<PathBuf>,
    /// The glossary, when it was written, with the terms stubbed in it.
    pub terms: Option<(PathBuf, Vec<String>)>,
}

/// Sync every guide of `guides` (those whose source locale is `locale` are skipped) into
/// `locale`: write the translation files that change, the glossary (stubs for the terms the
/// sources use that it lacks; `glossaries` are every locale's), then the lock, which starts from
/// `lock`.
pub fn sync_locale(
    root: &Path,
    locale: &str,
    guides: &[GuideText<'_>],
    glossaries: &BTreeMap<String, Terms>,
    mut lock: Lock,
    not_recorded: &NotRecorded<'_>,
    prune: bool,
) -> anyhow::Result<Report> {
    let mut report = Report::default();
    if let Some(own) = glossaries.get(locale) {
        let missing = missing_terms(locale, guides, glossaries);
        let text = sync_terms_text(&own.source, &missing);
        if text != own.source {
            write(root, &own.path, &text)?;
            let names = missing.into_iter().map(|s| s.name).collect();
            report.terms = Some((own.path.clone(), names));
        }
    }
    for guide in guides {
        if guide.guide.source_locale.as_str() == locale {
            continue;
        }
        let entries = catalog::entries(guide.guide);
        let path = guide.translation.map_or_else(
            || crate::layout::translation_file(locale, guide.id),
            |(path, _)| path.to_path_buf(),
        );
        let patterns = guide
            .translation
            .map(|(_, resource)| consistency::serialized_patterns(resource))
            .unwrap_or_default();
        if let Some(changes) = sync_file(root, &path, locale, guide, &entries, &patterns, prune)? {
            report.files.push((path, changes));
        }
        let recordable = |key: &MessageKey| !not_recorded.contains(locale, guide.id, key);
        let empty = BTreeMap::new();
        let translated = Translated {
            patterns: &patterns,
            stale: guide.stale.unwrap_or(&empty),
        };
        update_lock(&mut lock, guide.id, &entries, &translated, recordable);
        let shots = screenshots::sources(root, guide.loaded);
        let images = screenshots::records(&screenshots::Input {
            root,
            loaded: guide.loaded,
            locale,
            sources: &shots,
            lock: &lock,
        });
        lock.set_images(guide.id, images);
    }
    let lock_path = Lock::path(locale);
    let text = lock.to_text();
    let before = crate::input::read_text_if_exists(root, &lock_path)
        .ok()
        .flatten();
    let wanted = !lock.is_empty() || before.is_some();
    if wanted && Some(&text) != before.as_ref() {
        write(root, &lock_path, &text)?;
        report.lock = Some(lock_path);
    }
    Ok(report)
}

/// Stub the missing messages of one translation file (written only when it changes).
fn sync_file(
    root: &Path,
    path: &Path,
    locale: &str,
    guide: &GuideText<'_>,
    entries: &[Entry<'_>],
    patterns: &HashMap<MessageKey, String>,
    prune: bool,
) -> anyhow::Result<Option<Changes>> {
    let source_locale = guide.guide.source_locale.as_str();
    let existing = guide
        .translation
        .map(|(_, resource)| resource.source())
        .unwrap_or_default();
    let present: BTreeSet<MessageKey> = patterns.keys().cloned().collect();
    let defined_ids: BTreeSet<&str> = entries.iter().map(|e| e.key.id.as_str()).collect();
    let obsolete: BTreeSet<String> = present
        .iter()
        .filter(|k| !defined_ids.contains(k.id.as_str()))
        .map(|k| k.id.clone())
        .collect();
    let base = if existing.is_empty() {
        format!(
            "# Translation of content/{}/guide.yaml into `{locale}`.\n# Stubs `# ({source_locale}) id = …` hold the source text: uncomment, translate, run `stepdoc check`.\n\n",
            guide.id,
        )
    } else {
        existing.to_owned()
    };
    let (text, changes) = sync_text(&base, source_locale, entries, &present, &obsolete, prune);
    if text == existing {
        return Ok(None);
    }
    write(root, path, &text)?;
    Ok(Some(changes))
}

/// Write `text` to `rel` in `root`, creating its directory: atomically (a temporary file in the
/// same directory renamed over the old one, so an interrupted sync leaves the old file whole),
/// with the old file's permissions, and in its line endings and byte-order mark, so that a file
/// kept with CRLF or a BOM changes only where sync changed it.
fn write(root: &Path, rel: &Path, text: &str) -> anyhow::Result<()> {
    let target = root.join(rel);
    let dir = target.parent().unwrap_or(root);
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let old = std::fs::symlink_metadata(&target).ok();
    let style = old
        .as_ref()
        .filter(|m| m.is_file())
        .and_then(|_| crate::input::read_bytes(&target, crate::input::MAX_INPUT_BYTES).ok())
        .map(|bytes| LineStyle::of(&bytes))
        .unwrap_or_default();
    let mut builder = tempfile::Builder::new();
    builder.prefix(".stepdoc-sync-");
    #[cfg(unix)]
    {
        // Created as an editor would create the file: the umask applies.
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder
        .tempfile_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    if let Some(old) = old.filter(std::fs::Metadata::is_file) {
        file.as_file()
            .set_permissions(old.permissions())
            .with_context(|| format!("cannot write {}", target.display()))?;
    }
    std::io::Write::write_all(&mut file, &style.apply(text))
        .and_then(|()| file.as_file().sync_all())
        .with_context(|| format!("cannot write {}", target.display()))?;
    file.persist(&target)
        .with_context(|| format!("cannot replace {}", target.display()))?;
    Ok(())
}

/// How a file ends its lines and whether it starts with a byte-order mark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct LineStyle {
    bom: bool,
    crlf: bool,
}

impl LineStyle {
    /// The style of a file's bytes: CRLF when its first line ends so.
    fn of(bytes: &[u8]) -> Self {
        let bom = bytes.starts_with(b"\xEF\xBB\xBF");
        let crlf = memchr::memchr(b'\n', bytes).is_some_and(|i| i > 0 && bytes[i - 1] == b'\r');
        Self { bom, crlf }
    }

    /// `text` (LF line endings, no BOM) as bytes of this style.
    fn apply(self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() + 3);
        if self.bom {
            out.extend_from_slice(b"\xEF\xBB\xBF");
        }
        if self.crlf {
            out.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
        } else {
            out.extend_from_slice(text.as_bytes());
        }
        out
    }
}

/// The translations of one guide: each key's canonical FTL text, and the stale ones with the
/// source text they were made from.
struct Translated<'a> {
    patterns: &'a HashMap<MessageKey, String>,
    stale: &'a BTreeMap<MessageKey, String>,
}

/// Record every translated message of `guide`: new translations and edited ones take the
/// current source; untouched translations of a changed source keep their record (stale), and a
/// translation without a record that the repository history shows stale is recorded with the
/// source it was made from, so that it stays stale until it is edited.
fn update_lock(
    lock: &mut Lock,
    guide: &str,
    entries: &[Entry<'_>],
    translated: &Translated<'_>,
    recordable: impl Fn(&MessageKey) -> bool,
) {
    let patterns = translated.patterns;
    lock.retain_guide(guide, |message| {
        entries
            .iter()
            .any(|e| e.key.to_string() == message && patterns.contains_key(&e.key))
    });
    for entry in entries {
        let Some(translation) = patterns.get(&entry.key) else {
            continue;
        };
        if !recordable(&entry.key) {
            continue;
        }
        let basis = translated
            .stale
            .get(&entry.key)
            .map_or(entry.text.as_str(), String::as_str);
        let fresh = consistency::record(guide, &entry.key, basis, translation);
        match lock.get(guide, &entry.key) {
            Some(old) if old.translation == fresh.translation => {}
            _ => lock.insert(fresh),
        }
    }
}
