//! The bundled fonts: DejaVu Sans and DejaVu Sans Bold (Bitstream Vera licence, see
//! `fonts/LICENSE-DejaVu.txt`). Compiled into the binary, so that no system font is ever
//! needed: the PDF embeds them, the charts lay their text out with them.

/// The family name the charts ask for, and under which the fonts are registered.
pub const FAMILY: &str = "DejaVu Sans";

pub static REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
pub static BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");
