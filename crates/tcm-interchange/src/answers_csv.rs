//! Answers in long format: one row per (respondent, question), the format `tcm score` reads.
//!
//! ```text
//! respondent,question,answer,comment
//! Claire (DG),cre-seg-01,3,"Segments revus en 2024, ""comportementaux"""
//! Claire (DG),cre-seg-02,NA,
//! ```
//!
//! The delimiter (`,` or `;`) is detected; UTF-8 with or without BOM and Windows-1252 are
//! read; CRLF or LF; quoted fields may hold delimiters, quotes and newlines. Answers are
//! `0`–`4`, `NA` (also `N/A`, `na`) or `?`. Every bad row is reported with its line number;
//! nothing is returned unless the whole file is good.

use std::collections::HashMap;

use tcm_core::{AnswerSheet, QuestionId, Questionnaire, Respondent, Response};

use crate::text::{decode, sniff_delimiter};

/// The columns of the long format, in their usual order.
pub const COLUMNS: [&str; 4] = ["respondent", "question", "answer", "comment"];

/// One bad row (or header), located by its line in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// 1-based line where the row starts.
    pub line: u64,
    pub message: String,
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
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

/// Where each column is in the file.
struct Layout {
    respondent: usize,
    question: usize,
    answer: usize,
    comment: Option<usize>,
    width: usize,
}

fn read_header(header: &csv::StringRecord) -> Result<Layout, Vec<RowProblem>> {
    let names: Vec<String> = header
        .iter()
        .map(|name| name.trim().trim_start_matches('\u{feff}').to_lowercase())
        .collect();
    let mut problems = Vec::new();
    let position = |column: &str| names.iter().position(|name| name == column);
    for name in &names {
        if !COLUMNS.contains(&name.as_str()) {
            problems.push(RowProblem {
                line: 1,
                message: format!(
                    "unknown column `{name}` in the header (expected respondent, question, answer and optionally comment)"
                ),
            });
        }
    }
    for (index, column) in COLUMNS.iter().enumerate() {
        if names.iter().filter(|name| name == column).count() > 1 {
            problems.push(RowProblem {
                line: 1,
                message: format!("column `{column}` appears twice in the header"),
            });
        }
        if index < 3 && position(column).is_none() {
            problems.push(RowProblem {
                line: 1,
                message: format!(
                    "missing column `{column}` in the header (expected `respondent,question,answer[,comment]`)"
                ),
            });
        }
    }
    match (
        position("respondent"),
        position("question"),
        position("answer"),
    ) {
        (Some(respondent), Some(question), Some(answer)) if problems.is_empty() => Ok(Layout {
            respondent,
            question,
            answer,
            comment: position("comment"),
            width: names.len(),
        }),
        _ => Err(problems),
    }
}

/// Reads an answers file against `questionnaire`: every question id must be one of its
/// questions, every answer valid, and no respondent may answer a question twice.
pub fn read_answers_csv(
    bytes: &[u8],
    questionnaire: &Questionnaire,
) -> Result<AnswerSheet, AnswersCsvError> {
    let (text, _) = decode(bytes);
    if text.trim().is_empty() {
        return Err(AnswersCsvError::Empty);
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(&text))
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header = match reader.headers() {
        Ok(header) => header.clone(),
        Err(error) => {
            return Err(AnswersCsvError::Problems(vec![RowProblem {
                line: 1,
                message: format!("unreadable header: {error}"),
            }]));
        }
    };
    let layout = read_header(&header).map_err(AnswersCsvError::Problems)?;

    let mut sheet = AnswerSheet::new();
    let mut first_seen: HashMap<(String, String), u64> = HashMap::new();
    let mut problems = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map_or(0, |position| position.line());
                problems.push(RowProblem {
                    line,
                    message: format!("unreadable row: {error}"),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |position| position.line());
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        if record.len() != layout.width {
            problems.push(RowProblem {
                line,
                message: format!(
                    "expected {} fields as in the header, found {} (is a comment with a delimiter missing its quotes?)",
                    layout.width,
                    record.len()
                ),
            });
            continue;
        }
        let field = |index: usize| record.get(index).unwrap_or_default().trim();
        let respondent = field(layout.respondent);
        let question = field(layout.question);
        let answer = field(layout.answer);
        let comment = layout
            .comment
            .map(|index| record.get(index).unwrap_or_default().trim())
            .filter(|comment| !comment.is_empty());

        let mut row_ok = true;
        let mut problem = |message: String| {
            problems.push(RowProblem { line, message });
            row_ok = false;
        };
        if respondent.is_empty() {
            problem("the respondent is empty".to_owned());
        }
        if questionnaire.question(question).is_none() {
            problem(format!(
                "unknown question id `{question}` (not in questionnaire `{}`)",
                questionnaire.id()
            ));
        }
        let parsed = answer.parse::<tcm_core::Answer>();
        if let Err(error) = &parsed {
            problem(error.to_string());
        }
        let key = (respondent.to_owned(), question.to_owned());
        match first_seen.get(&key) {
            Some(first) => problem(format!(
                "respondent `{respondent}` already answered question `{question}` at line {first}"
            )),
            None => {
                first_seen.insert(key, line);
            }
        }
        if let (true, Ok(answer)) = (row_ok, parsed) {
            sheet.set(
                Respondent::new(respondent),
                QuestionId::new(question),
                Response {
                    answer,
                    comment: comment.map(str::to_owned),
                },
            );
        }
    }
    if problems.is_empty() {
        Ok(sheet)
    } else {
        Err(AnswersCsvError::Problems(problems))
    }
}
