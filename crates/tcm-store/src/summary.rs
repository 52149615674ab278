//! The figures lists show without rescoring: questions answered and the overall index,
//! refreshed once at the commit of every unit of work that changed an assessment.
//!
//! They are computed from [`crate::tally`]'s per-question counts and the consensus values,
//! never by rereading every answer: the cost grows with the questionnaire, not with the
//! number of respondents.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{Connection, params};
use tcm_core::scoring::{AnswerTally, overall_from_tallies};
use tcm_core::{Consensus, Questionnaire};

use crate::codes::consensus_from_code;
use crate::error::{Result, StoreError};
use crate::records::AssessmentId;
use crate::tally;

/// Where an assessment stands after a change.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    /// Questions someone answered (`NA` and `?` count: the question was dealt with), or that
    /// have a consensus value.
    pub answered_questions: usize,
    pub question_count: usize,
    pub overall_score: Option<f64>,
}

/// Where `assessment` stands, from its tallies and consensus values.
pub(crate) fn measure(
    connection: &Connection,
    path: &Path,
    assessment: AssessmentId,
    questionnaire: &Questionnaire,
) -> Result<Progress> {
    let tallies = tally::read(connection, path, assessment)?;
    let consensus = read_consensus(connection, path, assessment)?;
    let answered_questions = questionnaire
        .questions()
        .iter()
        .filter(|question| {
            let id = question.id.as_str();
            tallies.get(id).is_some_and(|tally| tally.answers() > 0) || consensus.contains_key(id)
        })
        .count();
    let overall = overall_from_tallies(
        questionnaire,
        |question| {
            tallies
                .get(question.as_str())
                .copied()
                .unwrap_or(AnswerTally::default())
        },
        |question| consensus.get(question.as_str()).copied(),
    );
    Ok(Progress {
        answered_questions,
        question_count: questionnaire.questions().len(),
        overall_score: overall.map(|overall| overall.value()),
    })
}

pub(crate) fn read_consensus(
    connection: &Connection,
    path: &Path,
    assessment: AssessmentId,
) -> Result<HashMap<String, Consensus>> {
    let fail = |error| StoreError::from_sqlite(path, "reading consensus values", error);
    let mut statement = connection
        .prepare_cached("SELECT question_id, value FROM consensus WHERE assessment_id = ?1")
        .map_err(fail)?;
    let rows = statement
        .query_map([assessment.0], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })
        .map_err(fail)?;
    let mut consensus = HashMap::new();
    for row in rows {
        let (question, value) = row.map_err(fail)?;
        if let Some(value) = consensus_from_code(&value) {
            consensus.insert(question, value);
        }
    }
    Ok(consensus)
}

/// Measures `assessment` and stores its summary, stamped `updated_at`.
pub(crate) fn refresh(
    connection: &Connection,
    path: &Path,
    assessment: AssessmentId,
    questionnaire: &Questionnaire,
    updated_at: &str,
) -> Result<Progress> {
    let progress = measure(connection, path, assessment, questionnaire)?;
    connection
        .prepare_cached(
            "UPDATE assessment SET answered_questions = ?2, overall_score = ?3, updated_at = ?4 WHERE id = ?1",
        )
        .and_then(|mut statement| {
            statement.execute(params![
                assessment.0,
                i64::try_from(progress.answered_questions).unwrap_or(i64::MAX),
                progress.overall_score,
                updated_at
            ])
        })
        .map_err(|error| StoreError::from_sqlite(path, "updating the assessment's summary", error))?;
    Ok(progress)
}
