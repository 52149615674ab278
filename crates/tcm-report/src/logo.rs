//! The consultant's logo for the report's cover: a PNG or an SVG file the user picked, read as
//! a hostile file. Every check happens before anything large is allocated:
//!
//! - at most [`MAX_LOGO_BYTES`] (1 MiB) of file;
//! - a PNG's declared size is read from its header and refused above [`MAX_SIDE`] pixels a
//!   side or [`MAX_PIXELS`] in all, before any pixel is decoded; decoding then runs under a
//!   memory limit ([`DECODE_LIMIT_BYTES`]);
//! - an SVG is parsed without DTD (no entities), with at most [`MAX_SVG_NODES`] elements, and
//!   refused when it refers to anything outside itself (a link, an image, a stylesheet, a
//!   font), embeds a raster image, holds a script, or nests `<use>` references (an
//!   exponential expansion).
//!
//! A refusal says what was wrong and where (the element and attribute of an SVG).

use std::collections::BTreeMap;

use printpdf::{ExternalXObject, RawImage, RawImageData, RawImageFormat, Svg};

/// The largest logo file read, in bytes (1 MiB).
pub const MAX_LOGO_BYTES: usize = 1024 * 1024;
/// The longest side of a PNG logo, in pixels.
pub const MAX_SIDE: u32 = 4096;
/// The most pixels in a PNG logo (4096 × 2048: a wide logo at print resolution).
pub const MAX_PIXELS: u64 = 8 * 1024 * 1024;
/// The most memory the PNG decoder may allocate.
pub const DECODE_LIMIT_BYTES: usize = 48 * 1024 * 1024;
/// The most XML nodes in an SVG logo.
pub const MAX_SVG_NODES: u32 = 20_000;
/// The most `<use>` elements in an SVG logo.
const MAX_SVG_USES: usize = 500;

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Why a logo was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LogoError {
    #[error("the logo file is empty")]
    Empty,
    #[error(
        "the logo file is {size} bytes; a logo holds at most {MAX_LOGO_BYTES} bytes (1 MiB): export a smaller one"
    )]
    TooLarge { size: usize },
    #[error(
        "the logo is neither a PNG nor an SVG image (its first bytes are not a PNG signature or SVG markup)"
    )]
    UnknownFormat,
    #[error(
        "the PNG logo declares {width} × {height} pixels; a logo has at most {MAX_SIDE} pixels a side and {MAX_PIXELS} in all: resize it"
    )]
    PngTooManyPixels { width: u32, height: u32 },
    #[error("the PNG logo is damaged: {0}")]
    PngDamaged(String),
    #[error("the SVG logo is not well-formed XML (line {line}, column {column}): {message}")]
    SvgSyntax {
        line: u32,
        column: u32,
        message: String,
    },
    #[error("the SVG logo's root element is <{0}>, not <svg>")]
    SvgRoot(String),
    #[error("the SVG logo refers to something outside itself: {what} (line {line})")]
    SvgExternal { what: String, line: u32 },
    #[error("the SVG logo holds <{element}> (line {line}), which a logo may not hold: {why}")]
    SvgForbidden {
        element: String,
        line: u32,
        why: &'static str,
    },
    #[error("the SVG logo has no size: give its <svg> a width and height or a viewBox")]
    SvgNoSize,
    #[error("the SVG logo could not be drawn: {0}")]
    SvgUnreadable(String),
}

/// A checked logo, ready to be placed on a page.
#[derive(Clone)]
pub struct Logo {
    /// The file as given (what the store keeps).
    bytes: Vec<u8>,
    drawing: Drawing,
}

#[derive(Debug, Clone)]
enum Drawing {
    Png(RawImage),
    Svg {
        form: Box<ExternalXObject>,
        width: f64,
        height: f64,
    },
}

impl std::fmt::Debug for Logo {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (width, height) = self.size();
        formatter
            .debug_struct("Logo")
            .field("format", &self.format())
            .field("bytes", &self.bytes.len())
            .field("size", &format_args!("{width} × {height}"))
            .finish()
    }
}

/// Two logos are the same when their files are.
impl PartialEq for Logo {
    fn eq(&self, other: &Logo) -> bool {
        self.bytes == other.bytes
    }
}

/// The format of a logo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogoFormat {
    Png,
    Svg,
}

