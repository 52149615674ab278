//! Responses in wide format, as online forms export them: one row per respondent, one column
//! per question (its header starts with the question id), an optional comment column per
//! question, and the respondent's name, role and group.

use std::collections::HashMap;

use tcm_core::{
    Answer, AnswerSheet, QuestionId, Questionnaire, Respondent, RespondentProfile, Response,
};

use super::spelling::read_answer;
use crate::location::Location;
use crate::problem::{Problem, ProblemKind};
use crate::table::{Table, TableRow};

/// Where the columns of a wide file are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WideColumns {
    pub respondent: usize,
    pub role: Option<usize>,
    pub group: Option<usize>,
    /// Question columns, in file order.
    pub questions: Vec<(QuestionId, usize)>,
    /// Comment columns, in file order.
    pub comments: Vec<(QuestionId, usize)>,
}

/// What a wide table holds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct WideResponses {
    /// In file order.
    pub respondents: Vec<RespondentProfile>,
    pub sheet: AnswerSheet,
}

/// One row's answers, or its problems.
struct RowReading {
    answers: Vec<(QuestionId, Answer)>,
    comments: HashMap<QuestionId, String>,
}

/// Reads every row; an empty cell is no answer. Every problem is collected, in row order.
pub(crate) fn read_wide(
    table: &Table,
    columns: &WideColumns,
    questionnaire: &Questionnaire,
) -> Result<WideResponses, Vec<Problem>> {
    let mut responses = WideResponses {
        respondents: Vec::new(),
        sheet: AnswerSheet::new(),
    };
    let mut first_rows: HashMap<String, Location> = HashMap::new();
    let mut problems = Vec::new();
    for row in &table.rows {
        let row = match row {
            Ok(row) => row,
            Err(problem) => {
                problems.push(problem.clone());
                continue;
            }
        };
        let problems_before = problems.len();
        let reading = read_row(row, columns, questionnaire, &mut problems);
        let label = row.cell(columns.respondent);
        let profile_cell = |column: Option<usize>| column.map_or("", |index| row.cell(index));
        let has_content = !reading.answers.is_empty()
            || !reading.comments.is_empty()
            || problems.len() > problems_before
            || !profile_cell(columns.role).is_empty()
            || !profile_cell(columns.group).is_empty();
        if label.is_empty() {
            // A row with nothing of a respondent (a form's timestamp alone) carries nothing.
            if has_content {
                problems.push(Problem::new(
                    row.at.cell(columns.respondent),
                    ProblemKind::EmptyRespondent,
                ));
            }
            continue;
        }
        if let Some(first) = first_rows.get(label) {
            problems.push(Problem::new(
                row.at.cell(columns.respondent),
                ProblemKind::DuplicateRespondent {
                    respondent: Respondent::new(label),
                    first: *first,
                },
            ));
            continue;
        }
        first_rows.insert(label.to_owned(), row.at.cell(columns.respondent));
        if problems.len() > problems_before {
            continue;
        }
        responses.respondents.push(RespondentProfile {
            label: label.to_owned(),
            role: profile_cell(columns.role).to_owned(),
            group: profile_cell(columns.group).to_owned(),
        });
        let mut comments = reading.comments;
        for (question, answer) in reading.answers {
            let comment = comments.remove(&question);
            responses.sheet.set(
                Respondent::new(label),
                question,
                Response { answer, comment },
            );
        }
    }
    if problems.is_empty() {
        Ok(responses)
    } else {
        Err(problems)
    }
}

/// The answers and comments of one row; bad cells go to `problems`.
fn read_row(
    row: &TableRow,
    columns: &WideColumns,
    questionnaire: &Questionnaire,
    problems: &mut Vec<Problem>,
) -> RowReading {
    let mut reading = RowReading {
        answers: Vec::new(),
        comments: HashMap::new(),
    };
    let mut refused = Vec::new();
    for (question, index) in &columns.questions {
        let text = row.cell(*index);
        if text.is_empty() {
            continue;
        }
        match read_answer(text, questionnaire) {
            Some(answer) => reading.answers.push((question.clone(), answer)),
            None => {
                refused.push(question);
                problems.push(Problem::new(
                    row.at.cell(*index),
                    ProblemKind::InvalidAnswer {
                        text: text.to_owned(),
                        question: Some(question.clone()),
                    },
                ));
            }
        }
    }
    for (question, index) in &columns.comments {
        let text = row.cell(*index);
        if text.is_empty() {
            continue;
        }
        let answered = reading
            .answers
            .iter()
            .any(|(answered, _)| answered == question);
        if !answered && !refused.contains(&question) {
            problems.push(Problem::new(
                row.at.cell(*index),
                ProblemKind::CommentWithoutAnswer {
                    question: question.clone(),
                },
            ));
        }
        reading.comments.insert(question.clone(), text.to_owned());
    }
    reading
}
