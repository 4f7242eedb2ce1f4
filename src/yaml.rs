//! Strict YAML deserialization (serde-saphyr) with errors turned into located diagnostics.

use std::borrow::Cow;
use std::path::Path;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde_saphyr::Spanned;

use serde::de::DeserializeOwned;

use crate::diagnostics::{Diagnostic, Kind, Location};

/// Largest YAML file accepted, in bytes. Guides are a few kilobytes; this bounds memory on
/// hostile input.
pub const MAX_YAML_BYTES: usize = 4 * 1024 * 1024;

/// Parse `source` (the contents of `path`, relative to the site root) into `T`.
pub fn parse<T: DeserializeOwned>(path: &Path, source: &str) -> Result<T, Diagnostic> {
    if source.len() > MAX_YAML_BYTES {
        return Err(Diagnostic::error(
            Kind::FileTooLarge,
            Location::file(path),
            format!(
                "file is {} bytes, over the limit of {MAX_YAML_BYTES} bytes",
                source.len()
            ),
        )
        .with_help("split the guide into smaller guides"));
    }
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: 64,
            max_aliases: 1_000,
            max_anchors: 1_000,
        },
    };
    serde_saphyr::from_str_with_options::<T>(source, options).map_err(|err| {
        let location = err.location().map_or_else(
            || Location::file(path),
            |l| {
                Location::new(
                    path,
                    u32::try_from(l.line()).unwrap_or(u32::MAX),
                    u32::try_from(l.column()).unwrap_or(u32::MAX),
                )
            },
        );
        let raw = err.without_snippet().to_string();
        let message = strip_position_suffix(&raw);
        let (kind, help) = classify(message);
        let mut diagnostic = Diagnostic::error(kind, location, message);
        if let Some(help) = help {
            diagnostic = match suggestion(message) {
                Some(near) => diagnostic.with_help(format!("did you mean `{near}`? {help}")),
                None => diagnostic.with_help(help),
            };
        }
        diagnostic
    })
}

/// serde-saphyr appends " at line L, column C"; the location is reported separately.
fn strip_position_suffix(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(", column ") => &message[..i],
        _ => message,
    }
}

/// For "unknown field `x`, expected one of a, b, c": the expected name closest to `x`.
fn suggestion(message: &str) -> Option<&str> {
    if !(message.starts_with("unknown field") || message.starts_with("unknown variant")) {
        return None;
    }
    let name = message.split('`').nth(1)?;
    let (_, expected) = message.split_once("expected")?;
    let names = expected
        .split([',', ' ', '`'])
        .filter(|w| !w.is_empty() && !matches!(*w, "one" | "of" | "or"));
    crate::diagnostics::did_you_mean(name, names)
}

fn classify(message: &str) -> (Kind, Option<&'static str>) {
    if message.starts_with("unknown field") {
        (
            Kind::UnknownField,
            Some("remove the field or correct its spelling; `stepdoc schema` lists every field"),
        )
    } else if message.starts_with("unknown variant") {
        (
            Kind::UnknownField,
            Some("use one of the listed block kinds; see docs/guide-format.md"),
        )
    } else if message.starts_with("missing field") {
        (
            Kind::MissingField,
            Some("add the field; it is required here"),
        )
    } else if message.starts_with("duplicate mapping key") {
        (
            Kind::DuplicateKey,
            Some("each key may appear once in a mapping; remove one of them"),
        )
    } else if message.starts_with("invalid") || message.starts_with("expected") {
        (
            Kind::WrongType,
            Some("check the value's type against `stepdoc schema`"),
        )
    } else {
        (
            Kind::YamlSyntax,
            Some("fix the YAML syntax at this position"),
        )
    }
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
        let err = parse::<Doc>(Path::new("g.yaml"), "title: a\ntitel: b\n").expect_err("must fail");
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
        assert_eq!(err.location.path, Path::new("g.yaml"));
    }

    #[test]
    fn deep_nesting_is_refused() {
        let deep = format!("k: {}x{}\n", "[".repeat(10_000), "]".repeat(10_000));
        let err = parse::<serde_json::Value>(Path::new("g.yaml"), &deep).expect_err("must fail");
        assert_eq!(err.location.line, 1);
    }

    #[test]
    fn bom_is_ignored() {
        let doc = parse::<Doc>(Path::new("g.yaml"), "\u{feff}title: a\n").expect("parses");
        assert_eq!(doc.title, "a");
    }
}
