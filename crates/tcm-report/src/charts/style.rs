//! What every chart shares: the bundled font registered with plotters, colours, text styles,
//! the chart words in each language and the error type.

use std::sync::OnceLock;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use tcm_core::{Language, StageId};

use crate::fonts;

/// A chart that could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChartError {
    #[error("the bundled font could not be registered for charts")]
    Font,
    #[error("the {chart} chart could not be drawn: {message}")]
    Drawing {
        chart: &'static str,
        message: String,
    },
}

/// Maps plotters' drawing errors to [`ChartError::Drawing`], naming the chart.
pub trait Drawn<T> {
    fn chart(self, chart: &'static str) -> Result<T, ChartError>;
}

impl<T, E: std::fmt::Display> Drawn<T> for Result<T, E> {
    fn chart(self, chart: &'static str) -> Result<T, ChartError> {
        self.map_err(|error| ChartError::Drawing {
            chart,
            message: error.to_string(),
        })
    }
}

/// Registers DejaVu Sans (regular and bold) with plotters, under its own name and as
/// "sans-serif" (plotters' default family), once per process.
pub fn register_fonts() -> Result<(), ChartError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = *REGISTERED.get_or_init(|| {
        [fonts::FAMILY, "sans-serif"].into_iter().all(|family| {
            plotters::style::register_font(family, FontStyle::Normal, fonts::REGULAR).is_ok()
                && plotters::style::register_font(family, FontStyle::Bold, fonts::BOLD).is_ok()
        })
    });
    if ok { Ok(()) } else { Err(ChartError::Font) }
}

pub const INK: RGBColor = RGBColor(0x22, 0x2B, 0x38);
pub const MUTED: RGBColor = RGBColor(0x6B, 0x74, 0x80);
pub const RULE: RGBColor = RGBColor(0xC9, 0xCE, 0xD6);
pub const PAPER: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);
pub const NO_ANSWER: RGBColor = RGBColor(0xE4, 0xE6, 0xEA);
pub const NOT_APPLICABLE: RGBColor = RGBColor(0xB8, 0xBD, 0xC5);
pub const TARGET: RGBColor = RGBColor(0x22, 0x2B, 0x38);
pub const PREVIOUS: RGBColor = RGBColor(0x9A, 0xA1, 0xAB);
/// The scores projected if the first wave succeeds, then if every wave does.
pub const AFTER_FIRST_WAVE: RGBColor = RGBColor(0x6F, 0xC0, 0x6A);
pub const AFTER_ALL_WAVES: RGBColor = RGBColor(0x12, 0x9E, 0x48);

/// One colour per stage, the same in every chart and in the PDF tables.
pub fn stage_colour(stage: StageId) -> RGBColor {
    match stage {
        StageId::Creative => RGBColor(0x2F, 0x6D, 0xB5),
        StageId::Active => RGBColor(0x23, 0x9B, 0x6C),
        StageId::Curative => RGBColor(0xD9, 0x7B, 0x29),
        StageId::Preventive => RGBColor(0x85, 0x5C, 0xB8),
        StageId::Proactive => RGBColor(0xC2, 0x41, 0x5B),
    }
}

/// A stage's colour as plain red, green, blue, for renderings that do not use plotters.
pub fn stage_rgb(stage: StageId) -> (u8, u8, u8) {
    let RGBColor(r, g, b) = stage_colour(stage);
    (r, g, b)
}

/// The five anchors of the level scale, 0 to 4 (red to green).
const LEVEL_ANCHORS: [(u8, u8, u8); 5] = [
    (0xD7, 0x30, 0x27),
    (0xF4, 0x8C, 0x54),
    (0xF6, 0xD3, 0x6B),
    (0x8C, 0xC8, 0x63),
    (0x1A, 0x98, 0x50),
];

/// The colour of a value on the 0–4 scale; a mean between two levels blends their colours.
pub fn level_colour(value: f64) -> RGBColor {
    let value = value.clamp(0.0, 4.0);
    let low = (value.floor() as usize).min(3);
    let t = value - low as f64;
    let (a, b) = (LEVEL_ANCHORS[low], LEVEL_ANCHORS[low + 1]);
    let mix = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// Light tints behind scores, one per maturity level (1–5), lowest first.
pub const BAND_TINTS: [RGBColor; 5] = [
    RGBColor(0xFB, 0xE3, 0xE0),
    RGBColor(0xFD, 0xEC, 0xDB),
    RGBColor(0xFC, 0xF6, 0xDA),
    RGBColor(0xE6, 0xF3, 0xDD),
    RGBColor(0xD6, 0xEE, 0xE0),
];

/// Dark or light text, whichever reads on `background`.
pub fn text_on(background: RGBColor) -> RGBColor {
    let RGBColor(r, g, b) = background;
    let luminance = 0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b);
    if luminance > 150.0 { INK } else { PAPER }
}

/// Text in the bundled font: `size` in pixels, anchored at `h`/`v`.
pub fn text(size: f64, colour: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    TextStyle {
        font: (fonts::FAMILY, size).into_font(),
        color: colour.to_backend_color(),
        pos: Pos::new(h, v),
    }
}

pub fn bold(size: f64, colour: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    TextStyle {
        font: (fonts::FAMILY, size).into_font().style(FontStyle::Bold),
        color: colour.to_backend_color(),
        pos: Pos::new(h, v),
    }
}

/// The fixed words of the charts.
pub struct ChartWords {
    pub current: &'static str,
    pub target: &'static str,
    pub previous: &'static str,
    /// "After wave 1 (index {index})".
    pub after_first_wave: &'static str,
    pub after_all_waves: &'static str,
    pub score: &'static str,
    pub no_answer: &'static str,
    pub not_applicable: &'static str,
    pub range: &'static str,
    pub mean: &'static str,
    pub level: &'static str,
    pub no_score: &'static str,
}

pub fn words(language: Language) -> ChartWords {
    match language {
        Language::French => ChartWords {
            current: "Actuel",
            target: "Cible",
            previous: "Audit précédent",
            after_first_wave: "Après la vague 1 (indice {index})",
            after_all_waves: "Après les trois vagues (indice {index})",
            score: "Score",
            no_answer: "Sans réponse",
            not_applicable: "Non applicable",
            range: "Écart min–max",
            mean: "Moyenne",
            level: "Niveau",
            no_score: "sans score",
        },
        Language::English => ChartWords {
            current: "Current",
            target: "Target",
            previous: "Previous audit",
            after_first_wave: "After wave 1 (index {index})",
            after_all_waves: "After all three waves (index {index})",
            score: "Score",
            no_answer: "No answer",
            not_applicable: "Not applicable",
            range: "Min–max range",
            mean: "Mean",
            level: "Level",
            no_score: "no score",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_colours_blend_between_anchors() {
        assert_eq!(level_colour(0.0), RGBColor(0xD7, 0x30, 0x27));
        assert_eq!(level_colour(4.0), RGBColor(0x1A, 0x98, 0x50));
        assert_eq!(level_colour(9.0), level_colour(4.0));
        let RGBColor(r, _, _) = level_colour(0.5);
        assert!(r > 0xD7 && r < 0xF4, "halfway between levels 0 and 1");
    }
}
