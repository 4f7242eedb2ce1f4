//! The shape of a text that a complete translation keeps: sentences, paragraphs, list items,
//! links, code spans and bold runs, counted on formatted text with Markdown.

/// The shape of a text that a complete translation keeps: sentences and Markdown structure.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Shape {
    pub sentences: usize,
    pub paragraphs: usize,
    pub list_items: usize,
    pub links: usize,
    pub code_spans: usize,
    pub strong: usize,
    /// Parenthesized asides, e.g. "(user id and key)"; a translation keeps them as a rule, so
    /// they tell two neighbouring steps apart (`order`), though `incomplete` does not count them.
    pub parentheses: usize,
}

/// The [`Shape`] of formatted text with Markdown.
pub(super) fn shape(text: &str) -> Shape {
    let bytes = text.as_bytes();
    let mut shape = Shape {
        links: memchr::memmem::find_iter(bytes, b"](").count(),
        code_spans: memchr::memchr_iter(b'`', bytes).count() / 2,
        strong: memchr::memmem::find_iter(bytes, b"**").count() / 2,
        // An opening parenthesis that is not a link's destination.
        parentheses: memchr::memchr_iter(b'(', bytes)
            .filter(|&at| at == 0 || bytes[at - 1] != b']')
            .count(),
        ..Shape::default()
    };
    let mut blank = true;
    let mut blocks = 0;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank = true;
            continue;
        }
        let item = line.starts_with("- ")
            || line.starts_with("* ")
            || line
                .split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if item {
            shape.list_items += 1;
            blocks += 1;
        } else if blank {
            shape.paragraphs += 1;
            blocks += 1;
        }
        blank = false;
    }
    // Sentences run across line breaks: count the ends inside the text, plus one per block.
    shape.sentences = blocks + sentence_ends(text);
    shape
}

/// Ends of sentence inside `text`: `.` `!` `?` after a word (or, for `!` `?`, after the space
/// French puts there), followed by a blank (a line break counts as one) and a capital letter,
/// a digit or an opening mark.
fn sentence_ends(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    for at in memchr::memchr3_iter(b'.', b'!', b'?', bytes) {
        let c = bytes[at] as char;
        let Some(before) = text[..at].chars().next_back() else {
            continue;
        };
        let mut after = text[at + 1..].chars();
        let (Some(blank), Some(next)) = (after.next(), after.next()) else {
            continue;
        };
        let after_word = before.is_alphanumeric()
            || matches!(before, ')' | '"' | '»' | '”' | '’' | '*' | '`')
            || (c != '.' && matches!(before, ' ' | '\u{a0}' | '\u{202f}'));
        if after_word
            && matches!(blank, ' ' | '\u{a0}' | '\n')
            && (next.is_uppercase() || matches!(next, '*' | '[' | '`' | '«' | '"' | '“'))
            && !(c == '.' && abbreviation(&text[..at]))
        {
            count += 1;
        }
    }
    count
}

/// Whether the word before a full stop is a short abbreviation (`e.g`, `esim`, `p. ex`, `bzw`,
/// a single letter) rather than the end of a sentence.
fn abbreviation(before: &str) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect();
    let word: String = word.chars().rev().collect::<String>().to_lowercase();
    word.chars().count() == 1
        || word.contains('.')
        || matches!(
            word.as_str(),
            "esim"
                | "ks"
                | "mm"
                | "n"
                | "ns"
                | "jne"
                | "yms"
                | "vrt"
                | "bijv"
                | "bv"
                | "dwz"
                | "enz"
                | "nr"
                | "ca"
                | "etc"
                | "cf"
                | "vs"
                | "no"
                | "st"
                | "mr"
                | "dr"
                | "ex"
        )
}

impl Shape {
    /// One sentence at most, in one paragraph, with no list, link, code or bold: a translation
    /// cannot have less of it without being empty.
    pub(super) fn is_plain(&self) -> bool {
        self.sentences <= 1
            && self.paragraphs <= 1
            && self.list_items == 0
            && self.links == 0
            && self.code_spans == 0
            && self.strong == 0
            && self.parentheses == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_counts_sentences_lists_and_markup() {
        let s = shape("Open the page. Then click **Save**.\n\n- one\n- two [x](https://a)\n");
        assert_eq!(s.sentences, 4);
        assert_eq!(s.paragraphs, 1);
        assert_eq!(s.list_items, 2);
        assert_eq!(s.links, 1);
        assert_eq!(s.strong, 1);
        // Abbreviations and ordinals do not end sentences.
        assert_eq!(shape("Valitse esim. Asetukset ja 2. vaihe.").sentences, 1);
        assert_eq!(shape("Use e.g. Chrome. Done!").sentences, 2);
    }
}
