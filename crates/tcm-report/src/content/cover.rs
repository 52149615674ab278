//! The cover: who, what, when, how; the consultant's firm, logo and lines when set.

use crate::document::{Block, Cover};
use crate::input::ReportInput;
use crate::numbers;
use crate::settings::ReportSettings;
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
    let default = ReportSettings::default();
    let settings = input.settings.unwrap_or(&default);
    // Who wrote it and for whom lead the facts, as on a consultant's cover letter.
    let mut lines = Vec::new();
    if !settings.prepared_for.trim().is_empty() {
        lines.push((
            w.prepared_for.to_owned(),
            settings.prepared_for.trim().to_owned(),
        ));
    }
    if !settings.prepared_by.trim().is_empty() {
        lines.push((
            w.prepared_by.to_owned(),
            settings.prepared_by.trim().to_owned(),
        ));
    }
    lines.extend(facts);
    let kind = match settings.cover_title.trim() {
        "" => w.report_kind.to_owned(),
        title => title.to_owned(),
    };
    vec![Block::Cover(Cover {
        kind,
        organisation: input.organisation.name.clone(),
        title: input.assessment.title.clone(),
        facts: lines,
        notes: input.organisation.notes.clone(),
        firm: settings.firm_name.trim().to_owned(),
        logo: settings.logo.clone(),
        confidentiality: settings.confidentiality.trim().to_owned(),
    })]
}
