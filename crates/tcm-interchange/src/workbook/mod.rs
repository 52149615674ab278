//! The XLSX workbook of an assessment, for people who work in Excel: a summary of the scores,
//! the answers matrix, the comments and the action plan, in the assessment's language.
//!
//! Nothing here reads the clock: the date is passed in and is also the document's creation
//! date, so that the same input gives the same bytes.

mod cells;
mod class;
mod comments;
mod matrix;
mod milestones;
mod plan;
mod summary;
mod words;

use std::collections::HashSet;

use chrono::NaiveDate;
use rust_xlsxwriter::{DocProperties, Workbook, Worksheet, XlsxError};
use tcm_core::{
    ActionStatus, AnswerSheet, Assessment, Organisation, QuestionId, Questionnaire,
    RespondentProfile, Scorecard, StageId,
};

pub use class::{ClassWorkbookInput, write_class_workbook};
use words::{Words, words};

pub use milestones::{MilestoneRow, MilestonesInput, write_milestones};

/// One row of the action plan sheet, as the plan computed elsewhere gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionRow {
    pub title: String,
    pub stage: StageId,
    /// The question the action answers, if it comes from one.
    pub question: Option<QuestionId>,
    /// How far the practice is from its target.
    pub gap: Option<f64>,
    /// 1–3.
    pub impact: u8,
    /// 1–3.
    pub effort: u8,
    pub priority: Option<f64>,
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
}

/// Everything the workbook shows.
#[derive(Debug, Clone, Copy)]
pub struct WorkbookInput<'a> {
    pub questionnaire: &'a Questionnaire,
    pub organisation: &'a Organisation,
    /// Its language is the workbook's.
    pub assessment: &'a Assessment,
    pub scorecard: &'a Scorecard,
    /// Rows of the answers matrix, in this order; respondents who answered without a profile
    /// follow, in label order.
    pub respondents: &'a [RespondentProfile],
    pub answers: &'a AnswerSheet,
    pub actions: &'a [ActionRow],
    /// The date the workbook is about (shown in the summary, and its creation date).
    pub date: NaiveDate,
}

/// A sheet could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot write the sheet `{sheet}` of the workbook: {message}")]
pub struct WorkbookError {
    pub sheet: String,
    pub message: String,
}

/// The workbook as XLSX bytes: a summary, the answers matrix, the comments and the action
/// plan. Texts longer than a cell holds (32,767 characters) are cut and end with `…`.
pub fn write_workbook(input: &WorkbookInput<'_>) -> Result<Vec<u8>, WorkbookError> {
    let words = words(input.assessment.language);
    let formats = cells::Formats::new(words);
    let mut workbook = Workbook::new();
    let mut properties = DocProperties::new().set_title(cells::fit(&input.assessment.title));
    if let Some(date) = cells::excel_date(input.date) {
        properties = properties.set_creation_datetime(&date);
    }
    workbook.set_properties(&properties);

    type WriteSheet =
        fn(&mut Worksheet, &WorkbookInput<'_>, &Words, &cells::Formats) -> Result<(), XlsxError>;
    let sheets: [(&str, WriteSheet); 4] = [
        (words.summary_sheet, summary::write),
        (words.answers_sheet, matrix::write),
        (words.comments_sheet, comments::write),
        (words.plan_sheet, plan::write),
    ];
    for (name, write) in sheets {
        let failed = |error: XlsxError| WorkbookError {
            sheet: name.to_owned(),
            message: error.to_string(),
        };
        let sheet = workbook.add_worksheet();
        sheet.set_name(name).map_err(failed)?;
        write(sheet, input, words, &formats).map_err(failed)?;
    }
    workbook.save_to_buffer().map_err(|error| WorkbookError {
        sheet: words.summary_sheet.to_owned(),
        message: error.to_string(),
    })
}

/// A stage's name as the questionnaire gives it, in the workbook's language.
fn stage_name(input: &WorkbookInput<'_>, stage: StageId) -> String {
    let language = input.assessment.language;
    input.questionnaire.stage(stage).map_or_else(
        || stage.name(language),
        |found| found.name.get(language).to_owned(),
    )
}

/// Every respondent of the workbook: the profiles in their order, then those who answered
/// without one, in label order.
fn respondents_in_order<'a>(
    input: &WorkbookInput<'a>,
) -> Vec<(String, Option<&'a RespondentProfile>)> {
    let mut seen = HashSet::new();
    let mut respondents: Vec<(String, Option<&RespondentProfile>)> = Vec::new();
    for profile in input.respondents {
        if seen.insert(profile.label.clone()) {
            respondents.push((profile.label.clone(), Some(profile)));
        }
    }
    for respondent in input.answers.respondents() {
        if seen.insert(respondent.as_str().to_owned()) {
            respondents.push((respondent.as_str().to_owned(), None));
        }
    }
    respondents
}
