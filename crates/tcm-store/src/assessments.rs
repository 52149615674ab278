//! Assessments: one audit of one organisation with one questionnaire.

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use tcm_core::{Assessment, AssessmentStatus, Language, Mode, Targets};

use tcm_core::limits::TextField;

use crate::error::{Result, StoreError};
use crate::records::{
    AssessmentId, AssessmentSummary, NewAssessment, OrganisationId, StoredAssessment,
};
use crate::text::stored;
use crate::unit::Tx;
use crate::{Store, time};

const TARGET_COLUMNS: &str = "a.target_creative, a.target_active, a.target_curative, a.target_preventive, a.target_proactive";

fn language_code(language: Language) -> &'static str {
    language.code()
}

fn language_from(code: &str) -> Language {
    code.parse().unwrap_or_default()
}

/// Reads the five target columns starting at `first`.
fn targets_from(row: &Row<'_>, first: usize) -> rusqlite::Result<Targets> {
    let mut levels = [Targets::DEFAULT_LEVEL; 5];
    for (offset, level) in levels.iter_mut().enumerate() {
        *level = row.get(first + offset)?;
    }
    Ok(Targets::new(levels).unwrap_or_default())
}

/// The columns of an [`AssessmentSummary`]; `summary_from_row` reads them.
const SUMMARY_SELECT: &str =
    "SELECT a.id, a.uuid, a.organisation_id, o.name, a.title, a.mode, a.language, a.status,
        s.questionnaire_id, s.version,
        (SELECT count(*) FROM respondent r WHERE r.assessment_id = a.id),
        a.answered_questions, a.question_count, a.overall_score, a.created_at, a.updated_at,
        a.questionnaire_snapshot_id
   FROM assessment a
   JOIN organisation o ON o.id = a.organisation_id
   JOIN questionnaire_snapshot s ON s.id = a.questionnaire_snapshot_id";

fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<AssessmentSummary> {
    Ok(AssessmentSummary {
        id: AssessmentId(row.get(0)?),
        uuid: row.get(1)?,
        organisation: OrganisationId(row.get(2)?),
        organisation_name: row.get(3)?,
        title: row.get(4)?,
        mode: row
            .get::<_, String>(5)?
            .parse()
            .unwrap_or(Mode::SelfAssessment),
        language: language_from(&row.get::<_, String>(6)?),
        status: row
            .get::<_, String>(7)?
            .parse()
            .unwrap_or(AssessmentStatus::InProgress),
        questionnaire_id: row.get(8)?,
        questionnaire_version: row.get(9)?,
        respondents: row.get::<_, i64>(10)?.try_into().unwrap_or(0),
        answered_questions: row.get::<_, i64>(11)?.try_into().unwrap_or(0),
        question_count: row.get::<_, i64>(12)?.try_into().unwrap_or(0),
        overall_score: row.get(13)?,
        created_at: time::parse(&row.get::<_, String>(14)?),
        updated_at: time::parse(&row.get::<_, String>(15)?),
        questionnaire_snapshot: row.get(16)?,
    })
}

/// The title stored for `assessment`.
fn check(assessment: &Assessment) -> Result<String> {
    let title = stored(TextField::AssessmentTitle, &assessment.title)?;
    if title.is_empty() {
        return Err(StoreError::Invalid(
            "an assessment needs a title".to_owned(),
        ));
    }
    Ok(title)
}

