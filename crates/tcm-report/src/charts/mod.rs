//! Charts as SVG documents, drawn with plotters and the bundled font: one code path for the
//! PDF report, the HTML rendering and, later, the app. Labels come in the report language,
//! stage and theme names from the questionnaire.
//!
//! plotters' prelude defines `Color` and `Polygon`, as printpdf's does: its use stays inside
//! this module.

mod bars;
mod dispersion;
mod heatmap;
mod radar;
mod roadmap;
mod scale;
pub(crate) mod style;
mod trend;

pub use bars::{stage_bars_svg, theme_bars_svg};
pub use dispersion::dispersion_svg;
pub use heatmap::heatmap_svg;
pub use radar::radar_svg;
pub use roadmap::roadmap_svg;
pub use style::ChartError;
pub use trend::trend_svg;

/// The width and height an SVG document declares, in pixels.
pub fn svg_size(svg: &str) -> Option<(f64, f64)> {
    let start = svg.find("<svg")?;
    let tag = &svg[start..start + svg[start..].find('>')?];
    let attribute = |name: &str| -> Option<f64> {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        let end = at + tag[at..].find('"')?;
        tag[at..end].trim_end_matches("px").parse().ok()
    };
    Some((attribute("width")?, attribute("height")?))
}

#[cfg(test)]
mod tests {
    use super::svg_size;

    #[test]
    fn the_declared_size_is_read() {
        let svg = r#"<svg width="640" height="500" viewBox="0 0 640 500" xmlns="http://www.w3.org/2000/svg">"#;
        assert_eq!(svg_size(svg), Some((640.0, 500.0)));
        assert_eq!(svg_size("<p>"), None);
    }
}
