//! Reading input files: every file of a site (guides, translations, terms, the lock, the
//! configuration, theme files) is read and decoded here, in one way — a complete read with a size
//! bound, UTF-8 validated, a BOM dropped, CRLF turned into LF and the text normalized to Unicode
//! NFC — so that every stage and every caret in a report sees the same text.

use std::io::Read as _;
use std::path::Path;

use crate::diagnostics::{Diagnostic, Kind, Location};

/// Largest input file read, in bytes. The parsers have their own, lower limits and name them;
/// this bound only keeps a huge or endless file (a device, a FIFO) from being read whole.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// The decoded text of `root/rel`; a read or decoding problem is a located diagnostic.
pub fn read_text(root: &Path, rel: &Path) -> Result<String, Diagnostic> {
    let text = read_text_unchecked(root, rel)?;
    check_controls(rel, &text)?;
    Ok(text)
}

/// [`read_text`], with `None` when the file does not exist.
pub fn read_text_if_exists(root: &Path, rel: &Path) -> Result<Option<String>, Diagnostic> {
    match read_site_file(root, rel, MAX_INPUT_BYTES) {
        Ok(bytes) => {
            let text = decode(rel, &bytes)?;
            check_controls(rel, &text)?;
            Ok(Some(text))
        }
        Err(Refusal::Io(err)) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(refusal) => Err(refusal.diagnostic(rel)),
    }
}

/// The decoded text without the control character check (for the carets of a report, which
/// must show the line a control character is on).
fn read_text_unchecked(root: &Path, rel: &Path) -> Result<String, Diagnostic> {
    let bytes = read_site_file(root, rel, MAX_INPUT_BYTES).map_err(|r| r.diagnostic(rel))?;
    decode(rel, &bytes)
}

/// A reader of the site's sources for [`crate::diagnostics::render_human`]'s carets.
pub fn source_reader(root: &Path) -> impl Fn(&Path) -> Option<String> + '_ {
    move |rel| read_text_unchecked(root, rel).ok()
}

/// Why a file of the site was not read.
#[derive(Debug)]
pub enum Refusal {
    /// A symlink on the way (the file itself or a directory above it) leads outside the site.
    Outside,
    /// Not a regular file (a FIFO, a device, a directory, a socket).
    NotAFile,
    /// The operating system's reason (not found, permission, too large, …).
    Io(std::io::Error),
}

impl Refusal {
    /// The located diagnostic for the file `rel`; it names nothing of a symlink's target.
    pub fn diagnostic(self, rel: &Path) -> Diagnostic {
        match self {
            Refusal::Outside => Diagnostic::error(
                Kind::OutsideSite,
                Location::file(rel),
                "this path is a symbolic link (or lies below one) that leads outside the site; it is not read",
            )
            .with_help("replace the link with the file itself, or point it at a file inside the site"),
            Refusal::NotAFile => Diagnostic::error(
                Kind::NotAFile,
                Location::file(rel),
                "this path is not a regular file (a FIFO, a device or a directory); it is not read",
            )
            .with_help("replace it with a regular file"),
            Refusal::Io(err) if err.kind() == std::io::ErrorKind::FileTooLarge => {
                Diagnostic::error(
                    Kind::FileTooLarge,
                    Location::file(rel),
                    format!("the file is larger than {MAX_INPUT_BYTES} bytes; it is not read"),
                )
                .with_help("split the file, or check that it is the file you meant")
            }
            Refusal::Io(err) => io_error(rel, &err),
        }
    }
}

impl From<std::io::Error> for Refusal {
    fn from(err: std::io::Error) -> Self {
        Refusal::Io(err)
    }
}

fn io_error(rel: &Path, err: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        Kind::Io,
        Location::file(rel),
        format!("cannot read file: {err}"),
    )
    .with_help("check that the file exists and is readable")
}

