//! SVG drawings as PNG pictures, for the Word document (Word shows PNG everywhere; its SVG
//! support depends on the version). The bundled fonts draw the text, never a system font.

use resvg::{tiny_skia, usvg};

use crate::fonts;

/// The longest side of a rasterised picture, in pixels.
const MAX_SIDE: f32 = 4000.0;

/// A PNG picture and its size in pixels.
pub struct Picture {
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Draws `svg` at `scale` times its own size (capped at [`MAX_SIDE`] a side) on white.
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Picture, String> {
    let mut options = usvg::Options {
        font_family: fonts::FAMILY.to_owned(),
        ..usvg::Options::default()
    };
    let database = options.fontdb_mut();
    database.load_font_data(fonts::REGULAR.to_vec());
    database.load_font_data(fonts::BOLD.to_vec());
    let tree = usvg::Tree::from_str(svg, &options).map_err(|error| error.to_string())?;
    let size = tree.size();
    let scale = scale
        .min(MAX_SIDE / size.width())
        .min(MAX_SIDE / size.height());
    let width = (size.width() * scale).ceil().max(1.0) as u32;
    let height = (size.height() * scale).ceil().max(1.0) as u32;
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| format!("a {width} × {height} picture cannot be drawn"))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let png = pixmap.encode_png().map_err(|error| error.to_string())?;
    Ok(Picture { png, width, height })
}
