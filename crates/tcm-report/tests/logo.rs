//! The consultant's logo read as a hostile file: each refusal with its message, and the
//! logos that pass (PNG in every colour type, SVG with local references).

use tcm_report::logo::{MAX_LOGO_BYTES, MAX_SIDE};
use tcm_report::{Logo, LogoError};

/// A PNG of `width` × `height` pixels in `colour`, each pixel from `pixel`.
fn png(width: u32, height: u32, colour: png::ColorType) -> Vec<u8> {
    let channels = match colour {
        png::ColorType::Grayscale => 1,
        png::ColorType::GrayscaleAlpha => 2,
        png::ColorType::Rgb => 3,
        _ => 4,
    };
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, width, height);
        encoder.set_color(colour);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().expect("header");
        let data: Vec<u8> = (0..width * height * channels)
            .map(|index| (index % 251) as u8)
            .collect();
        writer.write_image_data(&data).expect("data");
    }
    bytes
}

/// A valid PNG whose IHDR claims another size (its CRC fixed, so only the size lies).
fn png_declaring(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = png(2, 2, png::ColorType::Rgb);
    bytes[16..20].copy_from_slice(&width.to_be_bytes());
    bytes[20..24].copy_from_slice(&height.to_be_bytes());
    let crc = crc32(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.to_be_bytes());
    bytes
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for byte in data {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn svg(body: &str) -> Vec<u8> {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"120\" height=\"40\">{body}</svg>"
    )
    .into_bytes()
}

fn refusal(bytes: &[u8]) -> LogoError {
    Logo::read(bytes).expect_err("the logo is refused")
}

#[test]
fn pngs_of_every_colour_type_are_read_with_their_size() {
    for colour in [
        png::ColorType::Grayscale,
        png::ColorType::GrayscaleAlpha,
        png::ColorType::Rgb,
        png::ColorType::Rgba,
    ] {
        let logo = Logo::read(&png(30, 12, colour)).expect("a valid PNG");
        assert_eq!(logo.size(), (30.0, 12.0), "{colour:?}");
        assert_eq!(logo.format(), tcm_report::logo::LogoFormat::Png);
    }
}

#[test]
fn an_svg_with_local_references_is_read() {
    let logo = Logo::read(&svg(
        "<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#2b6cb0\"/></linearGradient>\
         <circle id=\"dot\" r=\"4\"/></defs>\
         <rect width=\"120\" height=\"40\" fill=\"url(#g)\"/><use xlink:href=\"#dot\" x=\"10\" y=\"10\"/>",
    ))
    .expect("a valid SVG");
    assert_eq!(logo.size(), (120.0, 40.0));
}

#[test]
fn sizes_are_bounded_before_anything_is_decoded() {
    assert_eq!(refusal(b""), LogoError::Empty);
    let huge = vec![b' '; MAX_LOGO_BYTES + 1];
    assert_eq!(
        refusal(&huge),
        LogoError::TooLarge {
            size: MAX_LOGO_BYTES + 1
        }
    );
    assert!(refusal(&huge).to_string().contains("1048576 bytes (1 MiB)"));
    // A 100 000 × 100 000 PNG would need 40 GB once decoded: refused from its header.
    let bomb = png_declaring(100_000, 100_000);
    assert!(bomb.len() < 200);
    let error = refusal(&bomb);
    assert_eq!(
        error,
        LogoError::PngTooManyPixels {
            width: 100_000,
            height: 100_000
        }
    );
    assert!(
        error
            .to_string()
            .contains("declares 100000 × 100000 pixels"),
        "{error}"
    );
    assert!(matches!(
        refusal(&png_declaring(MAX_SIDE + 1, 1)),
        LogoError::PngTooManyPixels { .. }
    ));
    assert!(matches!(
        refusal(&png_declaring(4000, 4000)),
        LogoError::PngTooManyPixels { .. }
    ));
    assert!(matches!(
        refusal(&png_declaring(0, 10)),
        LogoError::PngTooManyPixels { .. }
    ));
}

#[test]
fn damaged_or_unknown_files_are_refused() {
    // Within bounds, but the data does not match the header's size.
    let lying = png_declaring(400, 400);
    assert!(
        matches!(refusal(&lying), LogoError::PngDamaged(_)),
        "{:?}",
        refusal(&lying)
    );
    let mut truncated = png(40, 40, png::ColorType::Rgba);
    truncated.truncate(60);
    assert!(matches!(refusal(&truncated), LogoError::PngDamaged(_)));
    assert!(matches!(
        refusal(b"\x89PNG\r\n\x1a\n"),
        LogoError::PngDamaged(_)
    ));
    assert_eq!(refusal(b"GIF89a......"), LogoError::UnknownFormat);
    assert_eq!(refusal(&[0xff, 0xd8, 0xff, 0xe0]), LogoError::UnknownFormat);
    assert_eq!(
        refusal(b"<html><body>no</body></html>"),
        LogoError::UnknownFormat
    );
}

#[test]
fn svgs_that_reach_outside_or_explode_are_refused_saying_where() {
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (
            svg("<use xlink:href=\"file:///etc/passwd#x\"/>"),
            "refers to something outside itself: <use href=\"file:///etc/passwd#x\"> (line 1)",
        ),
        (
            svg("\n<a href=\"https://example.invalid/\"><rect width=\"1\" height=\"1\"/></a>"),
            "(line 2)",
        ),
        (
            svg("<rect width=\"1\" height=\"1\" fill=\"url(/tmp/pattern.svg#p)\"/>"),
            "url(/tmp/pattern.svg#p in <rect fill>",
        ),
        (
            svg("<rect width=\"1\" height=\"1\" style=\"fill:url('http://x.invalid/a')\"/>"),
            "in <rect style>",
        ),
        (svg("<style>@import url(#x); rect{}</style>"), "@import in a stylesheet"),
        (
            svg("<image href=\"data:image/png;base64,AAAA\" width=\"1\" height=\"1\"/>"),
            "holds <image>",
        ),
        (svg("<script>alert(1)</script>"), "holds <script>"),
        (svg("<foreignObject/>"), "holds <foreignObject>"),
        (
            svg("<defs><g id=\"a\"><rect width=\"1\" height=\"1\"/></g><g id=\"b\"><use href=\"#a\"/><use href=\"#a\"/></g></defs><use href=\"#b\"/>"),
            "exponentially",
        ),
        (
            b"<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"><text>&b;</text></svg>".to_vec(),
            "not well-formed XML (line 1",
        ),
        (b"<svg xmlns=\"http://www.w3.org/2000/svg\"><rect".to_vec(), "not well-formed XML"),
        (
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"5\" height=\"5\"/></svg>".to_vec(),
            "has no size",
        ),
        (
            format!(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\">{}</svg>",
                "<g/>".repeat(30_000)
            )
            .into_bytes(),
            "not well-formed XML",
        ),
        (b"<html><svg/></html>".to_vec(), "root element is <html>"),
    ];
    for (bytes, expected) in cases {
        let error = refusal(&bytes);
        assert!(
            error.to_string().contains(expected),
            "expected `{expected}` in: {error}"
        );
    }
}
