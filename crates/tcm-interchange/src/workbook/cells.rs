//! What every sheet of the workbook shares: cell formats, and writing texts, scores and dates
//! the way Excel shows them best.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Worksheet, XlsxError,
};
use tcm_core::Score;

use super::words::Words;

/// The longest text an Excel cell holds.
const CELL_LIMIT: usize = 32_767;

/// The formats of the workbook.
pub(super) struct Formats {
    pub title: Format,
    pub label: Format,
    pub header: Format,
    pub wrapped: Format,
    pub centered: Format,
    pub score: Format,
    pub decimal: Format,
    pub percent: Format,
    pub date: Format,
}

impl Formats {
    pub fn new(words: &Words) -> Formats {
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            label: Format::new().set_bold(),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(Color::RGB(0xDD_EB_F7))
                .set_border_bottom(FormatBorder::Thin),
            wrapped: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            centered: Format::new().set_align(FormatAlign::Center),
            score: Format::new().set_num_format("0.0"),
            decimal: Format::new().set_num_format("0.00"),
            percent: Format::new().set_num_format("0%"),
            date: Format::new()
                .set_num_format(words.date_format)
                .set_align(FormatAlign::Left),
        }
    }
}

/// Text cut to what a cell holds, marked `…` when cut.
pub(super) fn fit(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().count() <= CELL_LIMIT {
        return text.into();
    }
    let mut cut: String = text.chars().take(CELL_LIMIT - 1).collect();
    cut.push('…');
    cut.into()
}

pub(super) fn text(
    sheet: &mut Worksheet,
    row: u32,
    column: u16,
    value: &str,
    format: Option<&Format>,
) -> Result<(), XlsxError> {
    let value = fit(value);
    match format {
        Some(format) => sheet.write_string_with_format(row, column, value, format),
        None => sheet.write_string(row, column, value),
    }
    .map(drop)
}

/// A score rounded as every output shows it, or the "no value" mark.
pub(super) fn score(
    sheet: &mut Worksheet,
    row: u32,
    column: u16,
    score: Option<Score>,
    words: &Words,
    formats: &Formats,
) -> Result<(), XlsxError> {
    match score {
        Some(score) => sheet
            .write_number_with_format(row, column, score.rounded(), &formats.score)
            .map(drop),
        None => text(sheet, row, column, words.no_value, Some(&formats.centered)),
    }
}

/// A number with a format, or the "no value" mark.
pub(super) fn number(
    sheet: &mut Worksheet,
    row: u32,
    column: u16,
    value: Option<f64>,
    format: &Format,
    words: &Words,
    formats: &Formats,
) -> Result<(), XlsxError> {
    match value.filter(|value| value.is_finite()) {
        Some(value) => sheet
            .write_number_with_format(row, column, value, format)
            .map(drop),
        None => text(sheet, row, column, words.no_value, Some(&formats.centered)),
    }
}

/// A date as an Excel date, or as `YYYY-MM-DD` text when Excel cannot hold it (before 1900).
pub(super) fn date(
    sheet: &mut Worksheet,
    row: u32,
    column: u16,
    date: NaiveDate,
    formats: &Formats,
) -> Result<(), XlsxError> {
    match excel_date(date) {
        Some(excel) => sheet
            .write_datetime_with_format(row, column, &excel, &formats.date)
            .map(drop),
        None => text(
            sheet,
            row,
            column,
            &date.format("%Y-%m-%d").to_string(),
            None,
        ),
    }
}

pub(super) fn excel_date(date: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(date.year()).ok()?;
    let month = u8::try_from(date.month()).ok()?;
    let day = u8::try_from(date.day()).ok()?;
    ExcelDateTime::from_ymd(year, month, day).ok()
}

/// Headers on one row, from column 0.
pub(super) fn headers(
    sheet: &mut Worksheet,
    row: u32,
    headers: &[&str],
    formats: &Formats,
) -> Result<(), XlsxError> {
    for (column, header) in (0u16..).zip(headers) {
        text(sheet, row, column, header, Some(&formats.header))?;
    }
    Ok(())
}
