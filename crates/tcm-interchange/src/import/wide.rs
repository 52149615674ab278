//! Responses in wide format, as online forms export them: one row per respondent, one column
//! per question (its header holds the question's id or text), an optional comment column per
//! question, and the respondent's name, role and group. A file that names nobody (an
//! anonymous form) numbers its respondents `Répondant 1…n` in file order.

use std::collections::HashMap;

use tcm_core::{
    Answer, AnswerSheet, QuestionId, Questionnaire, Respondent, RespondentProfile, Response,
};

use tcm_core::limits::TextField;

use super::report::anonymous_label;
use super::spelling::{AnswerScale, accepted_spellings, bare_number, read_answer};
use crate::location::Location;
use crate::problem::{Problem, ProblemKind};
use crate::table::{Table, TableRow};

/// Where the columns of a wide file are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WideColumns {
    /// `None` when no column names the respondents.
    pub respondent: Option<usize>,
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
    scale: AnswerScale,
) -> Result<WideResponses, Vec<Problem>> {
    let accepted = accepted_spellings(questionnaire, scale);
    let mut numbered = 0usize;
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
                problems.push(Problem::clone(problem));
                continue;
            }
        };
        let problems_before = problems.len();
        let reading = read_row(row, columns, questionnaire, scale, &accepted, &mut problems);
        for (column, field) in [
            (columns.role, TextField::RespondentRole),
            (columns.group, TextField::RespondentGroup),
        ] {
            if let Some(index) = column {
                row.text(index, field, &mut problems);
            }
        }
        let profile_cell = |column: Option<usize>| column.map_or("", |index| row.cell(index));
        let has_content = !reading.answers.is_empty()
            || !reading.comments.is_empty()
            || problems.len() > problems_before
            || !profile_cell(columns.role).is_empty()
            || !profile_cell(columns.group).is_empty();
        let Some(respondent_column) = columns.respondent else {
            if has_content {
                numbered += 1;
                let label = anonymous_label(numbered);
                keep(
                    &mut responses,
                    row,
                    columns,
                    reading,
                    &label,
                    problems.len() > problems_before,
                );
            }
            continue;
        };
        let label = row.text(respondent_column, TextField::RespondentLabel, &mut problems);
        if label.is_empty() {
            // A row with nothing of a respondent (a form's timestamp alone) carries nothing.
            if has_content {
                problems.push(Problem::new(
                    row.at.cell(respondent_column),
                    ProblemKind::EmptyRespondent,
                ));
            }
            continue;
        }
        if let Some(first) = first_rows.get(label) {
            problems.push(Problem::new(
                row.at.cell(respondent_column),
                ProblemKind::DuplicateRespondent {
                    respondent: Respondent::new(label),
                    first: *first,
                },
            ));
            continue;
        }
        first_rows.insert(label.to_owned(), row.at.cell(respondent_column));
        keep(
            &mut responses,
            row,
            columns,
            reading,
            label,
            problems.len() > problems_before,
        );
    }
    if problems.is_empty() {
        Ok(responses)
    } else {
        Err(problems)
    }
}

/// Keeps one row's respondent and answers, unless the row had problems.
fn keep(
    responses: &mut WideResponses,
    row: &TableRow,
    columns: &WideColumns,
    reading: RowReading,
    label: &str,
    had_problems: bool,
) {
    if had_problems {
        return;
    }
    let profile_cell = |column: Option<usize>| column.map_or("", |index| row.cell(index));
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

/// Where a file's answers look like a 1–5 linear scale read as 0–4: some `5` and no `0`
/// among its numbers. The first `5` is given, to point at.
pub(crate) fn one_to_five(table: &Table, columns: &WideColumns) -> Option<Location> {
    let mut first_five = None;
    for row in table.rows.iter().flatten() {
        for (_, index) in &columns.questions {
            match bare_number(row.cell(*index)) {
                Some(0) => return None,
                Some(5) if first_five.is_none() => first_five = Some(row.at.cell(*index)),
                _ => {}
            }
        }
    }
    first_five
}

/// The answers and comments of one row; bad cells go to `problems`.
fn read_row(
    row: &TableRow,
    columns: &WideColumns,
    questionnaire: &Questionnaire,
    scale: AnswerScale,
    accepted: &str,
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
        match read_answer(text, questionnaire, scale) {
            Some(answer) => reading.answers.push((question.clone(), answer)),
            None => {
                refused.push(question);
                problems.push(Problem::new(
                    row.at.cell(*index),
                    ProblemKind::UnreadableAnswer {
                        text: text.to_owned(),
                        question: question.clone(),
                        accepted: accepted.to_owned(),
                    },
                ));
            }
        }
    }
    for (question, index) in &columns.comments {
        let text = row.text(*index, TextField::Comment, problems);
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
