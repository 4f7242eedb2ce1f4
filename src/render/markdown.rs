//! Markdown → HTML for text fields (pulldown-cmark), safe by construction: raw HTML is escaped,
//! link targets are limited to safe schemes, Markdown images are reduced to their text, and
//! UI-label markers become `<span class="ui">`. The most common shape of a step, one line whose
//! only markup is `**strong**`, is written after a plain-byte pre-scan (`Simple`) without building
//! the parser's events, on every field of every page; the proptests below hold both paths to
//! pulldown-cmark's bytes.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::markers::{UI_CLOSE, UI_OPEN};

fn options() -> Options {
    Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES
}

/// Inline Markdown (one paragraph) as HTML, without the surrounding `<p>`.
pub fn inline(text: &str) -> String {
    if let Some(simple) = Simple::scan(text) {
        return simple.html(false);
    }
    let events = Parser::new_ext(text, options())
        .filter(|e| {
            !matches!(
                e,
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
            )
        })
        .filter_map(sanitize);
    finish(events)
}

/// Block Markdown (paragraphs, lists) as HTML.
pub fn block(text: &str) -> String {
    if let Some(simple) = Simple::scan(text) {
        return simple.html(true);
    }
    finish(Parser::new_ext(text, options()).filter_map(sanitize))
}

/// Markdown as HTML ([`inline`] or [`block`]) and as [`plain`] text, from one parse.
pub fn html_and_plain(text: &str, is_block: bool) -> (String, String) {
    if let Some(simple) = Simple::scan(text) {
        return (simple.html(is_block), simple.plain());
    }
    let events: Vec<Event<'_>> = Parser::new_ext(text, options()).collect();
    let plain = plain_of(events.iter());
    let html = if is_block {
        finish(events.into_iter().filter_map(sanitize))
    } else {
        finish(
            events
                .into_iter()
                .filter(|e| {
                    !matches!(
                        e,
                        Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
                    )
                })
                .filter_map(sanitize),
        )
    };
    (html, plain)
}

/// The text of inline Markdown without markup, for attributes and `<title>`.
pub fn plain(text: &str) -> String {
    if let Some(simple) = Simple::scan(text) {
        return simple.plain();
    }
    let mut out = String::new();
    for event in Parser::new_ext(text, options()) {
        push_plain(&mut out, &event);
    }
    finish_plain(out)
}

/// A one-line text whose only Markdown is `**strong**` around words: by far the most common
/// shape of a step ("Click **Save**."). Rendered without the parser, to the same bytes
/// (`simple_text_renders_like_the_parser` holds the two together).
struct Simple<'t> {
    text: &'t str,
    /// Byte offsets of the `**` delimiters, in opening/closing pairs.
    stars: Vec<usize>,
    /// Whether the text has a character HTML needs escaped (`&` or `>`).
    escapes: bool,
    /// Whether the text has a UI-label marker.
    ui: bool,
}

/// How [`Simple::scan`] treats a byte.
const PLAIN: u8 = 0;
const STAR: u8 = 1;
const AMPERSAND: u8 = 2;
const GREATER: u8 = 3;
const NOT_SIMPLE: u8 = 4;
const NON_ASCII: u8 = 5;

const BYTE_CLASS: [u8; 256] = {
    let mut class = [PLAIN; 256];
    let mut b = 0;
    while b < 256 {
        // Non-ASCII whitespace, controls and the UI markers (U+0080–U+00A0, U+1680,
        // U+2000–U+205F, U+3000, U+E000–U+E001) start with one of these bytes; every other
        // non-ASCII byte is plain text.
        class[b] = if matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEE) {
            NON_ASCII
        } else if b >= 0x80 {
            PLAIN
        } else if b < 0x20 || b == 0x7f {
            NOT_SIMPLE
        } else {
            match b as u8 {
                b'*' => STAR,
                b'&' => AMPERSAND,
                b'>' => GREATER,
                b'\\' | b'`' | b'_' | b'[' | b']' | b'<' | b'~' | b'|' => NOT_SIMPLE,
                _ => PLAIN,
            }
        };
        b += 1;
    }
    class
};