/// A logo as the PDF writer places it.
pub(crate) enum Placed<'a> {
    Png(&'a RawImage),
    Svg(&'a ExternalXObject),
}

impl Logo {
    /// Reads and checks a logo file.
    pub fn read(bytes: &[u8]) -> Result<Logo, LogoError> {
        if bytes.is_empty() {
            return Err(LogoError::Empty);
        }
        if bytes.len() > MAX_LOGO_BYTES {
            return Err(LogoError::TooLarge { size: bytes.len() });
        }
        let drawing = if bytes.starts_with(PNG_SIGNATURE) {
            Drawing::Png(read_png(bytes)?)
        } else {
            let text = std::str::from_utf8(bytes).map_err(|_| LogoError::UnknownFormat)?;
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            if !text.contains("<svg") {
                return Err(LogoError::UnknownFormat);
            }
            read_svg(text)?
        };
        Ok(Logo {
            bytes: bytes.to_vec(),
            drawing,
        })
    }

    /// The file as it was read.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    pub fn format(&self) -> LogoFormat {
        match self.drawing {
            Drawing::Png(_) => LogoFormat::Png,
            Drawing::Svg { .. } => LogoFormat::Svg,
        }
    }

    /// Width and height, in pixels (an SVG's user units).
    pub fn size(&self) -> (f64, f64) {
        match &self.drawing {
            Drawing::Png(image) => (image.width as f64, image.height as f64),
            Drawing::Svg { width, height, .. } => (*width, *height),
        }
    }

    pub(crate) fn placed(&self) -> Placed<'_> {
        match &self.drawing {
            Drawing::Png(image) => Placed::Png(image),
            Drawing::Svg { form, .. } => Placed::Svg(form),
        }
    }
}

/// The width and height a PNG's header declares, read from the IHDR chunk that must follow
/// the signature.
fn png_header_size(bytes: &[u8]) -> Result<(u32, u32), LogoError> {
    let header = bytes
        .get(8..24)
        .ok_or_else(|| LogoError::PngDamaged("the file ends inside its header".to_owned()))?;
    if &header[4..8] != b"IHDR" {
        return Err(LogoError::PngDamaged(
            "its first chunk is not the IHDR header".to_owned(),
        ));
    }
    let number = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    Ok((number(8), number(12)))
}

fn read_png(bytes: &[u8]) -> Result<RawImage, LogoError> {
    let (width, height) = png_header_size(bytes)?;
    if width == 0
        || height == 0
        || width > MAX_SIDE
        || height > MAX_SIDE
        || u64::from(width) * u64::from(height) > MAX_PIXELS
    {
        return Err(LogoError::PngTooManyPixels { width, height });
    }
    let damaged = |error: png::DecodingError| LogoError::PngDamaged(error.to_string());
    let mut decoder = png::Decoder::new_with_limits(
        std::io::Cursor::new(bytes),
        png::Limits {
            bytes: DECODE_LIMIT_BYTES,
        },
    );
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(damaged)?;
    let size = reader
        .output_buffer_size()
        .filter(|size| *size <= DECODE_LIMIT_BYTES)
        .ok_or(LogoError::PngTooManyPixels { width, height })?;
    let mut pixels = vec![0; size];
    let frame = reader.next_frame(&mut pixels).map_err(damaged)?;
    pixels.truncate(frame.buffer_size());
    let format = match frame.color_type {
        png::ColorType::Grayscale => RawImageFormat::R8,
        png::ColorType::GrayscaleAlpha => RawImageFormat::RG8,
        png::ColorType::Rgb => RawImageFormat::RGB8,
        png::ColorType::Rgba => RawImageFormat::RGBA8,
        png::ColorType::Indexed => {
            return Err(LogoError::PngDamaged(
                "its palette could not be expanded".to_owned(),
            ));
        }
    };
    // Rows are tightly packed once normalised to 8 bits, so the buffer is width × height ×
    // channels; anything else means a header and data that disagree.
    let channels = match format {
        RawImageFormat::R8 => 1,
        RawImageFormat::RG8 => 2,
        RawImageFormat::RGB8 => 3,
        _ => 4,
    };
    if pixels.len() != frame.width as usize * frame.height as usize * channels {
        return Err(LogoError::PngDamaged(
            "its rows do not match its declared size".to_owned(),
        ));
    }
    Ok(RawImage {
        pixels: RawImageData::U8(pixels),
        width: frame.width as usize,
        height: frame.height as usize,
        data_format: format,
        tag: Vec::new(),
    })
}

/// Whether an attribute's value points outside the document (anything but `#id`).
fn external_link(value: &str) -> bool {
    !value.trim().starts_with('#')
}

