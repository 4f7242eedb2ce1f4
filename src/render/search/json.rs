//! JSON strings written by hand for the search files: the index's texts go from the page
//! straight into the file (commits cb5cfbc and 5019a90 measured the gain over serializing entry
//! structs with serde_json); `json_strings_are_escaped_like_serde_json` holds the escaping to
//! serde_json's.

/// Bytes that JSON strings escape: the quote, the backslash and control characters.
const NEEDS_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

/// `parts` joined as one JSON string, escaped as serde_json escapes (quote, backslash, control
/// characters; nothing else). Runs of bytes that need no escape are copied whole.
pub(super) fn push_json_string(out: &mut Vec<u8>, parts: &[&str]) {
    out.push(b'"');
    for part in parts {
        let bytes = part.as_bytes();
        // Most text needs no escape at all: two vectorized passes tell.
        if memchr::memchr2(b'"', b'\\', bytes).is_none() && !has_control_byte(bytes) {
            out.extend_from_slice(bytes);
            continue;
        }
        let mut start = 0;
        while let Some(offset) = bytes[start..]
            .iter()
            .position(|&b| NEEDS_ESCAPE[usize::from(b)])
        {
            let i = start + offset;
            let b = bytes[i];
            out.extend_from_slice(&bytes[start..i]);
            let short: &[u8] = match b {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                0x08 => b"\\b",
                0x0c => b"\\f",
                _ => b"",
            };
            if short.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xf)]);
            } else {
                out.extend_from_slice(short);
            }
            start = i + 1;
        }
        out.extend_from_slice(&bytes[start..]);
    }
    out.push(b'"');
}

/// Whether `bytes` holds a control character (below U+0020), checked in blocks the compiler
/// vectorizes.
fn has_control_byte(bytes: &[u8]) -> bool {
    bytes
        .chunks(32)
        .any(|block| block.iter().fold(false, |found, &b| found | (b < 0x20)))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::push_json_string;

    proptest! {
        #[test]
        fn json_strings_are_escaped_like_serde_json(
            parts in prop::collection::vec(
                prop::collection::vec(
                    prop_oneof![
                        prop::sample::select(vec!['"', '\\', '/', '\n', '\r', '\t', '\u{8}', '\u{c}', '\u{0}', '\u{1f}', '\u{7f}', '›', 'é']),
                        any::<char>(),
                    ],
                    // Past 32 bytes too: control bytes are looked for 32 at a time.
                    0..80,
                ).prop_map(|chars| chars.into_iter().collect::<String>()),
                0..4,
            )
        ) {
            let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
            let mut out = Vec::new();
            push_json_string(&mut out, &parts);
            let expected = serde_json::to_string(&parts.concat()).expect("serialized");
            prop_assert_eq!(String::from_utf8(out).expect("UTF-8"), expected);
        }
    }

    #[test]
    fn control_characters_are_escaped() {
        let mut out = Vec::new();
        push_json_string(&mut out, &["a\"b\\c\n\u{1}\u{7f}é", "\t\u{8}\u{c}"]);
        assert_eq!(
            String::from_utf8(out).expect("UTF-8"),
            serde_json::to_string("a\"b\\c\n\u{1}\u{7f}é\t\u{8}\u{c}").expect("serialized")
        );
    }
}
