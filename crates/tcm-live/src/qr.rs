//! QR codes of the join URL: SVG for the app's projector screen, Unicode blocks for a terminal.

use qrcode::QrCode;
use qrcode::render::{svg, unicode};

use crate::error::LiveError;

fn code(url: &str) -> Result<QrCode, LiveError> {
    QrCode::new(url.as_bytes()).map_err(|error| LiveError::Refused(format!("QR code: {error}")))
}

/// An SVG image of the QR code.
pub fn svg(url: &str) -> Result<String, LiveError> {
    Ok(code(url)?
        .render::<svg::Color<'_>>()
        .min_dimensions(256, 256)
        .quiet_zone(true)
        .build())
}

/// The QR code drawn with half-block characters, light on dark as terminals show it best.
pub fn terminal(url: &str) -> Result<String, LiveError> {
    Ok(code(url)?
        .render::<unicode::Dense1x2>()
        .dark_color(unicode::Dense1x2::Light)
        .light_color(unicode::Dense1x2::Dark)
        .quiet_zone(true)
        .build())
}

#[cfg(test)]
mod tests {
    #[test]
    fn both_renderings_encode_something() -> Result<(), crate::LiveError> {
        let url = "http://192.168.1.10:8080/j/0123456789abcdef0123456789abcdef01234567";
        let image = super::svg(url)?;
        assert!(image.starts_with("<?xml") && image.contains("<svg"));
        let text = super::terminal(url)?;
        assert!(text.lines().count() > 10);
        assert!(text.contains('█') || text.contains('▀') || text.contains('▄'));
        Ok(())
    }
}
