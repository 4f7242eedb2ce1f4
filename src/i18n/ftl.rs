//! Loading `.ftl` files: every parser error, including entries the parser turned into junk,
//! becomes a diagnostic with file:line:column.

use std::path::Path;

use fluent_bundle::FluentResource;
use fluent_syntax::parser::ParserError;

use crate::diagnostics::{Checked, Diagnostic, Diagnostics, Kind, Location};

/// Largest `.ftl` file accepted, in bytes.
pub const MAX_FTL_BYTES: usize = 4 * 1024 * 1024;

/// Parse `source` (the contents of `path`); returns the resource (valid entries only) and one
/// diagnostic per syntax error.
pub fn parse(path: &Path, source: String) -> Checked<FluentResource> {
    if source.len() > MAX_FTL_BYTES {
        let d = Diagnostic::error(
            Kind::FileTooLarge,
            Location::file(path),
            format!(
                "file is {} bytes, over the limit of {MAX_FTL_BYTES} bytes",
                source.len()
            ),
        );
        return (
            FluentResource::try_new(String::new()).unwrap_or_else(|(r, _)| r),
            d.into(),
        );
    }
    match FluentResource::try_new(source) {
        Ok(resource) => (resource, Diagnostics::new()),
        Err((resource, errors)) => {
            let diagnostics = errors
                .iter()
                .map(|e| syntax_error(path, resource.source(), e))
                .collect();
            (resource, diagnostics)
        }
    }
}

/// A Fluent parser error as a diagnostic located in `source`.
pub fn syntax_error(path: &Path, source: &str, error: &ParserError) -> Diagnostic {
    Diagnostic::error(
        Kind::FtlSyntax,
        Location::at_offset(path, source, error_offset(source, error)),
        format!("Fluent syntax error: {}", error.kind),
    )
    .with_help(
        "the entry is skipped until fixed; check the `=`, indentation of continuation lines, and braces (write a literal brace as {\"{\"})",
    )
}

/// Where to point for `error`: its position, except that an error detected at the start of a
/// line (an unclosed brace, say) is reported at the end of the entry's previous line.
fn error_offset(source: &str, error: &ParserError) -> usize {
    let pos = error.pos.start.min(source.len());
    let entry_start = error.slice.as_ref().map_or(0, |s| s.start);
    let at_line_start = pos == 0 || source.as_bytes().get(pos - 1) == Some(&b'\n');
    if at_line_start && pos > entry_start {
        let before = source[entry_start..pos].trim_end();
        if !before.is_empty() {
            return entry_start + before.len();
        }
    }
    pos
}

/// The location of the definition of message or term `id` in `source`, if it is there.
pub fn find_entry(path: &Path, source: &str, id: &str) -> Option<Location> {
    entry_offset(source, id).map(|offset| Location::at_offset(path, source, offset))
}

/// Where the first line that starts with `id` followed by `=` (blanks between) begins.
fn entry_offset(source: &str, id: &str) -> Option<usize> {
    lines_starting_with(source, id).find(|&at| {
        let rest = &source[at + id.len()..];
        let line = rest.split_inclusive('\n').next().unwrap_or_default();
        line.trim_start().starts_with('=')
    })
}

/// Offsets of the lines of `source` that start with `id` (every line for an empty `id`): only
/// the places where `id` occurs are looked at.
fn lines_starting_with<'a>(source: &'a str, id: &'a str) -> impl Iterator<Item = usize> + 'a {
    let bytes = source.as_bytes();
    memchr::memmem::find_iter(bytes, id.as_bytes())
        .filter(move |&at| at < bytes.len() && (at == 0 || bytes[at - 1] == b'\n'))
}

/// The text of the last entry for message `id` in FTL `source` (its first line up to the next
/// line that starts another entry or a comment), to parse on its own; `None` when absent.
/// Messages start at the first column and continue on indented or blank lines. Only the places
/// where `id` occurs are looked at (the navigation pass asks this of every translation file).
pub fn message_text<'s>(source: &'s str, id: &str) -> Option<&'s str> {
    if id.is_empty() {
        return None;
    }
    let bytes = source.as_bytes();
    let line_end =
        |from: usize| memchr::memchr(b'\n', &bytes[from..]).map_or(bytes.len(), |i| from + i + 1);
    let mut found = None;
    for at in lines_starting_with(source, id) {
        let is_entry = source[at + id.len()..]
            .trim_start_matches([' ', '\t'])
            .starts_with('=');
        if !is_entry {
            continue;
        }
        let mut end = line_end(at);
        while end < bytes.len() {
            let next = &source[end..line_end(end)];
            if !(next.trim().is_empty() || next.starts_with([' ', '\t'])) {
                break;
            }
            end += next.len();
        }
        found = Some(&source[at..end]);
    }
    found
}

