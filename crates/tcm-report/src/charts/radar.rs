//! The radar of the five stages: the current scores against the targets, the previous
//! assessment's scores when there is one, and the scores projected if the strategy's first
//! wave, then all its waves, succeed (`tcm_core::strategy::projection`) when it is given, each
//! with its projected TCM index in the legend. Rings mark the maturity-level thresholds.

use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use tcm_core::strategy::{Projection, StageValues};
use tcm_core::{Language, Questionnaire, Scorecard, StageId, Targets};

use super::style::{self, ChartError, Drawn};
use crate::numbers;

const WIDTH: u32 = 640;
const HEIGHT: u32 = 500;
const CENTRE: (f64, f64) = (320.0, 268.0);
const RADIUS: f64 = 172.0;

/// The point of `score` (0–100) on the axis of the stage at `index`.
fn point(index: usize, score: f64) -> (i32, i32) {
    along(index, score.clamp(0.0, 100.0))
}

/// The point at `share` percent of the radius on the axis at `index`, beyond 100 too (labels).
fn along(index: usize, share: f64) -> (i32, i32) {
    let angle = -std::f64::consts::FRAC_PI_2 + index as f64 * std::f64::consts::TAU / 5.0;
    let r = RADIUS * share / 100.0;
    (
        (CENTRE.0 + r * angle.cos()).round() as i32,
        (CENTRE.1 + r * angle.sin()).round() as i32,
    )
}

fn stage_score(scorecard: &Scorecard, stage: StageId) -> Option<f64> {
    scorecard
        .stage(stage)
        .and_then(|score| score.result.score)
        .map(|score| score.value())
}

fn projected_score(values: &StageValues, stage: StageId) -> Option<f64> {
    values
        .stages
        .iter()
        .find(|(id, _)| *id == stage)
        .and_then(|(_, score)| *score)
        .map(|score| score.value())
}

