//! What a YAML error says to a writer: serde-saphyr's error turned into a located finding in
//! stepdoc's words. The library's own wording (type names, option names, internal counters) never
//! reaches the user; the field the error is about is named where the text shows it, and errors
//! the parser finds late (a quote that was never closed) point back at their cause.

use std::path::Path;

use crate::diagnostics::{Diagnostic, Kind, Location};

/// The finding for `err`, a parse error of `source` (the text of `path`, BOM removed).
pub(super) fn diagnostic(path: &Path, source: &str, err: &serde_saphyr::Error) -> Diagnostic {
    let (line, column) = err
        .location()
        .map_or((0, 0), |l| (to_u32(l.line()), to_u32(l.column())));
    let raw = err.without_snippet().to_string();
    let raw = strip_position_suffix(&raw);
    let at = Position {
        source,
        line,
        column,
    };
    let said = reword(raw, &at);
    let location = match said.line {
        Some((line, column)) => Location::new(path, line, column),
        None if line == 0 => Location::file(path),
        None => Location::new(path, line, column),
    };
    let help = match said.suggestion {
        Some(near) => format!("did you mean `{near}`? {}", said.help),
        None => said.help,
    };
    Diagnostic::error(said.kind, location, said.message).with_help(help)
}

fn to_u32(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Where in the source the parser stopped (1-based; 0 when it did not say).
struct Position<'a> {
    source: &'a str,
    line: u32,
    column: u32,
}

impl Position<'_> {
    fn line_text(&self, line: u32) -> Option<&str> {
        let index = usize::try_from(line).ok()?.checked_sub(1)?;
        self.source.lines().nth(index)
    }

    /// The key the error is about: the key before the position on its line (`key: value`), or
    /// the key of the nearest less indented line above that ends in `key:` (a block value).
    fn key(&self) -> Option<String> {
        let text = self.line_text(self.line)?;
        let upto = text
            .char_indices()
            .nth(usize::try_from(self.column).ok()?.saturating_sub(1))
            .map_or(text.len(), |(i, _)| i);
        if let Some(key) = key_of(&text[..upto]) {
            return Some(key);
        }
        let own = indent(text);
        (1..self.line)
            .rev()
            .filter_map(|l| self.line_text(l))
            .filter(|t| !t.trim().is_empty() && !t.trim_start().starts_with('#'))
            .find(|t| indent(t) < own)
            .and_then(key_of)
    }
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// The key of a `key: value` line (or list item `- key: value`).
fn key_of(line: &str) -> Option<String> {
    let line = line.trim_start().trim_start_matches("- ").trim_start();
    let (key, _) = line.split_once(':')?;
    let key = key.trim().trim_matches(['"', '\'']);
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '$' | '.'));
    plain.then(|| key.to_owned())
}

/// A finding in stepdoc's words.
struct Said {
    kind: Kind,
    message: String,
    help: String,
    suggestion: Option<String>,
    /// Where the cause is, when it is not where the parser stopped.
    line: Option<(u32, u32)>,
}

impl Said {
    fn new(kind: Kind, message: impl Into<String>, help: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            help: help.into(),
            suggestion: None,
            line: None,
        }
    }
}

/// serde-saphyr appends " at line L, column C" (and more positions); they are reported apart.
fn strip_position_suffix(message: &str) -> &str {
    match message.find(" at line ") {
        Some(i) if message[i..].contains(", column ") => &message[..i],
        _ => message,
    }
}

fn reword(raw: &str, at: &Position<'_>) -> Said {
    let field = || at.key().map_or_else(String::new, |k| format!("`{k}` "));
    if raw.starts_with("unknown field") || raw.starts_with("unknown variant") {
        return unknown(raw);
    }
    if raw.starts_with("missing field") {
        return Said::new(
            Kind::MissingField,
            raw,
            "add the field; it is required here (`stepdoc schema` describes every field)",
        );
    }
    if let Some(rest) = raw.strip_prefix("duplicate mapping key: ") {
        return duplicate(rest, at);
    }
    if raw.starts_with("cannot deserialize null") {
        return Said::new(
            Kind::MissingField,
            format!("{}has no value", field()),
            "write the value after the colon, or remove the line if the field is optional",
        );
    }
    if raw.starts_with("tabs disallowed") {
        let mut said = Said::new(
            Kind::YamlSyntax,
            "a tab character indents this line; YAML indents with spaces only",
            "replace the tab with spaces",
        );
        let tab = at.line_text(at.line).and_then(|t| t.find('\t'));
        said.line = tab.map(|i| (at.line, to_u32(i as u64) + 1));
        return said;
    }
    if raw.starts_with("budget breached") || raw.starts_with("recursion limit") {
        return Said::new(
            Kind::YamlSyntax,
            "the file nests too deeply or repeats too much through aliases (`*name`) to be a guide",
            "write the values out instead of nesting or aliasing them; a guide needs neither",
        );
    }
    if raw.starts_with("unclosed quote")
        || raw.contains("after double-quoted scalar")
        || raw.contains("after single-quoted scalar")
    {
        return unclosed_quote(at);
    }
    if raw.starts_with("expected string scalar") || raw.starts_with("invalid type") {
        let found = raw
            .strip_prefix("invalid type: ")
            .and_then(|r| r.split_once(", expected"))
            .map_or("a list or a mapping", |(found, _)| found);
        return Said::new(
            Kind::WrongType,
            format!("{}expects a text here, not {found}", field()),
            "write the value as text (quote it if it starts with a special character); `stepdoc schema` gives every field's type",
        );
    }
    if raw.starts_with("invalid") || raw.starts_with("expected") {
        return Said::new(
            Kind::WrongType,
            format!("{}has a value of the wrong type ({})", field(), plain(raw)),
            "check the value's type against `stepdoc schema`",
        );
    }
    Said::new(
        Kind::YamlSyntax,
        format!("YAML syntax error: {}", plain(raw)),
        "fix the YAML syntax at this position (an indentation or a missing quote is the usual cause)",
    )
}

