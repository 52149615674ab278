//! Answers and consensus values: the statements that write them (as [`Tx`] methods, each
//! keeping the question's tally current) and the reads of a whole answer sheet.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use tcm_core::{
    Answer, AnswerSheet, Consensus, QuestionId, Questionnaire, Respondent, RespondentProfile,
    Response, Scorecard,
};

use crate::Store;
use crate::codes::{answer_code, answer_from_code, consensus_code, consensus_from_code};
use tcm_core::limits::TextField;

use crate::error::{Result, StoreError};
use crate::records::{AssessmentId, RespondentId};
use crate::summary::Progress;
use crate::text::stored;
use crate::unit::Tx;

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

impl Tx<'_> {
    /// Removes every comment a respondent wrote (their answers stay).
    pub(crate) fn clear_comments(&mut self, respondent: RespondentId) -> Result<()> {
        self.connection()
            .prepare_cached("UPDATE answer SET comment = '' WHERE respondent_id = ?1")
            .and_then(|mut statement| statement.execute([respondent.0]))
            .map_err(self.fail("removing the respondent's comments"))?;
        Ok(())
    }
}

impl Tx<'_> {
    /// Saves one answer, replacing the respondent's previous answer to that question, and
    /// keeps the question's tally current.
    pub fn put_answer(
        &mut self,
        respondent: RespondentId,
        question: &str,
        answer: Answer,
        comment: Option<&str>,
    ) -> Result<()> {
        let assessment = self.respondent(respondent)?.assessment;
        let questionnaire = self.questionnaire(assessment)?;
        if questionnaire.question(question).is_none() {
            return Err(unknown_question(question, &questionnaire));
        }
        let now = self.now_text().to_owned();
        self.put_answer_at(assessment, respondent, question, answer, comment, &now)
    }

    /// Writes an answer stamped `updated_at`, the question already checked, and keeps its
    /// question's tally current.
    pub(crate) fn put_answer_at(
        &mut self,
        assessment: AssessmentId,
        respondent: RespondentId,
        question: &str,
        answer: Answer,
        comment: Option<&str>,
        updated_at: &str,
    ) -> Result<()> {
        let previous = self.stored_answer(respondent, question)?;
        self.write_answer(respondent, question, answer, comment, updated_at)?;
        if let Some(previous) = previous {
            self.count_answer(assessment, question, previous, -1)?;
        }
        self.count_answer(assessment, question, answer, 1)?;
        self.touch(assessment);
        Ok(())
    }

    /// Writes an answer row and nothing else (no tally): the one statement that writes the
    /// `answer` table. Imports call it directly and recount once at the end
    /// ([`Tx::recount`]); every other write goes through [`Tx::put_answer_at`].
    pub(crate) fn write_answer(
        &mut self,
        respondent: RespondentId,
        question: &str,
        answer: Answer,
        comment: Option<&str>,
        updated_at: &str,
    ) -> Result<()> {
        // Every comment is checked against its length limit and cleaned of control
        // characters here, the one statement that writes answers (imports included).
        let comment = stored(TextField::Comment, comment.unwrap_or(""))?;
        self.connection()
            .prepare_cached(
                "INSERT INTO answer (respondent_id, question_id, value, comment, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (respondent_id, question_id)
                 DO UPDATE SET value = excluded.value, comment = excluded.comment, updated_at = excluded.updated_at",
            )
            .and_then(|mut statement| {
                statement.execute(params![
                    respondent.0,
                    question,
                    answer_code(answer),
                    comment,
                    updated_at
                ])
            })
            .map_err(self.fail("saving the answer"))?;
        Ok(())
    }

    /// Removes a respondent's answer to a question (back to "not answered").
    pub fn clear_answer(&mut self, respondent: RespondentId, question: &str) -> Result<()> {
        let assessment = self.respondent(respondent)?.assessment;
        let Some(previous) = self.stored_answer(respondent, question)? else {
            return Ok(());
        };
        self.connection()
            .prepare_cached("DELETE FROM answer WHERE respondent_id = ?1 AND question_id = ?2")
            .and_then(|mut statement| statement.execute(params![respondent.0, question]))
            .map_err(self.fail("clearing the answer"))?;
        self.count_answer(assessment, question, previous, -1)?;
        self.touch(assessment);
        Ok(())
    }

    /// The answer a respondent gave to a question, if any.
    fn stored_answer(&self, respondent: RespondentId, question: &str) -> Result<Option<Answer>> {
        let code: Option<String> = self
            .connection()
            .prepare_cached(
                "SELECT value FROM answer WHERE respondent_id = ?1 AND question_id = ?2",
            )
            .and_then(|mut statement| {
                statement
                    .query_row(params![respondent.0, question], |row| row.get(0))
                    .optional()
            })
            .map_err(self.fail("reading the answer"))?;
        Ok(code.as_deref().and_then(answer_from_code))
    }

    /// Sets (or, with `None`, clears) the consensus value of a question, with its note.
    pub fn set_consensus(
        &mut self,
        assessment: AssessmentId,
        question: &str,
        value: Option<(Consensus, &str)>,
    ) -> Result<()> {
        let questionnaire = self.questionnaire(assessment)?;
        if questionnaire.question(question).is_none() {
            return Err(unknown_question(question, &questionnaire));
        }
        let now = self.now_text().to_owned();
        self.set_consensus_at(assessment, question, value, &now)
    }

    /// Writes or clears a consensus value stamped `updated_at`, the question already checked:
    /// the statements that write the `consensus` table.
    pub(crate) fn set_consensus_at(
        &mut self,
        assessment: AssessmentId,
        question: &str,
        value: Option<(Consensus, &str)>,
        updated_at: &str,
    ) -> Result<()> {
        match value {
            Some((consensus, note)) => {
                let note = stored(TextField::Comment, note)?;
                self
                .connection()
                .prepare_cached(
                    "INSERT INTO consensus (assessment_id, question_id, value, note, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (assessment_id, question_id)
                     DO UPDATE SET value = excluded.value, note = excluded.note, updated_at = excluded.updated_at",
                )
                .and_then(|mut statement| {
                    statement.execute(params![
                        assessment.0,
                        question,
                        consensus_code(consensus),
                        note,
                        updated_at
                    ])
                })
            }
            None => self
                .connection()
                .prepare_cached("DELETE FROM consensus WHERE assessment_id = ?1 AND question_id = ?2")
                .and_then(|mut statement| statement.execute(params![assessment.0, question])),
        }
        .map_err(self.fail("saving the consensus"))?;
        self.touch(assessment);
        Ok(())
    }

    /// Writes imported responses: respondents are matched by label (added when new; their
    /// role and group updated when given), and each answer replaces the respondent's previous
    /// one. Any answer to a question the questionnaire does not hold → nothing is written;
    /// the error lists the first 20 problems.
    pub fn import_responses(
        &mut self,
        assessment: AssessmentId,
        respondents: &[RespondentProfile],
        sheet: &AnswerSheet,
    ) -> Result<ImportOutcome> {
        let now = self.now();
        self.import_responses_at(assessment, respondents, sheet, now)
    }

    /// [`Tx::import_responses`] with every row stamped `at` (the demo's earlier audit).
    pub fn import_responses_at(
        &mut self,
        assessment: AssessmentId,
        respondents: &[RespondentProfile],
        sheet: &AnswerSheet,
        at: DateTime<Utc>,
    ) -> Result<ImportOutcome> {
        let questionnaire = self.questionnaire(assessment)?;
        check_import(&questionnaire, sheet)?;
        let mut profiles: Vec<RespondentProfile> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        let named = respondents.iter().cloned();
        let answering = sheet
            .respondents()
            .into_iter()
            .map(|respondent| RespondentProfile {
                label: respondent.as_str().to_owned(),
                role: String::new(),
                group: String::new(),
            });
        for profile in named.chain(answering) {
            let label = profile.label.trim();
            if !label.is_empty() && seen.insert(label.to_owned()) {
                profiles.push(profile);
            }
        }
        let (mut added, mut updated) = (0, 0);
        let mut ids: HashMap<String, RespondentId> = HashMap::new();
        for profile in &profiles {
            let label = profile.label.trim();
            let id = match self.find_respondent(assessment, label)? {
                Some(existing) => {
                    self.update_respondent_details(existing.id, &profile.role, &profile.group)?;
                    updated += 1;
                    existing.id
                }
                None => {
                    added += 1;
                    self.add_respondent_at(assessment, profile, &crate::time::format(at))?
                }
            };
            ids.insert(label.to_owned(), id);
        }
        let now = crate::time::format(at);
        let mut written = 0;
        let total = sheet.len();
        for (index, (respondent, question, response)) in sheet.responses().enumerate() {
            self.step(index, total)?;
            let Some(&id) = ids.get(respondent.as_str().trim()) else {
                continue;
            };
            self.write_answer(
                id,
                question.as_str(),
                response.answer,
                response.comment.as_deref(),
                &now,
            )?;
            written += 1;
        }
        self.step(total, total)?;
        // Counted once for the whole import, not answer by answer.
        self.recount(assessment)?;
        for (question, value) in sheet.consensus_values() {
            let note = self.consensus_note(assessment, question.as_str())?;
            self.set_consensus_at(assessment, question.as_str(), Some((value, &note)), &now)?;
        }
        self.touch_at(assessment, at);
        Ok(ImportOutcome {
            respondents_added: added,
            respondents_updated: updated,
            answers_written: written,
            progress: self.progress(assessment)?,
        })
    }

    /// The note kept with a question's consensus value ("" when there is none).
    fn consensus_note(&self, assessment: AssessmentId, question: &str) -> Result<String> {
        Ok(self
            .connection()
            .prepare_cached(
                "SELECT note FROM consensus WHERE assessment_id = ?1 AND question_id = ?2",
            )
            .and_then(|mut statement| {
                statement
                    .query_row(params![assessment.0, question], |row| row.get(0))
                    .optional()
            })
            .map_err(self.fail("reading the consensus"))?
            .unwrap_or_default())
    }
}

