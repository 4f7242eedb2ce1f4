//! The shape of a text that a complete translation keeps: sentences, paragraphs, list items,
//! links, code spans and bold runs, counted on formatted text with Markdown.

/// The shape of a text that a complete translation keeps: sentences and Markdown structure.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Shape {
    pub sentences: usize,
    pub paragraphs: usize,
    pub list_items: usize,
    pub links: usize,
    pub code_spans: usize,
    pub strong: usize,
}

/// The [`Shape`] of formatted text with Markdown.
pub fn shape(text: &str) -> Shape {
    let mut shape = Shape {
        links: text.matches("](").count(),
        code_spans: text.matches('`').count() / 2,
        strong: text.matches("**").count() / 2,
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
    shape.sentences = blocks + sentence_ends(&text.replace('\n', " "));
    shape
}

/// Ends of sentence inside `text`: `.` `!` `?` after a word (or, for `!` `?`, after the space
/// French puts there), followed by a blank and a capital letter, a digit or an opening mark.
fn sentence_ends(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut count = 0;
    for i in 1..chars.len().saturating_sub(2) {
        let c = chars[i];
        let before = chars[i - 1];
        let after_word = before.is_alphanumeric()
            || matches!(before, ')' | '"' | '»' | '”' | '’' | '*' | '`')
            || (matches!(c, '!' | '?') && matches!(before, ' ' | '\u{a0}' | '\u{202f}'));
        let next = chars[i + 2];
        if matches!(c, '.' | '!' | '?')
            && after_word
            && matches!(chars[i + 1], ' ' | '\u{a0}')
            && (next.is_uppercase() || matches!(next, '*' | '[' | '`' | '«' | '"' | '“'))
            && !(c == '.' && abbreviation(&chars[..i]))
        {
            count += 1;
        }
    }
    count
}

/// Whether the word before a full stop is a short abbreviation (`e.g`, `esim`, `p. ex`, `bzw`,
/// a single letter) rather than the end of a sentence.
fn abbreviation(before: &[char]) -> bool {
    let word: String = before
        .iter()
        .rev()
        .take_while(|c| c.is_alphanumeric() || **c == '.')
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
    pub fn is_plain(&self) -> bool {
        self.sentences <= 1
            && self.paragraphs <= 1
            && self.list_items == 0
            && self.links == 0
            && self.code_spans == 0
            && self.strong == 0
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