/// The radar as an SVG document. A stage without a score is drawn at the centre; a stage the
/// projection leaves without a score keeps its current one.
pub fn radar_svg(
    questionnaire: &Questionnaire,
    scorecard: &Scorecard,
    targets: &Targets,
    previous: Option<&Scorecard>,
    projection: Option<&Projection>,
    language: Language,
) -> Result<String, ChartError> {
    style::register_fonts()?;
    let words = style::words(language);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&style::PAPER).chart("radar")?;

        // Rings at the level thresholds, and the axes.
        for ring in [20.0, 40.0, 60.0, 80.0, 100.0] {
            let points: Vec<(i32, i32)> = (0..=5).map(|k| point(k % 5, ring)).collect();
            root.draw(&PathElement::new(points, style::RULE.stroke_width(1)))
                .chart("radar")?;
            let (x, y) = point(0, ring);
            root.draw(&Text::new(
                format!("{ring}"),
                (x + 4, y),
                style::text(11.0, style::MUTED, HPos::Left, VPos::Center),
            ))
            .chart("radar")?;
        }
        for index in 0..5 {
            root.draw(&PathElement::new(
                vec![point(index, 0.0), point(index, 100.0)],
                style::RULE.stroke_width(1),
            ))
            .chart("radar")?;
        }

        // The series: previous, target, current.
        let closed = |scores: &[f64]| -> Vec<(i32, i32)> {
            (0..=5).map(|k| point(k % 5, scores[k % 5])).collect()
        };
        let current: Vec<f64> = StageId::ALL
            .iter()
            .map(|stage| stage_score(scorecard, *stage).unwrap_or(0.0))
            .collect();
        if let Some(previous) = previous {
            let scores: Vec<f64> = StageId::ALL
                .iter()
                .map(|stage| stage_score(previous, *stage).unwrap_or(0.0))
                .collect();
            root.draw(&DashedPathElement::new(
                closed(&scores),
                6,
                4,
                style::PREVIOUS.stroke_width(2),
            ))
            .chart("radar")?;
        }
        let projected = |values: &StageValues| -> Vec<f64> {
            StageId::ALL
                .iter()
                .map(|stage| {
                    projected_score(values, *stage)
                        .or_else(|| stage_score(scorecard, *stage))
                        .unwrap_or(0.0)
                })
                .collect()
        };
        if let Some(projection) = projection {
            for (values, colour, dash) in [
                (&projection.after_all_waves, style::AFTER_ALL_WAVES, (3, 3)),
                (
                    &projection.after_first_wave,
                    style::AFTER_FIRST_WAVE,
                    (2, 4),
                ),
            ] {
                root.draw(&DashedPathElement::new(
                    closed(&projected(values)),
                    dash.0,
                    dash.1,
                    colour.stroke_width(3),
                ))
                .chart("radar")?;
            }
        }
        let target: Vec<f64> = StageId::ALL
            .iter()
            .map(|stage| targets.as_score(*stage))
            .collect();
        root.draw(&DashedPathElement::new(
            closed(&target),
            8,
            5,
            style::TARGET.stroke_width(2),
        ))
        .chart("radar")?;
        let current_colour = style::stage_colour(StageId::Creative);
        root.draw(&Polygon::new(
            closed(&current),
            current_colour.mix(0.22).filled(),
        ))
        .chart("radar")?;
        root.draw(&PathElement::new(
            closed(&current),
            current_colour.stroke_width(3),
        ))
        .chart("radar")?;
        for (index, score) in current.iter().enumerate() {
            root.draw(&Circle::new(
                point(index, *score),
                4,
                current_colour.filled(),
            ))
            .chart("radar")?;
        }

        // Stage names and scores at the end of each axis.
        for (index, stage) in StageId::ALL.iter().enumerate() {
            let name = questionnaire
                .stage(*stage)
                .map(|stage| stage.name.get(language).to_owned())
                .unwrap_or_else(|| stage.name(language));
            let (x, y) = along(index, 112.0);
            let h = if x < CENTRE.0 as i32 - 10 {
                HPos::Right
            } else if x > CENTRE.0 as i32 + 10 {
                HPos::Left
            } else {
                HPos::Center
            };
            let y = match index {
                0 => y - 16,
                2 | 3 => y + 6,
                _ => y,
            };
            root.draw(&Text::new(
                name,
                (x, y),
                style::bold(15.0, style::stage_colour(*stage), h, VPos::Bottom),
            ))
            .chart("radar")?;
            let value = stage_score(scorecard, *stage)
                .map(|score| numbers::score(score, language))
                .unwrap_or_else(|| "—".to_owned());
            root.draw(&Text::new(
                value,
                (x, y + 3),
                style::text(13.0, style::INK, h, VPos::Top),
            ))
            .chart("radar")?;
        }

        // Legend, top left.
        let mut legend_y = 18;
        let mut entry = |label: &str, colour: RGBColor, dashed: bool| -> Result<(), ChartError> {
            let from = (16, legend_y);
            let to = (44, legend_y);
            if dashed {
                root.draw(&DashedPathElement::new(
                    vec![from, to],
                    6,
                    4,
                    colour.stroke_width(2),
                ))
                .chart("radar")?;
            } else {
                root.draw(&PathElement::new(vec![from, to], colour.stroke_width(3)))
                    .chart("radar")?;
            }
            root.draw(&Text::new(
                label.to_owned(),
                (52, legend_y),
                style::text(13.0, style::INK, HPos::Left, VPos::Center),
            ))
            .chart("radar")?;
            legend_y += 20;
            Ok(())
        };
        entry(words.current, current_colour, false)?;
        entry(words.target, style::TARGET, true)?;
        if previous.is_some() {
            entry(words.previous, style::PREVIOUS, true)?;
        }
        if let Some(projection) = projection {
            let index = |values: &StageValues| {
                values.overall.map_or_else(
                    || "—".to_owned(),
                    |score| numbers::score(score.value(), language),
                )
            };
            let first = words
                .after_first_wave
                .replace("{index}", &index(&projection.after_first_wave));
            let all = words
                .after_all_waves
                .replace("{index}", &index(&projection.after_all_waves));
            entry(&first, style::AFTER_FIRST_WAVE, true)?;
            entry(&all, style::AFTER_ALL_WAVES, true)?;
        }
        root.present().chart("radar")?;
    }
    Ok(svg)
}
