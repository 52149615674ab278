//! The plan with milestones as XLSX, the shape a project office loads: one row per action,
//! with its initiative, wave, the initiative's dates, owner, due date and status, in the order
//! of the roadmap. The rows are computed by the caller (the strategy); this only writes them.
//! Same rows, same date → same bytes.

use chrono::NaiveDate;
use rust_xlsxwriter::{DocProperties, Workbook, Worksheet, XlsxError};
use tcm_core::{ActionStatus, Language, Localized, QuestionId};

use super::WorkbookError;
use super::cells::{self, Formats};
use super::words::words;

/// One action of the roadmap.
#[derive(Debug, Clone, PartialEq)]
pub struct MilestoneRow {
    /// The initiative's place in the sequence (1 first).
    pub rank: u32,
    pub initiative: String,
    /// The wave's name (`Vague 1 (0 à 3 mois)`…).
    pub wave: String,
    /// The initiative's dates.
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub action: String,
    pub question: Option<QuestionId>,
    pub owner: String,
    /// The action's own due date, or else the end of its initiative: its milestone.
    pub due: NaiveDate,
    pub status: ActionStatus,
}

/// What the milestones workbook shows.
#[derive(Debug, Clone, Copy)]
pub struct MilestonesInput<'a> {
    /// The assessment's title: the document's title.
    pub title: &'a str,
    pub language: Language,
    pub rows: &'a [MilestoneRow],
    /// The document's creation date.
    pub date: NaiveDate,
}

fn headers() -> [Localized; 10] {
    [
        Localized::new("Rang", "Rank"),
        Localized::new("Initiative", "Initiative"),
        Localized::new("Vague", "Wave"),
        Localized::new("Début", "Start"),
        Localized::new("Fin", "End"),
        Localized::new("Action", "Action"),
        Localized::new("Question", "Question"),
        Localized::new("Responsable", "Owner"),
        Localized::new("Échéance", "Due date"),
        Localized::new("Statut", "Status"),
    ]
}

fn sheet_name(language: Language) -> &'static str {
    match language {
        Language::French => "Jalons",
        Language::English => "Milestones",
    }
}

/// The milestones workbook as XLSX bytes: one sheet, a header row, one row per action.
pub fn write_milestones(input: &MilestonesInput<'_>) -> Result<Vec<u8>, WorkbookError> {
    let name = sheet_name(input.language);
    let failed = |error: XlsxError| WorkbookError {
        sheet: name.to_owned(),
        message: error.to_string(),
    };
    let formats = Formats::new(words(input.language));
    let mut workbook = Workbook::new();
    let mut properties = DocProperties::new().set_title(cells::fit(input.title));
    if let Some(date) = cells::excel_date(input.date) {
        properties = properties.set_creation_datetime(&date);
    }
    workbook.set_properties(&properties);
    let sheet = workbook.add_worksheet();
    sheet.set_name(name).map_err(failed)?;
    write_rows(sheet, input, &formats).map_err(failed)?;
    workbook.save_to_buffer().map_err(failed)
}

fn write_rows(
    sheet: &mut Worksheet,
    input: &MilestonesInput<'_>,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let language = input.language;
    let titles = headers();
    let titles: Vec<&str> = titles.iter().map(|title| title.get(language)).collect();
    cells::headers(sheet, 0, &titles, formats)?;
    for (row, milestone) in (1u32..).zip(input.rows) {
        sheet.write_number_with_format(row, 0, f64::from(milestone.rank), &formats.centered)?;
        cells::text(sheet, row, 1, &milestone.initiative, Some(&formats.wrapped))?;
        cells::text(sheet, row, 2, &milestone.wave, None)?;
        cells::date(sheet, row, 3, milestone.start, formats)?;
        cells::date(sheet, row, 4, milestone.end, formats)?;
        cells::text(sheet, row, 5, &milestone.action, Some(&formats.wrapped))?;
        if let Some(question) = &milestone.question {
            cells::text(sheet, row, 6, question.as_str(), None)?;
        }
        cells::text(sheet, row, 7, &milestone.owner, None)?;
        cells::date(sheet, row, 8, milestone.due, formats)?;
        cells::text(sheet, row, 9, &milestone.status.name(language), None)?;
    }
    let last_row = u32::try_from(input.rows.len()).unwrap_or(u32::MAX);
    for (column, width) in (0u16..).zip([6, 36, 22, 12, 12, 48, 10, 20, 12, 14]) {
        sheet.set_column_width(column, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last_row, 9)?;
    Ok(())
}
