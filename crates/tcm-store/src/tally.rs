//! Per-question answer counts of each assessment (`question_tally`), kept current by the
//! answer writes of [`crate::unit::Tx`]: each change adds the new answer's tally and
//! subtracts the old one's, in the same transaction. A respondent's removal subtracts all
//! their answers. Imports write their answers uncounted and recount each assessment once, at
//! the end of their transaction. The summary reads these counts instead of every answer.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{Connection, params};
use tcm_core::Answer;
use tcm_core::scoring::AnswerTally;

use crate::codes::answer_from_code;
use crate::error::{Result, StoreError};
use crate::records::AssessmentId;
use crate::unit::Tx;

/// Every question's tally for an assessment, by question id.
pub(crate) fn read(
    connection: &Connection,
    path: &Path,
    assessment: AssessmentId,
) -> Result<HashMap<String, AnswerTally>> {
    let fail = |error| StoreError::from_sqlite(path, "reading the answer counts", error);
    let mut statement = connection
        .prepare_cached(
            "SELECT question_id, level_sum, levels, not_applicable, dont_know
               FROM question_tally WHERE assessment_id = ?1",
        )
        .map_err(fail)?;
    let rows = statement
        .query_map([assessment.0], |row| {
            Ok((
                row.get::<_, String>(0)?,
                [
                    row.get::<_, i64>(1)?,
                    row.get::<_, i64>(2)?,
                    row.get::<_, i64>(3)?,
                    row.get::<_, i64>(4)?,
                ],
            ))
        })
        .map_err(fail)?;
    let mut tallies = HashMap::new();
    for row in rows {
        let (question, counts) = row.map_err(fail)?;
        let [level_sum, levels, not_applicable, dont_know] =
            counts.map(|count| u64::try_from(count).unwrap_or(0));
        tallies.insert(
            question,
            AnswerTally {
                level_sum,
                levels,
                not_applicable,
                dont_know,
            },
        );
    }
    Ok(tallies)
}

fn signed(count: u64) -> i64 {
    i64::try_from(count).unwrap_or(i64::MAX)
}

impl Tx<'_> {
    /// Adds (`sign` = 1) or subtracts (`sign` = -1) one answer from its question's tally.
    pub(crate) fn count_answer(
        &self,
        assessment: AssessmentId,
        question: &str,
        answer: Answer,
        sign: i64,
    ) -> Result<()> {
        self.count_tally(assessment, question, &AnswerTally::of_answer(answer), sign)
    }

    /// Adds (`sign` = 1) or subtracts (`sign` = -1) a tally from a question's: the one
    /// statement that writes `question_tally` besides the recount's clearing.
    fn count_tally(
        &self,
        assessment: AssessmentId,
        question: &str,
        tally: &AnswerTally,
        sign: i64,
    ) -> Result<()> {
        self.connection()
            .prepare_cached(
                "INSERT INTO question_tally (assessment_id, question_id, level_sum, levels, not_applicable, dont_know)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (assessment_id, question_id) DO UPDATE SET
                    level_sum = level_sum + excluded.level_sum, levels = levels + excluded.levels,
                    not_applicable = not_applicable + excluded.not_applicable,
                    dont_know = dont_know + excluded.dont_know",
            )
            .and_then(|mut statement| {
                statement.execute(params![
                    assessment.0,
                    question,
                    sign * signed(tally.level_sum),
                    sign * signed(tally.levels),
                    sign * signed(tally.not_applicable),
                    sign * signed(tally.dont_know),
                ])
            })
            .map_err(self.fail("counting the answers"))?;
        Ok(())
    }

    /// Counts every answer of an assessment again, once: an import writes its answers
    /// without counting them one by one, then calls this (one read of the answers and one
    /// write per question, instead of three statements per answer).
    pub(crate) fn recount(&mut self, assessment: AssessmentId) -> Result<()> {
        self.connection()
            .prepare_cached("DELETE FROM question_tally WHERE assessment_id = ?1")
            .and_then(|mut statement| statement.execute([assessment.0]))
            .map_err(self.fail("counting the answers"))?;
        let mut tallies: HashMap<String, AnswerTally> = HashMap::new();
        {
            let fail = self.fail("reading the answers to count them");
            let mut statement = self
                .connection()
                .prepare_cached(
                    "SELECT a.question_id, a.value FROM answer a
                       JOIN respondent r ON r.id = a.respondent_id
                      WHERE r.assessment_id = ?1",
                )
                .map_err(fail)?;
            let fail = self.fail("reading the answers to count them");
            let rows = statement
                .query_map([assessment.0], |row| {
                    Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
                })
                .map_err(fail)?;
            for row in rows {
                let (question, code) =
                    row.map_err(self.fail("reading the answers to count them"))?;
                if let Some(answer) = answer_from_code(&code) {
                    tallies.entry(question).or_default().add(answer);
                }
            }
        }
        for (question, tally) in &tallies {
            self.count_tally(assessment, question, tally, 1)?;
        }
        self.touch(assessment);
        Ok(())
    }
}
