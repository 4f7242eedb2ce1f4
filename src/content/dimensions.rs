//! Intrinsic size of a screenshot, read from the file header (PNG, GIF, JPEG, WebP, SVG), so pages
//! can reserve the image's space and a step anchor stays in view while images load.

use std::io::Read;
use std::path::Path;

/// How much of a file is read to find its size (an SVG's root element must start within it).
const HEADER_BYTES: u64 = 64 * 1024;

/// Width and height in CSS pixels, when the file says. Reads 1 KiB, more only for an SVG
/// whose root element has not ended by then.
pub fn read(path: &Path) -> Option<(u32, u32)> {
    let mut file = std::fs::File::open(path).ok()?;
    let mut header = vec![0; 1024];
    // One read is enough for every format whose size is in its first bytes.
    let first = file.read(&mut header).ok()?;
    header.truncate(first);
    if let Some(size) = from_header(&header) {
        return Some(size);
    }
    (&mut file)
        .take(1024 - first as u64)
        .read_to_end(&mut header)
        .ok()?;
    if let Some(size) = from_header(&header) {
        return Some(size);
    }
    // PNG, GIF and WebP state their size in the first bytes; a JPEG frame header may follow
    // metadata, an SVG root element a long prologue.
    let fixed_header = header.starts_with(b"\x89PNG")
        || header.starts_with(b"GIF8")
        || header.starts_with(b"RIFF");
    if header.len() < 1024 || fixed_header {
        return None;
    }
    file.take(HEADER_BYTES - 1024)
        .read_to_end(&mut header)
        .ok()?;
    from_header(&header)
}

/// The size from the first bytes of an image file.
pub fn from_header(b: &[u8]) -> Option<(u32, u32)> {
    let size = if b.starts_with(b"\x89PNG\r\n\x1a\n") && b.get(12..16) == Some(b"IHDR") {
        Some((be32(b, 16)?, be32(b, 20)?))
    } else if b.starts_with(b"GIF87a") || b.starts_with(b"GIF89a") {
        Some((u32::from(le16(b, 6)?), u32::from(le16(b, 8)?)))
    } else if b.starts_with(&[0xFF, 0xD8]) {
        jpeg(b)
    } else if b.starts_with(b"RIFF") && b.get(8..12) == Some(b"WEBP") {
        webp(b)
    } else {
        svg(std::str::from_utf8(b).ok().or_else(|| {
            // A cut in the middle of a character: decode up to it.
            let valid = std::str::from_utf8(b).err()?.valid_up_to();
            std::str::from_utf8(&b[..valid]).ok()
        })?)
    };
    size.filter(|(w, h)| *w > 0 && *h > 0)
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn be16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn le16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn le24(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at + 3)?;
    Some(u32::from(s[0]) | (u32::from(s[1]) << 8) | (u32::from(s[2]) << 16))
}

/// The first start-of-frame marker's size.
fn jpeg(b: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    loop {
        if *b.get(at)? != 0xFF {
            return None;
        }
        let marker = *b.get(at + 1)?;
        if marker == 0xFF {
            at += 1;
            continue;
        }
        let length = usize::from(be16(b, at + 2)?);
        let is_frame = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_frame {
            return Some((u32::from(be16(b, at + 7)?), u32::from(be16(b, at + 5)?)));
        }
        at = at.checked_add(2 + length)?;
    }
}

fn webp(b: &[u8]) -> Option<(u32, u32)> {
    match b.get(12..16)? {
        b"VP8X" => Some((le24(b, 24)? + 1, le24(b, 27)? + 1)),
        b"VP8 " => Some((
            u32::from(le16(b, 26)? & 0x3FFF),
            u32::from(le16(b, 28)? & 0x3FFF),
        )),
        b"VP8L" => {
            let bits = u32::from_le_bytes(b.get(21..25)?.try_into().ok()?);
            Some(((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1))
        }
        _ => None,
    }
}

/// `width`/`height` of the root `<svg>` element in plain units (px or none), else its viewBox.
fn svg(text: &str) -> Option<(u32, u32)> {
    let start = text.find("<svg")?;
    let end = start + text[start..].find('>')?;
    let tag = &text[start..end];
    let attr = |name: &str| -> Option<&str> {
        let mut rest = tag;
        loop {
            let at = rest.find(name)?;
            let before = rest[..at].chars().next_back();
            let after = rest[at + name.len()..].trim_start();
            rest = &rest[at + name.len()..];
            if before.is_some_and(char::is_whitespace) && after.starts_with('=') {
                let value = after[1..].trim_start();
                let quote = value.chars().next()?;
                if quote != '"' && quote != '\'' {
                    return None;
                }
                let value = &value[1..];
                return Some(&value[..value.find(quote)?]);
            }
        }
    };
    let pixels = |v: &str| -> Option<u32> {
        let number = v.trim().strip_suffix("px").unwrap_or(v.trim());
        let value: f64 = number.parse().ok()?;
        if !(1.0..100_000.0).contains(&value) {
            return None;
        }
        // In range, so the rounded value fits.
        number.split('.').next()?.parse::<u32>().ok().map(|whole| {
            if value - f64::from(whole) >= 0.5 {
                whole + 1
            } else {
                whole
            }
        })
    };
    if let (Some(w), Some(h)) = (
        attr("width").and_then(pixels),
        attr("height").and_then(pixels),
    ) {
        return Some((w, h));
    }
    let view_box: Vec<&str> = attr("viewBox")?
        .split([' ', ','])
        .filter(|s| !s.is_empty())
        .collect();
    match view_box.as_slice() {
        [_, _, w, h] => Some((pixels(w)?, pixels(h)?)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::from_header;

    #[test]
    fn png_gif_and_svg_sizes() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend(640u32.to_be_bytes());
        png.extend(480u32.to_be_bytes());
        assert_eq!(from_header(&png), Some((640, 480)));
        assert_eq!(from_header(b"GIF89a\x20\x03\x58\x02"), Some((800, 600)));
        assert_eq!(
            from_header(br#"<?xml version="1.0"?><svg xmlns="x" width="720" height="360px">"#),
            Some((720, 360))
        );
        assert_eq!(
            from_header(br#"<svg stroke-width="2" viewBox="0 0 300 150">"#),
            Some((300, 150))
        );
        assert_eq!(from_header(br#"<svg width="100%" height="50%">"#), None);
        assert_eq!(from_header(b"not an image"), None);
        assert_eq!(from_header(b"\xFF\xD8\xFF"), None);
    }

    #[test]
    fn jpeg_start_of_frame() {
        // SOI, an APP0 segment of 16 bytes, then SOF0 with height 200 and width 300.
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
        jpeg.extend([0; 14]);
        jpeg.extend([0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0xC8, 0x01, 0x2C]);
        assert_eq!(from_header(&jpeg), Some((300, 200)));
    }
}
