//! Scores as bars over the maturity-level bands (1–5: below 20, 40, 60, 80, and above):
//! one bar per stage with its target, or one bar per theme grouped by stage.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use tcm_core::{Language, MaturityLevel, Questionnaire, Scorecard, StageId, Targets};

use super::scale::ScoreScale;
use super::style::{self, ChartError, Drawn};
use crate::numbers;

/// A rectangle from its corners, drawn on `root`.
fn rect(
    root: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    from: (i32, i32),
    to: (i32, i32),
    style: ShapeStyle,
    chart: &'static str,
) -> Result<(), ChartError> {
    root.draw(&Rectangle::new([from, to], style)).chart(chart)
}

fn stage_name(questionnaire: &Questionnaire, stage: StageId, language: Language) -> String {
    questionnaire
        .stage(stage)
        .map(|found| found.name.get(language).to_owned())
        .unwrap_or_else(|| stage.name(language))
}

/// One vertical bar per stage, its target marked, over horizontal maturity bands.
pub fn stage_bars_svg(
    questionnaire: &Questionnaire,
    scorecard: &Scorecard,
    targets: &Targets,
    language: Language,
) -> Result<String, ChartError> {
    const CHART: &str = "stage bars";
    const WIDTH: u32 = 720;
    const HEIGHT: u32 = 420;
    let (left, right, top, bottom) = (48, 560, 40, 370);
    style::register_fonts()?;
    let words = style::words(language);
    let scale = ScoreScale {
        left,
        right,
        top,
        bottom,
    };
    let y_of = |score: f64| scale.y(score);

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&style::PAPER).chart(CHART)?;
        for level in MaturityLevel::ALL {
            let low = level.lower_bound();
            let high = low + 20.0;
            rect(
                &root,
                (left, y_of(high)),
                (right, y_of(low)),
                style::BAND_TINTS[usize::from(level.number() - 1)].filled(),
                CHART,
            )?;
            root.draw(&Text::new(
                format!("{} {}", level.number(), level.name(language)),
                (right + 10, (y_of(high) + y_of(low)) / 2),
                style::text(13.0, style::MUTED, HPos::Left, VPos::Center),
            ))
            .chart(CHART)?;
        }
        scale.draw_rules(&root, CHART)?;

        let slot = f64::from(right - left) / 5.0;
        for (index, stage) in StageId::ALL.iter().enumerate() {
            let centre = left + (slot * (index as f64 + 0.5)).round() as i32;
            let half = (slot * 0.28).round() as i32;
            let score = scorecard
                .stage(*stage)
                .and_then(|found| found.result.score)
                .map(|score| score.value());
            let colour = style::stage_colour(*stage);
            if let Some(score) = score {
                rect(
                    &root,
                    (centre - half, y_of(score)),
                    (centre + half, bottom),
                    colour.filled(),
                    CHART,
                )?;
            }
            let label =
                score.map_or_else(|| "—".to_owned(), |score| numbers::score(score, language));
            root.draw(&Text::new(
                label,
                (centre, y_of(score.unwrap_or(0.0)) - 6),
                style::bold(14.0, style::INK, HPos::Center, VPos::Bottom),
            ))
            .chart(CHART)?;
            let target = y_of(targets.as_score(*stage));
            root.draw(&PathElement::new(
                vec![(centre - half - 8, target), (centre + half + 8, target)],
                style::TARGET.stroke_width(3),
            ))
            .chart(CHART)?;
            root.draw(&Text::new(
                stage_name(questionnaire, *stage, language),
                (centre, bottom + 10),
                style::bold(14.0, colour, HPos::Center, VPos::Top),
            ))
            .chart(CHART)?;
        }
        root.draw(&PathElement::new(
            vec![(left, bottom), (right, bottom)],
            style::INK.stroke_width(1),
        ))
        .chart(CHART)?;

        // Legend, above the plot.
        rect(
            &root,
            (left, 12),
            (left + 22, 26),
            style::stage_colour(StageId::Creative).filled(),
            CHART,
        )?;
        root.draw(&Text::new(
            format!("{} (0–100)", words.score),
            (left + 30, 19),
            style::text(13.0, style::INK, HPos::Left, VPos::Center),
        ))
        .chart(CHART)?;
        root.draw(&PathElement::new(
            vec![(left + 190, 19), (left + 220, 19)],
            style::TARGET.stroke_width(3),
        ))
        .chart(CHART)?;
        root.draw(&Text::new(
            words.target.to_owned(),
            (left + 228, 19),
            style::text(13.0, style::INK, HPos::Left, VPos::Center),
        ))
        .chart(CHART)?;
        root.draw(&Text::new(
            format!("{} 1–5", words.level),
            (right + 10, 19),
            style::text(13.0, style::MUTED, HPos::Left, VPos::Center),
        ))
        .chart(CHART)?;
        root.present().chart(CHART)?;
    }
    Ok(svg)
}

