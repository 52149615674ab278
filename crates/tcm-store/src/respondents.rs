//! Respondents: who answers in an assessment (a name or an anonymous label, a role, a group).

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, params};
use tcm_core::{QuestionId, RespondentProfile};

use crate::error::{Result, StoreError};
use crate::records::{AssessmentId, RespondentId, StoredRespondent};
use crate::{Store, time};

const COLUMNS: &str = "id, assessment_id, label, role, group_name, resume_question, created_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<StoredRespondent> {
    Ok(StoredRespondent {
        id: RespondentId(row.get(0)?),
        assessment: AssessmentId(row.get(1)?),
        profile: RespondentProfile {
            label: row.get(2)?,
            role: row.get(3)?,
            group: row.get(4)?,
        },
        resume_question: row.get::<_, Option<String>>(5)?.map(QuestionId::new),
        created_at: time::parse(&row.get::<_, String>(6)?),
    })
}

pub(crate) fn label_taken(label: &str) -> StoreError {
    StoreError::Invalid(format!(
        "a respondent named « {label} » already exists in this assessment"
    ))
}

fn check(profile: &RespondentProfile) -> Result<()> {
    if profile.label.trim().is_empty() {
        return Err(StoreError::Invalid(
            "a respondent needs a name or a label".to_owned(),
        ));
    }
    Ok(())
}

impl Store {
    /// Adds a respondent; labels are unique within an assessment.
    pub fn add_respondent(
        &mut self,
        assessment: AssessmentId,
        profile: &RespondentProfile,
        now: DateTime<Utc>,
    ) -> Result<RespondentId> {
        check(profile)?;
        self.assessment(assessment)?;
        let label = profile.label.trim();
        self.connection
            .execute(
                "INSERT INTO respondent (assessment_id, label, role, group_name, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![assessment.0, label, profile.role.trim(), profile.group.trim(), time::format(now)],
            )
            .map_err(|error| match error.sqlite_error_code() {
                Some(rusqlite::ErrorCode::ConstraintViolation) => label_taken(label),
                _ => StoreError::from_sqlite(&self.path, "saving the respondent", error),
            })?;
        Ok(RespondentId(self.connection.last_insert_rowid()))
    }

    pub fn update_respondent(
        &mut self,
        id: RespondentId,
        profile: &RespondentProfile,
    ) -> Result<()> {
        check(profile)?;
        let label = profile.label.trim();
        let changed = self
            .connection
            .execute(
                "UPDATE respondent SET label = ?2, role = ?3, group_name = ?4 WHERE id = ?1",
                params![id.0, label, profile.role.trim(), profile.group.trim()],
            )
            .map_err(|error| match error.sqlite_error_code() {
                Some(rusqlite::ErrorCode::ConstraintViolation) => label_taken(label),
                _ => StoreError::from_sqlite(&self.path, "saving the respondent", error),
            })?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "respondent",
                id: id.to_string(),
            });
        }
        Ok(())
    }

    /// Removes a respondent and their answers.
    pub fn remove_respondent(&mut self, id: RespondentId, now: DateTime<Utc>) -> Result<()> {
        let respondent = self.respondent(id)?;
        let questionnaire = self.questionnaire(respondent.assessment)?;
        let path = self.path.clone();
        let transaction = self
            .connection
            .transaction()
            .map_err(|error| StoreError::from_sqlite(&path, "starting a transaction", error))?;
        transaction
            .execute("DELETE FROM respondent WHERE id = ?1", [id.0])
            .map_err(|error| StoreError::from_sqlite(&path, "removing the respondent", error))?;
        crate::summary::refresh(
            &transaction,
            &path,
            respondent.assessment,
            &questionnaire,
            &time::format(now),
        )?;
        transaction
            .commit()
            .map_err(|error| StoreError::from_sqlite(&path, "removing the respondent", error))
    }

    pub fn respondent(&self, id: RespondentId) -> Result<StoredRespondent> {
        self.connection
            .query_row(
                &format!("SELECT {COLUMNS} FROM respondent WHERE id = ?1"),
                [id.0],
                from_row,
            )
            .optional()
            .map_err(self.fail("reading the respondent"))?
            .ok_or(StoreError::NotFound {
                what: "respondent",
                id: id.to_string(),
            })
    }

    /// The respondents of an assessment, in the order they were added.
    pub fn list_respondents(&self, assessment: AssessmentId) -> Result<Vec<StoredRespondent>> {
        let mut statement = self
            .connection
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM respondent WHERE assessment_id = ?1 ORDER BY id"
            ))
            .map_err(self.fail("listing respondents"))?;
        let rows = statement
            .query_map([assessment.0], from_row)
            .map_err(self.fail("listing respondents"))?
            .collect::<rusqlite::Result<Vec<_>>>();
        rows.map_err(self.fail("listing respondents"))
    }

    /// The respondent with this label in an assessment, if there is one.
    pub fn find_respondent(
        &self,
        assessment: AssessmentId,
        label: &str,
    ) -> Result<Option<StoredRespondent>> {
        self.connection
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM respondent WHERE assessment_id = ?1 AND label = ?2"
                ),
                params![assessment.0, label.trim()],
                from_row,
            )
            .optional()
            .map_err(self.fail("looking for the respondent"))
    }

    /// Remembers where a respondent is in the questionnaire, to resume there.
    pub fn set_resume_question(&mut self, id: RespondentId, question: Option<&str>) -> Result<()> {
        let changed = self
            .connection
            .execute(
                "UPDATE respondent SET resume_question = ?2 WHERE id = ?1",
                params![id.0, question],
            )
            .map_err(self.fail("saving where the respondent is"))?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "respondent",
                id: id.to_string(),
            });
        }
        Ok(())
    }
}