impl Tx<'_> {
    /// Starts an assessment with a new global id; its questionnaire is kept whole with it.
    pub fn create_assessment(&mut self, new: &NewAssessment<'_>) -> Result<AssessmentId> {
        let uuid = uuid::Uuid::new_v4().to_string();
        let now = self.now();
        self.create_assessment_with_uuid(new, &uuid, now, now)
    }

    /// Starts an assessment with a given global id and times (imports keep those of the
    /// file): the one statement that inserts assessments.
    pub fn create_assessment_with_uuid(
        &mut self,
        new: &NewAssessment<'_>,
        uuid: &str,
        created_at: DateTime<Utc>,
        updated_at: DateTime<Utc>,
    ) -> Result<AssessmentId> {
        let title = check(&new.assessment)?;
        let exists: Option<i64> = self
            .connection()
            .query_row(
                "SELECT id FROM organisation WHERE id = ?1",
                [new.organisation.0],
                |row| row.get(0),
            )
            .optional()
            .map_err(self.fail("reading the organisation"))?;
        if exists.is_none() {
            return Err(StoreError::NotFound {
                what: "organisation",
                id: new.organisation.to_string(),
            });
        }
        let snapshot = self.questionnaire_snapshot(new.questionnaire)?;
        let targets = new.assessment.targets.levels();
        let path = self.path().to_owned();
        self.connection()
            .execute(
                "INSERT INTO assessment (uuid, organisation_id, questionnaire_snapshot_id, title, mode, language,
                    target_creative, target_active, target_curative, target_preventive, target_proactive,
                    status, question_count, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                params![
                    uuid,
                    new.organisation.0,
                    snapshot,
                    title,
                    new.assessment.mode.as_str(),
                    language_code(new.assessment.language),
                    targets[0],
                    targets[1],
                    targets[2],
                    targets[3],
                    targets[4],
                    new.assessment.status.as_str(),
                    i64::try_from(new.questionnaire.questions().len()).unwrap_or(i64::MAX),
                    time::format(created_at),
                    time::format(updated_at),
                ],
            )
            .map_err(|error| match error.sqlite_error_code() {
                Some(rusqlite::ErrorCode::ConstraintViolation) => StoreError::Invalid(format!(
                    "an assessment with the id {uuid} already exists"
                )),
                _ => StoreError::from_sqlite(&path, "saving the assessment", error),
            })?;
        Ok(AssessmentId(self.connection().last_insert_rowid()))
    }

    /// Changes an assessment's title, mode, language, targets or status.
    pub fn update_assessment(&mut self, id: AssessmentId, assessment: &Assessment) -> Result<()> {
        let title = check(assessment)?;
        let targets = assessment.targets.levels();
        let changed = self
            .connection()
            .execute(
                "UPDATE assessment SET title = ?2, mode = ?3, language = ?4, target_creative = ?5, target_active = ?6,
                        target_curative = ?7, target_preventive = ?8, target_proactive = ?9, status = ?10, updated_at = ?11
                  WHERE id = ?1",
                params![
                    id.0,
                    title,
                    assessment.mode.as_str(),
                    language_code(assessment.language),
                    targets[0],
                    targets[1],
                    targets[2],
                    targets[3],
                    targets[4],
                    assessment.status.as_str(),
                    self.now_text()
                ],
            )
            .map_err(self.fail("saving the assessment"))?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "assessment",
                id: id.to_string(),
            });
        }
        Ok(())
    }

    /// Deletes an assessment with its respondents, answers, consensus, actions and snapshots.
    pub fn delete_assessment(&mut self, id: AssessmentId) -> Result<()> {
        let changed = self
            .connection()
            .execute("DELETE FROM assessment WHERE id = ?1", [id.0])
            .map_err(self.fail("deleting the assessment"))?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "assessment",
                id: id.to_string(),
            });
        }
        Ok(())
    }

    /// Deletes everything an assessment holds (respondents with their answers, consensus,
    /// actions, finalised scores and counts) and moves it to `organisation` and `snapshot`,
    /// keeping its id and uuid: the first half of replacing it by a file's content.
    pub(crate) fn empty_assessment(
        &mut self,
        id: AssessmentId,
        organisation: OrganisationId,
        snapshot: i64,
        question_count: usize,
    ) -> Result<()> {
        for table in [
            "respondent",
            "consensus",
            "action",
            "score_snapshot",
            "question_tally",
        ] {
            self.connection()
                .execute(
                    &format!("DELETE FROM {table} WHERE assessment_id = ?1"),
                    [id.0],
                )
                .map_err(self.fail("emptying the assessment"))?;
        }
        self.connection()
            .execute(
                "UPDATE assessment SET organisation_id = ?2, questionnaire_snapshot_id = ?3, question_count = ?4 WHERE id = ?1",
                params![
                    id.0,
                    organisation.0,
                    snapshot,
                    i64::try_from(question_count).unwrap_or(i64::MAX)
                ],
            )
            .map_err(self.fail("emptying the assessment"))?;
        self.touch(id);
        Ok(())
    }

    /// Sets an assessment's creation time (an import keeps the file's).
    pub(crate) fn set_created_at(
        &mut self,
        id: AssessmentId,
        created_at: DateTime<Utc>,
    ) -> Result<()> {
        self.connection()
            .execute(
                "UPDATE assessment SET created_at = ?2 WHERE id = ?1",
                params![id.0, time::format(created_at)],
            )
            .map_err(self.fail("saving the assessment"))?;
        Ok(())
    }

    /// The assessment with this global id, if this database has it.
    pub fn find_assessment_by_uuid(&self, uuid: &str) -> Result<Option<AssessmentId>> {
        find_by_uuid(self.connection(), self.path(), uuid)
    }
}

fn find_by_uuid(connection: &Connection, path: &Path, uuid: &str) -> Result<Option<AssessmentId>> {
    connection
        .query_row("SELECT id FROM assessment WHERE uuid = ?1", [uuid], |row| {
            row.get(0).map(AssessmentId)
        })
        .optional()
        .map_err(|error| StoreError::from_sqlite(path, "looking for the assessment", error))
}

