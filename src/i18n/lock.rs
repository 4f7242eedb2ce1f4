//! The translation lock of a locale, `locales/<lang>/translations.lock`: for every translated
//! message, the source text it was translated from and a hash of the translation. Written only
//! by `stepdoc i18n sync`; read by `build` and `check` to find stale translations without any
//! bookkeeping by translators. One JSON object per line, sorted, so it merges cleanly in git.
//! The records are serde_json; the hash is FNV-1a written out, because the lock needs a value that
//! stays the same on every platform, Rust version and crate upgrade, which std's hashers do not
//! promise.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization as _;

use crate::content::catalog::MessageKey;
use crate::diagnostics::{Checked, Diagnostic, Diagnostics, Kind, Location};
use crate::layout::{LOCALES_DIR, LOCK_FILE};

/// One recorded translation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub guide: String,
    /// `id` or `id.attr`.
    pub message: String,
    /// Hash of the translation when it was recorded.
    pub translation: String,
    /// The source text the translation was made from.
    pub source: String,
}

/// One recorded localized screenshot: which source-language screenshot it was made from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImageRecord {
    pub guide: String,
    /// The screenshot's name as the guide writes it (`image:`).
    pub image: String,
    /// Hash of the localized file when it was recorded.
    pub localized: String,
    /// Hash of the source-language screenshot it was made from.
    pub source: String,
    /// That source screenshot's size in bytes and pixels, to say what changed.
    pub source_bytes: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_size: Option<(u32, u32)>,
}

/// The records of one locale, by guide, then message (looked up without building keys); the
/// screenshot records by guide, then image name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lock {
    records: BTreeMap<String, BTreeMap<String, Record>>,
    images: BTreeMap<String, BTreeMap<String, ImageRecord>>,
}

impl Lock {
    pub fn path(locale: &str) -> PathBuf {
        Path::new(LOCALES_DIR).join(locale).join(LOCK_FILE)
    }

    pub fn get(&self, guide: &str, key: &MessageKey) -> Option<&Record> {
        let messages = self.records.get(guide)?;
        match &key.attr {
            None => messages.get(key.id.as_str()),
            Some(_) => messages.get(key.to_string().as_str()),
        }
    }

    pub fn insert(&mut self, record: Record) {
        self.records
            .entry(record.guide.clone())
            .or_default()
            .insert(record.message.clone(), record);
    }

    pub fn image(&self, guide: &str, image: &str) -> Option<&ImageRecord> {
        self.images.get(guide)?.get(image)
    }

    /// Replace the screenshot records of `guide` with `records`.
    pub fn set_images(&mut self, guide: &str, records: Vec<ImageRecord>) {
        self.images.remove(guide);
        for record in records {
            self.images
                .entry(record.guide.clone())
                .or_default()
                .insert(record.image.clone(), record);
        }
    }

    /// How many screenshot records the lock holds.
    pub fn image_count(&self) -> usize {
        self.images.values().map(BTreeMap::len).sum()
    }

    /// How many records the lock holds.
    pub fn len(&self) -> usize {
        self.records.values().map(BTreeMap::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty() && self.images.is_empty()
    }

    /// Keep only the records of `guide` for which `keep(message)` holds (other guides' stay).
    pub fn retain_guide(&mut self, guide: &str, mut keep: impl FnMut(&str) -> bool) {
        if let Some(messages) = self.records.get_mut(guide) {
            messages.retain(|message, _| keep(message));
            if messages.is_empty() {
                self.records.remove(guide);
            }
        }
    }

    /// The file's text: a header comment, then one sorted record per line.
    pub fn to_text(&self) -> String {
        let mut out = String::from(
            "# stepdoc translation lock: the source text each translation was made from.\n# Written by `stepdoc i18n sync`; do not edit by hand.\n",
        );
        for record in self.records.values().flat_map(BTreeMap::values) {
            out.push_str(&serde_json::to_string(record).unwrap_or_default());
            out.push('\n');
        }
        for record in self.images.values().flat_map(BTreeMap::values) {
            out.push_str(&serde_json::to_string(record).unwrap_or_default());
            out.push('\n');
        }
        out
    }

    /// Parse the file's text; bad lines are reported and skipped.
    pub fn parse(path: &Path, text: &str) -> Checked<Self> {
        let mut lock = Self::default();
        let mut diagnostics = Diagnostics::new();
        for (i, line) in text.lines().enumerate() {
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            if trimmed.contains("\"image\":")
                && let Ok(record) = serde_json::from_str::<ImageRecord>(trimmed)
            {
                lock.images
                    .entry(record.guide.clone())
                    .or_default()
                    .insert(record.image.clone(), record);
                continue;
            }
            match serde_json::from_str::<Record>(trimmed) {
                Ok(mut record) => {
                    // Text a JSON escape spelled decomposed compares equal to the source's NFC.
                    if !unicode_normalization::is_nfc(&record.source) {
                        record.source = record.source.nfc().collect();
                    }
                    lock.insert(record);
                }
                Err(err) => diagnostics.push(
                    Diagnostic::warning(
                        Kind::LockInvalid,
                        Location::new(
                            path,
                            u32::try_from(i + 1).unwrap_or(u32::MAX),
                            u32::try_from(err.column()).unwrap_or(1),
                        ),
                        format!("unreadable lock entry: {err}"),
                    )
                    .with_help("resolve the merge conflict or restore the line from version control; until then the entry is ignored and `stepdoc i18n sync` does not rewrite this lock"),
                ),
            }
        }
        (lock, diagnostics)
    }

    /// Load the lock of `locale` in `root` (empty when there is none).
    pub fn load(root: &Path, locale: &str) -> Checked<Self> {
        let path = Self::path(locale);
        match crate::input::read_text_if_exists(root, &path) {
            Ok(Some(text)) => Self::parse(&path, &text),
            Ok(None) => (Self::default(), Diagnostics::new()),
            Err(d) => (Self::default(), d.into()),
        }
    }
}

/// Stable 64-bit FNV-1a hash, hex: the same on every platform and Rust version.
pub fn hash(text: &str) -> String {
    hash_bytes(text.as_bytes())
}

/// [`hash`] of any bytes (a screenshot's).
pub fn hash_bytes(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        h ^= u64::from(*byte);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_sorted() {
        let mut lock = Lock::default();
        for (guide, message) in [("b", "title"), ("a", "step-x.note"), ("a", "step-x")] {
            lock.insert(Record {
                guide: guide.into(),
                message: message.into(),
                translation: hash(message),
                source: format!("Source \"{message}\"\nline two"),
            });
        }
        let text = lock.to_text();
        let lines: Vec<&str> = text.lines().skip(2).collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].contains("\"step-x\""), "{text}");
        assert!(lines[2].contains("\"b\""), "{text}");
        let (parsed, errors) = Lock::parse(Path::new("l"), &text);
        assert!(errors.is_empty());
        assert_eq!(parsed, lock);
    }

    #[test]
    fn hash_is_stable() {
        assert_eq!(hash(""), "cbf29ce484222325");
        assert_eq!(hash("a"), "af63dc4c8601ec8c");
    }

    #[test]
    fn merge_conflict_markers_are_reported_not_fatal() {
        let (lock, errors) = Lock::parse(
            Path::new("l"),
            "<<<<<<< HEAD\n{\"guide\":\"g\",\"message\":\"m\",\"translation\":\"1\",\"source\":\"s\"}\n",
        );
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].location.line, 1);
        assert_eq!(lock.len(), 1);
    }
}
