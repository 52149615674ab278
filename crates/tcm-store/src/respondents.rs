//! Respondents: who answers in an assessment (a name or an anonymous label, a role, a group),
//! and what protects them as personal data: anonymise, erase.

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use tcm_core::{QuestionId, RespondentProfile};

use crate::codes::answer_from_code;
use tcm_core::limits::TextField;

use crate::error::{Result, StoreError};
use crate::records::{AssessmentId, RespondentId, StoredRespondent};
use crate::text::stored;
use crate::unit::Tx;
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

/// Whether an anonymised respondent keeps the comments they wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeptComments {
    Kept,
    Removed,
}

/// What happens to an erased respondent's answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErasedAnswers {
    /// Deleted with the respondent: the scores change.
    Removed,
    /// Kept under an anonymous label: the scores stay as they are.
    KeptAnonymous,
}

pub(crate) fn label_taken(label: &str) -> StoreError {
    StoreError::Invalid(format!(
        "a respondent named « {label} » already exists in this assessment"
    ))
}

/// The label, role and group stored for `profile`.
fn check(profile: &RespondentProfile) -> Result<(String, String, String)> {
    let label = stored(TextField::RespondentLabel, &profile.label)?;
    if label.is_empty() {
        return Err(StoreError::Invalid(
            "a respondent needs a name or a label".to_owned(),
        ));
    }
    Ok((
        label,
        stored(TextField::RespondentRole, &profile.role)?,
        stored(TextField::RespondentGroup, &profile.group)?,
    ))
}

/// The respondent `id`, read on `connection`.
fn read_respondent(
    connection: &Connection,
    path: &Path,
    id: RespondentId,
) -> Result<StoredRespondent> {
    connection
        .prepare_cached(&format!("SELECT {COLUMNS} FROM respondent WHERE id = ?1"))
        .and_then(|mut statement| statement.query_row([id.0], from_row).optional())
        .map_err(|error| StoreError::from_sqlite(path, "reading the respondent", error))?
        .ok_or(StoreError::NotFound {
            what: "respondent",
            id: id.to_string(),
        })
}

/// The respondent with this label in an assessment, read on `connection`.
fn read_by_label(
    connection: &Connection,
    path: &Path,
    assessment: AssessmentId,
    label: &str,
) -> Result<Option<StoredRespondent>> {
    connection
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM respondent WHERE assessment_id = ?1 AND label = ?2"
        ))
        .and_then(|mut statement| {
            statement
                .query_row(params![assessment.0, label.trim()], from_row)
                .optional()
        })
        .map_err(|error| StoreError::from_sqlite(path, "looking for the respondent", error))
}

