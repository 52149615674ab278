//! The alternate text of each chart: what a reader who cannot see it is told in its place
//! (the tagged PDF's `/Alt`). Charts of a few figures say them; charts of many refer to the
//! table of the same figures in the report.

use tcm_core::{Language, StageId};

use crate::input::ReportInput;
use crate::numbers;
use crate::words::{colon, words};

/// Between the items of a list: a semicolon, after a narrow no-break space in French.
fn separator(language: Language) -> &'static str {
    match language {
        Language::French => "\u{202f}; ",
        Language::English => "; ",
    }
}

fn score(value: Option<f64>, language: Language) -> String {
    value.map_or_else(|| "—".to_owned(), |value| numbers::score(value, language))
}

/// The stages' scores out of 100 with their targets, and the previous audit's when
/// `with_previous`: « Scores par étape sur 100 : Créative 62 (cible 75, audit précédent 55) ; … ».
pub fn stage_scores(input: &ReportInput<'_>, title: &str, with_previous: bool) -> String {
    let language = input.language;
    let previous = input
        .previous
        .as_ref()
        .filter(|_| with_previous)
        .map(|previous| previous.scorecard);
    let (target, before) = match language {
        Language::French => ("cible", "audit précédent"),
        Language::English => ("target", "previous audit"),
    };
    let separator = separator(language);
    let stages: Vec<String> = StageId::ALL
        .into_iter()
        .map(|stage| {
            let mut text = format!(
                "{} {} ({target} {}",
                input.stage_name(stage),
                score(input.stage_score(stage), language),
                score(Some(input.assessment.targets.as_score(stage)), language)
            );
            if let Some(previous) = previous {
                let value = previous
                    .stage(stage)
                    .and_then(|found| found.result.score)
                    .map(|score| score.value());
                text.push_str(&format!(", {before} {}", score(value, language)));
            }
            text.push(')');
            text
        })
        .collect();
    format!("{title}{} {}.", colon(language), stages.join(separator))
}

/// Each theme's score out of 100, in the grid's order.
pub fn theme_scores(input: &ReportInput<'_>, title: &str) -> String {
    let language = input.language;
    let separator = separator(language);
    let themes: Vec<String> = input
        .questionnaire
        .themes()
        .iter()
        .map(|theme| {
            let value = input
                .scorecard
                .theme(theme.id.as_str())
                .and_then(|found| found.result.score)
                .map(|score| score.value());
            format!("{} {}", theme.name.get(language), score(value, language))
        })
        .collect();
    format!("{title}{} {}.", colon(language), themes.join(separator))
}

/// Where the figures of a chart of many values are written out as text.
#[derive(Debug, Clone, Copy)]
pub enum FiguresIn {
    /// The details section, question by question.
    Details,
    /// The table of the leading initiatives that follows the roadmap.
    LeadTable,
    /// The table of the stages across the audits that follows the trend.
    StageTable,
}

/// The chart's title and note, then where its figures are written out.
pub fn refer(language: Language, title: &str, note: Option<&str>, figures: FiguresIn) -> String {
    let pointer = match (language, figures) {
        (Language::French, FiguresIn::Details) => format!(
            "Les valeurs de chaque question figurent dans la section «\u{a0}{}\u{a0}».",
            words(language).details
        ),
        (Language::English, FiguresIn::Details) => format!(
            "Each question\u{2019}s values are in the \u{201c}{}\u{201d} section.",
            words(language).details
        ),
        (Language::French, FiguresIn::LeadTable) => {
            "Le tableau qui suit donne les initiatives qui mènent, leur vague et les scores visés."
                .to_owned()
        }
        (Language::English, FiguresIn::LeadTable) => {
            "The table that follows gives the leading initiatives, their wave and the scores aimed at."
                .to_owned()
        }
        (Language::French, FiguresIn::StageTable) => {
            "Le tableau qui suit donne les scores de chaque étape à chaque audit.".to_owned()
        }
        (Language::English, FiguresIn::StageTable) => {
            "The table that follows gives each stage\u{2019}s score at each audit.".to_owned()
        }
    };
    let title = title.trim_end_matches('.');
    match note {
        Some(note) => format!("{title}. {note} {pointer}"),
        None => format!("{title}. {pointer}"),
    }
}
