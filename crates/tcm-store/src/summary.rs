//! The figures lists show without rescoring: questions with a value and the overall index,
//! recomputed inside every transaction that changes answers.

use std::collections::HashSet;
use std::path::Path;

use rusqlite::{Connection, params};
use tcm_core::{AnswerSheet, Questionnaire, score};

use crate::answers::read_sheet;
use crate::error::{Result, StoreError};
use crate::records::AssessmentId;

/// Where an assessment stands after a change.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    /// Questions someone answered (`NA` and `?` count: the question was dealt with), or that
    /// have a consensus value.
    pub answered_questions: usize,
    pub question_count: usize,
    pub overall_score: Option<f64>,
}

/// Rescores `assessment` and stores its summary; returns where it now stands.
pub(crate) fn refresh(
    connection: &Connection,
    path: &Path,
    assessment: AssessmentId,
    questionnaire: &Questionnaire,
    updated_at: &str,
) -> Result<Progress> {
    let sheet = read_sheet(connection, path, assessment)?;
    let progress = Progress {
        answered_questions: answered_questions(questionnaire, &sheet),
        question_count: questionnaire.questions().len(),
        overall_score: score(questionnaire, &sheet)
            .overall
            .map(|overall| overall.value()),
    };
    connection
        .execute(
            "UPDATE assessment SET answered_questions = ?2, overall_score = ?3, updated_at = ?4 WHERE id = ?1",
            params![
                assessment.0,
                i64::try_from(progress.answered_questions).unwrap_or(i64::MAX),
                progress.overall_score,
                updated_at
            ],
        )
        .map_err(|error| StoreError::from_sqlite(path, "updating the assessment's summary", error))?;
    Ok(progress)
}

/// How many of the questionnaire's questions have an answer (any, `NA` and `?` included) or a
/// consensus value.
pub(crate) fn answered_questions(questionnaire: &Questionnaire, sheet: &AnswerSheet) -> usize {
    let mut answered: HashSet<&str> = sheet
        .responses()
        .map(|(_, question, _)| question.as_str())
        .collect();
    answered.extend(
        sheet
            .consensus_values()
            .map(|(question, _)| question.as_str()),
    );
    questionnaire
        .questions()
        .iter()
        .filter(|question| answered.contains(question.id.as_str()))
        .count()
}
