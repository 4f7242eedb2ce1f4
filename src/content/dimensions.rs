//! Intrinsic size of a screenshot, read from the file header, so pages can reserve the image's
//! space and a step anchor stays in view while images load. PNG, GIF, JPEG, WebP and AVIF are read
//! by the `imagesize` crate; SVG, which it does not read, by the root element's attributes here.

use std::io::Read;
use std::path::Path;

/// How much of a file is read to find its size (a JPEG frame header, an AVIF's properties or an
/// SVG's root element must start within it).
const HEADER_BYTES: u64 = 64 * 1024;

/// Width and height in CSS pixels, when the file says. Reads 1 KiB, more only for a JPEG, an AVIF
/// or an SVG whose size has not come by then.
pub fn read(path: &Path) -> Option<(u32, u32)> {
    // Only a regular file, opened without waiting on a FIFO swapped in since the listing.
    let mut file = crate::input::open_regular(path).ok()?;
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
    // metadata, an AVIF's image properties a long list of items, an SVG root element a long
    // prologue.
    let fixed_header = matches!(
        imagesize::image_type(&header),
        Ok(imagesize::ImageType::Png | imagesize::ImageType::Gif | imagesize::ImageType::Webp)
    );
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
    let size = match imagesize::blob_size(b) {
        Ok(size) => Some((
            u32::try_from(size.width).ok()?,
            u32::try_from(size.height).ok()?,
        )),
        // Not one of the raster formats: an SVG, or a header cut before the size.
        Err(_) if imagesize::image_type(b).is_err() => {
            svg(std::str::from_utf8(b).ok().or_else(|| {
                // A cut in the middle of a character: decode up to it.
                let valid = std::str::from_utf8(b).err()?.valid_up_to();
                std::str::from_utf8(&b[..valid]).ok()
            })?)
        }
        Err(_) => None,
    };
    size.filter(|(w, h)| *w > 0 && *h > 0)
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
    use super::{from_header, read};

    /// A 5 × 3 AVIF made by `avifenc -s 10` (libavif 0.11.1) from a 5 × 3 PNG: the `ftyp` box,
    /// the `meta` box whose `ipco` properties hold `ispe` (5, 3), and the 40-byte `mdat`.
    const AVIF_5X3: [&str; 8] = [
        "00000020667479706176696600000000617669666d6966316d6961664d413141000000f26d657461",
        "000000000000002868646c720000000000000000706963740000000000000000000000006c696261",
        "766966000000000e7069746d0000000000010000001e696c6f630000000044000001000100000001",
        "0000011a000000200000002869696e660000000000010000001a696e666502000000000100006176",
        "3031436f6c6f72000000006a697072700000004b6970636f00000014697370650000000000000005",
        "00000003000000107069786900000000030808080000000c617631438120000000000013636f6c72",
        "6e636c780001000d0006800000001769706d61000000000000000100010401028304000000286d64",
        "617412000a08380864c2021a0d2032121640061861840000794cd9d93324aecc9880",
    ];

    fn avif() -> Vec<u8> {
        let hex = AVIF_5X3.concat();
        (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or_default())
            .collect()
    }

    #[test]
    fn png_gif_and_svg_sizes() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend(640u32.to_be_bytes());
        png.extend(480u32.to_be_bytes());
        assert_eq!(from_header(&png), Some((640, 480)));
        // The 13-byte header and logical screen descriptor of an 800 × 600 GIF.
        assert_eq!(
            from_header(b"GIF89a\x20\x03\x58\x02\xF7\0\0"),
            Some((800, 600))
        );
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

    #[test]
    fn avif_size_from_its_image_properties() {
        let avif = avif();
        assert_eq!(avif.len(), 314);
        assert_eq!(from_header(&avif), Some((5, 3)));
        // Cut before the `ispe` property (at byte 0xBC): no size, and no guess.
        assert_eq!(from_header(&avif[..0xB0]), None);
    }

    #[test]
    fn avif_properties_after_the_first_kibibyte_are_read() -> std::io::Result<()> {
        // A 4 KiB `free` box between `ftyp` and `meta`, as an encoder may leave.
        let avif = avif();
        let mut padded = avif[..0x20].to_vec();
        padded.extend(4096u32.to_be_bytes());
        padded.extend(b"free");
        padded.resize(padded.len() + 4088, 0);
        padded.extend(&avif[0x20..]);
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("padded.avif");
        std::fs::write(&path, &padded)?;
        assert_eq!(read(&path), Some((5, 3)));
        Ok(())
    }

    proptest::proptest! {
        /// Whatever follows a format's signature, reading a size never panics.
        #[test]
        fn any_header_is_read_without_panic(
            signature in proptest::sample::select(vec![
                &b"\x89PNG\r\n\x1a\n"[..], b"GIF89a", b"\xFF\xD8\xFF", b"RIFF\0\0\0\0WEBPVP8",
                b"\0\0\0\x1cftypavif", b"\0\0\0\x1cftypmif1", b"<svg ",
            ]),
            rest in proptest::collection::vec(proptest::num::u8::ANY, 0..200),
        ) {
            let mut bytes = signature.to_vec();
            bytes.extend(rest);
            let _ = from_header(&bytes);
        }
    }
}
