//! The action plan sheet: the rows the caller computed, one per action.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::cells::{self, Formats};
use super::words::Words;
use super::{WorkbookInput, stage_name};

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
            words.action,
            words.stage,
            words.question,
            words.gap,
            words.impact,
            words.effort,
            words.priority,
            words.owner,
            words.due,
            words.status,
        ],
        formats,
    )?;
    for (row, action) in (1u32..).zip(input.actions) {
        cells::text(sheet, row, 0, &action.title, Some(&formats.wrapped))?;
        cells::text(sheet, row, 1, &stage_name(input, action.stage), None)?;
        if let Some(question) = &action.question {
            cells::text(sheet, row, 2, question.as_str(), None)?;
        }
        cells::number(sheet, row, 3, action.gap, &formats.score, words, formats)?;
        sheet.write_number_with_format(row, 4, f64::from(action.impact), &formats.centered)?;
        sheet.write_number_with_format(row, 5, f64::from(action.effort), &formats.centered)?;
        cells::number(
            sheet,
            row,
            6,
            action.priority,
            &formats.decimal,
            words,
            formats,
        )?;
        cells::text(sheet, row, 7, &action.owner, None)?;
        if let Some(due) = action.due {
            cells::date(sheet, row, 8, due, formats)?;
        }
        cells::text(sheet, row, 9, &action.status.name(language), None)?;
    }
    let last_row = u32::try_from(input.actions.len()).unwrap_or(u32::MAX);
    for (column, width) in (0u16..).zip([48, 14, 10, 8, 8, 8, 9, 20, 12, 14]) {
        sheet.set_column_width(column, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last_row, 9)?;
    Ok(())
}
