//! The roadmap: the initiatives that lead the plan as bars over the eight quarters of the 24
//! months from the assessment, coloured by stage, over the three waves' bands.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use tcm_core::strategy::{Strategy, Wave};
use tcm_core::{Language, Questionnaire};

use super::style::{self, ChartError, Drawn};

/// Longest initiative title drawn beside its bar; the table under the chart has it whole.
const TITLE_CHARACTERS: usize = 34;

fn shortened(title: &str) -> String {
    if title.chars().count() <= TITLE_CHARACTERS {
        return title.to_owned();
    }
    let cut: String = title.chars().take(TITLE_CHARACTERS - 1).collect();
    format!("{}…", cut.trim_end())
}

/// One row per leading initiative, in the order of the focus.
pub fn roadmap_svg(
    questionnaire: &Questionnaire,
    strategy: &Strategy,
    language: Language,
) -> Result<String, ChartError> {
    const CHART: &str = "roadmap";
    const WIDTH: u32 = 760;
    const ROW: i32 = 26;
    let (left, right, top) = (270, 740, 52);
    let rows: Vec<_> = strategy
        .focus
        .lead
        .iter()
        .filter_map(|id| Some((strategy.initiative(id)?, strategy.waves.assignment(id)?)))
        .collect();
    let row_count = i32::try_from(rows.len()).unwrap_or(i32::MAX).max(1);
    let bottom = top + row_count * ROW;
    let height = u32::try_from(bottom + 30).unwrap_or(400);
    style::register_fonts()?;

    let start = strategy.waves.start;
    let end = Wave::Third.window(start).end();
    let span = (end - start).num_days().max(1) as f64;
    let x_of = |date: chrono::NaiveDate| {
        let share = ((date - start).num_days() as f64 / span).clamp(0.0, 1.0);
        left + (share * f64::from(right - left)).round() as i32
    };
    let x_of_month = |months: u32| {
        x_of(
            start
                .checked_add_months(chrono::Months::new(months))
                .unwrap_or(end),
        )
    };
    let quarter = match language {
        Language::French => "T",
        Language::English => "Q",
    };

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&style::PAPER).chart(CHART)?;
        for (index, wave) in Wave::ALL.into_iter().enumerate() {
            let (from, to) = wave.months();
            let (x0, x1) = (x_of_month(from), x_of_month(to));
            root.draw(&Rectangle::new(
                [(x0, top), (x1, bottom)],
                style::BAND_TINTS[index * 2].filled(),
            ))
            .chart(CHART)?;
            root.draw(&Text::new(
                format!("{} {}", words(language), wave.number()),
                ((x0 + x1) / 2, 8),
                style::bold(12.0, style::INK, HPos::Center, VPos::Top),
            ))
            .chart(CHART)?;
        }
        for number in 0..=8u32 {
            let x = x_of_month(number * 3);
            root.draw(&PathElement::new(
                vec![(x, top - 6), (x, bottom)],
                style::RULE.stroke_width(1),
            ))
            .chart(CHART)?;
            if number < 8 {
                root.draw(&Text::new(
                    format!("{quarter}{}", number + 1),
                    ((x + x_of_month(number * 3 + 3)) / 2, top - 22),
                    style::text(11.0, style::MUTED, HPos::Center, VPos::Top),
                ))
                .chart(CHART)?;
            }
        }
        for (row, (initiative, assignment)) in rows.iter().enumerate() {
            let y = top + i32::try_from(row).unwrap_or(0) * ROW;
            let middle = y + ROW / 2;
            let colour = style::stage_colour(initiative.stage);
            let rank = strategy
                .sequence
                .iter()
                .find(|sequenced| sequenced.initiative.id == initiative.id)
                .map_or(0, |sequenced| sequenced.rank);
            root.draw(&Text::new(
                format!("{rank}. {}", shortened(initiative.title.get(language))),
                (left - 10, middle),
                style::text(12.0, style::INK, HPos::Right, VPos::Center),
            ))
            .chart(CHART)?;
            root.draw(&Rectangle::new(
                [(10, y + 5), (14, y + ROW - 5)],
                colour.filled(),
            ))
            .chart(CHART)?;
            let (x0, x1) = (x_of(assignment.dates.start()), x_of(assignment.dates.end()));
            root.draw(&Rectangle::new(
                [(x0, y + 5), (x1.max(x0 + 3), y + ROW - 5)],
                colour.filled(),
            ))
            .chart(CHART)?;
        }
        root.draw(&PathElement::new(
            vec![(left, bottom), (right, bottom)],
            style::INK.stroke_width(1),
        ))
        .chart(CHART)?;
        let stage_names: Vec<_> = questionnaire
            .stages()
            .iter()
            .map(|stage| stage.id)
            .collect();
        let mut x = left;
        for stage in stage_names {
            root.draw(&Rectangle::new(
                [(x, bottom + 10), (x + 14, bottom + 22)],
                style::stage_colour(stage).filled(),
            ))
            .chart(CHART)?;
            let name = questionnaire
                .stage(stage)
                .map(|found| found.name.get(language).to_owned())
                .unwrap_or_else(|| stage.name(language));
            root.draw(&Text::new(
                name,
                (x + 18, bottom + 16),
                style::text(11.0, style::INK, HPos::Left, VPos::Center),
            ))
            .chart(CHART)?;
            x += 94;
        }
        root.present().chart(CHART)?;
    }
    Ok(svg)
}

fn words(language: Language) -> &'static str {
    match language {
        Language::French => "Vague",
        Language::English => "Wave",
    }
}

#[cfg(test)]
mod tests {
    use super::shortened;

    #[test]
    fn long_titles_are_shortened_on_a_character_boundary() {
        assert_eq!(shortened("Points de contact"), "Points de contact");
        let long = "Segmentation et choix des clients et Données et connaissance client";
        let short = shortened(long);
        assert!(
            short.ends_with('…') && short.chars().count() <= 34,
            "{short}"
        );
    }
}
