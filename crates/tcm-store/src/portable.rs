//! Whole assessments in and out, for portable `.tcm` files: one transaction each way, local
//! ids remapped, and the assessment's global id (uuid) recognised so that importing the same
//! file twice does not duplicate it.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, TransactionBehavior, params};
use tcm_core::{ActionLink, Questionnaire, StageId};
use tcm_interchange::portable::{AgreedValue, PortableAssessment, RecordedAnswer, ScoreSnapshot};

use crate::codes::{answer_code, consensus_code};
use crate::error::{Result, StoreError};
use crate::questionnaires::snapshot_id;
use crate::records::AssessmentId;
use crate::{Store, time};

/// What importing a portable assessment did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PortableImport {
    /// The assessment was new here.
    Created(AssessmentId),
    /// It was here already, older: its content was replaced by the file's.
    Updated(AssessmentId),
    /// It was here already, as recent as the file: nothing changed.
    AlreadyPresent(AssessmentId),
}

impl PortableImport {
    pub fn assessment(self) -> AssessmentId {
        match self {
            PortableImport::Created(id)
            | PortableImport::Updated(id)
            | PortableImport::AlreadyPresent(id) => id,
        }
    }
}

impl Store {
    /// Everything about one assessment, as a portable `.tcm` file holds it.
    pub fn export_portable(&mut self, id: AssessmentId) -> Result<PortableAssessment> {
        let stored = self.assessment(id)?;
        let organisation = self.organisation(stored.organisation)?.organisation;
        let questionnaire = self.questionnaire(id)?;
        let respondents = self.list_respondents(id)?;
        let labels: HashMap<i64, String> = respondents
            .iter()
            .map(|respondent| (respondent.id.0, respondent.profile.label.clone()))
            .collect();
        let mut answers = std::collections::BTreeMap::new();
        {
            let mut statement = self
                .connection
                .prepare(
                    "SELECT a.respondent_id, a.question_id, a.value, a.comment, a.updated_at
                       FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE r.assessment_id = ?1",
                )
                .map_err(self.fail("reading the answers"))?;
            let rows = statement
                .query_map([id.0], |row| {
                    Ok((
                        row.get::<_, i64>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, String>(2)?,
                        row.get::<_, String>(3)?,
                        row.get::<_, String>(4)?,
                    ))
                })
                .map_err(self.fail("reading the answers"))?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(self.fail("reading the answers"))?;
            for (respondent, question, value, comment, updated_at) in rows {
                let (Some(label), Ok(answer)) = (labels.get(&respondent), value.parse()) else {
                    continue;
                };
                answers.insert(
                    (
                        tcm_core::Respondent::new(label.clone()),
                        tcm_core::QuestionId::new(question),
                    ),
                    RecordedAnswer {
                        answer,
                        comment: (!comment.is_empty()).then_some(comment),
                        updated_at: time::parse(&updated_at),
                    },
                );
            }
        }
        let consensus = self
            .consensus_notes(id)?
            .into_iter()
            .map(|note| {
                (
                    note.question,
                    AgreedValue {
                        value: note.value,
                        note: note.note,
                    },
                )
            })
            .collect();
        let actions = self
            .list_actions(id)?
            .into_iter()
            .map(|stored| stored.action)
            .collect();
        let score_snapshots = self
            .score_snapshots(id)?
            .into_iter()
            .map(|snapshot| ScoreSnapshot {
                taken_at: snapshot.taken_at,
                overall: snapshot.overall,
                stages: snapshot.stages,
            })
            .collect();
        Ok(PortableAssessment {
            uuid: stored.uuid,
            organisation,
            assessment: stored.assessment,
            created_at: stored.created_at,
            updated_at: stored.updated_at,
            questionnaire_id: questionnaire.id().to_owned(),
            questionnaire_version: questionnaire.version().to_string(),
            questionnaire_snapshot: questionnaire.to_toml(),
            respondents: respondents
                .into_iter()
                .map(|respondent| respondent.profile)
                .collect(),
            answers,
            consensus,
            actions,
            score_snapshots,
        })
    }