impl Store {
    /// Starts an assessment in its own unit of work. Returns its id.
    pub fn create_assessment(
        &mut self,
        new: &NewAssessment<'_>,
        now: DateTime<Utc>,
    ) -> Result<AssessmentId> {
        self.write(now, "saving the assessment", |tx| tx.create_assessment(new))
    }

    pub fn assessment(&self, id: AssessmentId) -> Result<StoredAssessment> {
        self.connection
            .query_row(
                &format!(
                    "SELECT a.id, a.uuid, a.organisation_id, o.name, a.title, a.mode, a.language, a.status,
                            s.questionnaire_id, s.version, a.created_at, a.updated_at, {TARGET_COLUMNS}
                       FROM assessment a
                       JOIN organisation o ON o.id = a.organisation_id
                       JOIN questionnaire_snapshot s ON s.id = a.questionnaire_snapshot_id
                      WHERE a.id = ?1"
                ),
                [id.0],
                |row| {
                    Ok(StoredAssessment {
                        id: AssessmentId(row.get(0)?),
                        uuid: row.get(1)?,
                        organisation: OrganisationId(row.get(2)?),
                        organisation_name: row.get(3)?,
                        assessment: Assessment {
                            title: row.get(4)?,
                            mode: row.get::<_, String>(5)?.parse().unwrap_or(Mode::SelfAssessment),
                            language: language_from(&row.get::<_, String>(6)?),
                            status: row.get::<_, String>(7)?.parse().unwrap_or(AssessmentStatus::InProgress),
                            targets: targets_from(row, 12)?,
                        },
                        questionnaire_id: row.get(8)?,
                        questionnaire_version: row.get(9)?,
                        created_at: time::parse(&row.get::<_, String>(10)?),
                        updated_at: time::parse(&row.get::<_, String>(11)?),
                    })
                },
            )
            .optional()
            .map_err(self.fail("reading the assessment"))?
            .ok_or(StoreError::NotFound { what: "assessment", id: id.to_string() })
    }

    /// The assessment with this global id, if this database has it.
    pub fn find_assessment_by_uuid(&self, uuid: &str) -> Result<Option<AssessmentId>> {
        find_by_uuid(&self.connection, &self.path, uuid)
    }

    /// Every assessment, most recently changed first, with its progress and overall index.
    pub fn list_assessments(&self) -> Result<Vec<AssessmentSummary>> {
        let mut statement = self
            .connection
            .prepare_cached(&format!(
                "{SUMMARY_SELECT} ORDER BY a.updated_at DESC, a.id DESC"
            ))
            .map_err(self.fail("listing assessments"))?;
        let rows = statement
            .query_map([], summary_from_row)
            .map_err(self.fail("listing assessments"))?
            .collect::<rusqlite::Result<Vec<_>>>();
        rows.map_err(self.fail("listing assessments"))
    }

    /// One assessment's line of the list.
    pub fn assessment_summary(&self, id: AssessmentId) -> Result<AssessmentSummary> {
        self.connection
            .query_row(
                &format!("{SUMMARY_SELECT} WHERE a.id = ?1"),
                [id.0],
                summary_from_row,
            )
            .optional()
            .map_err(self.fail("reading the assessment"))?
            .ok_or(StoreError::NotFound {
                what: "assessment",
                id: id.to_string(),
            })
    }

    /// Changes an assessment's title, mode, language, targets or status (own unit of work).
    pub fn update_assessment(
        &mut self,
        id: AssessmentId,
        assessment: &Assessment,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.write(now, "saving the assessment", |tx| {
            tx.update_assessment(id, assessment)
        })
    }

    /// Deletes an assessment and all it holds, in its own unit of work.
    pub fn delete_assessment(&mut self, id: AssessmentId, now: DateTime<Utc>) -> Result<()> {
        self.write(now, "deleting the assessment", |tx| {
            tx.delete_assessment(id)
        })
    }

    /// The most recent other assessment of the same organisation created before this one: the
    /// "previous audit" reports compare with.
    pub fn previous_assessment(&self, id: AssessmentId) -> Result<Option<AssessmentId>> {
        self.connection
            .query_row(
                "SELECT p.id FROM assessment a JOIN assessment p
                    ON p.organisation_id = a.organisation_id AND p.id <> a.id AND p.created_at <= a.created_at
                  WHERE a.id = ?1
                  ORDER BY p.created_at DESC, p.id DESC LIMIT 1",
                [id.0],
                |row| row.get(0).map(AssessmentId),
            )
            .optional()
            .map_err(self.fail("looking for the previous assessment"))
    }
}
