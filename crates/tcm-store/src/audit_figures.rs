//! Every audit's stage scores and overall index, read from its answer counts
//! ([`crate::tally`]) and consensus values rather than from every answer: what the private
//! benchmark draws its distributions from, in time proportional to the questions of each
//! audit, not to its respondents. Class exercises are left out (they audit a case, not a
//! client).

use chrono::{DateTime, Utc};
use tcm_core::scoring::{AnswerTally, stage_scores_from_tallies};
use tcm_core::{OrganisationSize, Score, Sector};

use crate::error::Result;
use crate::questionnaires::parse_snapshot;
use crate::records::AssessmentId;
use crate::{Store, summary, tally, time};

/// One audit's figures with what the benchmark sorts it by.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditFigureRecord {
    pub id: AssessmentId,
    pub uuid: String,
    pub organisation_name: String,
    pub sector: Sector,
    pub size: Option<OrganisationSize>,
    pub created_at: DateTime<Utc>,
    /// Stage scores 0–100 in the order of the cycle, unrounded.
    pub stages: [Option<f64>; 5],
    pub overall: Option<f64>,
}

/// Every audit's figures, and how many audits were left out because their questionnaire
/// snapshot could not be read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AuditFigureList {
    pub audits: Vec<AuditFigureRecord>,
    pub unreadable: usize,
}

impl Store {
    /// The figures of every assessment that is not a class exercise, oldest first.
    pub fn audit_figures(&mut self) -> Result<AuditFigureList> {
        let rows = {
            let mut statement = self
                .connection
                .prepare_cached(
                    "SELECT a.id, a.uuid, o.name, o.sector, o.size, a.created_at,
                            a.questionnaire_snapshot_id
                       FROM assessment a JOIN organisation o ON o.id = a.organisation_id
                      WHERE a.mode <> 'classroom'
                      ORDER BY a.created_at, a.id",
                )
                .map_err(self.fail("reading the audits' figures"))?;
            statement
                .query_map([], |row| {
                    Ok((
                        row.get::<_, i64>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, String>(2)?,
                        row.get::<_, String>(3)?,
                        row.get::<_, Option<String>>(4)?,
                        row.get::<_, String>(5)?,
                        row.get::<_, i64>(6)?,
                    ))
                })
                .map_err(self.fail("reading the audits' figures"))?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(self.fail("reading the audits' figures"))?
        };
        let mut list = AuditFigureList::default();
        for (id, uuid, name, sector, size, created_at, snapshot) in rows {
            let Ok(questionnaire) = parse_snapshot(
                &self.connection,
                &mut self.questionnaires,
                &self.path,
                snapshot,
                id,
            ) else {
                list.unreadable += 1;
                continue;
            };
            let assessment = AssessmentId(id);
            let tallies = tally::read(&self.connection, &self.path, assessment)?;
            let consensus = summary::read_consensus(&self.connection, &self.path, assessment)?;
            let stages = stage_scores_from_tallies(
                &questionnaire,
                |question| {
                    tallies
                        .get(question.as_str())
                        .copied()
                        .unwrap_or(AnswerTally::default())
                },
                |question| consensus.get(question.as_str()).copied(),
            );
            list.audits.push(AuditFigureRecord {
                id: assessment,
                uuid,
                organisation_name: name,
                sector: sector.parse().unwrap_or(Sector::Other),
                size: size.and_then(|size| size.parse().ok()),
                created_at: time::parse(&created_at),
                stages: stages.map(|score| score.map(Score::value)),
                overall: Score::mean(stages.into_iter().flatten()).map(Score::value),
            });
        }
        Ok(list)
    }
}