/// The first `url(...)` in `value` that is not a local `url(#id)`.
fn external_url(value: &str) -> Option<String> {
    let lower = value.to_ascii_lowercase();
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("url(") {
        let after = rest[at + 4..].trim_start_matches([' ', '"', '\'']);
        if !after.starts_with('#') {
            let end = after.find(')').unwrap_or(after.len()).min(80);
            return Some(format!("url({}", &after[..end]));
        }
        rest = &rest[at + 4..];
    }
    if lower.contains("@import") {
        return Some("@import".to_owned());
    }
    None
}

fn check_svg(text: &str) -> Result<(), LogoError> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_SVG_NODES,
    };
    let document = roxmltree::Document::parse_with_options(text, options).map_err(|error| {
        let position = error.pos();
        LogoError::SvgSyntax {
            line: position.row,
            column: position.col,
            message: error.to_string(),
        }
    })?;
    let root = document.root_element();
    if root.tag_name().name() != "svg" {
        return Err(LogoError::SvgRoot(root.tag_name().name().to_owned()));
    }
    let sized = root.has_attribute("viewBox")
        || (root.has_attribute("width") && root.has_attribute("height"));
    if !sized {
        return Err(LogoError::SvgNoSize);
    }
    let line = |node: roxmltree::Node<'_, '_>| document.text_pos_at(node.range().start).row;
    let mut uses = 0;
    for node in root.descendants() {
        if node.is_text() {
            // A stylesheet's text.
            if let Some(url) = node.text().and_then(external_url) {
                return Err(LogoError::SvgExternal {
                    what: format!("{url} in a stylesheet"),
                    line: line(node),
                });
            }
            continue;
        }
        if !node.is_element() {
            continue;
        }
        let name = node.tag_name().name();
        let forbidden = match name {
            "image" => {
                Some("a raster image inside an SVG escapes the PNG checks: use a PNG logo instead")
            }
            "script" => Some("scripts are not run in a report"),
            "foreignObject" => Some("foreign content cannot be drawn in a PDF"),
            _ => None,
        };
        if let Some(why) = forbidden {
            return Err(LogoError::SvgForbidden {
                element: name.to_owned(),
                line: line(node),
                why,
            });
        }
        for attribute in node.attributes() {
            let local = attribute.name();
            if local == "href" && external_link(attribute.value()) {
                let value: String = attribute.value().chars().take(80).collect();
                return Err(LogoError::SvgExternal {
                    what: format!("<{name} href=\"{value}\">"),
                    line: line(node),
                });
            }
            if let Some(url) = external_url(attribute.value()) {
                return Err(LogoError::SvgExternal {
                    what: format!("{url} in <{name} {local}>"),
                    line: line(node),
                });
            }
        }
        if name == "use" {
            uses += 1;
            if uses > MAX_SVG_USES {
                return Err(LogoError::SvgForbidden {
                    element: name.to_owned(),
                    line: line(node),
                    why: "more than 500 <use> references",
                });
            }
            let target = node
                .attributes()
                .find(|attribute| attribute.name() == "href")
                .map(|attribute| attribute.value().trim().trim_start_matches('#'));
            let nested = target
                .and_then(|id| {
                    root.descendants()
                        .find(|other| other.attribute("id") == Some(id))
                })
                .is_some_and(|referenced| {
                    referenced
                        .descendants()
                        .any(|inner| inner.is_element() && inner.tag_name().name() == "use")
                });
            if nested {
                return Err(LogoError::SvgForbidden {
                    element: name.to_owned(),
                    line: line(node),
                    why: "it refers to a group that holds other <use> references (an expansion that grows exponentially)",
                });
            }
        }
    }
    Ok(())
}

fn read_svg(text: &str) -> Result<Drawing, LogoError> {
    check_svg(text)?;
    let mut warnings = Vec::new();
    let form = Svg::parse_with_fonts(text, &BTreeMap::new(), &mut warnings)
        .map_err(LogoError::SvgUnreadable)?;
    let (Some(width), Some(height)) = (form.width, form.height) else {
        return Err(LogoError::SvgNoSize);
    };
    let (width, height) = (width.0 as f64, height.0 as f64);
    if width < 1.0 || height < 1.0 {
        return Err(LogoError::SvgNoSize);
    }
    Ok(Drawing::Svg {
        form: Box::new(form),
        width,
        height,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_references_are_allowed_and_others_found() {
        assert!(!external_link("#grad"));
        assert!(external_link("https://example.invalid/a.svg"));
        assert_eq!(external_url("fill:url(#g)"), None);
        assert_eq!(external_url("fill: url( '#g')"), None);
        assert!(external_url("fill:url(file:///etc/passwd)").is_some());
        assert!(external_url("@import 'x.css';").is_some());
    }
}