    /// Imports a portable assessment in one transaction. Its organisation is matched by name
    /// (or added); an assessment with the same global id is left alone when it is as recent
    /// as the file, and replaced by the file's content when it is older.
    pub fn import_portable(
        &mut self,
        portable: &PortableAssessment,
        now: DateTime<Utc>,
    ) -> Result<PortableImport> {
        let questionnaire: Questionnaire = portable.questionnaire().map_err(|invalid| {
            StoreError::Invalid(format!(
                "the file's questionnaire does not read: {}",
                invalid.report()
            ))
        })?;
        let existing = self.find_assessment_by_uuid(&portable.uuid)?;
        if let Some(id) = existing
            && self.assessment(id)?.updated_at >= portable.updated_at
        {
            return Ok(PortableImport::AlreadyPresent(id));
        }
        let path = self.path.clone();
        let path = path.as_path();
        let fail =
            |context: &'static str| move |error| StoreError::from_sqlite(path, context, error);
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail("starting the import"))?;
        let organisation: i64 = match transaction
            .query_row(
                "SELECT id FROM organisation WHERE lower(name) = lower(?1) ORDER BY id LIMIT 1",
                [portable.organisation.name.trim()],
                |row| row.get(0),
            )
            .optional()
            .map_err(fail("looking for the organisation"))?
        {
            Some(id) => id,
            None => {
                let organisation = &portable.organisation;
                transaction
                    .execute(
                        "INSERT INTO organisation (name, sector, size, notes, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                        params![
                            organisation.name.trim(),
                            organisation.sector.as_str(),
                            organisation.size.map(|size| size.as_str()),
                            organisation.notes,
                            time::format(now)
                        ],
                    )
                    .map_err(fail("adding the organisation"))?;
                transaction.last_insert_rowid()
            }
        };
        let snapshot = snapshot_id(&transaction, path, &questionnaire)?;
        let assessment = &portable.assessment;
        let targets = assessment.targets.levels();
        let id = match existing {
            Some(id) => {
                // Replace the older content: what belongs to the assessment is deleted (the
                // foreign keys cascade from respondents), then written again from the file.
                for table in ["respondent", "consensus", "action", "score_snapshot"] {
                    transaction
                        .execute(
                            &format!("DELETE FROM {table} WHERE assessment_id = ?1"),
                            [id.0],
                        )
                        .map_err(fail("replacing the assessment"))?;
                }
                transaction
                    .execute(
                        "UPDATE assessment SET organisation_id = ?2, questionnaire_snapshot_id = ?3, title = ?4, mode = ?5, language = ?6,
                                target_creative = ?7, target_active = ?8, target_curative = ?9, target_preventive = ?10, target_proactive = ?11,
                                status = ?12, question_count = ?13, created_at = ?14, updated_at = ?15 WHERE id = ?1",
                        params![
                            id.0,
                            organisation,
                            snapshot,
                            assessment.title,
                            assessment.mode.as_str(),
                            assessment.language.code(),
                            targets[0],
                            targets[1],
                            targets[2],
                            targets[3],
                            targets[4],
                            assessment.status.as_str(),
                            i64::try_from(questionnaire.questions().len()).unwrap_or(i64::MAX),
                            time::format(portable.created_at),
                            time::format(portable.updated_at)
                        ],
                    )
                    .map_err(fail("replacing the assessment"))?;
                id
            }
            None => {
                transaction
                    .execute(
                        "INSERT INTO assessment (uuid, organisation_id, questionnaire_snapshot_id, title, mode, language,
                            target_creative, target_active, target_curative, target_preventive, target_proactive,
                            status, question_count, created_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                        params![
                            portable.uuid,
                            organisation,
                            snapshot,
                            assessment.title,
                            assessment.mode.as_str(),
                            assessment.language.code(),
                            targets[0],
                            targets[1],
                            targets[2],
                            targets[3],
                            targets[4],
                            assessment.status.as_str(),
                            i64::try_from(questionnaire.questions().len()).unwrap_or(i64::MAX),
                            time::format(portable.created_at),
                            time::format(portable.updated_at)
                        ],
                    )
                    .map_err(fail("adding the assessment"))?;
                AssessmentId(transaction.last_insert_rowid())
            }
        };
        let mut respondent_ids: HashMap<String, i64> = HashMap::new();
        for profile in &portable.respondents {
            transaction
                .execute(
                    "INSERT INTO respondent (assessment_id, label, role, group_name, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![id.0, profile.label, profile.role, profile.group, time::format(portable.created_at)],
                )
                .map_err(|error| match error.sqlite_error_code() {
                    Some(rusqlite::ErrorCode::ConstraintViolation) => crate::respondents::label_taken(&profile.label),
                    _ => StoreError::from_sqlite(path, "adding a respondent", error),
                })?;
            respondent_ids.insert(profile.label.clone(), transaction.last_insert_rowid());
        }
        {
            let mut insert = transaction
                .prepare_cached("INSERT INTO answer (respondent_id, question_id, value, comment, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                .map_err(fail("adding the answers"))?;
            for ((respondent, question), recorded) in &portable.answers {
                let Some(respondent) = respondent_ids.get(respondent.as_str()) else {
                    return Err(StoreError::Invalid(format!(
                        "an answer names the unknown respondent « {respondent} »"
                    )));
                };
                insert
                    .execute(params![
                        respondent,
                        question.as_str(),
                        answer_code(recorded.answer),
                        recorded.comment.as_deref().unwrap_or(""),
                        time::format(recorded.updated_at)
                    ])
                    .map_err(fail("adding the answers"))?;
            }
        }
        for (question, agreed) in &portable.consensus {
            transaction
                .execute(
                    "INSERT INTO consensus (assessment_id, question_id, value, note, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![id.0, question.as_str(), consensus_code(agreed.value), agreed.note, time::format(portable.updated_at)],
                )
                .map_err(fail("adding the consensus values"))?;
        }
        for action in &portable.actions {
            let (question, stage): (Option<&str>, Option<&str>) = match &action.link {
                ActionLink::Question(question) => (Some(question.as_str()), None),
                ActionLink::Stage(stage) => (None, Some(stage.as_str())),
            };
            transaction
                .execute(
                    "INSERT INTO action (assessment_id, question_id, stage, title, description, owner, due_date, status, impact, effort, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
                    params![
                        id.0,
                        question,
                        stage,
                        action.title,
                        action.description,
                        action.owner,
                        action.due.map(|date| date.format("%Y-%m-%d").to_string()),
                        action.status.as_str(),
                        action.impact,
                        action.effort,
                        time::format(portable.updated_at)
                    ],
                )
                .map_err(fail("adding the actions"))?;
        }
        for snapshot in &portable.score_snapshots {
            let stages = StageId::ALL.map(|stage| snapshot.stage(stage));
            transaction
                .execute(
                    "INSERT INTO score_snapshot (assessment_id, taken_at, respondents, overall, creative, active, curative, preventive, proactive)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    params![
                        id.0,
                        time::format(snapshot.taken_at),
                        i64::try_from(portable.respondents.len()).unwrap_or(0),
                        snapshot.overall,
                        stages[0],
                        stages[1],
                        stages[2],
                        stages[3],
                        stages[4]
                    ],
                )
                .map_err(fail("adding the finalised scores"))?;
        }
        crate::summary::refresh(
            &transaction,
            path,
            id,
            &questionnaire,
            &time::format(portable.updated_at),
        )?;
        transaction.commit().map_err(fail("finishing the import"))?;
        Ok(match existing {
            Some(_) => PortableImport::Updated(id),
            None => PortableImport::Created(id),
        })
    }
}