impl Tx<'_> {
    /// Adds a respondent; labels are unique within an assessment.
    pub fn add_respondent(
        &mut self,
        assessment: AssessmentId,
        profile: &RespondentProfile,
    ) -> Result<RespondentId> {
        let created_at = self.now_text().to_owned();
        self.add_respondent_at(assessment, profile, &created_at)
    }

    /// Adds a respondent created at `created_at`: the one statement that inserts respondents.
    pub(crate) fn add_respondent_at(
        &mut self,
        assessment: AssessmentId,
        profile: &RespondentProfile,
        created_at: &str,
    ) -> Result<RespondentId> {
        let (label, role, group) = check(profile)?;
        let label = label.as_str();
        let path = self.path().to_owned();
        self.connection()
            .prepare_cached(
                "INSERT INTO respondent (assessment_id, label, role, group_name, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .and_then(|mut statement| {
                statement.execute(params![
                    assessment.0,
                    label,
                    role,
                    group,
                    created_at
                ])
            })
            .map_err(|error| match error.sqlite_error_code() {
                Some(rusqlite::ErrorCode::ConstraintViolation) => {
                    if self.assessment_exists(assessment) {
                        label_taken(label)
                    } else {
                        StoreError::NotFound { what: "assessment", id: assessment.to_string() }
                    }
                }
                _ => StoreError::from_sqlite(&path, "saving the respondent", error),
            })?;
        self.touch(assessment);
        Ok(RespondentId(self.connection().last_insert_rowid()))
    }

    /// The labels of an assessment's respondents, read in this transaction.
    pub(crate) fn respondent_labels(&self, assessment: AssessmentId) -> Result<Vec<String>> {
        let path = self.path().to_owned();
        self.connection()
            .prepare_cached("SELECT label FROM respondent WHERE assessment_id = ?1")
            .and_then(|mut statement| {
                statement
                    .query_map([assessment.0], |row| row.get::<_, String>(0))?
                    .collect()
            })
            .map_err(|error| StoreError::from_sqlite(&path, "reading the respondents", error))
    }

    fn assessment_exists(&self, assessment: AssessmentId) -> bool {
        self.connection()
            .query_row(
                "SELECT 1 FROM assessment WHERE id = ?1",
                [assessment.0],
                |_| Ok(()),
            )
            .is_ok()
    }

    /// Changes a respondent's label, role and group.
    pub fn update_respondent(
        &mut self,
        id: RespondentId,
        profile: &RespondentProfile,
    ) -> Result<()> {
        let (label, role, group) = check(profile)?;
        let label = label.as_str();
        let path = self.path().to_owned();
        let changed = self
            .connection()
            .prepare_cached(
                "UPDATE respondent SET label = ?2, role = ?3, group_name = ?4 WHERE id = ?1",
            )
            .and_then(|mut statement| statement.execute(params![id.0, label, role, group]))
            .map_err(|error| match error.sqlite_error_code() {
                Some(rusqlite::ErrorCode::ConstraintViolation) => label_taken(label),
                _ => StoreError::from_sqlite(&path, "saving the respondent", error),
            })?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "respondent",
                id: id.to_string(),
            });
        }
        Ok(())
    }

    /// Sets a respondent's role and group where a value is given (an empty one keeps theirs).
    pub(crate) fn update_respondent_details(
        &mut self,
        id: RespondentId,
        role: &str,
        group: &str,
    ) -> Result<()> {
        let role = stored(TextField::RespondentRole, role)?;
        let group = stored(TextField::RespondentGroup, group)?;
        self.connection()
            .prepare_cached(
                "UPDATE respondent SET role = CASE WHEN ?2 = '' THEN role ELSE ?2 END,
                        group_name = CASE WHEN ?3 = '' THEN group_name ELSE ?3 END WHERE id = ?1",
            )
            .and_then(|mut statement| statement.execute(params![id.0, role, group]))
            .map_err(self.fail("saving the respondent"))?;
        Ok(())
    }

    /// Removes a respondent and their answers (their counts leave the tallies).
    pub fn remove_respondent(&mut self, id: RespondentId) -> Result<()> {
        let respondent = self.respondent(id)?;
        let answers: Vec<(String, String)> = self
            .connection()
            .prepare_cached("SELECT question_id, value FROM answer WHERE respondent_id = ?1")
            .and_then(|mut statement| {
                statement
                    .query_map([id.0], |row| Ok((row.get(0)?, row.get(1)?)))?
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(self.fail("reading the respondent's answers"))?;
        for (question, value) in answers {
            if let Some(answer) = answer_from_code(&value) {
                self.count_answer(respondent.assessment, &question, answer, -1)?;
            }
        }
        self.connection()
            .prepare_cached("DELETE FROM respondent WHERE id = ?1")
            .and_then(|mut statement| statement.execute([id.0]))
            .map_err(self.fail("removing the respondent"))?;
        self.touch(respondent.assessment);
        Ok(())
    }

    /// Anonymises a respondent (personal data): their label becomes the next free
    /// "Participant N", their role is cleared, their comments are removed unless
    /// `comments` says to keep them, and the live-session devices that answered as them are
    /// forgotten. Their answers and group stay, so every score is unchanged.
    pub fn anonymise_respondent(
        &mut self,
        id: RespondentId,
        comments: KeptComments,
    ) -> Result<StoredRespondent> {
        let respondent = self.respondent(id)?;
        let label = self.next_participant_label(respondent.assessment)?;
        self.update_respondent(
            id,
            &RespondentProfile {
                label,
                role: String::new(),
                group: respondent.profile.group,
            },
        )?;
        if comments == KeptComments::Removed {
            self.clear_comments(id)?;
        }
        self.forget_live_participants(id)?;
        self.touch(respondent.assessment);
        self.respondent(id)
    }

    /// Erases a respondent (personal data). With [`ErasedAnswers::Removed`] they leave with
    /// their answers (the scores change as if they had never answered); with
    /// [`ErasedAnswers::KeptAnonymous`] their answers stay under a "Participant N" label with
    /// no role, group or comment, so the assessment's scores are unchanged.
    pub fn erase_respondent(&mut self, id: RespondentId, answers: ErasedAnswers) -> Result<()> {
        match answers {
            ErasedAnswers::Removed => self.remove_respondent(id),
            ErasedAnswers::KeptAnonymous => {
                let respondent = self.anonymise_respondent(id, KeptComments::Removed)?;
                self.update_respondent(
                    id,
                    &RespondentProfile {
                        group: String::new(),
                        ..respondent.profile
                    },
                )
            }
        }
    }

    fn next_participant_label(&self, assessment: AssessmentId) -> Result<String> {
        let labels: Vec<String> = self
            .connection()
            .prepare_cached("SELECT label FROM respondent WHERE assessment_id = ?1")
            .and_then(|mut statement| {
                statement
                    .query_map([assessment.0], |row| row.get(0))?
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(self.fail("reading the respondents' labels"))?;
        Ok(tcm_core::next_participant_label(
            labels.iter().map(String::as_str),
        ))
    }

    /// Remembers where a respondent is in the questionnaire, to resume there.
    pub fn set_resume_question(&mut self, id: RespondentId, question: Option<&str>) -> Result<()> {
        let changed = self
            .connection()
            .prepare_cached("UPDATE respondent SET resume_question = ?2 WHERE id = ?1")
            .and_then(|mut statement| statement.execute(params![id.0, question]))
            .map_err(self.fail("saving where the respondent is"))?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "respondent",
                id: id.to_string(),
            });
        }
        Ok(())
    }

    pub fn respondent(&self, id: RespondentId) -> Result<StoredRespondent> {
        read_respondent(self.connection(), self.path(), id)
    }

    /// The respondent with this label in an assessment, if there is one.
    pub fn find_respondent(
        &self,
        assessment: AssessmentId,
        label: &str,
    ) -> Result<Option<StoredRespondent>> {
        read_by_label(self.connection(), self.path(), assessment, label)
    }
}

