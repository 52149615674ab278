//! The actions a user keeps in an assessment's plan.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use tcm_core::{ActionLink, ActionStatus, PlannedAction, QuestionId, StageId};

use tcm_core::limits::TextField;

use crate::error::{Result, StoreError};
use crate::records::{ActionId, AssessmentId, StoredAction};
use crate::text::stored;
use crate::unit::Tx;
use crate::{Store, time};

const COLUMNS: &str = "id, assessment_id, question_id, stage, title, description, owner, due_date, status, impact, effort, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<StoredAction> {
    let question: Option<String> = row.get(2)?;
    let stage: Option<String> = row.get(3)?;
    let link = match (
        question,
        stage.and_then(|stage| stage.parse::<StageId>().ok()),
    ) {
        (Some(question), _) => ActionLink::Question(QuestionId::new(question)),
        (None, Some(stage)) => ActionLink::Stage(stage),
        (None, None) => ActionLink::Stage(StageId::Creative),
    };
    Ok(StoredAction {
        id: ActionId(row.get(0)?),
        assessment: AssessmentId(row.get(1)?),
        action: PlannedAction {
            link,
            title: row.get(4)?,
            description: row.get(5)?,
            owner: row.get(6)?,
            due: row
                .get::<_, Option<String>>(7)?
                .and_then(|date| NaiveDate::parse_from_str(&date, "%Y-%m-%d").ok()),
            status: row
                .get::<_, String>(8)?
                .parse()
                .unwrap_or(ActionStatus::Planned),
            impact: row.get(9)?,
            effort: row.get(10)?,
        },
        created_at: time::parse(&row.get::<_, String>(11)?),
        updated_at: time::parse(&row.get::<_, String>(12)?),
    })
}

fn link_columns(link: &ActionLink) -> (Option<&str>, Option<&'static str>) {
    match link {
        ActionLink::Question(question) => (Some(question.as_str()), None),
        ActionLink::Stage(stage) => (None, Some(stage.as_str())),
    }
}