/// One horizontal bar per theme, grouped by stage, over vertical maturity bands.
pub fn theme_bars_svg(
    questionnaire: &Questionnaire,
    scorecard: &Scorecard,
    language: Language,
) -> Result<String, ChartError> {
    const CHART: &str = "theme bars";
    const WIDTH: u32 = 860;
    const ROW: i32 = 22;
    const STAGE_GAP: i32 = 10;
    let (left, right, top) = (340, 800, 52);
    style::register_fonts()?;
    let words = style::words(language);
    let themes = questionnaire.themes();
    let stages_with_themes = StageId::ALL
        .iter()
        .filter(|stage| questionnaire.themes_of(**stage).next().is_some())
        .count() as i32;
    let bottom = top
        + ROW * (themes.len() as i32 + stages_with_themes)
        + STAGE_GAP * (stages_with_themes - 1).max(0);
    let height = (bottom + 34) as u32;
    let x_of = |score: f64| {
        left + ((score.clamp(0.0, 100.0) / 100.0) * f64::from(right - left)).round() as i32
    };

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&style::PAPER).chart(CHART)?;
        for level in MaturityLevel::ALL {
            let low = level.lower_bound();
            let (x0, x1) = (x_of(low), x_of(low + 20.0));
            rect(
                &root,
                (x0, top),
                (x1, bottom),
                style::BAND_TINTS[usize::from(level.number() - 1)].filled(),
                CHART,
            )?;
            root.draw(&Text::new(
                format!("{} {}", level.number(), level.name(language)),
                ((x0 + x1) / 2, top - 8),
                style::text(12.0, style::MUTED, HPos::Center, VPos::Bottom),
            ))
            .chart(CHART)?;
        }
        for tick in (0..=100).step_by(20) {
            let x = x_of(f64::from(tick));
            root.draw(&PathElement::new(
                vec![(x, top), (x, bottom)],
                style::RULE.stroke_width(1),
            ))
            .chart(CHART)?;
            root.draw(&Text::new(
                tick.to_string(),
                (x, bottom + 6),
                style::text(12.0, style::MUTED, HPos::Center, VPos::Top),
            ))
            .chart(CHART)?;
        }

        let mut y = top;
        for stage in StageId::ALL {
            if questionnaire.themes_of(stage).next().is_none() {
                continue;
            }
            let colour = style::stage_colour(stage);
            // The stage's own row: its name, over the group of its themes.
            root.draw(&Text::new(
                stage_name(questionnaire, stage, language),
                (16, y + ROW / 2 + 2),
                style::bold(13.0, colour, HPos::Left, VPos::Center),
            ))
            .chart(CHART)?;
            y += ROW;
            let first = y;
            for theme in questionnaire.themes_of(stage) {
                let score = scorecard
                    .theme(theme.id.as_str())
                    .and_then(|found| found.result.score)
                    .map(|score| score.value());
                let middle = y + ROW / 2;
                root.draw(&Text::new(
                    theme.name.get(language).to_owned(),
                    (left - 10, middle),
                    style::text(12.5, style::INK, HPos::Right, VPos::Center),
                ))
                .chart(CHART)?;
                match score {
                    Some(score) => {
                        rect(
                            &root,
                            (left, y + 4),
                            (x_of(score), y + ROW - 4),
                            colour.filled(),
                            CHART,
                        )?;
                        root.draw(&Text::new(
                            numbers::score(score, language),
                            (x_of(score) + 5, middle),
                            style::text(12.0, style::INK, HPos::Left, VPos::Center),
                        ))
                        .chart(CHART)?;
                    }
                    None => {
                        root.draw(&Text::new(
                            format!("— {}", words.no_score),
                            (left + 5, middle),
                            style::text(12.0, style::MUTED, HPos::Left, VPos::Center),
                        ))
                        .chart(CHART)?;
                    }
                }
                y += ROW;
            }
            rect(&root, (16, first + 3), (20, y - 3), colour.filled(), CHART)?;
            y += STAGE_GAP;
        }
        root.present().chart(CHART)?;
    }
    Ok(svg)
}
