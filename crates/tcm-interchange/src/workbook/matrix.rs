//! The answers sheet: one row per respondent, one column per question, headed by the question
//! id and its text. The import reads this sheet back ([`crate::import`]).

use rust_xlsxwriter::{Worksheet, XlsxError};
use tcm_core::{Answer, Respondent};

use super::cells::{self, Formats};
use super::words::Words;
use super::{WorkbookInput, respondents_in_order};

/// Columns before the questions: respondent, role, group.
const PROFILE_COLUMNS: u16 = 3;

pub(super) fn write(
    sheet: &mut Worksheet,
    input: &WorkbookInput<'_>,
    words: &Words,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let language = input.assessment.language;
    let questions = input.questionnaire.questions();
    cells::headers(
        sheet,
        0,
        &[words.respondent, words.role, words.group],
        formats,
    )?;
    for (column, question) in (PROFILE_COLUMNS..).zip(questions) {
        let header = format!("{} – {}", question.id, question.text.get(language));
        cells::text(sheet, 0, column, &header, Some(&formats.header))?;
        sheet.set_column_width(column, 16)?;
    }
    let respondents = respondents_in_order(input);
    for (row, (label, profile)) in (1u32..).zip(&respondents) {
        cells::text(sheet, row, 0, label, None)?;
        if let Some(profile) = profile {
            cells::text(sheet, row, 1, &profile.role, None)?;
            cells::text(sheet, row, 2, &profile.group, None)?;
        }
        let respondent = Respondent::new(label.as_str());
        for (column, question) in (PROFILE_COLUMNS..).zip(questions) {
            let Some(response) = input.answers.response(&respondent, &question.id) else {
                continue;
            };
            match response.answer {
                Answer::Level(level) => sheet
                    .write_number_with_format(
                        row,
                        column,
                        f64::from(level.value()),
                        &formats.centered,
                    )
                    .map(drop)?,
                other => cells::text(
                    sheet,
                    row,
                    column,
                    &other.to_string(),
                    Some(&formats.centered),
                )?,
            }
        }
    }
    let last_column =
        (PROFILE_COLUMNS - 1).saturating_add(u16::try_from(questions.len()).unwrap_or(u16::MAX));
    let last_row = u32::try_from(respondents.len()).unwrap_or(u32::MAX);
    sheet.set_row_height(0, 120)?;
    sheet.set_column_width(0, 24)?;
    sheet.set_column_width(1, 20)?;
    sheet.set_column_width(2, 16)?;
    sheet.set_freeze_panes(1, 1)?;
    sheet.autofilter(0, 0, last_row, last_column)?;
    Ok(())
}