/// Refuses an import that names questions the questionnaire does not hold, listing the first
/// 20 problems.
fn check_import(questionnaire: &Questionnaire, sheet: &AnswerSheet) -> Result<()> {
    let mut problems: Vec<String> = sheet
        .responses()
        .filter(|(_, question, _)| questionnaire.question(question.as_str()).is_none())
        .map(|(respondent, question, _)| {
            format!(
                "respondent « {respondent} »: question `{question}` is not in questionnaire `{}`",
                questionnaire.id()
            )
        })
        .collect();
    if sheet
        .consensus_values()
        .any(|(question, _)| questionnaire.question(question.as_str()).is_none())
    {
        problems
            .push("a consensus value names a question that is not in the questionnaire".to_owned());
    }
    if problems.is_empty() {
        return Ok(());
    }
    let total = problems.len();
    problems.truncate(20);
    if total > 20 {
        problems.push(format!("… and {} more", total - 20));
    }
    Err(StoreError::Invalid(format!(
        "nothing was imported:\n{}",
        problems.join("\n")
    )))
}

impl Store {
    /// Saves one answer in its own unit of work; committed to disk when this returns.
    pub fn save_answer(
        &mut self,
        respondent: RespondentId,
        question: &str,
        answer: Answer,
        comment: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Progress> {
        self.write(now, "saving the answer", |tx| {
            tx.put_answer(respondent, question, answer, comment)?;
            let assessment = tx.respondent(respondent)?.assessment;
            tx.progress(assessment)
        })
    }

    /// Removes a respondent's answer to a question, in its own unit of work.
    pub fn clear_answer(
        &mut self,
        respondent: RespondentId,
        question: &str,
        now: DateTime<Utc>,
    ) -> Result<Progress> {
        self.write(now, "clearing the answer", |tx| {
            tx.clear_answer(respondent, question)?;
            let assessment = tx.respondent(respondent)?.assessment;
            tx.progress(assessment)
        })
    }

    /// Sets or clears a consensus value, in its own unit of work.
    pub fn set_consensus(
        &mut self,
        assessment: AssessmentId,
        question: &str,
        value: Option<(Consensus, &str)>,
        now: DateTime<Utc>,
    ) -> Result<Progress> {
        self.write(now, "saving the consensus", |tx| {
            tx.set_consensus(assessment, question, value)?;
            tx.progress(assessment)
        })
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
        let questionnaire = self.questionnaire(assessment)?;
        let sheet = read_sheet(&self.connection, &self.path, assessment)?;
        let card = tcm_core::score(&questionnaire, &sheet);
        Ok((questionnaire, sheet, card))
    }

    /// Writes imported responses in their own unit of work (see [`Tx::import_responses`]).
    pub fn import_responses(
        &mut self,
        assessment: AssessmentId,
        respondents: &[RespondentProfile],
        sheet: &AnswerSheet,
        now: DateTime<Utc>,
    ) -> Result<ImportOutcome> {
        self.import_responses_watched(assessment, respondents, sheet, now, &mut |_, _| true)
    }

    /// [`Store::import_responses`], `watch` told how many answers are written and able to
    /// stop the import, which then writes nothing (see [`Store::write_watched`]).
    pub fn import_responses_watched(
        &mut self,
        assessment: AssessmentId,
        respondents: &[RespondentProfile],
        sheet: &AnswerSheet,
        now: DateTime<Utc>,
        watch: &mut crate::unit::Watch<'_>,
    ) -> Result<ImportOutcome> {
        self.write_watched(now, "importing responses", watch, |tx| {
            tx.import_responses(assessment, respondents, sheet)
        })
    }
}
