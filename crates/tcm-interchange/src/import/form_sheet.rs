//! A filled-in questionnaire (the XLSX form of [`crate::forms`], or any sheet laid out like
//! it): the respondent's name beside `Nom`/`Name` in the first row, the group beside
//! `Groupe`/`Group`, then a header row with `question` and `réponse`/`answer` (and
//! `commentaire`/`comment`) and one row per question. One respondent per file.

use tcm_core::limits::TextField;
use tcm_core::{AnswerSheet, Questionnaire, Respondent, RespondentProfile, Response};

use super::columns::{
    ANSWER_HEADERS, COMMENT_HEADERS, GROUP_HEADERS, QUESTION_HEADERS, is_respondent_header,
};
use super::matching::QuestionMatcher;
use super::spelling::{AnswerScale, accepted_spellings, read_answer};
use crate::names::fold;
use crate::problem::{Problem, ProblemKind};
use crate::table::Table;

/// Where a questionnaire sheet's columns are.
pub(super) struct FormSheet {
    /// Index in `table.rows` of the questions' header row.
    header_row: usize,
    question: usize,
    answer: usize,
    comment: Option<usize>,
}

/// Whether `table` is a questionnaire sheet, and where its columns are.
pub(super) fn detect(table: &Table) -> Option<FormSheet> {
    if !is_respondent_header(&fold(table.column(0))) {
        return None;
    }
    let filled = table
        .header
        .iter()
        .filter(|cell| !cell.trim().is_empty())
        .count();
    if filled > 2 {
        return None;
    }
    for (index, row) in table.rows.iter().enumerate().take(20) {
        let Ok(row) = row else { continue };
        let position = |names: &[&str]| {
            (0..row.len()).find(|column| names.contains(&fold(row.cell(*column)).as_str()))
        };
        if let (Some(question), Some(answer)) =
            (position(&QUESTION_HEADERS), position(&ANSWER_HEADERS))
        {
            return Some(FormSheet {
                header_row: index,
                question,
                answer,
                comment: position(&COMMENT_HEADERS),
            });
        }
    }
    None
}

/// The respondent and answers of a questionnaire sheet; every problem is collected.
pub(super) fn read(
    table: &Table,
    form: &FormSheet,
    questionnaire: &Questionnaire,
    scale: AnswerScale,
) -> Result<(RespondentProfile, AnswerSheet), Vec<Problem>> {
    let matcher = QuestionMatcher::new(questionnaire);
    let accepted = accepted_spellings(questionnaire, scale);
    let label = table
        .header
        .get(1)
        .map_or("", |cell| cell.trim())
        .to_owned();
    let mut group = String::new();
    let mut problems = Vec::new();
    let label_limit = TextField::RespondentLabel.max_chars();
    let label_chars = label.chars().count();
    if label_chars > label_limit {
        problems.push(Problem::new(
            table.header_at.field(1),
            ProblemKind::TextTooLong {
                field: TextField::RespondentLabel,
                chars: label_chars,
                limit: label_limit,
            },
        ));
    }
    for row in table.rows.iter().take(form.header_row).flatten() {
        if GROUP_HEADERS.contains(&fold(row.cell(0)).as_str()) {
            row.text(1, TextField::RespondentGroup, &mut problems)
                .clone_into(&mut group);
        }
    }
    let mut sheet = AnswerSheet::new();
    let respondent = Respondent::new(label.as_str());
    for row in table.rows.iter().skip(form.header_row + 1) {
        let row = match row {
            Ok(row) => row,
            Err(problem) => {
                problems.push(Problem::clone(problem));
                continue;
            }
        };
        let id = row.cell(form.question);
        let answer = row.cell(form.answer);
        let comment = form
            .comment
            .map(|column| row.text(column, TextField::Comment, &mut problems))
            .filter(|comment| !comment.is_empty());
        if id.is_empty() && answer.is_empty() && comment.is_none() {
            continue;
        }
        let question = questionnaire
            .question(id)
            .map(|question| question.id.clone())
            .or_else(|| matcher.id_in(id).map(|found| found.question));
        let Some(question) = question else {
            problems.push(Problem::new(
                row.at.cell(form.question),
                ProblemKind::UnknownQuestion {
                    question: id.to_owned(),
                    questionnaire: questionnaire.id().to_owned(),
                },
            ));
            continue;
        };
        if answer.is_empty() {
            if comment.is_some() {
                problems.push(Problem::new(
                    row.at.cell(form.answer),
                    ProblemKind::CommentWithoutAnswer { question },
                ));
            }
            continue;
        }
        match read_answer(answer, questionnaire, scale) {
            Some(answer) => sheet.set(
                respondent.clone(),
                question,
                Response {
                    answer,
                    comment: comment.map(str::to_owned),
                },
            ),
            None => problems.push(Problem::new(
                row.at.cell(form.answer),
                ProblemKind::UnreadableAnswer {
                    text: answer.to_owned(),
                    question,
                    accepted: accepted.clone(),
                },
            )),
        }
    }
    if label.is_empty() && !sheet.is_empty() {
        problems.insert(
            0,
            Problem::new(table.header_at.cell(1), ProblemKind::EmptyRespondent),
        );
    }
    if problems.is_empty() {
        Ok((
            RespondentProfile {
                label,
                role: String::new(),
                group,
            },
            sheet,
        ))
    } else {
        Err(problems)
    }
}