/// Every message block of `source` by id, as [`message_text`] finds them, in one pass over the
/// lines: for a file's many messages, instead of one search of the file per message.
pub fn message_blocks(source: &str) -> rustc_hash::FxHashMap<&str, &str> {
    let mut blocks = rustc_hash::FxHashMap::default();
    let mut current: Option<(&str, usize)> = None;
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if current.is_some() && (line.trim().is_empty() || line.starts_with([' ', '\t'])) {
            continue;
        }
        if let Some((id, from)) = current.take() {
            blocks.insert(id, &source[from..start]);
        }
        let name_end = line.find([' ', '\t', '=']).unwrap_or(line.len());
        let (id, rest) = line.split_at(name_end);
        if !id.is_empty()
            && !id.starts_with(['#', ' ', '\t'])
            && rest.trim_start_matches([' ', '\t']).starts_with('=')
        {
            current = Some((id, start));
        }
    }
    if let Some((id, from)) = current {
        blocks.insert(id, &source[from..]);
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`message_text`] line by line, as the format reads: the reference it must agree with.
    fn message_text_by_lines<'s>(source: &'s str, id: &str) -> Option<&'s str> {
        let mut found = None;
        let mut offset = 0;
        let mut lines = source.split_inclusive('\n').peekable();
        while let Some(line) = lines.next() {
            let start = offset;
            offset += line.len();
            let is_entry = line
                .strip_prefix(id)
                .is_some_and(|rest| rest.trim_start_matches([' ', '\t']).starts_with('='));
            if !is_entry {
                continue;
            }
            while let Some(next) = lines.peek() {
                if !(next.trim().is_empty() || next.starts_with([' ', '\t'])) {
                    break;
                }
                offset += next.len();
                lines.next();
            }
            found = Some(&source[start..offset]);
        }
        found
    }

    proptest::proptest! {
        #[test]
        fn message_text_agrees_with_a_line_by_line_read(
            lines in proptest::collection::vec(proptest::sample::select(vec![
                "title = a", "title=b", "title =", "titles = c", " title = d", "\ttitle = e",
                "    .attr = f", "    more", "", " ", "\r", "# title = g", "-title = h",
                "summary = i", "xtitle = j", "title", "title \t= k",
            ]), 0..12),
            endings in proptest::collection::vec(proptest::sample::select(vec!["\n", "\r\n"]), 12),
            last_newline in proptest::bool::ANY,
        ) {
            let mut ftl = String::new();
            for (i, line) in lines.iter().enumerate() {
                ftl.push_str(line);
                if i + 1 < lines.len() || last_newline {
                    ftl.push_str(endings[i]);
                }
            }
            let blocks = message_blocks(&ftl);
            for id in ["title", "titles", "summary", "t"] {
                proptest::prop_assert_eq!(message_text(&ftl, id), message_text_by_lines(&ftl, id), "{:?} {}", ftl, id);
                proptest::prop_assert_eq!(blocks.get(id).copied(), message_text(&ftl, id), "{:?} {}", ftl, id);
            }
        }
    }

    #[test]
    fn message_text_takes_the_last_entry_with_its_continuation_lines() {
        let ftl = "# c\ntitle = first\ntitles = no\ntitle =\n    two\n\n    lines\n    .attr = a\n# next\nsummary = s\n";
        assert_eq!(
            message_text(ftl, "title"),
            Some("title =\n    two\n\n    lines\n    .attr = a\n")
        );
        assert_eq!(message_text(ftl, "titles"), Some("titles = no\n"));
        assert_eq!(message_text(ftl, "missing"), None);
        assert_eq!(message_text(" title = indented\n", "title"), None);
    }

    #[test]
    fn junk_is_reported_with_line_and_column() {
        let src = "ok = Fine\nbroken = { -term\nnext = Also fine\n".to_owned();
        let (resource, diags) = parse(Path::new("nl/g.ftl"), src);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].kind, "ftl-syntax");
        assert_eq!(diags[0].location.line, 2);
        assert!(diags[0].location.column > 1);
        let ids: Vec<_> = resource
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name),
                _ => None,
            })
            .collect();
        assert_eq!(ids, ["ok", "next"]);
    }

    #[test]
    fn finds_entries() {
        let src = "# c\nfoo = x\n-bar = y\n";
        let loc = find_entry(Path::new("a.ftl"), src, "-bar").expect("found");
        assert_eq!((loc.line, loc.column), (3, 1));
        assert!(find_entry(Path::new("a.ftl"), src, "fo").is_none());
    }

    /// The first line of `source` that starts with `id` and then `=`, read line by line.
    fn entry_offset_by_lines(source: &str, id: &str) -> Option<usize> {
        let mut offset = 0;
        for line in source.split_inclusive('\n') {
            if let Some(rest) = line.strip_prefix(id)
                && rest.trim_start().starts_with('=')
            {
                return Some(offset);
            }
            offset += line.len();
        }
        None
    }

    proptest::proptest! {
        #[test]
        fn entry_offset_finds_the_first_definition_line(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "ab", "-a", " ", "=", "\n", "\t", "é", "a =", "\na=", "  a = x",
            ]), 0..14),
            id in proptest::sample::select(vec!["a", "ab", "-a", "", "é"]),
        ) {
            let source = pieces.concat();
            proptest::prop_assert_eq!(
                super::entry_offset(&source, id),
                entry_offset_by_lines(&source, id),
                "{:?} in {:?}", id, source
            );
        }
    }
}
