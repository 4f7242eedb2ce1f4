//! A message's pattern as the translator wrote it in the `.ftl` file — its value or one
//! attribute, with placeables masked — for the checks that compare words, not formatted text.

/// The pattern of a message block `id = pattern` (its value lines, attributes left out).
pub(super) fn pattern_of(block: &str) -> &str {
    let after = block.split_once('=').map_or(block, |(_, p)| p);
    match after.find("\n    .").or_else(|| after.find("\n  .")) {
        Some(end) => &after[..end],
        None => after,
    }
}

/// The words a translator wrote in a Fluent pattern: placeables, code, URLs left out.
pub(super) fn pattern_words(pattern: &str) -> String {
    // One pass: placeables and code spans become blanks, then the words are filtered.
    let mut text = String::with_capacity(pattern.len());
    let (mut depth, mut code) = (0usize, false);
    for c in pattern.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => {
                depth -= 1;
                text.push(' ');
            }
            _ if depth > 0 => {}
            '`' => {
                code = !code;
                text.push(' ');
            }
            _ if code => {}
            c => text.push(c),
        }
    }
    super::language::own_words(&text)
}

/// The pattern of attribute `attr` in a message block (`    .attr = pattern`).
pub(super) fn attribute_of<'a>(block: &'a str, attr: &str) -> Option<&'a str> {
    let mut offset = 0;
    for line in block.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if line.starts_with([' ', '\t'])
            && let Some(rest) = trimmed.strip_prefix('.').and_then(|r| r.strip_prefix(attr))
            && rest.trim_start().starts_with('=')
        {
            let start = offset + (line.len() - rest.len()) + rest.find('=')? + 1;
            let after = &block[start..];
            let end = after
                .match_indices('\n')
                .map(|(i, _)| i)
                .find(|&i| {
                    after[i + 1..]
                        .trim_start_matches([' ', '\t'])
                        .starts_with('.')
                })
                .unwrap_or(after.len());
            return Some(&after[..end]);
        }
        offset += line.len();
    }
    None
}

/// `pattern` with every placeable as `{}` and blanks collapsed.
pub(super) fn masked(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut depth = 0usize;
    for c in pattern.chars() {
        match c {
            '{' => {
                if depth == 0 {
                    out.push_str("{}");
                }
                depth += 1;
            }
            '}' if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            c => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masking_ignores_placeables_and_blanks() {
        assert_eq!(
            masked("Open { -ui-settings }  now"),
            masked("Open {-ui-x} now")
        );
        assert_ne!(masked("Open { -a } now"), masked("Avaa { -a } nyt"));
        assert_eq!(
            pattern_of("id = Open { -a }\n    .alt = x\n"),
            " Open { -a }"
        );
    }

    #[test]
    fn attributes_are_read_up_to_the_next_one() {
        let block = "id = v\n    .alt = The page\n        continued\n    .note = n\n";
        assert_eq!(
            attribute_of(block, "alt"),
            Some(" The page\n        continued")
        );
        assert_eq!(attribute_of(block, "note"), Some(" n\n"));
        assert_eq!(attribute_of(block, "al"), None);
        assert_eq!(
            pattern_words("Avaa { -ui-x } ja `koodi` sitten"),
            "Avaa ja sitten"
        );
    }
}
