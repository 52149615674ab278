//! Answers and consensus values. Every save is one transaction, committed when the call
//! returns, which also refreshes the assessment's progress and overall index.

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction, TransactionBehavior, params};
use tcm_core::{
    Answer, AnswerSheet, Consensus, QuestionId, Questionnaire, Respondent, RespondentProfile,
    Response, Scorecard,
};

use crate::codes::{answer_code, answer_from_code, consensus_code, consensus_from_code};
use crate::error::{Result, StoreError};
use crate::questionnaires::questionnaire_of;
use crate::records::{AssessmentId, RespondentId};
use crate::summary::{Progress, refresh};
use crate::{Store, time};

/// Every answer and consensus value of an assessment, respondents named by their labels.
pub(crate) fn read_sheet(
    connection: &Connection,
    path: &Path,
    assessment: AssessmentId,
) -> Result<AnswerSheet> {
    let fail = |error| StoreError::from_sqlite(path, "reading the answers", error);
    let mut sheet = AnswerSheet::new();
    let mut answers = connection
        .prepare_cached(
            "SELECT r.label, a.question_id, a.value, a.comment
               FROM answer a JOIN respondent r ON r.id = a.respondent_id
              WHERE r.assessment_id = ?1",
        )
        .map_err(fail)?;
    let mut rows = answers.query([assessment.0]).map_err(fail)?;
    while let Some(row) = rows.next().map_err(fail)? {
        let label: String = row.get(0).map_err(fail)?;
        let question: String = row.get(1).map_err(fail)?;
        let value: String = row.get(2).map_err(fail)?;
        let comment: String = row.get(3).map_err(fail)?;
        if let Some(answer) = answer_from_code(&value) {
            sheet.set(
                Respondent::new(label),
                QuestionId::new(question),
                Response {
                    answer,
                    comment: (!comment.is_empty()).then_some(comment),
                },
            );
        }
    }
    let mut consensus = connection
        .prepare_cached("SELECT question_id, value FROM consensus WHERE assessment_id = ?1")
        .map_err(fail)?;
    let mut rows = consensus.query([assessment.0]).map_err(fail)?;
    while let Some(row) = rows.next().map_err(fail)? {
        let question: String = row.get(0).map_err(fail)?;
        let value: String = row.get(1).map_err(fail)?;
        sheet.set_consensus(QuestionId::new(question), consensus_from_code(&value));
    }
    Ok(sheet)
}

fn unknown_question(question: &str, questionnaire: &Questionnaire) -> StoreError {
    StoreError::Invalid(format!(
        "question `{question}` is not in questionnaire `{}` {}",
        questionnaire.id(),
        questionnaire.version()
    ))
}

/// A consensus value with the note that explains it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsensusNote {
    pub question: QuestionId,
    pub value: Consensus,
    pub note: String,
}

/// What an import wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportOutcome {
    pub respondents_added: usize,
    pub respondents_updated: usize,
    pub answers_written: usize,
    pub progress: Progress,
}

impl Store {
    fn respondent_assessment(&self, respondent: RespondentId) -> Result<AssessmentId> {
        Ok(self.respondent(respondent)?.assessment)
    }

    fn questionnaire_arc(&mut self, assessment: AssessmentId) -> Result<Arc<Questionnaire>> {
        questionnaire_of(
            &self.connection,
            &mut self.questionnaires,
            &self.path,
            assessment,
        )
    }

