//! The comments sheet: every comment, with who wrote it and on which question, in respondent
//! then questionnaire order.

use rust_xlsxwriter::{Worksheet, XlsxError};
use tcm_core::Respondent;

use super::cells::{self, Formats};
use super::words::Words;
use super::{WorkbookInput, respondents_in_order};

pub(super) fn write(
    sheet: &mut Worksheet,
    input: &WorkbookInput<'_>,
    words: &Words,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let language = input.assessment.language;
    cells::headers(
        sheet,
        0,
        &[
            words.respondent,
            words.question,
            words.question_text,
            words.comment,
        ],
        formats,
    )?;
    let mut row = 0;
    for (label, _) in respondents_in_order(input) {
        let respondent = Respondent::new(label.as_str());
        for question in input.questionnaire.questions() {
            let Some(comment) = input
                .answers
                .response(&respondent, &question.id)
                .and_then(|response| response.comment.as_deref())
            else {
                continue;
            };
            row += 1;
            cells::text(sheet, row, 0, &label, Some(&formats.wrapped))?;
            cells::text(sheet, row, 1, question.id.as_str(), Some(&formats.wrapped))?;
            cells::text(
                sheet,
                row,
                2,
                question.text.get(language),
                Some(&formats.wrapped),
            )?;
            cells::text(sheet, row, 3, comment, Some(&formats.wrapped))?;
        }
    }
    sheet.set_column_width(0, 24)?;
    sheet.set_column_width(1, 10)?;
    sheet.set_column_width(2, 60)?;
    sheet.set_column_width(3, 80)?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, row, 3)?;
    Ok(())
}