impl<'t> Simple<'t> {
    fn scan(text: &'t str) -> Option<Self> {
        let bytes = text.as_bytes();
        let first = *bytes.first()?;
        let last = *bytes.last()?;
        // A line may open a list, heading, quote or code block only by its first byte.
        if !(first.is_ascii_alphabetic() || first == b'*' || first >= 0x80) || last == b' ' {
            return None;
        }
        let mut simple = Simple {
            text,
            stars: Vec::new(),
            escapes: false,
            ui: false,
        };
        let mut i = 0;
        loop {
            // Runs of plain bytes (most of any text) in a tight loop.
            i += bytes[i..]
                .iter()
                .position(|&b| BYTE_CLASS[usize::from(b)] != PLAIN)
                .unwrap_or(bytes.len() - i);
            let Some(&b) = bytes.get(i) else {
                break;
            };
            match BYTE_CLASS[usize::from(b)] {
                STAR => {
                    if bytes.get(i + 1) != Some(&b'*') {
                        return None;
                    }
                    let opening = simple.stars.len().is_multiple_of(2);
                    let before = i.checked_sub(1).map(|j| bytes[j]);
                    let after = bytes.get(i + 2).copied();
                    let ok = if opening {
                        matches!(before, None | Some(b' ')) && after.is_some_and(is_word_byte)
                    } else {
                        before.is_some_and(is_word_byte)
                            && matches!(
                                after,
                                None | Some(b' ' | b'.' | b',' | b':' | b';' | b'?' | b'!' | b')')
                            )
                    };
                    if !ok {
                        return None;
                    }
                    simple.stars.push(i);
                    i += 2;
                }
                AMPERSAND => {
                    if bytes.get(i + 1) != Some(&b' ') {
                        return None;
                    }
                    simple.escapes = true;
                    i += 1;
                }
                GREATER => {
                    simple.escapes = true;
                    i += 1;
                }
                NON_ASCII => {
                    let c = text[i..].chars().next()?;
                    // Unicode whitespace changes flanking and trimming: keep to the parser.
                    if c.is_whitespace() || c.is_control() {
                        return None;
                    }
                    simple.ui |= c == UI_OPEN || c == UI_CLOSE;
                    i += c.len_utf8();
                }
                _ => return None,
            }
        }
        if !simple.stars.len().is_multiple_of(2) {
            return None;
        }
        Some(simple)
    }

    fn html(&self, is_block: bool) -> String {
        let mut out = String::with_capacity(self.text.len() + 16 + 17 * self.stars.len());
        if is_block {
            out.push_str("<p>");
        }
        let mut start = 0;
        for (n, &at) in self.stars.iter().enumerate() {
            self.push_text(&mut out, &self.text[start..at]);
            out.push_str(if n % 2 == 0 { "<strong>" } else { "</strong>" });
            start = at + 2;
        }
        self.push_text(&mut out, &self.text[start..]);
        if is_block {
            out.push_str("</p>");
        }
        if self.ui { ui_spans(&out) } else { out }
    }

    fn push_text(&self, out: &mut String, text: &str) {
        if self.escapes {
            push_escaped(out, text);
        } else {
            out.push_str(text);
        }
    }

    fn plain(&self) -> String {
        let mut out = String::with_capacity(self.text.len());
        let mut start = 0;
        for &at in &self.stars {
            out.push_str(&self.text[start..at]);
            start = at + 2;
        }
        out.push_str(&self.text[start..]);
        if self.ui { finish_plain(out) } else { out }
    }
}

/// A byte that may touch a `**` delimiter on its inner side: not space, not ASCII punctuation.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// `&`, `<` and `>` escaped, as pulldown-cmark escapes text (quotes are left as they are).
fn push_escaped(out: &mut String, text: &str) {
    // Writing into a `String` cannot fail.
    let _ = pulldown_cmark_escape::escape_html_body_text(out, text);
}

fn plain_of<'e>(events: impl Iterator<Item = &'e Event<'e>>) -> String {
    let mut out = String::new();
    for event in events {
        push_plain(&mut out, event);
    }
    finish_plain(out)
}

fn push_plain(out: &mut String, event: &Event<'_>) {
    match event {
        Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
            out.push_str(t);
        }
        Event::SoftBreak | Event::HardBreak => out.push(' '),
        _ => {}
    }
}

/// Drop UI markers and the surrounding whitespace.
fn finish_plain(out: String) -> String {
    let changed = {
        let stripped = crate::markers::strip_ui_markers(&out);
        let trimmed = stripped.trim();
        (trimmed.len() != out.len()).then(|| trimmed.to_owned())
    };
    changed.unwrap_or(out)
}

fn finish<'a>(events: impl Iterator<Item = Event<'a>>) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    ui_spans(html.trim_end())
}

/// Turn raw HTML into text, neutralize unsafe links, drop images (keeping their alt text).
fn sanitize(event: Event<'_>) -> Option<Event<'_>> {
    match event {
        Event::Html(html) | Event::InlineHtml(html) => Some(Event::Text(html)),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let dest_url = if is_safe_url(&dest_url) {
                dest_url
            } else {
                CowStr::Borrowed("#")
            };
            Some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        other => Some(other),
    }
}

/// Relative links, fragments and http(s)/mailto/tel only.
pub fn is_safe_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    match cleaned.find(':') {
        None => true,
        Some(colon) => {
            let before = &cleaned[..colon];
            if before.contains(['/', '?', '#']) {
                return true;
            }
            matches!(
                before.to_ascii_lowercase().as_str(),
                "http" | "https" | "mailto" | "tel"
            )
        }
    }
}

