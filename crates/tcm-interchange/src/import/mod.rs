//! Importing responses from the files people really have: the long format
//! (`respondent,question,answer[,comment]`) or the wide format of online forms (one row per
//! respondent, one column per question), as CSV or XLSX.
//!
//! The format is told by the header. Wide: the respondent column is found by its name
//! (respondent, répondant, nom, name, participant, e-mail…; the best one that names someone,
//! said in the [`ImportReport`]; none, and respondents are numbered `Répondant 1…n`),
//! `role`/`fonction` and `groupe`/`service`/`département` fill the respondent's profile, a
//! column is a question when its header holds a question id anywhere or is the question's
//! text ([`matching`]), and `commentaire <question id>` or `<id>_comment` holds comments.
//! Other columns (a form's « Horodateur »…) are ignored and listed; those that resemble a
//! question are proposed in the report, never read. The import is atomic: any problem, and
//! nothing is returned; the error lists the bad lines or cells.

mod columns;
mod comments_sheet;
mod form_sheet;
mod layout;
pub mod matching;
mod report;
mod spelling;
mod wide;

pub use matching::MatchedBy;
pub use report::{ImportOptions, ImportReport, Proposal, QuestionColumn, anonymous_label};
pub use spelling::AnswerScale;

use tcm_core::{AnswerSheet, Questionnaire, RespondentProfile};

use crate::csv_table::{CsvTableError, read_csv_table};
use crate::long_format::read_long;
use crate::problem::{Problem, Problems};
pub use crate::xlsx_package::WorkbookRefusal;
use crate::xlsx_table::{XlsxTableError, read_xlsx_other_sheet, read_xlsx_table};
use layout::{Layout, layout};
use wide::{one_to_five, read_wide};

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
    /// One respondent's filled-in questionnaire: name and group at the top, one row per
    /// question (the XLSX form of [`crate::forms`]).
    Questionnaire,
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
    /// How the file was read: the respondents' column, question columns, proposals.
    pub report: ImportReport,
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
        "no column of the file is a question of questionnaire `{questionnaire}` (a question column's header holds a question id, such as `{example}`, or is a question's text); headers seen: {}{}",
        list_headers(.headers),
        list_near_misses(.near_misses)
    )]
    NoQuestionColumn {
        questionnaire: String,
        example: String,
        headers: Vec<String>,
        /// Columns that resemble a question.
        near_misses: Vec<Proposal>,
    },
    #[error(
        "the answers run from 1 to 5 (a 5 at {first_five} and no 0), but the questionnaire's scale runs from 0 to 4: if the form used a 1–5 linear scale, import again with the 1–5 scale (`tcm import --scale 1-5`), which reads 1 as level 0 and 5 as level 4; otherwise correct the answers"
    )]
    OneToFiveScale {
        first_five: crate::location::Location,
    },
    #[error(
        "no column names the respondents (expected a header such as respondent, répondant, nom, name, participant or e-mail); headers seen: {}",
        list_headers(.headers)
    )]
    NoRespondentColumn { headers: Vec<String> },
    #[error("{0}")]
    Problems(Problems),
}

/// Near misses for a message, after the headers.
fn list_near_misses(near_misses: &[Proposal]) -> String {
    if near_misses.is_empty() {
        return String::new();
    }
    let listed: Vec<String> = near_misses
        .iter()
        .take(10)
        .map(|proposal| proposal.to_string().replace("; not read", ""))
        .collect();
    format!("; near misses: {}", listed.join("; "))
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
    read_responses_with(bytes, kind, questionnaire, ImportOptions::default())
}

/// [`read_responses`] with the user's choices (a 1–5 scale).
pub fn read_responses_with(
    bytes: &[u8],
    kind: FileKind,
    questionnaire: &Questionnaire,
    options: ImportOptions,
) -> Result<ImportedResponses, ImportError> {
    let table = match kind {
        FileKind::Csv => read_csv_table(bytes).map_err(|error| match error {
            CsvTableError::Empty => ImportError::Empty,
            CsvTableError::Header(problem) => ImportError::Problems(Problems::new(vec![problem])),
        })?,
        FileKind::Xlsx => read_xlsx_table(bytes).map_err(xlsx_error)?,
    };
    if let Some(form) = form_sheet::detect(&table) {
        let (respondent, sheet) =
            form_sheet::read(&table, &form, questionnaire, options.scale).map_err(refused)?;
        let report = ImportReport {
            respondent_column: Some(table.column(0).to_owned()),
            scale: options.scale,
            ..ImportReport::default()
        };
        return Ok(ImportedResponses {
            format: ResponseFormat::Questionnaire,
            respondents: if sheet.is_empty() {
                Vec::new()
            } else {
                vec![respondent]
            },
            sheet,
            ignored_columns: Vec::new(),
            report,
        });
    }
    match layout(&table, questionnaire)? {
        Layout::Long { columns, ignored } => {
            let report = ImportReport {
                respondent_column: Some(table.column(columns.respondent).to_owned()),
                ..ImportReport::default()
            };
            let responses = read_long(table, columns, questionnaire).map_err(refused)?;
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
                report,
            })
        }
        Layout::Wide {
            columns,
            ignored,
            mut report,
        } => {
            if options.scale == AnswerScale::ZeroToFour
                && let Some(first_five) = one_to_five(&table, &columns)
            {
                return Err(ImportError::OneToFiveScale { first_five });
            }
            report.scale = options.scale;
            let mut responses =
                read_wide(&table, &columns, questionnaire, options.scale).map_err(refused)?;
            if kind == FileKind::Xlsx
                && let Some(comments) =
                    read_xlsx_other_sheet(bytes, &comments_sheet::COMMENT_SHEETS)
                        .map_err(xlsx_error)?
            {
                comments_sheet::apply(&comments, questionnaire, &mut responses.sheet)
                    .map_err(refused)?;
            }
            Ok(ImportedResponses {
                format: ResponseFormat::Wide,
                respondents: responses.respondents,
                sheet: responses.sheet,
                ignored_columns: ignored,
                report,
            })
        }
    }
}

fn xlsx_error(error: XlsxTableError) -> ImportError {
    match error {
        XlsxTableError::Unreadable(reason) => ImportError::UnreadableWorkbook { reason },
        XlsxTableError::Refused(refusal) => ImportError::RefusedWorkbook(refusal),
        XlsxTableError::Empty { sheet } => ImportError::EmptySheet { sheet },
    }
}

pub(super) fn refused(problems: Vec<Problem>) -> ImportError {
    ImportError::Problems(Problems::new(problems))
}
