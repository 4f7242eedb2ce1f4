//! Strict YAML deserialization (serde-saphyr) with errors turned into located diagnostics.

use std::borrow::Cow;
use std::path::Path;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde_saphyr::Spanned;

use serde::de::DeserializeOwned;

use crate::diagnostics::{Diagnostic, Diagnostics, Kind, Location};

mod message;

/// Largest YAML file accepted, in bytes. Guides are a few kilobytes; this bounds memory on
/// hostile input.
pub const MAX_YAML_BYTES: usize = 4 * 1024 * 1024;

/// How many errors of one file are reported at most: after an unknown or repeated key the
/// entry is set aside and the file parsed again, so that all of them are found in one run.
const MAX_ERRORS_PER_FILE: usize = 32;

/// Parse `source` (the contents of `path`, relative to the site root) into `T`. Every unknown
/// and repeated key of the file is reported, then the first other error.
pub fn parse<T: DeserializeOwned>(path: &Path, source: &str) -> Result<T, Diagnostics> {
    if source.len() > MAX_YAML_BYTES {
        return Err(Diagnostic::error(
            Kind::FileTooLarge,
            Location::file(path),
            format!(
                "file is {} bytes, over the limit of {MAX_YAML_BYTES} bytes",
                source.len()
            ),
        )
        .with_help("split the guide into smaller guides")
        .into());
    }
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut work = Cow::Borrowed(source);
    let mut found = Diagnostics::new();
    while found.len() < MAX_ERRORS_PER_FILE {
        let err = match parse_once::<T>(&work) {
            Ok(value) if found.is_empty() => return Ok(value),
            Ok(_) => break,
            Err(err) => err,
        };
        let diagnostic = message::diagnostic(path, source, &err);
        let again = matches!(diagnostic.kind, Kind::UnknownField | Kind::DuplicateKey)
            && !diagnostic.message.starts_with("unknown variant")
            && !found.iter().any(|d| d.location == diagnostic.location);
        let (line, column) = (diagnostic.location.line, diagnostic.location.column);
        if diagnostic.kind == Kind::MissingField && is_misspelled(&found, &diagnostic.message) {
            // The field is there, misspelled: that finding already says so.
            break;
        }
        found.push(diagnostic);
        match again.then(|| set_aside(&work, line, column)).flatten() {
            Some(next) => work = Cow::Owned(next),
            None => break,
        }
    }
    Err(found)
}

fn parse_once<T: DeserializeOwned>(source: &str) -> Result<T, serde_saphyr::Error> {
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: 64,
            max_aliases: 1_000,
            max_anchors: 1_000,
        },
    };
    serde_saphyr::from_str_with_options::<T>(source, options)
}

/// `source` with the mapping entry whose key starts at `line`:`column` blanked out (the key's
/// line and the more indented lines of its value; the line count is kept so that locations stay
/// right), or `None` when the key does not start its line (a list item's first key, a flow
/// mapping), where blanking would change the structure around it.
fn set_aside(source: &str, line: u32, column: u32) -> Option<String> {
    let index = usize::try_from(line).ok()?.checked_sub(1)?;
    let indent = usize::try_from(column).ok()?.checked_sub(1)?;
    let lines: Vec<&str> = source.split_inclusive('\n').collect();
    let key_line = lines.get(index)?;
    if indent_of(key_line) != indent || key_line.trim_start().starts_with(['-', '{', '[']) {
        return None;
    }
    let mut out = String::with_capacity(source.len());
    let mut in_value = false;
    for (i, text) in lines.iter().enumerate() {
        let blank = text.trim().is_empty();
        in_value = i == index || (in_value && (blank || indent_of(text) > indent));
        if !in_value {
            out.push_str(text);
        } else if text.ends_with('\n') {
            out.push('\n');
        }
    }
    Some(out)
}

/// Whether the field a "missing field `x`" message names was suggested for an unknown one.
fn is_misspelled(found: &Diagnostics, message: &str) -> bool {
    let Some(name) = message.split('`').nth(1) else {
        return false;
    };
    let suggested = format!("did you mean `{name}`?");
    found
        .iter()
        .any(|d| d.help.as_deref().is_some_and(|h| h.contains(&suggested)))
}