/// The bytes of the site's file `root/rel` (`rel` a plain relative path), at most `limit`:
/// only a regular file inside the site is read. A symlink — the file itself or a directory on
/// the way — is followed only when it resolves inside `root`; a FIFO or a device is refused
/// without waiting on it; the read stops at `limit + 1` bytes.
pub fn read_site_file(root: &Path, rel: &Path, limit: u64) -> Result<Vec<u8>, Refusal> {
    let path = resolve_inside(root, rel)?;
    read_bytes(&path, limit).map_err(|err| {
        if err.kind() == std::io::ErrorKind::InvalidInput {
            Refusal::NotAFile
        } else {
            Refusal::Io(err)
        }
    })
}

/// `root/rel`, or its resolution when a component of `rel` is a symlink that resolves inside
/// `root`; [`Refusal::Outside`] when one leads out (or `rel` is not a plain relative path).
pub fn resolve_inside(root: &Path, rel: &Path) -> Result<std::path::PathBuf, Refusal> {
    use std::path::Component;
    if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return Err(Refusal::Outside);
    }
    let mut path = root.to_path_buf();
    let mut linked = false;
    for part in rel.components() {
        path.push(part);
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                linked = true;
                break;
            }
            Ok(_) => {}
            // Not found and the like: the read names the reason.
            Err(_) => return Ok(root.join(rel)),
        }
    }
    if !linked {
        return Ok(path);
    }
    let real_root = std::fs::canonicalize(root)?;
    let real = std::fs::canonicalize(root.join(rel))?;
    if real.starts_with(&real_root) {
        Ok(real)
    } else {
        Err(Refusal::Outside)
    }
}

/// The bytes of the file at `path`, read to its end (a short read is not taken for the end:
/// network and FUSE file systems return them), at most `limit` bytes: a longer file is an
/// error of kind `FileTooLarge`. Only a regular file is read: anything else (a FIFO, a device,
/// a directory) is an `InvalidInput` error, found without blocking on it; on Unix the last
/// component is not followed if it is a symlink (it was checked before).
pub fn read_bytes(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    let file = open_regular(path)?;
    let size = file.metadata().map_or(0, |m| m.len());
    let mut bytes = Vec::with_capacity(usize::try_from(size.min(limit)).unwrap_or(0) + 1);
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!("the file is larger than {limit} bytes"),
        ));
    }
    Ok(bytes)
}

/// Open `path` for reading if it is a regular file. On Unix, without blocking (a FIFO with no
/// writer would wait forever) and without following a final symlink; the type is checked on
/// the opened file, so a file swapped after a check is not read either.
pub fn open_regular(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    #[cfg(not(unix))]
    if !std::fs::symlink_metadata(path)?.is_file() {
        return Err(not_a_file());
    }
    let file = options.open(path).map_err(|err| {
        // O_NOFOLLOW on a symlink: ELOOP.
        #[cfg(unix)]
        if err.raw_os_error() == Some(libc::ELOOP) {
            return not_a_file();
        }
        err
    })?;
    if !file.metadata()?.is_file() {
        return Err(not_a_file());
    }
    Ok(file)
}

fn not_a_file() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a regular file")
}

/// The first bidirectional control character, NUL or other control character (tab and line
/// feed are fine) of `text`, as a located error.
pub fn check_controls(rel: &Path, text: &str) -> Result<(), Diagnostic> {
    let Some((offset, c)) = first_control(text) else {
        return Ok(());
    };
    let code = format!("U+{:04X}", u32::from(c));
    let (kind, message, help) = if is_bidi_control(c) {
        (
            Kind::BidiControl,
            format!(
                "a bidirectional control character ({code}) is in the text: it can make the text read differently from what is published"
            ),
            "remove it; write right-to-left text without embedding controls",
        )
    } else {
        (
            Kind::ControlCharacter,
            format!("a control character ({code}) is in the text"),
            "remove it (only tabs and line breaks are allowed)",
        )
    };
    Err(Diagnostic::error(kind, Location::at_offset(rel, text, offset), message).with_help(help))
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The byte offset and character of the first control character that [`check_controls`]
/// refuses: a byte scan (controls are below 0x20; bidi controls start with 0xE2).
fn first_control(text: &str) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(i) = bytes[at..]
        .iter()
        .position(|&b| (b < 0x20 && b != b'\t' && b != b'\n') || b == 0xE2)
    {
        let offset = at + i;
        let c = text[offset..].chars().next()?;
        if c < ' ' || is_bidi_control(c) {
            return Some((offset, c));
        }
        at = offset + 1;
    }
    None
}

