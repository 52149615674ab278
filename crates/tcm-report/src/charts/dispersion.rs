//! How far respondents agree: for each question, the range from the lowest to the highest
//! level given (a bar in the stage's colour) and the mean (a dot). Questions fewer than two
//! people gave a level to are left blank.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use tcm_core::{Language, Questionnaire, Scorecard, StageId};

use super::style::{self, ChartError, Drawn};

const CHART: &str = "dispersion";
const WIDTH: u32 = 900;
const HEIGHT: u32 = 300;
const LEFT: i32 = 40;
const RIGHT: i32 = 888;
const TOP: i32 = 40;
const BOTTOM: i32 = 250;
const STAGE_GAP: f64 = 10.0;

/// The dispersion chart as an SVG document.
pub fn dispersion_svg(
    questionnaire: &Questionnaire,
    scorecard: &Scorecard,
    language: Language,
) -> Result<String, ChartError> {
    style::register_fonts()?;
    let words = style::words(language);
    let y_of = |level: f64| BOTTOM - ((level / 4.0) * f64::from(BOTTOM - TOP)).round() as i32;
    let count = questionnaire.questions().len().max(1) as f64;
    let step = (f64::from(RIGHT - LEFT) - 4.0 * STAGE_GAP) / count;

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&style::PAPER).chart(CHART)?;
        for level in 0..=4 {
            let y = y_of(f64::from(level));
            root.draw(&PathElement::new(
                vec![(LEFT, y), (RIGHT, y)],
                style::RULE.stroke_width(1),
            ))
            .chart(CHART)?;
            root.draw(&Text::new(
                level.to_string(),
                (LEFT - 10, y),
                style::text(12.0, style::MUTED, HPos::Right, VPos::Center),
            ))
            .chart(CHART)?;
        }

        let mut x = f64::from(LEFT);
        for (index, stage) in StageId::ALL.iter().enumerate() {
            let colour = style::stage_colour(*stage);
            let first = x;
            for question in questionnaire.questions_of(*stage) {
                let centre = (x + step / 2.0).round() as i32;
                let spread = scorecard
                    .question(question.id.as_str())
                    .and_then(|score| score.dispersion)
                    .filter(|spread| spread.count >= 2);
                if let Some(spread) = spread {
                    let half = ((step * 0.22).round() as i32).max(1);
                    root.draw(&Rectangle::new(
                        [
                            (centre - half, y_of(f64::from(spread.max))),
                            (
                                centre + half,
                                y_of(f64::from(spread.min)).max(y_of(f64::from(spread.max)) + 2),
                            ),
                        ],
                        colour.mix(0.55).filled(),
                    ))
                    .chart(CHART)?;
                    root.draw(&Circle::new(
                        (centre, y_of(spread.mean)),
                        2,
                        style::INK.filled(),
                    ))
                    .chart(CHART)?;
                }
                x += step;
            }
            let name = questionnaire
                .stage(*stage)
                .map(|found| found.name.get(language).to_owned())
                .unwrap_or_else(|| stage.name(language));
            root.draw(&PathElement::new(
                vec![
                    (first.round() as i32, BOTTOM + 6),
                    (x.round() as i32, BOTTOM + 6),
                ],
                colour.stroke_width(3),
            ))
            .chart(CHART)?;
            root.draw(&Text::new(
                name,
                (((first + x) / 2.0).round() as i32, BOTTOM + 14),
                style::bold(13.0, colour, HPos::Center, VPos::Top),
            ))
            .chart(CHART)?;
            if index < 4 {
                x += STAGE_GAP;
            }
        }

        // Legend, above the plot.
        root.draw(&Rectangle::new(
            [(LEFT, 12), (LEFT + 10, 28)],
            style::MUTED.mix(0.55).filled(),
        ))
        .chart(CHART)?;
        root.draw(&Text::new(
            words.range.to_owned(),
            (LEFT + 18, 20),
            style::text(13.0, style::INK, HPos::Left, VPos::Center),
        ))
        .chart(CHART)?;
        root.draw(&Circle::new((LEFT + 170, 20), 3, style::INK.filled()))
            .chart(CHART)?;
        root.draw(&Text::new(
            words.mean.to_owned(),
            (LEFT + 180, 20),
            style::text(13.0, style::INK, HPos::Left, VPos::Center),
        ))
        .chart(CHART)?;
        root.present().chart(CHART)?;
    }
    Ok(svg)
}