/// The number of leading spaces of `line`.
fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// A string with the place in the YAML file it came from.
#[derive(Clone, Debug, Deserialize)]
#[serde(transparent)]
pub struct Text(pub Spanned<String>);

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0.value
    }

    /// 1-based line and column of the scalar in its file.
    pub fn line_col(&self) -> (u32, u32) {
        let loc = self.0.referenced;
        (
            u32::try_from(loc.line()).unwrap_or(u32::MAX),
            u32::try_from(loc.column()).unwrap_or(u32::MAX),
        )
    }

    /// Byte offset of the scalar in its file, when known.
    pub fn byte_offset(&self) -> Option<usize> {
        self.0
            .referenced
            .span()
            .byte_offset()
            .and_then(|o| usize::try_from(o).ok())
    }

    pub fn location(&self, path: &std::path::Path) -> Location {
        let (line, column) = self.line_col();
        Location::new(path, line, column)
    }
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "Fluent pattern with inline Markdown: terms { -name }, variables { $name }."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        title: String,
    }

    #[test]
    fn unknown_field_is_located_and_classified() {
        let errs =
            parse::<Doc>(Path::new("g.yaml"), "title: a\ntitel: b\n").expect_err("must fail");
        let err = &errs[0];
        assert_eq!(err.kind, "unknown-field");
        assert_eq!((err.location.line, err.location.column), (2, 1));
        assert!(err.message.contains("titel"), "{}", err.message);
        assert!(!err.message.contains(" at line "), "{}", err.message);
    }

    #[test]
    fn alias_bombs_hit_the_budget() {
        let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            let refs = vec![format!("*a{p}"); 10].join(", ");
            bomb.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        let started = std::time::Instant::now();
        let err = parse::<serde_json::Value>(Path::new("g.yaml"), &bomb).expect_err("must fail");
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        assert_eq!(err[0].location.path, Path::new("g.yaml"));
        assert!(!err[0].message.contains("Nodes"), "{}", err[0].message);
    }

    #[test]
    fn deep_nesting_is_refused() {
        let deep = format!("k: {}x{}\n", "[".repeat(10_000), "]".repeat(10_000));
        let err = parse::<serde_json::Value>(Path::new("g.yaml"), &deep).expect_err("must fail");
        assert_eq!(err[0].location.line, 1);
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Wide {
        title: String,
        summary: Option<String>,
        items: Vec<Doc>,
    }

    #[test]
    fn every_unknown_key_of_a_file_is_reported_once() {
        let source = "titel: a\nsumary: b\nitems:\n  - title: x\nextra:\n  nested: 1\n  more: [1, 2]\ntitle: c\n";
        let errs = parse::<Wide>(Path::new("g.yaml"), source).expect_err("must fail");
        let lines: Vec<(String, u32)> = errs
            .iter()
            .map(|d| (d.kind.to_string(), d.location.line))
            .collect();
        assert_eq!(
            lines,
            [
                ("unknown-field".to_owned(), 1),
                ("unknown-field".to_owned(), 2),
                ("unknown-field".to_owned(), 5)
            ],
            "{errs:?}"
        );
        // A misspelled required field is not also reported missing.
        let errs = parse::<Wide>(Path::new("g.yaml"), "titel: a\nitems: []\n").expect_err("fails");
        assert_eq!(errs.len(), 1, "{errs:?}");
    }

    #[test]
    fn set_aside_blanks_the_entry_and_keeps_lines() {
        let source = "a: 1\nb:\n  c: 2\n\n  d: 3\ne: 4\n";
        assert_eq!(
            set_aside(source, 2, 1).as_deref(),
            Some("a: 1\n\n\n\n\ne: 4\n")
        );
        assert_eq!(set_aside("- a: 1\n", 1, 3), None);
    }

    #[test]
    fn bom_is_ignored() {
        let doc = parse::<Doc>(Path::new("g.yaml"), "\u{feff}title: a\n").expect("parses");
        assert_eq!(doc.title, "a");
    }
}
