//! The figures lists show without rescoring: questions with a value and the overall index,
//! recomputed inside every transaction that changes answers.

use std::path::Path;

use rusqlite::{Connection, params};
use tcm_core::{AnswerSheet, Questionnaire, Scorecard, score};

use crate::answers::read_sheet;
use crate::error::{Result, StoreError};
use crate::records::AssessmentId;

/// Where an assessment stands after a change.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub answered_questions: usize,
    pub question_count: usize,
    pub overall_score: Option<f64>,
}

/// Rescores `assessment` and stores its summary; returns the scorecard.
pub(crate) fn refresh(
    connection: &Connection,
    path: &Path,
    assessment: AssessmentId,
    questionnaire: &Questionnaire,
    updated_at: &str,
) -> Result<(AnswerSheet, Scorecard)> {
    let sheet = read_sheet(connection, path, assessment)?;
    let card = score(questionnaire, &sheet);
    connection
        .execute(
            "UPDATE assessment SET answered_questions = ?2, overall_score = ?3, updated_at = ?4 WHERE id = ?1",
            params![
                assessment.0,
                i64::try_from(card.answered()).unwrap_or(i64::MAX),
                card.overall.map(|overall| overall.value()),
                updated_at
            ],
        )
        .map_err(|error| StoreError::from_sqlite(path, "updating the assessment's summary", error))?;
    Ok((sheet, card))
}

/// The progress a scorecard shows.
pub(crate) fn progress_of(card: &Scorecard, questionnaire: &Questionnaire) -> Progress {
    Progress {
        answered_questions: card.answered(),
        question_count: questionnaire.questions().len(),
        overall_score: card.overall.map(|overall| overall.value()),
    }
}