impl Store {
    /// Adds a respondent, in its own unit of work.
    pub fn add_respondent(
        &mut self,
        assessment: AssessmentId,
        profile: &RespondentProfile,
        now: DateTime<Utc>,
    ) -> Result<RespondentId> {
        self.write(now, "saving the respondent", |tx| {
            tx.add_respondent(assessment, profile)
        })
    }

    pub fn update_respondent(
        &mut self,
        id: RespondentId,
        profile: &RespondentProfile,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.write(now, "saving the respondent", |tx| {
            tx.update_respondent(id, profile)
        })
    }

    /// Anonymises a respondent (see [`Tx::anonymise_respondent`]), in its own unit of work.
    pub fn anonymise_respondent(
        &mut self,
        id: RespondentId,
        comments: KeptComments,
        now: DateTime<Utc>,
    ) -> Result<StoredRespondent> {
        self.write(now, "anonymising the respondent", |tx| {
            tx.anonymise_respondent(id, comments)
        })
    }

    /// Erases a respondent (see [`Tx::erase_respondent`]), in its own unit of work.
    pub fn erase_respondent(
        &mut self,
        id: RespondentId,
        answers: ErasedAnswers,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.write(now, "erasing the respondent", |tx| {
            tx.erase_respondent(id, answers)
        })
    }

    /// Removes a respondent and their answers, in its own unit of work.
    pub fn remove_respondent(&mut self, id: RespondentId, now: DateTime<Utc>) -> Result<()> {
        self.write(now, "removing the respondent", |tx| {
            tx.remove_respondent(id)
        })
    }

    pub fn respondent(&self, id: RespondentId) -> Result<StoredRespondent> {
        read_respondent(&self.connection, &self.path, id)
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
        read_by_label(&self.connection, &self.path, assessment, label)
    }

    /// Remembers where a respondent is in the questionnaire, in its own unit of work.
    pub fn set_resume_question(
        &mut self,
        id: RespondentId,
        question: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.write(now, "saving where the respondent is", |tx| {
            tx.set_resume_question(id, question)
        })
    }
}