/// Decode UTF-8 (dropping a BOM, normalizing CRLF to LF and text to Unicode NFC, so that
/// decomposed accents give the same output), or report the first bad byte's offset.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String, Diagnostic> {
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
                Kind::InvalidUtf8,
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

    fn decoded(text: &str) -> String {
        decode(Path::new("t.yaml"), text.as_bytes()).expect("valid UTF-8")
    }

    #[test]
    fn text_is_normalized_to_nfc() {
        // A decomposed "é" after an ASCII prefix, alone, after Latin-1 text and after an
        // ASCII-only line.
        assert_eq!(decoded("Cafe\u{301} ok"), "Caf\u{e9} ok");
        assert_eq!(decoded("\u{e9}te\u{301}"), "\u{e9}t\u{e9}");
        assert_eq!(decoded("e\u{301}"), "\u{e9}");
        // After a run of other characters that is itself NFC (a typographic apostrophe).
        assert_eq!(
            decoded("l\u{2019}e\u{301}te\u{301}"),
            "l\u{2019}\u{e9}t\u{e9}"
        );
        assert_eq!(
            decoded("title: x\nsummary: Ha\u{308}me"),
            "title: x\nsummary: H\u{e4}me"
        );
        // Already composed text and plain ASCII stay as they are.
        assert_eq!(decoded("H\u{e4}me"), "H\u{e4}me");
        assert_eq!(decoded("plain"), "plain");
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
            proptest::prop_assert_eq!(decoded(&text), text.nfc().collect::<String>());
        }
    }

    #[test]
    fn whole_files_are_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        for size in [0usize, 1, 4095, 4096, 4097, 100_000] {
            let path = dir.path().join(format!("f{size}"));
            let bytes: Vec<u8> = (0..size).map(|i| (i % 251) as u8).collect();
            std::fs::write(&path, &bytes).expect("written");
            assert_eq!(
                read_bytes(&path, MAX_INPUT_BYTES).expect("read"),
                bytes,
                "size {size}"
            );
        }
        assert!(read_bytes(&dir.path().join("missing"), MAX_INPUT_BYTES).is_err());
    }

    #[test]
    fn bom_and_crlf_are_removed() {
        assert_eq!(decoded("\u{feff}a: 1\r\nb: 2\r\n"), "a: 1\nb: 2\n");
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let err = decode(Path::new("t.yaml"), b"ab\xffc").expect_err("invalid");
        assert!(err.message.contains("offset 2"), "{}", err.message);
    }

    #[test]
    fn files_over_the_limit_are_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("big");
        std::fs::write(&path, [b'a'; 11]).expect("written");
        assert_eq!(read_bytes(&path, 11).expect("read").len(), 11);
        let err = read_bytes(&path, 10).expect_err("too large");
        assert_eq!(err.kind(), std::io::ErrorKind::FileTooLarge);
    }

    #[test]
    fn missing_files_are_none_and_unreadable_ones_located() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert_eq!(
            read_text_if_exists(dir.path(), Path::new("no.ftl")),
            Ok(None)
        );
        let err = read_text(dir.path(), Path::new("no.ftl")).expect_err("missing");
        assert_eq!(err.kind, "io");
        assert_eq!(err.location.path, Path::new("no.ftl"));
    }
}
