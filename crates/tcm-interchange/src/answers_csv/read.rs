//! The strict long-format reader behind `tcm score`: the header must be exactly the long
//! format's columns, in any order and case.

use tcm_core::{AnswerSheet, Questionnaire};

use super::{AnswersCsvError, COLUMNS, RowProblem};
use crate::csv_table::{CsvTableError, read_csv_table};
use crate::location::{Location, column_name};
use crate::long_format::{LongColumns, read_long};
use crate::problem::Problem;

fn read_header(header: &[String]) -> Result<LongColumns, Vec<RowProblem>> {
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
                column: None,
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
                column: None,
                message: format!("column `{column}` appears twice in the header"),
            });
        }
        if index < 3 && position(column).is_none() {
            problems.push(RowProblem {
                line: 1,
                column: None,
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
        (Some(respondent), Some(question), Some(answer)) if problems.is_empty() => {
            Ok(LongColumns {
                respondent,
                question,
                answer,
                comment: position("comment"),
            })
        }
        _ => Err(problems),
    }
}

fn row_problem(problem: Problem) -> RowProblem {
    let column = match problem.location {
        Location::Field { column, .. } => Some(column_name(column)),
        _ => None,
    };
    RowProblem {
        line: problem.location.line(),
        column,
        message: problem.kind.to_string(),
    }
}

/// Reads an answers file against `questionnaire`: every question id must be one of its
/// questions, every answer valid, and no respondent may answer a question twice.
pub fn read_answers_csv(
    bytes: &[u8],
    questionnaire: &Questionnaire,
) -> Result<AnswerSheet, AnswersCsvError> {
    let table = read_csv_table(bytes).map_err(|error| match error {
        CsvTableError::Empty => AnswersCsvError::Empty,
        CsvTableError::Header(problem) => AnswersCsvError::Problems(vec![row_problem(problem)]),
    })?;
    let columns = read_header(&table.header).map_err(AnswersCsvError::Problems)?;
    read_long(table, columns, questionnaire)
        .map(|responses| responses.sheet)
        .map_err(|problems| {
            AnswersCsvError::Problems(problems.into_iter().map(row_problem).collect())
        })
}
