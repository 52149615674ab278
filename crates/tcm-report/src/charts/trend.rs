//! The follow-up across audits as a line chart: the overall index (thick, dark) and each
//! stage (its colour) over the audits' dates, placed on a time axis so that uneven gaps
//! between audits show as such. A stage without a score at one audit breaks its line there.

use chrono::NaiveDate;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use tcm_core::strategy::trend::Trend;
use tcm_core::{Language, MaturityLevel, Score, StageId};

use super::scale::ScoreScale;
use super::style::{self, ChartError, Drawn};
use crate::numbers;

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

/// The overall index's line.
const OVERALL_WORD: [&str; 2] = ["Indice TCM", "TCM index"];

fn word(language: Language) -> &'static str {
    match language {
        Language::French => OVERALL_WORD[0],
        Language::English => OVERALL_WORD[1],
    }
}

/// Draws the runs of consecutive known values of one series as lines, and every known value
/// as a dot.
fn series(
    root: &Area<'_>,
    points: &[(i32, Option<f64>)],
    y_of: &dyn Fn(f64) -> i32,
    colour: RGBColor,
    width: u32,
    chart: &'static str,
) -> Result<(), ChartError> {
    let mut run: Vec<(i32, i32)> = Vec::new();
    let flush = |run: &mut Vec<(i32, i32)>| -> Result<(), ChartError> {
        if run.len() > 1 {
            root.draw(&PathElement::new(run.clone(), colour.stroke_width(width)))
                .chart(chart)?;
        }
        run.clear();
        Ok(())
    };
    for (x, value) in points {
        match value {
            Some(value) => {
                let point = (*x, y_of(*value));
                run.push(point);
                root.draw(&Circle::new(point, width + 2, colour.filled()))
                    .chart(chart)?;
            }
            None => flush(&mut run)?,
        }
    }
    flush(&mut run)
}

/// The trend over every audit. `stage_name` names a stage as the questionnaire does.
pub fn trend_svg(
    trend: &Trend,
    stage_name: &dyn Fn(StageId) -> String,
    language: Language,
) -> Result<String, ChartError> {
    const CHART: &str = "trend";
    const WIDTH: u32 = 760;
    const HEIGHT: u32 = 420;
    let (left, right, top, bottom) = (48, 580, 40, 360);
    style::register_fonts()?;
    let scale = ScoreScale {
        left,
        right,
        top,
        bottom,
    };
    let y_of = |score: f64| scale.y(score);
    let first = trend.dates.first().copied().unwrap_or(NaiveDate::MIN);
    let last = trend.dates.last().copied().unwrap_or(first);
    let span = (last - first).num_days().max(1) as f64;
    // A single audit sits in the middle; otherwise the first and last audits at the ends,
    // with a margin so that their dots and labels stay inside.
    let inner = (left + 30, right - 30);
    let x_of = |date: NaiveDate| -> i32 {
        if trend.dates.len() < 2 || first == last {
            (inner.0 + inner.1) / 2
        } else {
            let share = (date - first).num_days() as f64 / span;
            inner.0 + (share * f64::from(inner.1 - inner.0)).round() as i32
        }
    };

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&style::PAPER).chart(CHART)?;
        for level in MaturityLevel::ALL {
            let low = level.lower_bound();
            root.draw(&Rectangle::new(
                [(left, y_of(low + 20.0)), (right, y_of(low))],
                style::BAND_TINTS[usize::from(level.number() - 1)].filled(),
            ))
            .chart(CHART)?;
        }
        scale.draw_rules(&root, CHART)?;
        for date in &trend.dates {
            let x = x_of(*date);
            root.draw(&PathElement::new(
                vec![(x, top), (x, bottom)],
                style::RULE.stroke_width(1),
            ))
            .chart(CHART)?;
            root.draw(&Text::new(
                numbers::short_date(*date, language),
                (x, bottom + 8),
                style::text(12.0, style::INK, HPos::Center, VPos::Top),
            ))
            .chart(CHART)?;
        }
        root.draw(&PathElement::new(
            vec![(left, bottom), (right, bottom)],
            style::INK.stroke_width(1),
        ))
        .chart(CHART)?;

        let points = |values: &[Option<Score>]| -> Vec<(i32, Option<f64>)> {
            trend
                .dates
                .iter()
                .zip(values)
                .map(|(date, value)| (x_of(*date), value.map(Score::rounded)))
                .collect()
        };
        for (stage, values) in &trend.stages {
            series(
                &root,
                &points(values),
                &y_of,
                style::stage_colour(*stage),
                2,
                CHART,
            )?;
        }
        let overall = points(&trend.overall);
        series(&root, &overall, &y_of, style::INK, 4, CHART)?;
        if let Some((x, Some(value))) = overall.last() {
            root.draw(&Text::new(
                numbers::score(*value, language),
                (*x, y_of(*value) - 10),
                style::bold(14.0, style::INK, HPos::Center, VPos::Bottom),
            ))
            .chart(CHART)?;
        }

        // Legend, on the right: the overall index, then the stages with their last value.
        let mut y = top + 4;
        let mut legend = |label: String, colour: RGBColor, width: u32| {
            let drawn = root
                .draw(&PathElement::new(
                    vec![(right + 16, y), (right + 40, y)],
                    colour.stroke_width(width),
                ))
                .chart(CHART)
                .and_then(|()| {
                    root.draw(&Text::new(
                        label,
                        (right + 48, y),
                        style::text(13.0, style::INK, HPos::Left, VPos::Center),
                    ))
                    .chart(CHART)
                });
            y += 24;
            drawn
        };
        let last_of = |values: &[Option<Score>]| {
            values
                .last()
                .copied()
                .flatten()
                .map_or_else(String::new, |score| {
                    format!(" {}", numbers::score(score.value(), language))
                })
        };
        legend(
            format!("{}{}", word(language), last_of(&trend.overall)),
            style::INK,
            4,
        )?;
        for (stage, values) in &trend.stages {
            legend(
                format!("{}{}", stage_name(*stage), last_of(values)),
                style::stage_colour(*stage),
                2,
            )?;
        }
        root.present().chart(CHART)?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tcm_core::strategy::trend::Trend;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or(NaiveDate::MIN)
    }

    fn trend(overall: Vec<Option<Score>>, dates: &[&str]) -> Trend {
        Trend {
            dates: dates.iter().map(|date| day(date)).collect(),
            stages: StageId::ALL
                .into_iter()
                .map(|stage| (stage, overall.clone()))
                .collect(),
            overall,
        }
    }

    #[test]
    fn the_chart_carries_every_date_and_the_last_index() {
        let svg = trend_svg(
            &trend(
                vec![Some(Score::new(31.24)), None, Some(Score::new(47.5))],
                &["2024-03-01", "2025-01-15", "2026-02-01"],
            ),
            &|stage| stage.name(Language::English),
            Language::English,
        )
        .expect("drawn");
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(svg.contains("47.5"), "the last index is labelled");
        assert!(svg.contains("Proactive"), "every stage is in the legend");
        assert_eq!(svg.matches("<circle").count(), 12, "a dot per known value");
    }

    #[test]
    fn a_single_audit_is_drawn_without_dividing_by_zero() {
        let svg = trend_svg(
            &trend(vec![Some(Score::new(50.0))], &["2026-02-01"]),
            &|stage| stage.name(Language::French),
            Language::French,
        )
        .expect("drawn");
        assert_eq!(svg.matches("<circle").count(), 6);
    }
}
