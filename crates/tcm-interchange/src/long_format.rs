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
/// The table is consumed: each row's text is freed once it is read, while the answer sheet
/// grows, so the file is never held twice over.
pub(crate) fn read_long(
    table: Table,
    columns: LongColumns,
    questionnaire: &Questionnaire,
) -> Result<LongResponses, Vec<Problem>> {
    let mut responses = LongResponses {
        respondents: Vec::new(),
        sheet: AnswerSheet::new(),
    };
    let mut known: HashSet<Respondent> = HashSet::new();
    // Each (respondent, question) pair seen, as numbers given to the distinct texts, with the
    // row that first gave it: no copy of the two texts per row (1.2 million rows held 250 MB of
    // copied pairs).
    let mut respondent_numbers = Numbering::default();
    let mut question_numbers = Numbering::default();
    let mut first_seen: HashMap<(u32, u32), Location> = HashMap::new();
    let mut problems = Vec::new();
    for row in table.rows {
        let row = match row {
            Ok(row) => row,
            Err(problem) => {
                problems.push(*problem);
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
        let known_question = questionnaire.question(question);
        if known_question.is_none() {
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
        let key = (
            respondent_numbers.number(respondent),
            question_numbers.number(question),
        );
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
        if let (true, Ok(answer), Some(known_question)) =
            (problems.len() == problems_before, parsed, known_question)
        {
            // One shared text per respondent and per question, not one per answer.
            let respondent = match known.get(respondent) {
                Some(seen) => Respondent::clone(seen),
                None => {
                    let first = Respondent::new(respondent);
                    known.insert(first.clone());
                    responses.respondents.push(first.clone());
                    first
                }
            };
            responses.sheet.set(
                respondent,
                known_question.id.clone(),
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

/// Small numbers for texts, the first text seen numbered 0: pairs of texts become pairs of
/// numbers. Each distinct text is kept once (a file names a few thousand respondents and a
/// hundred questions, over a million rows).
#[derive(Default)]
struct Numbering {
    numbers: HashMap<Box<str>, u32>,
}

impl Numbering {
    fn number(&mut self, text: &str) -> u32 {
        if let Some(number) = self.numbers.get(text) {
            return *number;
        }
        let next = u32::try_from(self.numbers.len()).unwrap_or(u32::MAX);
        self.numbers.insert(text.into(), next);
        next
    }
}
