//! Finalised scores: a dated copy of an assessment's scores, for comparisons over time.

use chrono::{DateTime, Utc};
use rusqlite::params;
use tcm_core::{Score, StageId};

use crate::answers::read_sheet;
use crate::error::Result;
use crate::records::{AssessmentId, ScoreSnapshot};
use crate::unit::Tx;
use crate::{Store, time};

impl Tx<'_> {
    /// Scores the assessment now and keeps the result.
    pub fn finalise_scores(&mut self, assessment: AssessmentId) -> Result<ScoreSnapshot> {
        let questionnaire = self.questionnaire(assessment)?;
        let sheet = read_sheet(self.connection(), self.path(), assessment)?;
        let card = tcm_core::score(&questionnaire, &sheet);
        let snapshot = ScoreSnapshot {
            assessment,
            taken_at: self.now(),
            respondents: card.respondents,
            overall: card.overall.map(Score::value),
            stages: StageId::ALL.map(|stage| {
                card.stage(stage)
                    .and_then(|s| s.result.score)
                    .map(Score::value)
            }),
        };
        self.add_score_snapshot(&snapshot)?;
        Ok(snapshot)
    }

    /// Keeps finalised scores: the one statement that inserts them.
    pub(crate) fn add_score_snapshot(&mut self, snapshot: &ScoreSnapshot) -> Result<()> {
        let stages = snapshot.stages;
        self.connection()
            .execute(
                "INSERT INTO score_snapshot (assessment_id, taken_at, respondents, overall, creative, active, curative, preventive, proactive)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    snapshot.assessment.0,
                    time::format(snapshot.taken_at),
                    i64::try_from(snapshot.respondents).unwrap_or(i64::MAX),
                    snapshot.overall,
                    stages[0],
                    stages[1],
                    stages[2],
                    stages[3],
                    stages[4]
                ],
            )
            .map_err(self.fail("saving the finalised scores"))?;
        Ok(())
    }
}

impl Store {
    /// Scores the assessment now and keeps the result, in its own unit of work.
    pub fn finalise_scores(
        &mut self,
        assessment: AssessmentId,
        now: DateTime<Utc>,
    ) -> Result<ScoreSnapshot> {
        self.write(now, "saving the finalised scores", |tx| {
            tx.finalise_scores(assessment)
        })
    }

    /// The finalised scores of an assessment, oldest first.
    pub fn score_snapshots(&self, assessment: AssessmentId) -> Result<Vec<ScoreSnapshot>> {
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT taken_at, respondents, overall, creative, active, curative, preventive, proactive
                   FROM score_snapshot WHERE assessment_id = ?1 ORDER BY taken_at, id",
            )
            .map_err(self.fail("reading finalised scores"))?;
        let rows = statement
            .query_map([assessment.0], |row| {
                Ok(ScoreSnapshot {
                    assessment,
                    taken_at: time::parse(&row.get::<_, String>(0)?),
                    respondents: row.get::<_, i64>(1)?.try_into().unwrap_or(0),
                    overall: row.get(2)?,
                    stages: [
                        row.get(3)?,
                        row.get(4)?,
                        row.get(5)?,
                        row.get(6)?,
                        row.get(7)?,
                    ],
                })
            })
            .map_err(self.fail("reading finalised scores"))?
            .collect::<rusqlite::Result<Vec<_>>>();
        rows.map_err(self.fail("reading finalised scores"))
    }
}
