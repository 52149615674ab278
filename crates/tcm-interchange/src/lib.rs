//! Files in and out of the TCM domain. Bytes in, domain values out (and back): this crate
//! never opens a file, reads the clock or touches a database, so every format is tested on
//! in-memory data; time and ids are passed in.
//!
//! - [`answers_csv`]: answers in long format, `respondent,question,answer[,comment]`, read
//!   strictly (what `tcm score` reads) and written for programs or French Excel.
//! - [`import`]: responses from the files people have, long or wide (online forms), CSV or
//!   XLSX, read atomically with every bad line or cell named.
//! - [`portable`]: the `.tcm` file, one assessment in versioned JSON, to move it between
//!   computers.
//! - [`workbook`]: an assessment as an XLSX workbook (scores, answers matrix, comments,
//!   action plan) in its language.
//! - [`forms`]: forms generated from a questionnaire (XLSX, XLSForm, Google Apps Script,
//!   choice labels) whose exports import back.
//! - [`formula`]: exported cells that a spreadsheet would run as formulas, neutralised.
//! - [`text`]: decoding real-world text files (BOM, Windows-1252) and sniffing delimiters.

pub mod answers_csv;
mod csv_table;
pub mod forms;
pub mod formula;
pub mod import;
pub mod location;
mod long_format;
mod names;
pub mod portable;
pub mod problem;
mod table;
pub mod text;
pub mod workbook;
mod xlsx_package;
mod xlsx_table;

/// Crafted files shared with the integration tests and the corpus example.
#[cfg(test)]
#[path = "../tests/support/hostile.rs"]
mod hostile_support;

pub use answers_csv::{
    AnswersCsvError, CsvDialect, CsvEncodingError, CsvFile, RowProblem, read_answers_csv,
    write_answers_csv,
};
pub use import::{
    AnswerScale, FileKind, ImportError, ImportOptions, ImportReport, ImportedResponses,
    ResponseFormat, WorkbookRefusal, read_responses, read_responses_with,
};
pub use location::Location;
pub use portable::{PortableAssessment, PortableError};
pub use problem::{Problem, ProblemKind, Problems};
pub use workbook::{
    ActionRow, MilestoneRow, MilestonesInput, WorkbookError, WorkbookInput, write_milestones,
    write_workbook,
};
