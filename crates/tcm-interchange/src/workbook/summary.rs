//! The summary sheet: what was assessed, then the overall TCM index with its maturity level,
//! each stage's score, level and coverage, and each theme's.

use rust_xlsxwriter::{Worksheet, XlsxError};
use tcm_core::scoring::GroupScore;

use super::cells::{self, Formats};
use super::words::Words;
use super::{WorkbookInput, stage_name};

/// Rows of the summary, 0-based.
const OVERALL_ROW: u32 = 8;
const STAGES_HEADER_ROW: u32 = 10;

pub(super) fn write(
    sheet: &mut Worksheet,
    input: &WorkbookInput<'_>,
    words: &Words,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let language = input.assessment.language;
    let questionnaire = input.questionnaire;
    cells::text(sheet, 0, 0, &input.assessment.title, Some(&formats.title))?;
    let about = [
        (
            words.questionnaire,
            format!(
                "{} ({} {})",
                questionnaire.title().get(language),
                questionnaire.id(),
                questionnaire.version()
            ),
        ),
        (words.organisation, input.organisation.name.clone()),
        (words.assessment, input.assessment.title.clone()),
    ];
    for (row, (label, value)) in (2u32..).zip(&about) {
        cells::text(sheet, row, 0, label, Some(&formats.label))?;
        cells::text(sheet, row, 1, value, None)?;
    }
    cells::text(sheet, 5, 0, words.date, Some(&formats.label))?;
    cells::date(sheet, 5, 1, input.date, formats)?;
    cells::text(sheet, 6, 0, words.respondents, Some(&formats.label))?;
    sheet.write_number(6, 1, input.scorecard.respondents as f64)?;

    let overall = input.scorecard.overall;
    cells::text(
        sheet,
        OVERALL_ROW,
        0,
        words.overall_index,
        Some(&formats.label),
    )?;
    cells::score(sheet, OVERALL_ROW, 1, overall, words, formats)?;
    level_and_name(sheet, OVERALL_ROW, 2, overall, input, words, formats)?;

    cells::headers(
        sheet,
        STAGES_HEADER_ROW,
        &[
            words.stage,
            words.score,
            words.level,
            words.maturity,
            words.coverage,
        ],
        formats,
    )?;
    let mut row = STAGES_HEADER_ROW + 1;
    for stage in &input.scorecard.stages {
        cells::text(sheet, row, 0, &stage_name(input, stage.stage), None)?;
        group(sheet, row, 1, &stage.result, input, words, formats)?;
        row += 1;
    }

    row += 1;
    cells::headers(
        sheet,
        row,
        &[
            words.theme,
            words.stage,
            words.score,
            words.level,
            words.maturity,
            words.coverage,
        ],
        formats,
    )?;
    for theme in &input.scorecard.themes {
        row += 1;
        let name = questionnaire.theme(theme.theme.as_str()).map_or_else(
            || theme.theme.to_string(),
            |found| found.name.get(language).to_owned(),
        );
        cells::text(sheet, row, 0, &name, None)?;
        cells::text(sheet, row, 1, &stage_name(input, theme.stage), None)?;
        group(sheet, row, 2, &theme.result, input, words, formats)?;
    }

    sheet.set_column_width(0, 34)?;
    sheet.set_column_width(1, 16)?;
    sheet.set_column_width(2, 10)?;
    sheet.set_column_width(3, 16)?;
    sheet.set_column_width(4, 12)?;
    sheet.set_column_width(5, 12)?;
    Ok(())
}

/// Score, level, maturity and coverage of a stage or a theme, from `column`.
fn group(
    sheet: &mut Worksheet,
    row: u32,
    column: u16,
    result: &GroupScore,
    input: &WorkbookInput<'_>,
    words: &Words,
    formats: &Formats,
) -> Result<(), XlsxError> {
    cells::score(sheet, row, column, result.score, words, formats)?;
    level_and_name(sheet, row, column + 1, result.score, input, words, formats)?;
    cells::number(
        sheet,
        row,
        column + 3,
        result.coverage,
        &formats.percent,
        words,
        formats,
    )
}

/// The maturity level (1–5) of a score and its name, from `column`.
fn level_and_name(
    sheet: &mut Worksheet,
    row: u32,
    column: u16,
    score: Option<tcm_core::Score>,
    input: &WorkbookInput<'_>,
    words: &Words,
    formats: &Formats,
) -> Result<(), XlsxError> {
    match score.map(tcm_core::Score::level) {
        Some(level) => {
            sheet.write_number_with_format(
                row,
                column,
                f64::from(level.number()),
                &formats.centered,
            )?;
            cells::text(
                sheet,
                row,
                column + 1,
                &level.name(input.assessment.language),
                None,
            )
        }
        None => {
            cells::text(sheet, row, column, words.no_value, Some(&formats.centered))?;
            cells::text(sheet, row, column + 1, words.no_value, None)
        }
    }
}
