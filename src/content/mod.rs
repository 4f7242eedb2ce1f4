//! Guides: finding `content/<guide-id>/guide.yaml`, parsing it into the typed model, checking its
//! structure, and listing the messages it defines.

pub mod catalog;
pub mod dimensions;
pub mod images;
pub mod model;
pub mod validate;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use model::{Guide, Id};

pub const CONTENT_DIR: &str = "content";
pub const GUIDE_FILE: &str = "guide.yaml";

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
    let results: Vec<Result<LoadedGuide, Diagnostic>> = dirs
        .into_par_iter()
        .map(|(id, dir)| load_one(root, id, dir))
        .collect();
    let mut guides = Vec::new();
    for result in results {
        match result {
            Ok(guide) => guides.push(guide),
            Err(d) => diagnostics.push(d),
        }
    }
    guides
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
                    "io",
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
        if !Id::is_valid(&name) {
            diagnostics.push(
                Diagnostic::error(
                    "invalid-id",
                    Location::file(&rel),
                    format!("guide directory name `{name}` is not a valid guide id"),
                )
                .with_help("use lower-case letters, digits and single dashes, e.g. `acme-crm`"),
            );
            continue;
        }
        if !entry.path().join(GUIDE_FILE).is_file() {
            diagnostics.push(
                Diagnostic::error(
                    "missing-file",
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
pub fn load_one(root: &Path, id: String, dir: PathBuf) -> Result<LoadedGuide, Diagnostic> {
    load_one_from(root, id, dir, None)
}

/// [`load_one`], from the text of its `guide.yaml` when it was already read and decoded.
pub fn load_one_from(
    root: &Path,
    id: String,
    dir: PathBuf,
    text: Option<String>,
) -> Result<LoadedGuide, Diagnostic> {
    let (path, source, guide) = match text {
        Some(source) => {
            let path = dir.join(GUIDE_FILE);
            let guide = crate::yaml::parse::<Guide>(&path, &source).map_err(|d| *d)?;
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

/// The bytes of the file at `path`, read with one `read` call when its size is known (a
/// shorter read than asked for ends a regular file), instead of a second call to see the end.
pub fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let size = file.metadata().map_or(0, |m| m.len());
    let mut bytes = vec![
        0;
        usize::try_from(size)
            .unwrap_or(0)
            .saturating_add(1)
            .max(4096)
    ];
    let mut len = 0;
    loop {
        let n = match file.read(&mut bytes[len..]) {
            Ok(n) => n,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        len += n;
        if n == 0 || len < bytes.len() {
            break;
        }
        // The file grew since its size was read: read on.
        bytes.resize(bytes.len() * 2, 0);
    }
    bytes.truncate(len);
    Ok(bytes)
}

/// Read and parse `dir/guide.yaml` only (no screenshots listed): its path, text and model.
pub fn parse_one(root: &Path, dir: &Path) -> Result<(PathBuf, String, Guide), Diagnostic> {
    let path = dir.join(GUIDE_FILE);
    let bytes = read_file(&root.join(&path)).map_err(|err| {
        Diagnostic::error(
            "io",
            Location::file(&path),
            format!("cannot read file: {err}"),
        )
    })?;
    let source = decode_utf8(&path, &bytes)?;
    let guide = crate::yaml::parse::<Guide>(&path, &source).map_err(|d| *d)?;
    Ok((path, source, guide))
}

/// Decode UTF-8 (dropping a BOM, normalizing CRLF to LF and text to Unicode NFC, so that
/// decomposed accents give the same output), or report the first bad byte's offset.
pub fn decode_utf8(path: &Path, bytes: &[u8]) -> Result<String, Diagnostic> {
    use unicode_normalization::UnicodeNormalization;
    // A vectorized validation and a copy cost a fraction of the standard library's
    // validation on text with an accent every few words (Finnish, French).
    match simdutf8::compat::from_utf8(bytes) {
        Ok(valid) => {
            let valid = valid.strip_prefix('\u{feff}').unwrap_or(valid);
            let mut text = if memchr::memchr(b'\r', valid.as_bytes()).is_some() {
                valid.replace("\r\n", "\n")
            } else {
                valid.to_owned()
            };
            if !is_nfc_quick(&text) {
                text = text.nfc().collect();
            }
            Ok(text)
        }
        Err(err) => {
            let offset = err.valid_up_to();
            let valid = String::from_utf8_lossy(&bytes[..offset]).into_owned();
            Err(Diagnostic::error(
                "invalid-utf8",
                Location::at_offset(path, &valid, offset),
                format!("the file is not valid UTF-8 (bad byte at offset {offset})"),
            )
            .with_help("save the file as UTF-8"))
        }
    }
}

/// Whether `text` is certainly NFC by Unicode's quick check. Characters below U+0300 (ASCII,
/// Latin-1, Latin Extended: lead bytes below 0xCC) are always NFC and reset the check, so only
/// the runs of other characters are checked, each on its own.
fn is_nfc_quick(text: &str) -> bool {
    use unicode_normalization::IsNormalized;
    let mut rest = text;
    while let Some(start) = first_byte_at_least(rest.as_bytes(), 0xCC) {
        let run = &rest[start..];
        let len = run
            .char_indices()
            .find(|&(_, c)| c < '\u{300}')
            .map_or(run.len(), |(i, _)| i);
        if unicode_normalization::is_nfc_quick(run[..len].chars()) != IsNormalized::Yes {
            return false;
        }
        rest = &run[len..];
    }
    true
}

/// Index of the first byte of `bytes` that is at least `limit`: a maximum per 64-byte block
/// (which compiles to vector instructions), then a search inside the block that has one.
fn first_byte_at_least(bytes: &[u8], limit: u8) -> Option<usize> {
    const BLOCK: usize = 64;
    bytes
        .chunks(BLOCK)
        .position(|block| block.iter().fold(0, |max, &b| max.max(b)) >= limit)
        .and_then(|n| {
            let start = n * BLOCK;
            bytes[start..]
                .iter()
                .position(|&b| b >= limit)
                .map(|i| start + i)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_byte_at_least_finds_the_first() {
        let mut bytes = vec![b'a'; 200];
        assert_eq!(first_byte_at_least(&bytes, 0xCC), None);
        bytes[130] = 0xCD;
        bytes[190] = 0xFF;
        assert_eq!(first_byte_at_least(&bytes, 0xCC), Some(130));
        assert_eq!(first_byte_at_least(&bytes[131..], 0xCC), Some(59));
        assert_eq!(first_byte_at_least(&bytes[..64], 0xCC), None);
        assert_eq!(first_byte_at_least(&[], 0xCC), None);
    }

    fn decode(text: &str) -> String {
        decode_utf8(Path::new("t.yaml"), text.as_bytes()).expect("valid UTF-8")
    }

    #[test]
    fn text_is_normalized_to_nfc() {
        // A decomposed "é" after an ASCII prefix, alone, after Latin-1 text and after an
        // ASCII-only line.
        assert_eq!(decode("Cafe\u{301} ok"), "Caf\u{e9} ok");
        assert_eq!(decode("\u{e9}te\u{301}"), "\u{e9}t\u{e9}");
        assert_eq!(decode("e\u{301}"), "\u{e9}");
        // After a run of other characters that is itself NFC (a typographic apostrophe).
        assert_eq!(
            decode("l\u{2019}e\u{301}te\u{301}"),
            "l\u{2019}\u{e9}t\u{e9}"
        );
        assert_eq!(
            decode("title: x\nsummary: Ha\u{308}me"),
            "title: x\nsummary: H\u{e4}me"
        );
        // Already composed text and plain ASCII stay as they are.
        assert_eq!(decode("H\u{e4}me"), "H\u{e4}me");
        assert_eq!(decode("plain"), "plain");
    }

    proptest::proptest! {
        #[test]
        fn decoded_text_is_the_nfc_of_the_input(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", " ", "e", "\u{e9}", "\u{c5}", "\u{17e}", "\u{2b0}", "\u{301}", "\u{308}",
                "\u{327}", "\u{323}", "\u{1100}", "\u{1161}", "\u{11a8}", "\u{212b}",
                "\u{f900}", "\u{3000}", "\u{e000}", "\u{2019}", "\u{300}",
            ]), 0..16)
        ) {
            use unicode_normalization::UnicodeNormalization;
            let text = pieces.concat();
            proptest::prop_assert_eq!(decode(&text), text.nfc().collect::<String>());
        }
    }

    #[test]
    fn read_file_reads_whole_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        for size in [0usize, 1, 4095, 4096, 4097, 100_000] {
            let path = dir.path().join(format!("f{size}"));
            let bytes: Vec<u8> = (0..size).map(|i| (i % 251) as u8).collect();
            std::fs::write(&path, &bytes).expect("written");
            assert_eq!(read_file(&path).expect("read"), bytes, "size {size}");
        }
        assert!(read_file(&dir.path().join("missing")).is_err());
    }

    #[test]
    fn bom_and_crlf_are_removed() {
        assert_eq!(decode("\u{feff}a: 1\r\nb: 2\r\n"), "a: 1\nb: 2\n");
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let err = decode_utf8(Path::new("t.yaml"), b"ab\xffc").expect_err("invalid");
        assert!(err.message.contains("offset 2"), "{}", err.message);
    }
}