/// Replace UI markers by spans, keeping them balanced.
fn ui_spans(html: &str) -> String {
    if !html.contains([UI_OPEN, UI_CLOSE]) {
        return html.to_owned();
    }
    let mut out = String::with_capacity(html.len() + 32);
    let mut depth = 0usize;
    for c in html.chars() {
        match c {
            UI_OPEN => {
                depth += 1;
                out.push_str("<span class=\"ui\">");
            }
            UI_CLOSE if depth > 0 => {
                depth -= 1;
                out.push_str("</span>");
            }
            UI_CLOSE => {}
            c => out.push(c),
        }
    }
    for _ in 0..depth {
        out.push_str("</span>");
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use proptest::test_runner::TestCaseError;

    use super::*;

    #[test]
    fn raw_html_is_escaped() {
        assert_eq!(
            inline("a <script>alert(1)</script> b"),
            "a &lt;script&gt;alert(1)&lt;/script&gt; b"
        );
        assert!(!block("<img src=x onerror=alert(1)>").contains("<img"));
    }

    #[test]
    fn unsafe_links_are_neutralized() {
        assert_eq!(inline("[x](javascript:alert(1))"), "<a href=\"#\">x</a>");
        assert_eq!(inline("[x](JaVaScript:alert(1))"), "<a href=\"#\">x</a>");
        assert_eq!(
            inline("[x](<java\nscript:alert(1)>)"),
            "[x](&lt;java\nscript:alert(1)&gt;)"
        );
        assert_eq!(inline("[x](data:text/html,hi)"), "<a href=\"#\">x</a>");
        assert_eq!(
            inline("[x](https://example.com/a?b=1)"),
            "<a href=\"https://example.com/a?b=1\">x</a>"
        );
        assert_eq!(inline("[x](#step-a)"), "<a href=\"#step-a\">x</a>");
    }

    #[test]
    fn ui_markers_become_spans() {
        let text = format!("Click {UI_OPEN}Save{UI_CLOSE} now");
        assert_eq!(inline(&text), "Click <span class=\"ui\">Save</span> now");
        assert_eq!(plain(&text), "Click Save now");
        assert_eq!(
            ui_spans(&format!("{UI_CLOSE}a{UI_OPEN}b")),
            "a<span class=\"ui\">b</span>"
        );
    }

    fn parsed(text: &str) -> (String, String, String) {
        let events: Vec<Event<'_>> = Parser::new_ext(text, options()).collect();
        let plain = plain_of(events.iter());
        let block = finish(events.iter().cloned().filter_map(sanitize));
        let inline = finish(
            events
                .into_iter()
                .filter(|e| {
                    !matches!(
                        e,
                        Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
                    )
                })
                .filter_map(sanitize),
        );
        (inline, block, plain)
    }

    fn pieces() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "a", "Zb", "é", "ö", "1", " ", " ", "**", "**", "*", "_", "`", "[", "]", "(", ")", "!",
            "<", ">", "&", "& ", "#", "-", "+", "=", ".", ",", ":", "?", "'", "\"", "\\", "~", "|",
            "\n", "\t", "\u{a0}", "\u{2019}", "\u{E000}", "\u{E001}", "&amp;", "1.", "\u{85}",
            "\u{1680}", "\u{2003}", "\u{2028}", "\u{202f}", "\u{3000}", "\u{e9}",
        ]);
        prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
    }

    fn sentences() -> impl Strategy<Value = String> {
        let word = prop::sample::select(vec![
            "Click",
            "Save",
            "l'accès",
            "\"x\"",
            "a-b",
            "Users & groups",
            "ä",
            "x>y",
            "#1",
            "\u{E000}Save\u{E001}",
            "(EU)",
        ]);
        let item = (
            word,
            prop::bool::ANY,
            prop::sample::select(vec!["", ".", ",", "!", ")"]),
        )
            .prop_map(|(w, bold, p)| {
                if bold {
                    format!("**{w}**{p}")
                } else {
                    format!("{w}{p}")
                }
            });
        prop::collection::vec(item, 1..8).prop_map(|v| v.join(" "))
    }

    fn same_as_parser(text: &str) -> Result<(), TestCaseError> {
        if let Some(simple) = Simple::scan(text) {
            let (inline, block, plain) = parsed(text);
            prop_assert_eq!(simple.html(false), inline, "inline of {:?}", text);
            prop_assert_eq!(simple.html(true), block, "block of {:?}", text);
            prop_assert_eq!(simple.plain(), plain, "plain of {:?}", text);
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn simple_text_renders_like_the_parser(text in prop_oneof![pieces(), sentences()]) {
            same_as_parser(&text)?;
        }
    }

    #[test]
    fn common_step_text_takes_the_simple_path() {
        for text in [
            "Open the admin console and go to **Authorize**.",
            "Click **Users & groups**, then **Save**!",
            "Cliquez sur **Enregistrer** dans l'écran « Accès ».",
        ] {
            assert!(Simple::scan(text).is_some(), "{text}");
        }
        for text in [
            "- a",
            "1. a",
            "**a**b",
            "a **b",
            "[x](y)",
            "a  ",
            "a\nb",
            "a &amp; b",
        ] {
            assert!(Simple::scan(text).is_none(), "{text}");
        }
    }

    #[test]
    fn inline_markdown() {
        assert_eq!(
            inline("**bold** and `code`"),
            "<strong>bold</strong> and <code>code</code>"
        );
        assert_eq!(
            block("one\n\n- a\n- b"),
            "<p>one</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>"
        );
    }
}