impl Tx<'_> {
    /// The title, description and owner stored for `action`, once it is checked.
    fn check_action(
        &mut self,
        assessment: AssessmentId,
        action: &PlannedAction,
    ) -> Result<(String, String, String)> {
        let title = stored(TextField::ActionTitle, &action.title)?;
        if title.is_empty() {
            return Err(StoreError::Invalid("an action needs a title".to_owned()));
        }
        let description = stored(TextField::ActionDescription, &action.description)?;
        let owner = stored(TextField::ActionOwner, &action.owner)?;
        for (what, value) in [("impact", action.impact), ("effort", action.effort)] {
            if !(1..=3).contains(&value) {
                return Err(StoreError::Invalid(format!(
                    "the {what} of an action is 1, 2 or 3, not {value}"
                )));
            }
        }
        if let ActionLink::Question(question) = &action.link {
            let questionnaire = self.questionnaire(assessment)?;
            if questionnaire.question(question.as_str()).is_none() {
                return Err(StoreError::Invalid(format!(
                    "question `{question}` is not in questionnaire `{}`",
                    questionnaire.id()
                )));
            }
        }
        Ok((title, description, owner))
    }

    /// Keeps an action in the plan. At most one kept action per question.
    pub fn add_action(
        &mut self,
        assessment: AssessmentId,
        action: &PlannedAction,
    ) -> Result<ActionId> {
        let now = self.now_text().to_owned();
        self.add_action_at(assessment, action, &now)
    }

    /// Keeps an action stamped `at`: the one statement that inserts actions.
    pub(crate) fn add_action_at(
        &mut self,
        assessment: AssessmentId,
        action: &PlannedAction,
        at: &str,
    ) -> Result<ActionId> {
        let (title, description, owner) = self.check_action(assessment, action)?;
        let (question, stage) = link_columns(&action.link);
        let path = self.path().to_owned();
        self.connection()
            .execute(
                "INSERT INTO action (assessment_id, question_id, stage, title, description, owner, due_date, status, impact, effort, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
                params![
                    assessment.0,
                    question,
                    stage,
                    title,
                    description,
                    owner,
                    action.due.map(|date| date.format("%Y-%m-%d").to_string()),
                    action.status.as_str(),
                    action.impact,
                    action.effort,
                    at
                ],
            )
            .map_err(|error| match (error.sqlite_error_code(), question) {
                (Some(rusqlite::ErrorCode::ConstraintViolation), Some(question)) => {
                    StoreError::Invalid(format!("the plan already keeps an action for question `{question}`"))
                }
                _ => StoreError::from_sqlite(&path, "saving the action", error),
            })?;
        Ok(ActionId(self.connection().last_insert_rowid()))
    }

    /// Replaces a kept action's content.
    pub fn update_action(&mut self, id: ActionId, action: &PlannedAction) -> Result<()> {
        let assessment = self.action(id)?.assessment;
        let (title, description, owner) = self.check_action(assessment, action)?;
        let (question, stage) = link_columns(&action.link);
        self.connection()
            .execute(
                "UPDATE action SET question_id = ?2, stage = ?3, title = ?4, description = ?5, owner = ?6, due_date = ?7,
                        status = ?8, impact = ?9, effort = ?10, updated_at = ?11 WHERE id = ?1",
                params![
                    id.0,
                    question,
                    stage,
                    title,
                    description,
                    owner,
                    action.due.map(|date| date.format("%Y-%m-%d").to_string()),
                    action.status.as_str(),
                    action.impact,
                    action.effort,
                    self.now_text()
                ],
            )
            .map_err(self.fail("saving the action"))?;
        Ok(())
    }

    pub fn delete_action(&mut self, id: ActionId) -> Result<()> {
        let changed = self
            .connection()
            .execute("DELETE FROM action WHERE id = ?1", [id.0])
            .map_err(self.fail("deleting the action"))?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "action",
                id: id.to_string(),
            });
        }
        Ok(())
    }

    pub fn action(&self, id: ActionId) -> Result<StoredAction> {
        read_action(self.connection(), self.path(), id)
    }
}

fn read_action(connection: &Connection, path: &Path, id: ActionId) -> Result<StoredAction> {
    connection
        .query_row(
            &format!("SELECT {COLUMNS} FROM action WHERE id = ?1"),
            [id.0],
            from_row,
        )
        .optional()
        .map_err(|error| StoreError::from_sqlite(path, "reading the action", error))?
        .ok_or(StoreError::NotFound {
            what: "action",
            id: id.to_string(),
        })
}

impl Store {
    /// Keeps an action in the plan, in its own unit of work.
    pub fn add_action(
        &mut self,
        assessment: AssessmentId,
        action: &PlannedAction,
        now: DateTime<Utc>,
    ) -> Result<ActionId> {
        self.write(now, "saving the action", |tx| {
            tx.add_action(assessment, action)
        })
    }

    pub fn update_action(
        &mut self,
        id: ActionId,
        action: &PlannedAction,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.write(now, "saving the action", |tx| tx.update_action(id, action))
    }

    pub fn delete_action(&mut self, id: ActionId, now: DateTime<Utc>) -> Result<()> {
        self.write(now, "deleting the action", |tx| tx.delete_action(id))
    }

    pub fn action(&self, id: ActionId) -> Result<StoredAction> {
        read_action(&self.connection, &self.path, id)
    }

    /// The kept actions of an assessment, in the order they were added.
    pub fn list_actions(&self, assessment: AssessmentId) -> Result<Vec<StoredAction>> {
        let mut statement = self
            .connection
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM action WHERE assessment_id = ?1 ORDER BY id"
            ))
            .map_err(self.fail("listing actions"))?;
        let rows = statement
            .query_map([assessment.0], from_row)
            .map_err(self.fail("listing actions"))?
            .collect::<rusqlite::Result<Vec<_>>>();
        rows.map_err(self.fail("listing actions"))
    }
}
