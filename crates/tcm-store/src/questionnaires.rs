//! Questionnaire snapshots: the full text of the questionnaire each assessment uses, parsed
//! once and kept in memory.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use rusqlite::{Connection, OptionalExtension, params};
use tcm_core::Questionnaire;

use crate::Store;
use crate::error::{Result, StoreError};
use crate::records::AssessmentId;
use crate::unit::Tx;

impl Tx<'_> {
    /// The snapshot row holding `questionnaire`, added if it is not there yet.
    pub(crate) fn questionnaire_snapshot(&mut self, questionnaire: &Questionnaire) -> Result<i64> {
        let content = questionnaire.to_toml();
        let version = questionnaire.version().to_string();
        let existing = self
            .connection()
            .query_row(
                "SELECT id FROM questionnaire_snapshot WHERE questionnaire_id = ?1 AND version = ?2 AND content = ?3",
                params![questionnaire.id(), version, content],
                |row| row.get(0),
            )
            .optional()
            .map_err(self.fail("saving the questionnaire"))?;
        match existing {
            Some(id) => Ok(id),
            None => {
                self.connection()
                    .execute(
                        "INSERT INTO questionnaire_snapshot (questionnaire_id, version, content) VALUES (?1, ?2, ?3)",
                        params![questionnaire.id(), version, content],
                    )
                    .map_err(self.fail("saving the questionnaire"))?;
                Ok(self.connection().last_insert_rowid())
            }
        }
    }
}

/// The questionnaire of an assessment: from the cache, or read and parsed from its snapshot.
pub(crate) fn questionnaire_of(
    connection: &Connection,
    cache: &mut HashMap<i64, Arc<Questionnaire>>,
    path: &Path,
    assessment: AssessmentId,
) -> Result<Arc<Questionnaire>> {
    let fail =
        |error| StoreError::from_sqlite(path, "reading the assessment's questionnaire", error);
    // Cached: every answer saved asks it (once per answer of a live session's batch).
    let snapshot: i64 = connection
        .prepare_cached("SELECT questionnaire_snapshot_id FROM assessment WHERE id = ?1")
        .and_then(|mut statement| statement.query_row([assessment.0], |row| row.get(0)))
        .optional()
        .map_err(fail)?
        .ok_or(StoreError::NotFound {
            what: "assessment",
            id: assessment.to_string(),
        })?;
    parse_snapshot(connection, cache, path, snapshot, assessment.0)
}

/// The questionnaire of snapshot row `snapshot` (cached once parsed); `assessment` names it
/// in errors.
pub(crate) fn parse_snapshot(
    connection: &Connection,
    cache: &mut HashMap<i64, Arc<Questionnaire>>,
    path: &Path,
    snapshot: i64,
    assessment: i64,
) -> Result<Arc<Questionnaire>> {
    let fail =
        |error| StoreError::from_sqlite(path, "reading the assessment's questionnaire", error);
    if let Some(parsed) = cache.get(&snapshot) {
        return Ok(parsed.clone());
    }
    let content: String = connection
        .query_row(
            "SELECT content FROM questionnaire_snapshot WHERE id = ?1",
            [snapshot],
            |row| row.get(0),
        )
        .map_err(fail)?;
    let parsed = Questionnaire::from_toml(
        &content,
        &format!("questionnaire of assessment {assessment}"),
    )
    .map_err(|invalid| StoreError::Snapshot {
        assessment,
        report: invalid.report(),
    })?;
    let parsed = Arc::new(parsed);
    cache.insert(snapshot, parsed.clone());
    Ok(parsed)
}

impl Store {
    /// The questionnaire held by snapshot row `snapshot` (see
    /// [`crate::AssessmentSummary::questionnaire_snapshot`]).
    pub fn snapshot_questionnaire(&mut self, snapshot: i64) -> Result<Arc<Questionnaire>> {
        parse_snapshot(
            &self.connection,
            &mut self.questionnaires,
            &self.path,
            snapshot,
            0,
        )
    }

    /// The questionnaire an assessment uses, as it was when the assessment was created.
    pub fn questionnaire(&mut self, assessment: AssessmentId) -> Result<Arc<Questionnaire>> {
        questionnaire_of(
            &self.connection,
            &mut self.questionnaires,
            &self.path,
            assessment,
        )
    }
}
