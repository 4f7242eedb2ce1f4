//! Printing findings in the formats the CLI offers.

use std::path::Path;

use serde_json::json;

use crate::cli::Format;
use crate::diagnostics::{self, Diagnostics, Policy, Severity, display_path};

/// The findings as the publishing gate sees them: the site's policy with the command line's
/// `--policy` settings over it (checked when the arguments were read). Returns the findings kept
/// and how many the policy leaves out.
pub(super) fn gate(
    mut policy: Policy,
    overrides: &[String],
    diagnostics: Diagnostics,
) -> (Diagnostics, usize) {
    for arg in overrides {
        // Checked by the argument parser; a failure here cannot happen.
        let _ = policy.set_from_arg(arg);
    }
    let (mut kept, ignored) = policy.apply(diagnostics);
    // Raised to errors by the policy: errors lead again.
    kept.sort();
    (kept, ignored)
}

/// ", {ignored} left out by the policy" when there are any.
pub(super) fn ignored_note(ignored: usize) -> String {
    if ignored == 0 {
        String::new()
    } else {
        format!(", {ignored} left out by the policy")
    }
}

/// Print `diagnostics` to stderr (human) or stdout (json, github).
pub(super) fn print(diagnostics: &Diagnostics, root: &Path, format: Format, strict: bool) {
    match format {
        Format::Human => {
            if !diagnostics.is_empty() {
                if let Some(note) = root_note(root) {
                    eprintln!("{note}");
                }
                eprint!(
                    "{}",
                    diagnostics::render_human(
                        diagnostics,
                        diagnostics::use_color(),
                        crate::input::source_reader(root)
                    )
                );
            }
        }
        Format::Json => println!("{}", to_json(diagnostics, strict)),
        Format::Github => print!("{}", to_github(diagnostics, strict)),
        Format::Sarif => println!("{}", to_sarif(diagnostics, strict)),
    }
}

/// With `--root DIR`, the human report first names the site directory its paths are relative to.
fn root_note(root: &Path) -> Option<String> {
    if root.as_os_str().is_empty() || root == Path::new(".") {
        return None;
    }
    Some(format!(
        "in the site at {}/ (the paths below are relative to it):\n",
        display_path(root).trim_end_matches('/')
    ))
}

/// The JSON report: `{ "findings": [...], "summary": {...} }`.
pub(super) fn to_json(diagnostics: &Diagnostics, strict: bool) -> String {
    let findings: Vec<_> = diagnostics
        .iter()
        .map(|d| {
            let mut finding = json!({
                "kind": d.kind,
                "severity": effective(d.severity, strict),
                "locale": d.locale,
                "guide": d.guide,
                "message_id": d.message_id,
                "file": display_path(&d.location.path),
                "line": d.location.line,
                "column": d.location.column,
                "field": d.field,
                "message": d.message,
                "help": d.help,
                "old_source": d.old_source,
                "new_source": d.new_source,
            });
            if let Some(image) = &d.image {
                finding["image"] = json!(image);
            }
            finding
        })
        .collect();
    let report = json!({
        "findings": findings,
        "summary": {
            "errors": diagnostics.error_count(),
            "warnings": diagnostics.warning_count(),
            "strict": strict,
        }
    });
    serde_json::to_string_pretty(&report).unwrap_or_default()
}

fn effective(severity: Severity, strict: bool) -> &'static str {
    match (severity, strict) {
        (Severity::Error, _) | (Severity::Warning, true) => "error",
        (Severity::Warning, false) => "warning",
    }
}

/// GitHub Actions annotations, one line per finding.
pub(super) fn to_github(diagnostics: &Diagnostics, strict: bool) -> String {
    let mut out = String::new();
    for d in diagnostics.iter() {
        let level = effective(d.severity, strict);
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str(" — ");
            message.push_str(help);
        }
        out.push_str(&format!(
            "::{level} file={},line={},col={},title={}::{}\n",
            escape_property(&display_path(&d.location.path)),
            d.location.line.max(1),
            d.location.column.max(1),
            escape_property(d.kind.as_str()),
            escape_data(&message),
        ));
    }
    out
}

/// The findings as a SARIF 2.1.0 log (what code scanning tools read): one rule per kind of
/// finding, one result per finding, paths relative to the site root.
pub(super) fn to_sarif(diagnostics: &Diagnostics, strict: bool) -> String {
    let rules: Vec<_> = diagnostics::Kind::ALL
        .iter()
        .map(|kind| {
            json!({
                "id": kind.as_str(),
                "shortDescription": { "text": kind.meaning().replace('`', "") },
                "properties": { "area": kind.area().title() },
            })
        })
        .collect();
    let results: Vec<_> = diagnostics
        .iter()
        .map(|d| {
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push_str("\nHelp: ");
                text.push_str(help);
            }
            let mut physical = json!({
                "artifactLocation": {
                    "uri": display_path(&d.location.path),
                    "uriBaseId": "SITEROOT",
                },
            });
            if d.location.line > 0 {
                physical["region"] = json!({
                    "startLine": d.location.line,
                    "startColumn": d.location.column.max(1),
                });
            }
            json!({
                "ruleId": d.kind.as_str(),
                "ruleIndex": diagnostics::Kind::ALL.iter().position(|k| *k == d.kind),
                "level": effective(d.severity, strict),
                "message": { "text": text },
                "locations": [{ "physicalLocation": physical }],
                "properties": {
                    "locale": d.locale,
                    "guide": d.guide,
                    "messageId": d.message_id,
                },
            })
        })
        .collect();
    let log = json!({
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "stepdoc",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                },
            },
            "originalUriBaseIds": {
                "SITEROOT": { "description": { "text": "the site directory (--root)" } },
            },
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).unwrap_or_default()
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Whether the findings fail the run.
pub(super) fn fails(diagnostics: &Diagnostics, strict: bool) -> bool {
    diagnostics.has_errors() || (strict && !diagnostics.is_empty())
}
