//! Markdown → HTML for text fields (pulldown-cmark), safe by construction: raw HTML is escaped,
//! link targets are limited to safe schemes, Markdown images are reduced to their text, and
//! UI-label markers become `<span class="ui">`.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::i18n::{UI_CLOSE, UI_OPEN};

fn options() -> Options {
    Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES
}

/// Inline Markdown (one paragraph) as HTML, without the surrounding `<p>`.
pub fn inline(text: &str) -> String {
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
    finish(Parser::new_ext(text, options()).filter_map(sanitize))
}

/// Markdown as HTML ([`inline`] or [`block`]) and as [`plain`] text, from one parse.
pub fn html_and_plain(text: &str, is_block: bool) -> (String, String) {
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
    let mut out = String::new();
    for event in Parser::new_ext(text, options()) {
        push_plain(&mut out, &event);
    }
    finish_plain(out)
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
    if !out.contains([UI_OPEN, UI_CLOSE]) {
        let trimmed = out.trim();
        return if trimmed.len() == out.len() {
            out
        } else {
            trimmed.to_owned()
        };
    }
    out.chars()
        .filter(|c| *c != UI_OPEN && *c != UI_CLOSE)
        .collect::<String>()
        .trim()
        .to_owned()
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
