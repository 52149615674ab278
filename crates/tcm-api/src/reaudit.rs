//! "New follow-up audit": a re-audit of an organisation started from one of its audits. It
//! takes the previous audit's organisation, mode, language and targets, and carries the
//! plan's open actions and wave overrides (the rule is `tcm_core::strategy::carry_over`),
//! written with the new assessment in one unit of work (`Store::create_reaudit`).
//!
//! The re-audit's questionnaire is the bundled grid of the same id when it is a newer version
//! than the previous audit's (grids improve between audits; the bundled version mapping then
//! says where the carried actions go); otherwise — same or newer version, a modified or a
//! non-bundled grid — the previous audit's own questionnaire, kept whole, so both audits
//! compare question for question.

use std::sync::Arc;

use tcm_core::questionnaire::QuestionMapping;
use tcm_core::strategy::carry_over::{DroppedOverride, Placement};
use tcm_core::{ActionLink, Mode, Questionnaire};
use tcm_store::{AssessmentId, NewReaudit, Store};

use crate::catalogue;
use crate::error::ApiError;
use crate::transfer::{
    DroppedOverrideReason, DroppedOverrideView, MovedActionView, ReauditInput, ReauditView, count,
};
use crate::workbench::Workbench;

/// The questionnaire a re-audit of an audit on `previous` uses, and the mapping from
/// `previous` to it when it is another version.
fn questionnaire_for(
    previous: Arc<Questionnaire>,
) -> Result<(Arc<Questionnaire>, Option<&'static QuestionMapping>), ApiError> {
    if catalogue::is_modified(&previous) {
        return Ok((previous, None));
    }
    let newer = catalogue::bundled()?
        .iter()
        .find(|bundled| bundled.id() == previous.id() && bundled.version() > previous.version());
    let Some(newer) = newer else {
        return Ok((previous, None));
    };
    let mapping = catalogue::mappings()
        .map_err(|error| ApiError::invalid(error.to_string()))?
        .iter()
        .find(|mapping| {
            mapping.questionnaire() == previous.id()
                && mapping.from_version() == previous.version()
                && mapping.to_version() == newer.version()
        });
    Ok((Arc::new(newer.clone()), mapping))
}

/// Starts the re-audit on an open store (the app's handler and `tcm assessment reaudit`).
pub fn start_reaudit(
    store: &mut Store,
    input: &ReauditInput,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<ReauditView, ApiError> {
    let from = AssessmentId(input.from);
    let previous = store.assessment(from)?;
    if previous.assessment.mode == Mode::Classroom {
        return Err(ApiError::invalid(format!(
            "assessment {} is a class exercise on a case, not an audit of an organisation: \
             start a new exercise instead of a follow-up audit",
            input.from
        )));
    }
    let (questionnaire, mapping) = questionnaire_for(store.questionnaire(from)?)?;
    let (id, carried) = store.create_reaudit(
        from,
        &NewReaudit {
            title: input.title.clone(),
            questionnaire: &questionnaire,
            mapping,
        },
        now,
    )?;
    let moved_actions = carried
        .actions
        .iter()
        .filter_map(|carried| {
            let (from_question, to_question) = match &carried.placement {
                Placement::Unchanged => return None,
                Placement::Mapped { from } => (
                    from.to_string(),
                    match &carried.action.link {
                        ActionLink::Question(to) => Some(to.to_string()),
                        ActionLink::Stage(_) => None,
                    },
                ),
                Placement::ToStage { from } => (from.to_string(), None),
            };
            let stage = match &carried.action.link {
                ActionLink::Stage(stage) => *stage,
                ActionLink::Question(question) => questionnaire
                    .question(question.as_str())
                    .map_or(tcm_core::StageId::Creative, |found| found.stage),
            };
            Some(MovedActionView {
                title: carried.action.title.clone(),
                from_question,
                to_question,
                stage: stage.into(),
            })
        })
        .collect();
    Ok(ReauditView {
        assessment: id.0,
        from: input.from,
        questionnaire_id: questionnaire.id().to_owned(),
        questionnaire_version: questionnaire.version().to_string(),
        targets: carried.targets.levels().to_vec(),
        carried_actions: count(carried.actions.len()),
        closed_actions: count(carried.closed),
        moved_actions,
        unplaced_actions: carried
            .unplaced
            .iter()
            .map(|action| action.title.clone())
            .collect(),
        carried_overrides: count(carried.overrides.len()),
        dropped_overrides: carried
            .dropped_overrides
            .iter()
            .map(|(initiative, reason)| DroppedOverrideView {
                initiative: initiative.to_string(),
                reason: match reason {
                    DroppedOverride::NothingCarried => DroppedOverrideReason::NothingCarried,
                    DroppedOverride::Ended => DroppedOverrideReason::Ended,
                },
            })
            .collect(),
    })
}

/// "New follow-up audit" from the assessment `input.from`.
pub fn create_reaudit(
    workbench: &Workbench,
    input: &ReauditInput,
) -> Result<ReauditView, ApiError> {
    workbench.with_store(|store, now| start_reaudit(store, input, now))
}
