//! Handlers for the action plan: the merged plan, and the user's edits to it.

use chrono::NaiveDate;
use tcm_core::{ActionLink, Language, PlannedAction, QuestionId};
use tcm_store::{ActionId, AssessmentId};

use crate::error::ApiError;
use crate::files::plan_with_kept;
use crate::transfer::{ActionInput, PlanItemView, PlanView};
use crate::workbench::Workbench;

fn planned_action(input: &ActionInput) -> Result<PlannedAction, ApiError> {
    let link = match (&input.question_id, input.stage) {
        (Some(question), _) => ActionLink::Question(QuestionId::new(question.trim())),
        (None, Some(stage)) => ActionLink::Stage(stage.into()),
        (None, None) => {
            return Err(ApiError::invalid(
                "an action belongs to a question or a stage",
            ));
        }
    };
    let due = input
        .due
        .as_deref()
        .map(str::trim)
        .filter(|due| !due.is_empty())
        .map(|due| {
            NaiveDate::parse_from_str(due, "%Y-%m-%d").map_err(|_| {
                ApiError::invalid(format!(
                    "the due date must be a date such as 2027-03-31, found `{due}`"
                ))
            })
        })
        .transpose()?;
    Ok(PlannedAction {
        link,
        title: input.title.trim().to_owned(),
        description: input.description.trim().to_owned(),
        owner: input.owner.trim().to_owned(),
        due,
        status: input.status.into(),
        impact: input.impact,
        effort: input.effort,
    })
}

/// The plan: proposals derived from the scores merged with the kept actions, by priority.
/// Proposals are worded in `language` (`fr` or `en`), the assessment's own when `None`.
pub fn action_plan(
    workbench: &Workbench,
    assessment: i64,
    language: Option<&str>,
) -> Result<PlanView, ApiError> {
    let language = language
        .map(|code| {
            code.parse::<Language>()
                .map_err(|error| ApiError::invalid(error.to_string()))
        })
        .transpose()?;
    workbench.with_store(|store, _| {
        let id = AssessmentId(assessment);
        let (plan, _, kept) = plan_with_kept(store, id, language)?;
        let items = plan
            .items
            .iter()
            .map(|item| {
                // The plan names each kept item's stored action by its position in `kept`.
                let action_id = item
                    .kept
                    .and_then(|position| kept.get(position))
                    .map(|stored| stored.id.0);
                let question_id = match &item.action.link {
                    ActionLink::Question(question) => Some(question.to_string()),
                    ActionLink::Stage(_) => None,
                };
                let key = match (action_id, &question_id) {
                    (Some(id), _) => format!("action:{id}"),
                    (None, Some(question)) => format!("question:{question}"),
                    (None, None) => format!("stage:{}:{}", item.stage, item.action.title),
                };
                PlanItemView {
                    key,
                    origin: item.origin.into(),
                    action_id,
                    question_id,
                    stage: item.stage.into(),
                    title: item.action.title.clone(),
                    description: item.action.description.clone(),
                    owner: item.action.owner.clone(),
                    due: item
                        .action
                        .due
                        .map(|due| due.format("%Y-%m-%d").to_string()),
                    status: item.action.status.into(),
                    impact: item.action.impact,
                    effort: item.action.effort,
                    gap: item.gap.map(|gap| (gap.levels * 100.0).round() / 100.0),
                    priority: item
                        .priority()
                        .map(|priority| (priority * 100.0).round() / 100.0),
                    label: item.label().map(Into::into),
                }
            })
            .collect();
        Ok(PlanView { assessment, items })
    })
}

/// Keeps an action: a proposal the user takes up or edits, or an action they add to a stage.
pub fn keep_action(
    workbench: &Workbench,
    assessment: i64,
    input: &ActionInput,
    language: Option<&str>,
) -> Result<PlanView, ApiError> {
    let action = planned_action(input)?;
    workbench.with_store(|store, now| {
        Ok(store
            .add_action(AssessmentId(assessment), &action, now)
            .map(|_| ())?)
    })?;
    action_plan(workbench, assessment, language)
}

/// Changes a kept action (owner, due date, status, impact, effort, wording).
pub fn update_action(
    workbench: &Workbench,
    action_id: i64,
    input: &ActionInput,
    language: Option<&str>,
) -> Result<PlanView, ApiError> {
    let action = planned_action(input)?;
    let assessment = workbench.with_store(|store, now| {
        let assessment = store.action(ActionId(action_id))?.assessment;
        store.update_action(ActionId(action_id), &action, now)?;
        Ok(assessment)
    })?;
    action_plan(workbench, assessment.0, language)
}

/// Forgets a kept action: a proposal comes back as a proposal; an added action disappears.
pub fn delete_action(
    workbench: &Workbench,
    action_id: i64,
    language: Option<&str>,
) -> Result<PlanView, ApiError> {
    let assessment = workbench.with_store(|store, now| {
        let assessment = store.action(ActionId(action_id))?.assessment;
        store.delete_action(ActionId(action_id), now)?;
        Ok(assessment)
    })?;
    action_plan(workbench, assessment.0, language)
}
