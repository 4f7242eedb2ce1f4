//! `i18n sync` on one translation file: stubs for missing messages (the source text as a
//! commented-out entry, placed after the previous message of the guide), refreshed when the
//! source changes, and — with `--prune` — obsolete entries moved, commented out, to an obsolete
//! section. Every byte a translator wrote is kept; only stub comments are owned by stepdoc.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::content::catalog::{Entry, MessageKey};

/// Heading of the section `--prune` moves obsolete entries to.
pub const OBSOLETE_HEADING: &str =
    "## Obsolete: no longer used by the guide (moved here by `stepdoc i18n sync --prune`)";

/// What a sync changed in one file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub stubs: usize,
    pub pruned: usize,
}

/// One run of lines of the file.
#[derive(Debug)]
pub(super) enum Block {
    /// A stub written by stepdoc: `# (en) id = …` and its `#     ` continuation lines.
    Stub,
    /// A top-level message or term: its lines (with attached comments above it).
    Entry { id: String },
    /// Anything else (comments, blank lines, junk): kept as is.
    Other,
}

/// Split `text` into blocks of whole lines.
pub(super) fn blocks(text: &str) -> Vec<(Block, String)> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut out: Vec<(Block, String)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if is_stub_start(line) {
            let mut chunk = line.to_owned();
            i += 1;
            while i < lines.len() && is_stub_continuation(&lines[i..]) {
                chunk.push_str(lines[i]);
                i += 1;
            }
            out.push((Block::Stub, chunk));
        } else if let Some(id) = entry_id(line) {
            let mut chunk = line.to_owned();
            i += 1;
            // Continuation lines are indented; blank lines continue only if an indented line follows.
            while i < lines.len() {
                let next = lines[i];
                if next.starts_with([' ', '\t']) && !next.trim().is_empty() {
                    chunk.push_str(next);
                    i += 1;
                } else if next.trim().is_empty() {
                    let continues = lines[i..]
                        .iter()
                        .find(|l| !l.trim().is_empty())
                        .is_some_and(|l| l.starts_with([' ', '\t']));
                    if continues {
                        chunk.push_str(next);
                        i += 1;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            out.push((Block::Entry { id }, chunk));
        } else {
            out.push((Block::Other, line.to_owned()));
            i += 1;
        }
    }
    out
}

/// How a stub's lines after the first begin.
const STUB_CONTINUATION: &str = "#     ";

/// Whether `lines[0]` continues a stub: it starts like one, or it is a blank line of the text
/// whose trailing spaces an editor removed, followed by more of the stub.
fn is_stub_continuation(lines: &[&str]) -> bool {
    let blank = |l: &str| l.trim_end() == "#";
    match lines {
        [first, ..] if first.starts_with(STUB_CONTINUATION) => true,
        [first, rest @ ..] if blank(first) => rest
            .iter()
            .find(|l| !blank(l))
            .is_some_and(|l| l.starts_with(STUB_CONTINUATION)),
        _ => false,
    }
}

fn is_stub_start(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("# (") else {
        return false;
    };
    rest.find(") ").is_some_and(|close| {
        rest[..close]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
    })
}

/// The id of a top-level message (`id = …`) or term (`-id = …`) starting on `line`.
fn entry_id(line: &str) -> Option<String> {
    let name_end = line
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
        .map_or(line.len(), |(i, _)| i);
    let name = &line[..name_end];
    let first = name.trim_start_matches('-').chars().next();
    if name.is_empty() || !first.is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    line[name_end..]
        .trim_start_matches([' ', '\t'])
        .starts_with('=')
        .then(|| name.to_owned())
}

/// The stub for the missing `keys` of message `id`: the source text as a commented FTL entry.
/// Uncommented (`# (en) ` removed from its first line, `# ` from the others) it is the source
/// message as valid Fluent. When the message is there and only attributes are missing, the stub
/// holds only the attributes, indented, and goes right after the message, so that uncommenting
/// adds them to it.
/// `keys` are the missing keys with their source text.
fn stub(
    source_locale: &str,
    id: &str,
    keys: &[(&MessageKey, &str)],
    message_present: bool,
) -> String {
    let mut ftl = String::new();
    if !message_present {
        let _ = write!(ftl, "{id} =");
        match keys.iter().find(|(key, _)| key.attr.is_none()) {
            Some((_, text)) => write_value(&mut ftl, text, "    "),
            None => ftl.push('\n'),
        }
    }
    for (key, text) in keys {
        if let Some(name) = &key.attr {
            let _ = write!(ftl, "    .{name} =");
            write_value(&mut ftl, text, "        ");
        }
    }
    let mut out = String::new();
    for (i, line) in ftl.lines().enumerate() {
        if i == 0 {
            let _ = writeln!(out, "# ({source_locale}) {line}");
        } else if line.is_empty() {
            // A blank line of the text, indented like the others so the stub stays one block.
            out.push_str(STUB_CONTINUATION);
            out.push('\n');
        } else {
            let _ = writeln!(out, "# {line}");
        }
    }
    out
}

/// ` text` on the same line when it is one plain line, else a block pattern.
fn write_value(out: &mut String, text: &str, indent: &str) {
    let plain = crate::markers::strip_reserved(text);
    let plain = plain.trim();
    if !plain.is_empty() && !plain.contains('\n') {
        let _ = writeln!(out, " {plain}");
    } else {
        crate::i18n::source::write_pattern(out, text, indent);
    }
}

/// Sync one file. `entries` are the guide's messages in document order; `present` the keys the
/// file translates; `obsolete` the message ids it defines that the guide does not.
pub fn sync_text(
    existing: &str,
    source_locale: &str,
    entries: &[Entry<'_>],
    present: &BTreeSet<MessageKey>,
    obsolete: &BTreeSet<String>,
    prune: bool,
) -> (String, Changes) {
    let mut changes = Changes::default();
    // Stubs are stepdoc's: dropped here and written again from the current source.
    let mut kept: Vec<(Block, String)> = blocks(existing)
        .into_iter()
        .filter(|(b, _)| !matches!(b, Block::Stub))
        .collect();
    let pruned_text = if prune {
        let (remaining, pruned, count) = take_obsolete(kept, obsolete);
        kept = remaining;
        changes.pruned = count;
        pruned
    } else {
        String::new()
    };
    let inserts = place_stubs(&kept, source_locale, entries, present, &mut changes);
    (assemble(&kept, &inserts, &pruned_text), changes)
}

/// The blocks of `kept` that are not obsolete entries; the obsolete ones commented out, and how
/// many there were.
fn take_obsolete(
    kept: Vec<(Block, String)>,
    obsolete: &BTreeSet<String>,
) -> (Vec<(Block, String)>, String, usize) {
    let mut remaining = Vec::new();
    let mut pruned_text = String::new();
    let mut count = 0;
    for (block, text) in kept {
        match &block {
            Block::Entry { id } if obsolete.contains(id) => {
                count += 1;
                for line in text.lines() {
                    let _ = writeln!(pruned_text, "# {line}");
                }
            }
            _ => remaining.push((block, text)),
        }
    }
    (remaining, pruned_text, count)
}

/// The keys of `entries` the file lacks, grouped by message id; the ids in document order.
fn missing_by_message<'e, 'a>(
    entries: &'e [Entry<'a>],
    present: &BTreeSet<MessageKey>,
) -> (Vec<&'e str>, BTreeMap<&'e str, Vec<&'e Entry<'a>>>) {
    let mut order: Vec<&str> = Vec::new();
    let mut missing: BTreeMap<&str, Vec<&Entry<'_>>> = BTreeMap::new();
    for entry in entries {
        if !present.contains(&entry.key) {
            let slot = missing.entry(entry.key.id.as_str()).or_insert_with(|| {
                order.push(entry.key.id.as_str());
                Vec::new()
            });
            slot.push(entry);
        }
    }
    (order, missing)
}

/// The stubs of the missing keys, by the index of the block of `kept` they go before: each
/// after the block of the nearest earlier message the file has (or its own message, when only
/// attributes are missing); else before the first entry block.
fn place_stubs(
    kept: &[(Block, String)],
    source_locale: &str,
    entries: &[Entry<'_>],
    present: &BTreeSet<MessageKey>,
    changes: &mut Changes,
) -> BTreeMap<usize, Vec<String>> {
    let (order, missing) = missing_by_message(entries, present);
    let present_ids: BTreeSet<&str> = present.iter().map(|k| k.id.as_str()).collect();
    let mut all_ids: Vec<&str> = Vec::new();
    for entry in entries {
        if !all_ids.contains(&entry.key.id.as_str()) {
            all_ids.push(entry.key.id.as_str());
        }
    }
    let position_of = |id: &str| {
        kept.iter()
            .position(|(b, _)| matches!(b, Block::Entry { id: e } if e == id))
    };
    let mut inserts: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for id in order {
        let keys = &missing[id];
        let texts: Vec<(&MessageKey, &str)> =
            keys.iter().map(|e| (&e.key, e.text.as_str())).collect();
        let stub_text = stub(source_locale, id, &texts, present_ids.contains(id));
        changes.stubs += keys.len();
        let index = all_ids.iter().position(|i| *i == id).unwrap_or(0);
        let anchor = all_ids[..=index]
            .iter()
            .rev()
            .filter(|i| present_ids.contains(**i))
            .find_map(|i| position_of(i));
        let at = match anchor {
            Some(pos) => pos + 1,
            None => kept
                .iter()
                .position(|(b, _)| matches!(b, Block::Entry { .. }))
                .unwrap_or(kept.len()),
        };
        inserts.entry(at).or_default().push(stub_text);
    }
    inserts
}

/// The file: `kept` with the stubs inserted, and the pruned entries in the obsolete section.
fn assemble(
    kept: &[(Block, String)],
    inserts: &BTreeMap<usize, Vec<String>>,
    pruned_text: &str,
) -> String {
    let mut out = String::new();
    for (i, (_, text)) in kept.iter().enumerate() {
        if let Some(stubs) = inserts.get(&i) {
            stubs.iter().for_each(|s| out.push_str(s));
        }
        out.push_str(text);
        if !text.ends_with('\n') {
            out.push('\n');
        }
    }
    if let Some(stubs) = inserts.get(&kept.len()) {
        stubs.iter().for_each(|s| out.push_str(s));
    }
    if !pruned_text.is_empty() {
        if !out.contains(OBSOLETE_HEADING) {
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
            }
            out.push_str(OBSOLETE_HEADING);
            out.push('\n');
        }
        out.push_str(pruned_text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_ids_are_recognized() {
        assert_eq!(entry_id("step-a = x\n").as_deref(), Some("step-a"));
        assert_eq!(entry_id("-ui-save = Save\n").as_deref(), Some("-ui-save"));
        assert_eq!(entry_id("title =\n").as_deref(), Some("title"));
        assert_eq!(entry_id("    .note = x\n"), None);
        assert_eq!(entry_id("# step-a = x\n"), None);
        assert!(is_stub_start("# (en) step-a = x\n"));
        assert!(!is_stub_start("# (see below) x\n"));
    }

    /// A stub with its comment marks removed, as the translator's guide says: `# (xx) ` from
    /// its first line, `# ` from the others.
    fn uncommented(stub: &str) -> String {
        let mut out = String::new();
        for (i, line) in stub.lines().enumerate() {
            let rest = if i == 0 {
                line.split_once(") ").map_or(line, |(_, r)| r)
            } else {
                line.strip_prefix("# ")
                    .unwrap_or(line.trim_start_matches('#'))
            };
            out.push_str(rest);
            out.push('\n');
        }
        out
    }

    /// The value and attributes of message `id` in `ftl`, formatted, or why not.
    fn formatted(ftl: &str, id: &str) -> Result<Vec<String>, String> {
        let resource = fluent_bundle::FluentResource::try_new(ftl.to_owned())
            .map_err(|(_, e)| format!("{e:?} in\n{ftl}"))?;
        let mut bundle = fluent_bundle::FluentBundle::<&fluent_bundle::FluentResource>::default();
        bundle.set_use_isolating(false);
        bundle
            .add_resource(&resource)
            .map_err(|e| format!("{e:?}"))?;
        let message = bundle.get_message(id).ok_or("no message")?;
        let mut errors = Vec::new();
        let mut out: Vec<String> = message
            .value()
            .map(|p| bundle.format_pattern(p, None, &mut errors).into_owned())
            .into_iter()
            .collect();
        for attr in message.attributes() {
            out.push(
                bundle
                    .format_pattern(attr.value(), None, &mut errors)
                    .into_owned(),
            );
        }
        Ok(out)
    }

    proptest::proptest! {
        /// Any source text that is valid Fluent gives a stub that, uncommented, is valid Fluent
        /// and says the same, whole message or a missing attribute of a present message.
        #[test]
        fn uncommented_stubs_are_the_source_message(
            value in "([ a-z*.\\[\\]#=:{}-]{0,12}\n?){1,4}",
            attr in "([ a-z*.\\[\\]#=-]{0,12}\n?){1,3}",
        ) {
            let value = value.replace('{', "{\"{\"}").replace('}', "{\"}\"}")
                .replace("{\"{\"{\"}\"}\"}", "{\"{\"}");
            let mut source = String::from("m =");
            crate::i18n::source::write_pattern(&mut source, &value, "    ");
            source.push_str("    .a =");
            crate::i18n::source::write_pattern(&mut source, &attr, "        ");
            let Ok(expected) = formatted(&source, "m") else {
                return Ok(());
            };
            let (v, a) = (MessageKey::value("m"), MessageKey::attr("m", "a"));
            let whole = uncommented(&stub("en", "m", &[(&v, &value), (&a, &attr)], false));
            proptest::prop_assert_eq!(formatted(&whole, "m"), Ok(expected.clone()));
            let own = format!("m = {{\"\"}}\n{}", uncommented(&stub("en", "m", &[(&a, &attr)], true)));
            let with_attr = formatted(&own, "m").map(|mut f| f.split_off(1));
            proptest::prop_assert_eq!(with_attr, Ok(expected[1..].to_vec()));
        }
    }

    #[test]
    fn blocks_keep_attributes_and_blank_lines_inside_entries() {
        let text = "# c\na = x\n    .b = y\n\n    z\n\nc = d\n";
        let b = blocks(text);
        let joined: String = b.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(joined, text);
        let entries: Vec<&str> = b
            .iter()
            .filter_map(|(k, t)| matches!(k, Block::Entry { .. }).then_some(t.as_str()))
            .collect();
        assert_eq!(entries, ["a = x\n    .b = y\n\n    z\n", "c = d\n"]);
    }
}
