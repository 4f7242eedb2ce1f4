//! Any text through the Markdown path: the HTML contains only the tags stepdoc allows, no
//! attribute but the allowed ones, and no unsafe link scheme.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stepdoc::render::markdown;

/// Tags pulldown-cmark may emit for the features stepdoc enables (images are dropped).
const TAGS: &[&str] = &[
    "p",
    "em",
    "strong",
    "del",
    "code",
    "pre",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "br",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "span",
];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for html in [markdown::inline(text), markdown::block(text)] {
        check_markup(&html);
    }
    let plain = markdown::plain(text);
    assert!(
        !plain.contains(['\u{E000}', '\u{E001}']),
        "marker left in plain text"
    );
});

fn check_markup(html: &str) {
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let tag = &rest[start + 1..];
        let end = tag
            .find('>')
            .unwrap_or_else(|| panic!("unclosed tag in {html:?}"));
        let inner = &tag[..end];
        let name = inner
            .trim_start_matches('/')
            .split([' ', '/'])
            .next()
            .unwrap_or_default();
        assert!(TAGS.contains(&name), "tag `{name}` in {html:?}");
        for attr in attributes(inner) {
            let (key, value) = attr.split_once('=').unwrap_or((attr, ""));
            assert!(
                matches!(
                    key,
                    "href" | "title" | "class" | "start" | "style" | "align"
                ),
                "attribute `{key}` in {html:?}"
            );
            if key == "href" {
                let url = value.trim_matches('"');
                assert!(
                    markdown::is_safe_url(&decode(url)),
                    "unsafe href {url:?} in {html:?}"
                );
            }
        }
        rest = &tag[end + 1..];
    }
}

/// The `key="value"` pairs of a tag's inside (values are quoted and escaped by pulldown-cmark).
fn attributes(inner: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = inner.split_once(' ').map_or("", |(_, r)| r);
    while let Some(eq) = rest.find("=\"") {
        let after = &rest[eq + 2..];
        let close = after.find('"').map_or(after.len(), |c| c + 1);
        out.push(rest[..eq + 2 + close].trim());
        rest = after.get(close..).unwrap_or("");
    }
    out
}

fn decode(url: &str) -> String {
    url.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}
