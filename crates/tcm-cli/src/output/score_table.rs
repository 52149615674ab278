//! `tcm score --format table`: the scores for people, in French or English.

use std::fmt::Write;

use tcm_core::scoring::GroupScore;
use tcm_core::{Language, Questionnaire, Score, Scorecard, vocabulary};

struct Labels {
    respondents: &'static str,
    stage: &'static str,
    theme: &'static str,
    score: &'static str,
    level: &'static str,
    coverage: &'static str,
    overall: &'static str,
    no_value: &'static str,
}

fn labels(language: Language) -> Labels {
    match language {
        Language::French => Labels {
            respondents: "répondant(s)",
            stage: vocabulary::STAGE.fr,
            theme: vocabulary::THEME.fr,
            score: vocabulary::SCORE.fr,
            level: vocabulary::LEVEL.fr,
            coverage: vocabulary::COVERAGE.fr,
            overall: vocabulary::OVERALL_INDEX.fr,
            no_value: "—",
        },
        Language::English => Labels {
            respondents: "respondent(s)",
            stage: vocabulary::STAGE.en,
            theme: vocabulary::THEME.en,
            score: vocabulary::SCORE.en,
            level: vocabulary::LEVEL.en,
            coverage: vocabulary::COVERAGE.en,
            overall: vocabulary::OVERALL_INDEX.en,
            no_value: "—",
        },
    }
}

fn score_cell(score: Option<Score>, labels: &Labels) -> String {
    score.map_or_else(
        || labels.no_value.to_owned(),
        |score| format!("{:.1}", score.rounded()),
    )
}

fn level_cell(score: Option<Score>, language: Language, labels: &Labels) -> String {
    score.map_or_else(
        || labels.no_value.to_owned(),
        |score| {
            format!(
                "{} {}",
                score.level().number(),
                score.level().name(language)
            )
        },
    )
}

fn coverage_cell(group: &GroupScore, labels: &Labels) -> String {
    match group.coverage {
        Some(coverage) => format!(
            "{:.0} % ({}/{})",
            coverage * 100.0,
            group.answered,
            group.applicable
        ),
        None => labels.no_value.to_owned(),
    }
}

/// Pads `text` to `width` characters (not bytes: names have accents).
fn pad(text: &str, width: usize) -> String {
    let length = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(length)))
}

pub fn render(questionnaire: &Questionnaire, scorecard: &Scorecard, language: Language) -> String {
    let labels = labels(language);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} — {} {}",
        questionnaire.title().get(language),
        questionnaire.version(),
        scorecard.respondents,
        labels.respondents
    );
    let mut rows = vec![[
        labels.stage.to_owned(),
        labels.score.to_owned(),
        labels.level.to_owned(),
        labels.coverage.to_owned(),
    ]];
    for stage in &scorecard.stages {
        let name = questionnaire.stage(stage.stage).map_or_else(
            || stage.stage.name(language),
            |s| s.name.get(language).to_owned(),
        );
        rows.push([
            name,
            score_cell(stage.result.score, &labels),
            level_cell(stage.result.score, language, &labels),
            coverage_cell(&stage.result, &labels),
        ]);
    }
    rows.push([
        labels.overall.to_owned(),
        score_cell(scorecard.overall, &labels),
        level_cell(scorecard.overall, language, &labels),
        String::new(),
    ]);
    let mut theme_rows = vec![[
        labels.theme.to_owned(),
        labels.score.to_owned(),
        labels.level.to_owned(),
        labels.coverage.to_owned(),
    ]];
    for theme in &scorecard.themes {
        let name = questionnaire.theme(theme.theme.as_str()).map_or_else(
            || theme.theme.to_string(),
            |t| t.name.get(language).to_owned(),
        );
        theme_rows.push([
            name,
            score_cell(theme.result.score, &labels),
            level_cell(theme.result.score, language, &labels),
            coverage_cell(&theme.result, &labels),
        ]);
    }
    for table in [&rows, &theme_rows] {
        let widths: Vec<usize> = (0..4)
            .map(|column| {
                table
                    .iter()
                    .map(|row| row[column].chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let _ = writeln!(out);
        for (index, row) in table.iter().enumerate() {
            let line: Vec<String> = row
                .iter()
                .zip(&widths)
                .enumerate()
                .map(|(column, (cell, width))| {
                    if column == 1 {
                        format!(
                            "{}{cell}",
                            " ".repeat(width.saturating_sub(cell.chars().count()))
                        )
                    } else {
                        pad(cell, *width)
                    }
                })
                .collect();
            let _ = writeln!(out, "{}", line.join("  ").trim_end());
            if index == 0 {
                let rule: Vec<String> = widths.iter().map(|width| "─".repeat(*width)).collect();
                let _ = writeln!(out, "{}", rule.join("  "));
            }
        }
    }
    out.trim_end().to_owned()
}
