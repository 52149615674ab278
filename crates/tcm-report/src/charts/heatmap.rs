//! Every question at a glance: one row per stage, one cell per question in questionnaire
//! order, coloured by its value on the 0–4 scale; hatched grey when not applicable, plain
//! light grey when nobody gave a level.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use tcm_core::scoring::QuestionValue;
use tcm_core::{Language, Questionnaire, Scorecard, StageId};

use super::style::{self, ChartError, Drawn};

const CHART: &str = "heatmap";
const CELL: i32 = 29;
const GAP: i32 = 3;
const LEFT: i32 = 112;
const TOP: i32 = 14;

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

/// Diagonal hatching over a square cell at (x, y): lines x + y = d clipped to the square.
fn hatch(root: &Area<'_>, x: i32, y: i32, size: i32) -> Result<(), ChartError> {
    let step = 6;
    let mut d = step;
    while d < 2 * size {
        let from = (x + (d - size).max(0), y + d.min(size));
        let to = (x + d.min(size), y + (d - size).max(0));
        root.draw(&PathElement::new(
            vec![from, to],
            style::MUTED.stroke_width(1),
        ))
        .chart(CHART)?;
        d += step;
    }
    Ok(())
}

fn cell(
    root: &Area<'_>,
    x: i32,
    y: i32,
    size: i32,
    value: QuestionValue,
) -> Result<RGBColor, ChartError> {
    let fill = match value {
        QuestionValue::Value(value) => style::level_colour(value),
        QuestionValue::NotApplicable => style::NOT_APPLICABLE,
        QuestionValue::NoValue => style::NO_ANSWER,
    };
    root.draw(&Rectangle::new(
        [(x, y), (x + size, y + size)],
        fill.filled(),
    ))
    .chart(CHART)?;
    if value == QuestionValue::NotApplicable {
        hatch(root, x, y, size)?;
    }
    Ok(fill)
}

/// The heatmap as an SVG document; cells carry the question's number within its stage.
pub fn heatmap_svg(
    questionnaire: &Questionnaire,
    scorecard: &Scorecard,
    language: Language,
) -> Result<String, ChartError> {
    style::register_fonts()?;
    let words = style::words(language);
    let columns = StageId::ALL
        .iter()
        .map(|stage| questionnaire.questions_of(*stage).count())
        .max()
        .unwrap_or(0)
        .max(10) as i32;
    let width = (LEFT + columns * (CELL + GAP) + 12) as u32;
    let rows_bottom = TOP + 5 * (CELL + GAP);
    let height = (rows_bottom + 62) as u32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        root.fill(&style::PAPER).chart(CHART)?;
        for (row, stage) in StageId::ALL.iter().enumerate() {
            let y = TOP + row as i32 * (CELL + GAP);
            let name = questionnaire
                .stage(*stage)
                .map(|found| found.name.get(language).to_owned())
                .unwrap_or_else(|| stage.name(language));
            root.draw(&Text::new(
                name,
                (LEFT - 10, y + CELL / 2),
                style::bold(13.0, style::stage_colour(*stage), HPos::Right, VPos::Center),
            ))
            .chart(CHART)?;
            for (column, question) in questionnaire.questions_of(*stage).enumerate() {
                let x = LEFT + column as i32 * (CELL + GAP);
                let value = scorecard
                    .question(question.id.as_str())
                    .map_or(QuestionValue::NoValue, |score| score.value);
                let fill = cell(&root, x, y, CELL, value)?;
                let label_colour = if value == QuestionValue::NotApplicable {
                    style::INK
                } else {
                    style::text_on(fill)
                };
                root.draw(&Text::new(
                    format!("{}", column + 1),
                    (x + CELL / 2, y + CELL / 2),
                    style::text(11.0, label_colour, HPos::Center, VPos::Center),
                ))
                .chart(CHART)?;
            }
        }

        // Legend: the five levels with the scale's labels, then NA and no answer.
        let legend_y = rows_bottom + 14;
        let mut x = LEFT;
        for level in questionnaire.scale() {
            let value = f64::from(level.level.value());
            root.draw(&Rectangle::new(
                [(x, legend_y), (x + 16, legend_y + 16)],
                style::level_colour(value).filled(),
            ))
            .chart(CHART)?;
            let label = format!("{} {}", level.level, level.label.get(language));
            root.draw(&Text::new(
                label.clone(),
                (x + 21, legend_y + 8),
                style::text(11.5, style::INK, HPos::Left, VPos::Center),
            ))
            .chart(CHART)?;
            x += 30 + (label.chars().count() as i32) * 7;
        }
        let second = legend_y + 24;
        cell(&root, LEFT, second, 16, QuestionValue::NotApplicable)?;
        root.draw(&Text::new(
            format!("NA — {}", words.not_applicable),
            (LEFT + 21, second + 8),
            style::text(11.5, style::INK, HPos::Left, VPos::Center),
        ))
        .chart(CHART)?;
        let x = LEFT + 190;
        cell(&root, x, second, 16, QuestionValue::NoValue)?;
        root.draw(&Text::new(
            words.no_answer.to_owned(),
            (x + 21, second + 8),
            style::text(11.5, style::INK, HPos::Left, VPos::Center),
        ))
        .chart(CHART)?;
        root.present().chart(CHART)?;
    }
    Ok(svg)
}
