//! Answers in long format: one row per (respondent, question), the format `tcm score` reads
//! and the desktop app exports.
//!
//! ```text
//! respondent,question,answer,comment
//! Claire (DG),cre-seg-01,3,"Segments revus en 2024, ""comportementaux"""
//! Claire (DG),cre-seg-02,NA,
//! ```
//!
//! Reading ([`read_answers_csv`]): the delimiter (`,`, `;` or tab) is detected; UTF-8 with or
//! without BOM and Windows-1252 are read; CRLF or LF; quoted fields may hold delimiters,
//! quotes and newlines. Answers are `0`–`4`, `NA` (also `N/A`, `na`) or `?`. Every bad row is
//! reported with its line number; nothing is returned unless the whole file is good.
//!
//! Writing ([`write_answers_csv`]): in a [`CsvDialect`] that a program or Excel reads (UTF-8,
//! or Windows-1252 as French Excel writes it).

mod read;
mod write;

pub use read::read_answers_csv;
pub use write::{CsvDialect, CsvEncodingError, CsvFile, write_answers_csv};

/// The columns of the long format, in their usual order.
pub const COLUMNS: [&str; 4] = ["respondent", "question", "answer", "comment"];

/// One bad row (or header), located by its line in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// 1-based line where the row starts.
    pub line: u64,
    /// The column (`D`) when the problem is one field's text.
    pub column: Option<String>,
    pub message: String,
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.column {
            Some(column) => write!(f, "line {}, column {column}: {}", self.line, self.message),
            None => write!(f, "line {}: {}", self.line, self.message),
        }
    }
}

/// Why an answers file was refused. Nothing of it is kept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswersCsvError {
    #[error("the answers file is empty: it needs a header `respondent,question,answer[,comment]`")]
    Empty,
    #[error("{}", format_problems(.0))]
    Problems(Vec<RowProblem>),
}

impl AnswersCsvError {
    /// The located problems (empty for an empty file).
    pub fn problems(&self) -> &[RowProblem] {
        match self {
            AnswersCsvError::Empty => &[],
            AnswersCsvError::Problems(problems) => problems,
        }
    }
}

fn format_problems(problems: &[RowProblem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}
