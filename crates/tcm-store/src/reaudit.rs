//! Re-audits: a follow-up audit of an organisation started from one of its audits, with
//! what `tcm-core`'s `strategy::carry_over` says it takes from it (targets, open actions, wave
//! overrides), written with the new assessment in one unit of work: the re-audit exists
//! with its carried plan, or not at all.

use chrono::{DateTime, Utc};
use tcm_core::questionnaire::QuestionMapping;
use tcm_core::strategy::carry_over::{CarryOver, PreviousAudit, carry_over};
use tcm_core::{Assessment, AssessmentStatus, Questionnaire};

use crate::Store;
use crate::error::Result;
use crate::records::{AssessmentId, NewAssessment};

/// What the user chooses for a re-audit; the rest comes from the previous audit.
#[derive(Debug, Clone)]
pub struct NewReaudit<'a> {
    pub title: String,
    /// Kept whole with the re-audit: the previous audit's, or a newer version of its grid.
    pub questionnaire: &'a Questionnaire,
    /// The version mapping from the previous audit's grid to `questionnaire`, when they
    /// differ and one is known.
    pub mapping: Option<&'a QuestionMapping>,
}

impl Store {
    /// Starts a re-audit of `from`'s organisation, in its mode and language, and writes what
    /// it carries over from `from` in the same transaction. The waves of the re-audit open on
    /// `now`'s date, which decides which dated overrides are over. Returns the new id and the
    /// carry-over, to tell the user what came along and what did not.
    pub fn create_reaudit(
        &mut self,
        from: AssessmentId,
        new: &NewReaudit<'_>,
        now: DateTime<Utc>,
    ) -> Result<(AssessmentId, CarryOver)> {
        let previous = self.assessment(from)?;
        let previous_questionnaire = self.questionnaire(from)?;
        let actions: Vec<_> = self
            .list_actions(from)?
            .into_iter()
            .map(|stored| stored.action)
            .collect();
        let overrides = self.wave_overrides(from)?;
        let carried = carry_over(
            &PreviousAudit {
                questionnaire: &previous_questionnaire,
                targets: previous.assessment.targets,
                actions: &actions,
                overrides: &overrides,
            },
            new.questionnaire,
            new.mapping,
            now.date_naive(),
        );
        let assessment = Assessment {
            title: new.title.trim().to_owned(),
            mode: previous.assessment.mode,
            language: previous.assessment.language,
            targets: carried.targets,
            status: AssessmentStatus::InProgress,
        };
        let id = self.write(now, "starting the re-audit", |tx| {
            let id = tx.create_assessment(&NewAssessment {
                organisation: previous.organisation,
                questionnaire: new.questionnaire,
                assessment,
            })?;
            for action in &carried.actions {
                tx.add_action(id, &action.action)?;
            }
            for (initiative, value) in &carried.overrides {
                tx.set_wave_override(id, initiative, *value)?;
            }
            Ok(id)
        })?;
        Ok((id, carried))
    }
}