    /// Saves one answer (replacing the respondent's previous answer to that question). When it
    /// returns, the answer is committed to disk.
    pub fn save_answer(
        &mut self,
        respondent: RespondentId,
        question: &str,
        answer: Answer,
        comment: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Progress> {
        let assessment = self.respondent_assessment(respondent)?;
        let questionnaire = self.questionnaire_arc(assessment)?;
        if questionnaire.question(question).is_none() {
            return Err(unknown_question(question, &questionnaire));
        }
        self.write_and_refresh(assessment, &questionnaire, now, "saving the answer", |transaction, now| {
            transaction.execute(
                "INSERT INTO answer (respondent_id, question_id, value, comment, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (respondent_id, question_id)
                 DO UPDATE SET value = excluded.value, comment = excluded.comment, updated_at = excluded.updated_at",
                params![respondent.0, question, answer_code(answer), comment.unwrap_or("").trim(), now],
            )
        })
    }

    /// Removes a respondent's answer to a question (back to "not answered").
    pub fn clear_answer(
        &mut self,
        respondent: RespondentId,
        question: &str,
        now: DateTime<Utc>,
    ) -> Result<Progress> {
        let assessment = self.respondent_assessment(respondent)?;
        let questionnaire = self.questionnaire_arc(assessment)?;
        self.write_and_refresh(
            assessment,
            &questionnaire,
            now,
            "clearing the answer",
            |transaction, _| {
                transaction.execute(
                    "DELETE FROM answer WHERE respondent_id = ?1 AND question_id = ?2",
                    params![respondent.0, question],
                )
            },
        )
    }

    /// Sets (or, with `None`, clears) the consensus value of a question, with its note.
    pub fn set_consensus(
        &mut self,
        assessment: AssessmentId,
        question: &str,
        value: Option<(Consensus, &str)>,
        now: DateTime<Utc>,
    ) -> Result<Progress> {
        let questionnaire = self.questionnaire_arc(assessment)?;
        if questionnaire.question(question).is_none() {
            return Err(unknown_question(question, &questionnaire));
        }
        self.write_and_refresh(assessment, &questionnaire, now, "saving the consensus", |transaction, now| match value {
            Some((consensus, note)) => transaction.execute(
                "INSERT INTO consensus (assessment_id, question_id, value, note, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (assessment_id, question_id)
                 DO UPDATE SET value = excluded.value, note = excluded.note, updated_at = excluded.updated_at",
                params![assessment.0, question, consensus_code(consensus), note.trim(), now],
            ),
            None => transaction.execute(
                "DELETE FROM consensus WHERE assessment_id = ?1 AND question_id = ?2",
                params![assessment.0, question],
            ),
        })
    }

    /// One change to an assessment's answers: `write` runs in an immediate transaction (given
    /// the time as stored), the assessment's summary is refreshed in the same transaction, and
    /// it is committed before this returns.
    fn write_and_refresh(
        &mut self,
        assessment: AssessmentId,
        questionnaire: &Questionnaire,
        now: DateTime<Utc>,
        doing: &str,
        write: impl FnOnce(&Transaction<'_>, &str) -> rusqlite::Result<usize>,
    ) -> Result<Progress> {
        let now = time::format(now);
        let path = self.path.clone();
        let fail = |error| StoreError::from_sqlite(&path, doing, error);
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail)?;
        write(&transaction, &now).map_err(fail)?;
        let progress = refresh(&transaction, &path, assessment, questionnaire, &now)?;
        transaction.commit().map_err(fail)?;
        Ok(progress)
    }

    /// The consensus values of an assessment with their notes, by question id.
    pub fn consensus_notes(&self, assessment: AssessmentId) -> Result<Vec<ConsensusNote>> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT question_id, value, note FROM consensus WHERE assessment_id = ?1 ORDER BY question_id")
            .map_err(self.fail("reading consensus values"))?;
        let rows = statement
            .query_map([assessment.0], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                ))
            })
            .map_err(self.fail("reading consensus values"))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.fail("reading consensus values"))?;
        Ok(rows
            .into_iter()
            .filter_map(|(question, value, note)| {
                consensus_from_code(&value).map(|value| ConsensusNote {
                    question: QuestionId::new(question),
                    value,
                    note,
                })
            })
            .collect())
    }

    /// Every answer of an assessment.
    pub fn answer_sheet(&self, assessment: AssessmentId) -> Result<AnswerSheet> {
        self.assessment(assessment)?;
        read_sheet(&self.connection, &self.path, assessment)
    }

    /// The questionnaire, answers and scores of an assessment.
    pub fn score_assessment(
        &mut self,
        assessment: AssessmentId,
    ) -> Result<(Arc<Questionnaire>, AnswerSheet, Scorecard)> {
        let questionnaire = self.questionnaire_arc(assessment)?;
        let sheet = read_sheet(&self.connection, &self.path, assessment)?;
        let card = tcm_core::score(&questionnaire, &sheet);
        Ok((questionnaire, sheet, card))
    }

    /// Writes imported responses in one transaction: respondents are matched by label (added
    /// when new; their role and group updated when given), and each answer replaces the
    /// respondent's previous one. Any problem → nothing is written; the error lists the first
    /// 20 problems.
    pub fn import_responses(
        &mut self,
        assessment: AssessmentId,
        respondents: &[RespondentProfile],
        sheet: &AnswerSheet,
        now: DateTime<Utc>,
    ) -> Result<ImportOutcome> {
        let questionnaire = self.questionnaire_arc(assessment)?;
        let mut problems: Vec<String> = sheet
            .responses()
            .filter(|(_, question, _)| questionnaire.question(question.as_str()).is_none())
            .map(|(respondent, question, _)| {
                format!("respondent « {respondent} »: question `{question}` is not in questionnaire `{}`", questionnaire.id())
            })
            .collect();
        if sheet
            .consensus_values()
            .any(|(question, _)| questionnaire.question(question.as_str()).is_none())
        {
            problems.push(
                "a consensus value names a question that is not in the questionnaire".to_owned(),
            );
        }
        if !problems.is_empty() {
            let total = problems.len();
            problems.truncate(20);
            if total > 20 {
                problems.push(format!("… and {} more", total - 20));
            }
            return Err(StoreError::Invalid(format!(
                "nothing was imported:\n{}",
                problems.join("\n")
            )));
        }
        let now_text = time::format(now);
        let path = self.path.clone();
        let fail = |error| StoreError::from_sqlite(&path, "importing responses", error);
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail)?;
        let mut added = 0;
        let mut updated = 0;
        let mut ids = std::collections::HashMap::new();
        {
            let mut find = transaction
                .prepare_cached("SELECT id FROM respondent WHERE assessment_id = ?1 AND label = ?2")
                .map_err(fail)?;
            let mut insert = transaction
                .prepare_cached(
                    "INSERT INTO respondent (assessment_id, label, role, group_name, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .map_err(fail)?;
            let mut update = transaction
                .prepare_cached(
                    "UPDATE respondent SET role = CASE WHEN ?2 = '' THEN role ELSE ?2 END,
                            group_name = CASE WHEN ?3 = '' THEN group_name ELSE ?3 END WHERE id = ?1",
                )
                .map_err(fail)?;
            let mut labels: Vec<RespondentProfile> = respondents.to_vec();
            for respondent in sheet.respondents() {
                if !labels
                    .iter()
                    .any(|profile| profile.label.trim() == respondent.as_str().trim())
                {
                    labels.push(RespondentProfile {
                        label: respondent.as_str().to_owned(),
                        role: String::new(),
                        group: String::new(),
                    });
                }
            }
            for profile in &labels {
                let label = profile.label.trim();
                if label.is_empty() {
                    continue;
                }
                let existing: Option<i64> = find
                    .query_row(params![assessment.0, label], |row| row.get(0))
                    .map(Some)
                    .or_else(|error| match error {
                        rusqlite::Error::QueryReturnedNoRows => Ok(None),
                        other => Err(other),
                    })
                    .map_err(fail)?;
                let id = match existing {
                    Some(id) => {
                        update
                            .execute(params![id, profile.role.trim(), profile.group.trim()])
                            .map_err(fail)?;
                        updated += 1;
                        id
                    }
                    None => {
                        insert
                            .execute(params![
                                assessment.0,
                                label,
                                profile.role.trim(),
                                profile.group.trim(),
                                now_text
                            ])
                            .map_err(fail)?;
                        added += 1;
                        transaction.last_insert_rowid()
                    }
                };
                ids.insert(label.to_owned(), id);
            }
        }
        let mut written = 0;
        {
            let mut upsert = transaction
                .prepare_cached(
                    "INSERT INTO answer (respondent_id, question_id, value, comment, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (respondent_id, question_id)
                     DO UPDATE SET value = excluded.value, comment = excluded.comment, updated_at = excluded.updated_at",
                )
                .map_err(fail)?;
            for (respondent, question, response) in sheet.responses() {
                let Some(id) = ids.get(respondent.as_str().trim()) else {
                    continue;
                };
                upsert
                    .execute(params![
                        id,
                        question.as_str(),
                        answer_code(response.answer),
                        response.comment.as_deref().unwrap_or("").trim(),
                        now_text
                    ])
                    .map_err(fail)?;
                written += 1;
            }
            let mut consensus = transaction
                .prepare_cached(
                    "INSERT INTO consensus (assessment_id, question_id, value, note, updated_at) VALUES (?1, ?2, ?3, '', ?4)
                     ON CONFLICT (assessment_id, question_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                )
                .map_err(fail)?;
            for (question, value) in sheet.consensus_values() {
                consensus
                    .execute(params![
                        assessment.0,
                        question.as_str(),
                        consensus_code(value),
                        now_text
                    ])
                    .map_err(fail)?;
            }
        }
        let progress = refresh(&transaction, &path, assessment, &questionnaire, &now_text)?;
        transaction.commit().map_err(fail)?;
        Ok(ImportOutcome {
            respondents_added: added,
            respondents_updated: updated,
            answers_written: written,
            progress,
        })
    }
}
