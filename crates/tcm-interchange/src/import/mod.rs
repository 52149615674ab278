//! Importing responses from the files people really have: the long format
//! (`respondent,question,answer[,comment]`) or the wide format of online forms (one row per
//! respondent, one column per question), as CSV or XLSX.
//!
//! The format is told by the header. Wide: the respondent column is found by its name
//! (respondent, répondant, nom, name, participant, e-mail…), `role`/`fonction` and
//! `groupe`/`service`/`département` fill the respondent's profile, a column is a question
//! when its header is a question id or starts with one followed by a space, `:`, `-`, `.` or
//! `)`, and `commentaire <question id>` holds comments. Other columns (a form's
//! « Horodateur »…) are ignored and listed. The import is atomic: any problem, and nothing is
//! returned; the error lists the bad lines or cells.

mod columns;
mod layout;
mod spelling;
mod wide;

use tcm_core::{AnswerSheet, Questionnaire, RespondentProfile};

use crate::csv_table::{CsvTableError, read_csv_table};
use crate::long_format::read_long;
use crate::problem::{Problem, Problems};
pub use crate::xlsx_package::WorkbookRefusal;
use crate::xlsx_table::{XlsxTableError, read_xlsx_table};
use layout::{Layout, layout};
use wide::read_wide;

/// The container of a responses file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Text with `;`, `,` or tab between fields, in UTF-8 or Windows-1252.
    Csv,
    /// An Excel workbook.
    Xlsx,
}

/// How responses are laid out in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResponseFormat {
    /// One row per (respondent, question).
    Long,
    /// One row per respondent, one column per question.
    Wide,
}

/// What an import found.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedResponses {
    pub format: ResponseFormat,
    /// Everyone who answered, in file order (roles and groups are empty in long format).
    pub respondents: Vec<RespondentProfile>,
    /// Their answers, with comments.
    pub sheet: AnswerSheet,
    /// Headers of the columns that were not read, in file order.
    pub ignored_columns: Vec<String>,
}

/// Why a file was refused. Nothing of it is kept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is empty: it needs a header row, then the responses")]
    Empty,
    #[error(
        "the sheet `{sheet}` of the workbook is empty: it needs a header row, then the responses"
    )]
    EmptySheet { sheet: String },
    #[error(
        "the file cannot be opened as an XLSX workbook ({reason}); an older .xls or an .ods file must first be saved as .xlsx"
    )]
    UnreadableWorkbook { reason: String },
    /// A crafted or oversized workbook (zip bomb, a cell far out, a huge cell…).
    #[error("the workbook is refused: {0}")]
    RefusedWorkbook(WorkbookRefusal),
    #[error(
        "no column of the file is a question of questionnaire `{questionnaire}` (a question column's header starts with a question id, such as `{example}`); headers seen: {}",
        list_headers(.headers)
    )]
    NoQuestionColumn {
        questionnaire: String,
        example: String,
        headers: Vec<String>,
    },
    #[error(
        "no column names the respondents (expected a header such as respondent, répondant, nom, name, participant or e-mail); headers seen: {}",
        list_headers(.headers)
    )]
    NoRespondentColumn { headers: Vec<String> },
    #[error("{0}")]
    Problems(Problems),
}

/// Headers for a message: quoted, long ones cut, at most thirty.
fn list_headers(headers: &[String]) -> String {
    const SHOWN: usize = 30;
    const LENGTH: usize = 40;
    let mut shown: Vec<String> = headers
        .iter()
        .take(SHOWN)
        .map(|header| {
            if header.chars().count() > LENGTH {
                let cut: String = header.chars().take(LENGTH).collect();
                format!("`{cut}…`")
            } else {
                format!("`{header}`")
            }
        })
        .collect();
    if headers.len() > SHOWN {
        shown.push(format!("and {} more", headers.len() - SHOWN));
    }
    if shown.is_empty() {
        "none".to_owned()
    } else {
        shown.join(", ")
    }
}

/// Reads the responses of a CSV or XLSX file against `questionnaire`, in long or wide format
/// (told by the header).
pub fn read_responses(
    bytes: &[u8],
    kind: FileKind,
    questionnaire: &Questionnaire,
) -> Result<ImportedResponses, ImportError> {
    let table = match kind {
        FileKind::Csv => read_csv_table(bytes).map_err(|error| match error {
            CsvTableError::Empty => ImportError::Empty,
            CsvTableError::Header(problem) => ImportError::Problems(Problems::new(vec![problem])),
        })?,
        FileKind::Xlsx => read_xlsx_table(bytes).map_err(|error| match error {
            XlsxTableError::Unreadable(reason) => ImportError::UnreadableWorkbook { reason },
            XlsxTableError::Refused(refusal) => ImportError::RefusedWorkbook(refusal),
            XlsxTableError::Empty { sheet } => ImportError::EmptySheet { sheet },
        })?,
    };
    match layout(&table, questionnaire)? {
        Layout::Long { columns, ignored } => {
            let responses = read_long(&table, columns, questionnaire).map_err(refused)?;
            Ok(ImportedResponses {
                format: ResponseFormat::Long,
                respondents: responses
                    .respondents
                    .into_iter()
                    .map(|respondent| RespondentProfile {
                        label: respondent.as_str().to_owned(),
                        role: String::new(),
                        group: String::new(),
                    })
                    .collect(),
                sheet: responses.sheet,
                ignored_columns: ignored,
            })
        }
        Layout::Wide { columns, ignored } => {
            let responses = read_wide(&table, &columns, questionnaire).map_err(refused)?;
            Ok(ImportedResponses {
                format: ResponseFormat::Wide,
                respondents: responses.respondents,
                sheet: responses.sheet,
                ignored_columns: ignored,
            })
        }
    }
}

pub(super) fn refused(problems: Vec<Problem>) -> ImportError {
    ImportError::Problems(Problems::new(problems))
}
