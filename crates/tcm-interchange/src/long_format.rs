//! Responses in long format, one row per (respondent, question): the rows of a [`Table`]
//! turned into an answer sheet once its columns are known. Shared by `tcm score`'s strict
//! reader ([`crate::answers_csv`]) and the lenient import ([`crate::import`]).

use std::collections::{HashMap, HashSet};

use tcm_core::limits::TextField;
use tcm_core::{Answer, AnswerSheet, QuestionId, Questionnaire, Respondent, Response};

use crate::location::Location;
use crate::problem::{Problem, ProblemKind};
use crate::table::Table;

/// Where the columns of the long format are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LongColumns {
    pub respondent: usize,
    pub question: usize,
    pub answer: usize,
    pub comment: Option<usize>,
}

/// What a long-format table holds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LongResponses {
    /// Respondents in the order they first appear.
    pub respondents: Vec<Respondent>,
    pub sheet: AnswerSheet,
}

/// Reads every row: each question id must be one of the questionnaire's, each answer valid,
/// and no respondent may answer a question twice. Every problem is collected, in row order.
pub(crate) fn read_long(
    table: &Table,
    columns: LongColumns,
    questionnaire: &Questionnaire,
) -> Result<LongResponses, Vec<Problem>> {
    let mut responses = LongResponses {
        respondents: Vec::new(),
        sheet: AnswerSheet::new(),
    };
    let mut known = HashSet::new();
    let mut first_seen: HashMap<(String, String), Location> = HashMap::new();
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
        let respondent = row.text(
            columns.respondent,
            TextField::RespondentLabel,
            &mut problems,
        );
        let question = row.cell(columns.question);
        let answer = row.cell(columns.answer);
        let comment = columns
            .comment
            .map(|index| row.text(index, TextField::Comment, &mut problems))
            .filter(|comment| !comment.is_empty());
        if respondent.is_empty() {
            problems.push(Problem::new(
                row.at.cell(columns.respondent),
                ProblemKind::EmptyRespondent,
            ));
        }
        if questionnaire.question(question).is_none() {
            problems.push(Problem::new(
                row.at.cell(columns.question),
                ProblemKind::UnknownQuestion {
                    question: question.to_owned(),
                    questionnaire: questionnaire.id().to_owned(),
                },
            ));
        }
        let parsed = answer.parse::<Answer>();
        if parsed.is_err() {
            problems.push(Problem::new(
                row.at.cell(columns.answer),
                ProblemKind::InvalidAnswer {
                    text: answer.to_owned(),
                    question: None,
                },
            ));
        }
        let key = (respondent.to_owned(), question.to_owned());
        match first_seen.get(&key) {
            Some(first) => problems.push(Problem::new(
                row.at.row(),
                ProblemKind::DuplicateAnswer {
                    respondent: Respondent::new(respondent),
                    question: QuestionId::new(question),
                    first: *first,
                },
            )),
            None => {
                first_seen.insert(key, row.at.row());
            }
        }
        if let (true, Ok(answer)) = (problems.len() == problems_before, parsed) {
            let respondent = Respondent::new(respondent);
            if known.insert(respondent.clone()) {
                responses.respondents.push(respondent.clone());
            }
            responses.sheet.set(
                respondent,
                QuestionId::new(question),
                Response {
                    answer,
                    comment: comment.map(str::to_owned),
                },
            );
        }
    }
    if problems.is_empty() {
        Ok(responses)
    } else {
        Err(problems)
    }
}
