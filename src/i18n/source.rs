//! A guide's source-language text as a Fluent resource: the catalog's texts, written out as FTL
//! under their message ids and parsed once, so the source and the translations go through the
//! same formatter. Syntax and reference errors point back into `guide.yaml`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use fluent_bundle::FluentResource;

use super::refs::{self, Reference};
use crate::content::catalog::{Entry, MessageKey};
use crate::content::model::Text;
use crate::diagnostics::{Checked, Diagnostic, Diagnostics, Kind, Location};

/// The synthesized resource of one guide's source text.
#[derive(Debug)]
pub struct SourceResource {
    pub resource: Arc<FluentResource>,
}

/// Write `entries` as FTL and parse it. Errors are reported at the YAML scalar they come from.
pub fn build(path: &Path, entries: &[Entry<'_>]) -> Checked<SourceResource> {
    // Group attributes under their message, keeping document order of first appearance.
    let mut order: Vec<&str> = Vec::new();
    let mut grouped: BTreeMap<&str, (Option<&Entry<'_>>, Vec<&Entry<'_>>)> = BTreeMap::new();
    for entry in entries {
        let slot = grouped.entry(entry.key.id.as_str()).or_insert_with(|| {
            order.push(entry.key.id.as_str());
            (None, Vec::new())
        });
        match entry.key.attr {
            None => slot.0 = Some(entry),
            Some(_) => slot.1.push(entry),
        }
    }
    let mut ftl = String::new();
    let mut spans: Vec<(Range<usize>, &Text)> = Vec::new();
    for id in order {
        let (value, attrs) = &grouped[id];
        let start = ftl.len();
        let _ = write!(ftl, "{id} =");
        if let Some(value) = value {
            write_pattern(&mut ftl, value.text.as_str(), "    ");
            spans.push((start..ftl.len(), value.text));
        } else {
            ftl.push('\n');
        }
        for attr in attrs {
            let start = ftl.len();
            let name = attr.key.attr.as_deref().unwrap_or_default();
            let _ = write!(ftl, "    .{name} =");
            write_pattern(&mut ftl, attr.text.as_str(), "        ");
            spans.push((start..ftl.len(), attr.text));
        }
    }
    let (resource, errors) = match FluentResource::try_new(ftl) {
        Ok(r) => (r, Vec::new()),
        Err((r, errors)) => (r, errors),
    };
    let diagnostics = errors
        .iter()
        .map(|error| {
            let text = spans
                .iter()
                .find(|(range, _)| range.contains(&error.pos.start))
                .or_else(|| spans.iter().rev().find(|(range, _)| range.start <= error.pos.start))
                .map(|(_, text)| *text);
            let location = text.map_or_else(|| Location::file(path), |t| t.location(path));
            Diagnostic::error(
                Kind::FtlSyntax,
                location,
                format!("text is not a valid Fluent pattern: {}", error.kind),
            )
            .with_help("terms are written { -name } and variables { $name }; write a literal brace as {\"{\"}")
        })
        .collect::<Diagnostics>();
    (
        SourceResource {
            resource: Arc::new(resource),
        },
        diagnostics,
    )
}

/// Append `text` as an FTL block pattern (starting on the next line), each line indented by
/// `indent`. Lines that would start with FTL syntax (`[`, `*`, `.`) are escaped as string
/// literals. `i18n sync` writes its stubs with this too, so an uncommented stub is the source.
pub(crate) fn write_pattern(out: &mut String, text: &str, indent: &str) {
    let text = crate::markers::strip_reserved(text);
    let text = text.trim_end();
    out.push('\n');
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            out.push('\n');
            continue;
        }
        out.push_str(indent);
        out.push_str(&line[..line.len() - trimmed.len()]);
        match trimmed.chars().next() {
            Some(c @ ('[' | '*' | '.')) => {
                let _ = write!(out, "{{\"{c}\"}}");
                out.push_str(&trimmed[1..]);
            }
            _ => out.push_str(trimmed),
        }
        out.push('\n');
    }
    if text.is_empty() {
        // An empty pattern is not valid FTL; an empty string literal is.
        out.push_str(indent);
        out.push_str("{\"\"}\n");
    }
}

/// The location of `needle` inside the YAML scalar `text`, or of the scalar itself.
pub fn locate_in_yaml(path: &Path, yaml: &str, text: &Text, needle: &str) -> Location {
    if let Some(start) = text.byte_offset()
        && start <= yaml.len()
    {
        let window_end = (start + text.as_str().len() * 2 + 256).min(yaml.len());
        let mut end = window_end;
        while !yaml.is_char_boundary(end) {
            end -= 1;
        }
        if let Some(found) = yaml.get(start..end).and_then(|w| w.find(needle)) {
            return Location::at_offset(path, yaml, start + found);
        }
    }
    text.location(path)
}

/// Every message and attribute of `resource` with the references it makes.
pub fn all_references(resource: &FluentResource) -> Vec<(MessageKey, Vec<Reference>)> {
    use fluent_syntax::ast::Entry as AstEntry;
    let mut out = Vec::new();
    for entry in resource.entries() {
        if let AstEntry::Message(message) = entry {
            if let Some(value) = &message.value {
                out.push((MessageKey::value(message.id.name), refs::collect(value)));
            }
            for attr in &message.attributes {
                out.push((
                    MessageKey::attr(message.id.name, attr.id.name),
                    refs::collect(&attr.value),
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_escape_ftl_line_starts() {
        let mut out = String::new();
        write_pattern(&mut out, "Intro\n\n* one\n[two]\n.three", "    ");
        assert_eq!(
            out,
            "\n    Intro\n\n    {\"*\"} one\n    {\"[\"}two]\n    {\".\"}three\n"
        );
        let resource = FluentResource::try_new(format!("m ={out}")).expect("valid FTL");
        let mut bundle = fluent_bundle::FluentBundle::<&FluentResource>::default();
        bundle.set_use_isolating(false);
        bundle.add_resource(&resource).expect("added");
        let pattern = bundle.get_message("m").and_then(|m| m.value()).expect("m");
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, None, &mut errors);
        assert_eq!(text, "Intro\n\n* one\n[two]\n.three");
    }
}
