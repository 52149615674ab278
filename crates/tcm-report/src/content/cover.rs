//! The cover: who, what, when, how.

use crate::document::{Block, Cover};
use crate::input::ReportInput;
use crate::numbers;
use crate::words::words;

pub fn cover(input: &ReportInput<'_>) -> Vec<Block> {
    let w = words(input.language);
    let language = input.language;
    let questionnaire = input.questionnaire;
    let mut facts = vec![
        (w.date.to_owned(), numbers::long_date(input.date, language)),
        (w.mode.to_owned(), input.assessment.mode.name(language)),
        (
            w.respondents.to_owned(),
            input.scorecard.respondents.to_string(),
        ),
        (
            w.questionnaire.to_owned(),
            format!(
                "{} ({}, {} {}{})",
                questionnaire.title().get(language),
                questionnaire.id(),
                w.version,
                questionnaire.version(),
                if input.questionnaire_modified {
                    format!(", {}", w.modified)
                } else {
                    String::new()
                }
            ),
        ),
        (
            w.sector.to_owned(),
            input.organisation.sector.name(language),
        ),
    ];
    if let Some(size) = input.organisation.size {
        facts.push((w.size.to_owned(), size.name(language)));
    }
    vec![Block::Cover(Cover {
        kind: w.report_kind.to_owned(),
        organisation: input.organisation.name.clone(),
        title: input.assessment.title.clone(),
        facts,
        notes: input.organisation.notes.clone(),
    })]
}