/// The library's sentence without its advice to programmers, cut at a word if very long.
fn plain(raw: &str) -> String {
    let sentence = raw.split("; ").next().unwrap_or(raw);
    let sentence = sentence.split(", set ").next().unwrap_or(sentence);
    if sentence.chars().count() <= 160 {
        return sentence.to_owned();
    }
    let cut: String = sentence.chars().take(160).collect();
    match cut.rfind(' ') {
        Some(i) => format!("{}…", &cut[..i]),
        None => format!("{cut}…"),
    }
}

fn unknown(raw: &str) -> Said {
    let variant = raw.starts_with("unknown variant");
    let mut said = Said::new(
        Kind::UnknownField,
        raw,
        if variant {
            "use one of the listed kinds; see docs/guide-format.md"
        } else {
            "remove the field or correct its spelling; `stepdoc schema` lists every field"
        },
    );
    said.suggestion = suggestion(raw);
    said
}

/// For "unknown field `x`, expected one of a, b, c": the expected name closest to `x`.
fn suggestion(message: &str) -> Option<String> {
    let name = message.split('`').nth(1)?;
    let (_, expected) = message.split_once("expected")?;
    let names = expected
        .split([',', ' ', '`'])
        .filter(|w| !w.is_empty() && !matches!(*w, "one" | "of" | "or"));
    crate::diagnostics::did_you_mean(name, names).map(str::to_owned)
}

/// "duplicate mapping key: title, set …": the key, with the line that set it first.
fn duplicate(rest: &str, at: &Position<'_>) -> Said {
    let key = rest.split(", set ").next().unwrap_or(rest).trim();
    let first = at.line_text(at.line).and_then(|text| {
        let own = indent(text);
        (1..at.line).rev().find_map(|l| {
            let t = at.line_text(l)?;
            if t.trim().is_empty() || t.trim_start().starts_with('#') {
                return None;
            }
            (indent(t) == own && key_of(t).as_deref() == Some(key)).then_some(l)
        })
    });
    let message = match first {
        Some(l) => format!("`{key}` appears twice in this mapping (first on line {l})"),
        None => format!("`{key}` appears twice in this mapping"),
    };
    Said::new(
        Kind::DuplicateKey,
        message,
        "each key may appear once in a mapping: keep one of them",
    )
}

/// A quote that is not closed: the parser stops where the quoted text runs into something
/// that cannot follow it, often lines later; the cause is the last line before that point that
/// opens a quoted value and does not close it.
fn unclosed_quote(at: &Position<'_>) -> Said {
    let opened = (1..=at.line).rev().find_map(|l| {
        let text = at.line_text(l)?;
        if text.trim_start().starts_with('#') {
            return None;
        }
        let (_, value) = text.split_once(": ")?;
        let value = value.trim();
        let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
        let closed = value.len() > 1 && value.ends_with(quote);
        let column = text.find(value).map_or(1, |i| to_u32(i as u64) + 1);
        (!closed).then_some((l, column, quote))
    });
    let mut said = Said::new(
        Kind::YamlSyntax,
        "a quoted value is not closed",
        "add the closing quote at the end of the value (or remove the opening one)",
    );
    if let Some((line, column, quote)) = opened {
        said.message = format!("the value opened with {quote} here is not closed on its line");
        said.line = Some((line, column));
    }
    said
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(source: &str) -> Diagnostic {
        let err = serde_saphyr::from_str::<serde_json::Value>(source).expect_err("must fail");
        diagnostic(Path::new("g.yaml"), source, &err)
    }

    #[test]
    fn library_wording_is_replaced() {
        let tab = said("a:\n\t- x\n");
        assert!(tab.message.contains("tab"), "{}", tab.message);
        let quote = said("a: \"abc\nb: 1\nc: \"x\"\n");
        assert_eq!(quote.location.line, 1, "{}", quote.message);
        assert!(quote.message.contains("not closed"), "{}", quote.message);
    }

    #[test]
    fn keys_are_found_on_the_line_or_above() {
        let at = Position {
            source: "a:\n  b: [x]\nc:\n  - 1\n",
            line: 2,
            column: 6,
        };
        assert_eq!(at.key().as_deref(), Some("b"));
        let at = Position {
            line: 4,
            column: 5,
            ..at
        };
        assert_eq!(at.key().as_deref(), Some("c"));
    }
}
