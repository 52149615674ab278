//! The comments sheet of the assessment workbook ([`crate::workbook`]): « Commentaires »
//! (« Comments ») with the respondent, the question id, its text and the comment. When a
//! workbook's answers matrix is imported, these comments come back onto its answers.

use tcm_core::limits::TextField;
use tcm_core::{AnswerSheet, QuestionId, Questionnaire, Respondent, Response};

use super::columns::{COMMENT_HEADERS, QUESTION_HEADERS, is_respondent_header};
use crate::names::fold;
use crate::problem::{Problem, ProblemKind};
use crate::table::Table;

/// Folded names of the comments sheet.
pub(super) const COMMENT_SHEETS: [&str; 2] = ["commentaires", "comments"];

/// Puts the sheet's comments on the answers of `sheet`. A sheet without a respondent, a
/// question and a comment column is not one of ours and is left alone.
pub(super) fn apply(
    table: &Table,
    questionnaire: &Questionnaire,
    sheet: &mut AnswerSheet,
) -> Result<(), Vec<Problem>> {
    let position = |wanted: &dyn Fn(&str) -> bool| {
        (0..table.header.len()).find(|index| wanted(&fold(table.column(*index))))
    };
    let (Some(respondent), Some(question), Some(comment)) = (
        position(&is_respondent_header),
        position(&|name| QUESTION_HEADERS.contains(&name)),
        position(&|name| COMMENT_HEADERS.contains(&name)),
    ) else {
        return Ok(());
    };
    let mut problems = Vec::new();
    for row in &table.rows {
        let row = match row {
            Ok(row) => row,
            Err(problem) => {
                problems.push(Problem::clone(problem));
                continue;
            }
        };
        let text = row.text(comment, TextField::Comment, &mut problems);
        if text.is_empty() {
            continue;
        }
        let id = row.cell(question);
        let Some(found) = questionnaire.question(id) else {
            problems.push(Problem::new(
                row.at.cell(question),
                ProblemKind::UnknownQuestion {
                    question: id.to_owned(),
                    questionnaire: questionnaire.id().to_owned(),
                },
            ));
            continue;
        };
        let who = Respondent::new(row.cell(respondent));
        let id: QuestionId = found.id.clone();
        match sheet.response(&who, &id).map(|response| response.answer) {
            Some(answer) => sheet.set(
                who,
                id,
                Response {
                    answer,
                    comment: Some(text.to_owned()),
                },
            ),
            None => problems.push(Problem::new(
                row.at.cell(comment),
                ProblemKind::CommentWithoutAnswer { question: id },
            )),
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}
