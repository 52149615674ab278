//! Per-question answer counts of each assessment (`question_tally`), kept current by the
//! answer writes of [`crate::unit::Tx`]: each change adds the new answer's tally and
//! subtracts the old one's, in the same transaction. A respondent's removal subtracts all
//! their answers. The summary reads these counts instead of every answer.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{Connection, params};
use tcm_core::Answer;
use tcm_core::scoring::AnswerTally;

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
        let tally = AnswerTally::of_answer(answer);
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
}
